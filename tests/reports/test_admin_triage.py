import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from outreach.office.models import PartnerAgency
from outreach.reports.models import Priority, ReportEvent, Status
from tests.factories import ReportFactory, content_editor, officer, supervisor

pytestmark = pytest.mark.django_db

LIST = "/admin/reports/report/"


def in_indonesian(text):
    """The admin is in Indonesian (the default language), whatever the browser asks for."""
    with translation.override("id"):
        return translation.gettext(text)


def change_url(report):
    return f"/admin/reports/report/{report.pk}/change/"


def triage(report, **fields):
    """The change form as sent: the report's priority and assignee, and whatever the officer changed."""
    data = {"priority": report.priority, "assigned_to": report.assigned_to_id or "", "new_status": ""}
    return {**data, **fields}


def overdue_report(**kwargs):
    received = timezone.now() - datetime.timedelta(days=10)
    return ReportFactory(created_at=received, **kwargs)


# --- list ---------------------------------------------------------------------------------------


def test_it_lists_reports_for_officers(client):
    report = ReportFactory()
    client.force_login(officer())
    response = client.get(LIST)
    assert response.status_code == 200
    assert report.reference in response.text


def test_it_lists_reports_for_supervisors(client):
    ReportFactory()
    client.force_login(supervisor())
    assert client.get(LIST).status_code == 200


def test_content_editors_cannot_see_reports(client):
    report = ReportFactory()
    client.force_login(content_editor())
    assert client.get(LIST).status_code == 403
    assert client.get(change_url(report)).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(LIST)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_it_flags_overdue_reports_with_an_icon_and_text(client):
    late = overdue_report()
    client.force_login(officer())
    response = client.get(LIST)
    assert 'class="report-overdue"' in response.text
    assert in_indonesian("OVERDUE") in response.text
    assert late.is_overdue


def test_a_fresh_report_is_not_flagged(client):
    ReportFactory()
    client.force_login(officer())
    assert 'class="report-overdue"' not in client.get(LIST).text


def test_the_overdue_filter_shows_only_late_new_reports(client):
    late = overdue_report()
    fresh = ReportFactory()
    late_but_answered = overdue_report(status=Status.VERIFIED)
    client.force_login(officer())
    response = client.get(LIST, {"overdue": "yes"})
    assert late.reference in response.text
    assert fresh.reference not in response.text
    assert late_but_answered.reference not in response.text


def test_the_not_overdue_filter_leaves_the_late_ones_out(client):
    late = overdue_report()
    fresh = ReportFactory()
    client.force_login(officer())
    response = client.get(LIST, {"overdue": "no"})
    assert late.reference not in response.text
    assert fresh.reference in response.text


def test_it_filters_by_status_category_priority_and_assignee(client):
    agus = officer()
    wanted = ReportFactory(status=Status.VERIFIED, category="tppo", priority=Priority.URGENT, assigned_to=agus)
    other = ReportFactory()
    client.force_login(agus)
    response = client.get(
        LIST,
        {
            "status__exact": "verified",
            "category__exact": "tppo",
            "priority__exact": "urgent",
            "assigned_to__id__exact": agus.pk,
        },
    )
    assert wanted.reference in response.text
    assert other.reference not in response.text


@pytest.mark.parametrize("typed", ["{ref}", "{lower}", "{nodash}", " {lower_nodash_noprefix} "])
def test_it_finds_a_report_by_its_reference_as_people_type_it(client, typed):
    report = ReportFactory()
    other = ReportFactory()
    ref = report.reference
    term = typed.format(
        ref=ref,
        lower=ref.lower(),
        nodash=ref.replace("-", ""),
        lower_nodash_noprefix=ref.lower().replace("-", "").removeprefix("lpr"),
    )
    client.force_login(officer())
    response = client.get(LIST, {"q": term})
    assert ref in response.text
    assert other.reference not in response.text


def test_it_finds_a_report_by_part_of_its_reference(client):
    report = ReportFactory()
    client.force_login(officer())
    response = client.get(LIST, {"q": report.reference[4:8].lower()})
    assert report.reference in response.text


def test_the_list_takes_the_same_number_of_queries_for_few_and_many_reports(client):
    agus = officer()
    client.force_login(agus)
    ReportFactory(assigned_to=agus)
    with CaptureQueriesContext(connection) as few:
        assert client.get(LIST).status_code == 200
    for index in range(15):
        ReportFactory(
            assigned_to=officer() if index % 2 else None, created_at=timezone.now() - datetime.timedelta(days=index)
        )
    with CaptureQueriesContext(connection) as many:
        assert client.get(LIST).status_code == 200
    assert len(many) == len(few)


def test_officers_cannot_add_or_delete_reports(client):
    report = ReportFactory()
    client.force_login(supervisor())
    assert client.get("/admin/reports/report/add/").status_code == 403
    assert client.post(f"/admin/reports/report/{report.pk}/delete/", {"post": "yes"}).status_code == 403


# --- detail -------------------------------------------------------------------------------------


def test_the_description_is_escaped_in_the_change_page(client):
    report = ReportFactory(description='<script>alert(1)</script><img src=x onerror="alert(2)">')
    report.events.create(kind=ReportEvent.Kind.REPORTER_ADDED_INFO, reporter_text="<script>alert(3)</script>")
    client.force_login(officer())
    response = client.get(change_url(report))
    assert response.status_code == 200
    assert "<script>alert(" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in response.text
    assert '<img src=x onerror="alert(2)">' not in response.text


def test_the_change_page_shows_the_history(client):
    report = ReportFactory()
    report.transition(
        Status.VERIFIED, by=officer(), internal_note="Dicek ke lokasi.", public_message="Sedang kami periksa."
    )
    client.force_login(officer())
    response = client.get(change_url(report))
    assert "Dicek ke lokasi." in response.text
    assert "Sedang kami periksa." in response.text


def test_the_change_form_offers_only_the_valid_next_statuses(client):
    report = ReportFactory(status=Status.VERIFIED)
    client.force_login(officer())
    form = client.get(change_url(report)).context["adminform"].form
    assert [value for value, _label in form.fields["new_status"].choices] == ["", Status.IN_PROGRESS, Status.FORWARDED]


def test_a_closed_report_offers_no_workflow(client):
    report = ReportFactory(status=Status.CLOSED, closed_at=timezone.now())
    client.force_login(officer())
    response = client.get(change_url(report))
    assert response.context["can_triage"] is False
    assert 'name="new_status"' not in response.text
    assert in_indonesian("This report is closed: its status can no longer change.") in response.text


def test_a_closed_report_accepts_no_status_change(client):
    report = ReportFactory(status=Status.CLOSED, closed_at=timezone.now())
    client.force_login(officer())
    client.post(change_url(report), triage(report, new_status="verified"))
    report.refresh_from_db()
    assert report.status == Status.CLOSED
    assert not report.events.exists()


def test_the_change_page_is_one_form(client):
    report = ReportFactory()
    client.force_login(officer())
    html = client.get(change_url(report)).text
    form = html[html.index('id="report_form"') : html.index("</form>", html.index('id="report_form"'))]
    for name in ["priority", "assigned_to", "new_status", "internal_note", "public_message", "partner"]:
        assert f'name="{name}"' in form


# --- workflow through the admin -----------------------------------------------------------------


def test_an_officer_verifies_a_report_with_a_public_message(client):
    report = ReportFactory()
    agus = officer()
    client.force_login(agus)
    data = triage(report, new_status="verified", internal_note="Lokasi benar.", public_message="Terima kasih.")
    response = client.post(change_url(report), data)
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.VERIFIED
    event = report.events.get(kind=ReportEvent.Kind.TRANSITION)
    assert (event.actor, event.public_message, event.internal_note) == (agus, "Terima kasih.", "Lokasi benar.")


def test_an_assignee_chosen_with_a_status_change_is_saved_with_it(client):
    report = ReportFactory()
    agus, dewi = officer(), officer()
    client.force_login(agus)
    data = triage(report, priority="urgent", assigned_to=dewi.pk, new_status="verified", internal_note="Dicek.")
    response = client.post(change_url(report), data)
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.priority, report.assigned_to) == (Status.VERIFIED, Priority.URGENT, dewi)
    kinds = set(report.events.values_list("kind", flat=True))
    assert kinds == {ReportEvent.Kind.ASSIGNED, ReportEvent.Kind.NOTE, ReportEvent.Kind.TRANSITION}


def test_a_status_change_refused_saves_nothing_and_keeps_the_other_edits_in_the_form(client):
    report = ReportFactory()
    dewi = officer()
    client.force_login(officer())
    response = client.post(change_url(report), triage(report, assigned_to=dewi.pk, new_status="rejected"))
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["internal_note"] == [in_indonesian("Give the reason for rejecting the report.")]
    assert form["assigned_to"].value() == str(dewi.pk)
    report.refresh_from_db()
    assert (report.status, report.assigned_to) == (Status.NEW, None)
    assert not report.events.exists()


def test_forwarding_without_a_partner_shows_the_models_error(client):
    report = ReportFactory(status=Status.VERIFIED)
    client.force_login(officer())
    response = client.post(change_url(report), triage(report, new_status="forwarded"))
    message = in_indonesian("Choose the agency the report is forwarded to.")
    assert response.context["adminform"].form.errors["partner"] == [message]
    assert message in response.text
    report.refresh_from_db()
    assert report.status == Status.VERIFIED


def test_forwarding_with_a_partner_works(client):
    report = ReportFactory(status=Status.VERIFIED)
    client.force_login(officer())
    client.post(
        change_url(report),
        triage(report, new_status="forwarded", partner=PartnerAgency.objects.get(short_name="Polres Blitar").pk),
    )
    report.refresh_from_db()
    assert report.status == Status.FORWARDED


def test_an_invalid_next_status_is_refused(client):
    report = ReportFactory()
    client.force_login(officer())
    response = client.post(change_url(report), triage(report, new_status="closed"))
    assert response.status_code == 200
    assert "new_status" in response.context["adminform"].form.errors
    report.refresh_from_db()
    assert report.status == Status.NEW


def test_a_status_changed_meanwhile_by_another_officer_is_not_overridden(client):
    report = ReportFactory()
    client.force_login(officer())
    page = client.get(change_url(report))  # the form offers "verified" and "rejected"
    assert page.status_code == 200
    report.transition(Status.REJECTED, by=officer(), internal_note="Duplikat.")
    response = client.post(change_url(report), triage(report, new_status="verified"))
    assert response.status_code == 200
    message = in_indonesian("This report is closed: its status can no longer change.")
    assert response.context["adminform"].form.non_field_errors() == [message]
    assert message in response.text
    report.refresh_from_db()
    assert report.status == Status.REJECTED


def test_content_editors_cannot_change_the_status(client):
    report = ReportFactory()
    client.force_login(content_editor())
    assert client.post(change_url(report), triage(report, new_status="verified")).status_code == 403
    report.refresh_from_db()
    assert report.status == Status.NEW


def test_the_status_change_is_protected_against_csrf():
    report = ReportFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer())
    assert client.post(change_url(report), triage(report, new_status="verified")).status_code == 403
    report.refresh_from_db()
    assert report.status == Status.NEW


def test_an_officer_assigns_a_report_and_sets_its_priority(client):
    report = ReportFactory()
    agus, dewi = officer(), officer()
    client.force_login(agus)
    response = client.post(change_url(report), triage(report, priority="urgent", assigned_to=dewi.pk))
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.priority, report.assigned_to, report.status) == (Priority.URGENT, dewi, Status.NEW)
    kinds = set(report.events.values_list("kind", flat=True))
    assert kinds == {ReportEvent.Kind.ASSIGNED, ReportEvent.Kind.NOTE}


def test_reports_can_only_be_assigned_to_officers_and_supervisors(client):
    report = ReportFactory()
    client.force_login(officer())
    response = client.post(change_url(report), triage(report, assigned_to=content_editor().pk))
    assert response.status_code == 200
    assert "assigned_to" in response.context["adminform"].form.errors


def test_the_admin_form_cannot_change_the_description_or_status(client):
    report = ReportFactory()
    client.force_login(officer())
    client.post(change_url(report), triage(report, description="diubah", status="closed"))
    report.refresh_from_db()
    assert report.status == Status.NEW
    assert report.description != "diubah"


@pytest.mark.parametrize(
    "lookup", ["reporter_name__startswith", "reporter_email__icontains", "reporter_phone", "pin_hash__startswith"]
)
def test_the_list_cannot_be_filtered_by_the_reporters_identity(client, lookup):
    """Filtering by identity would let anyone probe who reported (one letter at a time)."""
    ReportFactory(with_contact=True)
    client.force_login(officer())
    assert client.get(LIST, {lookup: "S"}).status_code == 400
    assert client.get("/admin/reports/report/export.csv", {lookup: "S"}).status_code == 400


def test_it_filters_by_the_date_received(client):
    recent = ReportFactory()
    old = ReportFactory(created_at=timezone.now() - datetime.timedelta(days=60))
    since = timezone.localtime(timezone.now() - datetime.timedelta(days=7)).isoformat()
    client.force_login(officer())
    response = client.get(LIST, {"created_at__gte": since})
    assert response.status_code == 200
    assert recent.reference in response.text
    assert old.reference not in response.text
