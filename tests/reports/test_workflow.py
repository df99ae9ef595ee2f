import itertools
from io import StringIO

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command

from outreach.office.models import PartnerAgency
from outreach.outbox.models import Email
from outreach.reports import triage
from outreach.reports.models import TRANSITIONS, Priority, Report, ReportEvent, Status
from tests.factories import ReportFactory, officer

pytestmark = pytest.mark.django_db

ALL_PAIRS = list(itertools.product(Status.values, Status.values))


def valid(current, target):
    return target in TRANSITIONS[Status(current)]


@pytest.mark.parametrize(("current", "target"), ALL_PAIRS, ids=[f"{a}->{b}" for a, b in ALL_PAIRS])
def test_it_allows_exactly_the_workflow_transitions(current, target):
    report = ReportFactory(status=current)
    by = officer()
    if valid(current, target):
        event = report.transition(
            target,
            by=by,
            internal_note="Alasan dicatat.",
            partner=PartnerAgency.objects.get(short_name="Polres Blitar"),
        )
        report.refresh_from_db()
        assert report.status == target
        assert (event.from_status, event.to_status, event.actor) == (current, target, by)
    else:
        with pytest.raises(ValidationError) as error:
            report.transition(
                target,
                by=by,
                internal_note="Alasan dicatat.",
                partner=PartnerAgency.objects.get(short_name="Polres Blitar"),
            )
        assert error.value.code == "invalid_transition"
        report.refresh_from_db()
        assert report.status == current
        assert not report.events.exists()


def test_a_stale_copy_cannot_make_a_forbidden_transition():
    report = ReportFactory()
    stale = Report.objects.get(pk=report.pk)
    report.transition(Status.REJECTED, by=officer(), internal_note="Duplikat.")
    with pytest.raises(ValidationError) as error:
        stale.transition(Status.VERIFIED, by=officer())
    assert error.value.code == "invalid_transition"
    report.refresh_from_db()
    assert report.status == Status.REJECTED
    assert list(report.events.values_list("to_status", flat=True)) == [Status.REJECTED]


def test_a_stale_copy_makes_a_transition_allowed_from_the_stored_status():
    report = ReportFactory()
    stale = Report.objects.get(pk=report.pk)
    report.transition(Status.VERIFIED, by=officer())
    event = stale.transition(Status.IN_PROGRESS, by=officer())
    assert (event.from_status, event.to_status) == (Status.VERIFIED, Status.IN_PROGRESS)


def test_the_workflow_goes_from_new_to_closed():
    assert TRANSITIONS[Status.NEW] == (Status.VERIFIED, Status.REJECTED)
    assert TRANSITIONS[Status.REJECTED] == TRANSITIONS[Status.CLOSED] == ()


def test_it_needs_a_reason_to_reject():
    report = ReportFactory()
    with pytest.raises(ValidationError) as error:
        triage.change_status(report, Status.REJECTED, by=officer(), internal_note="   ")
    assert error.value.code == "reason_required"
    report.refresh_from_db()
    assert report.status == Status.NEW


def test_it_rejects_with_a_reason_and_records_when_it_was_closed():
    report = ReportFactory()
    triage.change_status(report, Status.REJECTED, by=officer(), internal_note="Bukan wewenang imigrasi.")
    assert report.status == Status.REJECTED
    assert report.closed_at is not None


def test_it_needs_a_partner_to_forward():
    report = ReportFactory(status=Status.VERIFIED)
    with pytest.raises(ValidationError) as error:
        triage.change_status(report, Status.FORWARDED, by=officer())
    assert error.value.code == "partner_required"


def test_it_forwards_to_a_partner_agency():
    report = ReportFactory(status=Status.VERIFIED)
    bp3mi = PartnerAgency.objects.get(short_name="BP3MI")
    event = triage.change_status(report, Status.FORWARDED, by=officer(), partner=bp3mi)
    assert event.partner == bp3mi
    assert report.status == Status.FORWARDED


def test_a_public_message_to_an_anonymous_reporter_is_kept_but_not_emailed():
    report = ReportFactory()
    event = triage.change_status(report, Status.VERIFIED, by=officer(), public_message="  Laporan Anda kami periksa. ")
    assert event.public_message == "Laporan Anda kami periksa."
    assert not Email.objects.about(report).exists()


def test_assignment_is_recorded_in_the_history():
    report = ReportFactory()
    agus = officer(first_name="Agus", last_name="Prasetyo")
    event = triage.assign(report, agus, by=agus)
    assert report.assigned_to == agus
    assert (event.kind, event.internal_note) == (ReportEvent.Kind.ASSIGNED, "Agus Prasetyo")
    assert triage.assign(report, agus, by=agus) is None


def test_a_priority_change_is_recorded_in_the_history():
    report = ReportFactory()
    event = triage.set_priority(report, Priority.URGENT, by=officer())
    report.refresh_from_db()
    assert report.priority == Priority.URGENT
    assert event.kind == ReportEvent.Kind.NOTE
    assert triage.set_priority(report, Priority.URGENT, by=officer()) is None


def test_a_public_message_is_emailed_to_a_reporter_who_gave_an_email(django_capture_on_commit_callbacks):
    report = ReportFactory(with_contact=True)
    with django_capture_on_commit_callbacks(execute=True):
        triage.change_status(report, Status.VERIFIED, by=officer(), public_message="Laporan Anda kami periksa.")
    call_command("send_pending_emails", stdout=StringIO())
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["siti.rahayu@example.org"]
    assert "Laporan Anda kami periksa." in mail.outbox[0].body


def test_no_email_goes_out_without_a_public_message(django_capture_on_commit_callbacks):
    report = ReportFactory(with_contact=True)
    with django_capture_on_commit_callbacks(execute=True):
        triage.change_status(report, Status.VERIFIED, by=officer(), internal_note="Hanya catatan.")
    call_command("send_pending_emails", stdout=StringIO())
    assert mail.outbox == []
