import json

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from outreach.reports.models import IdentityAccess, ReportEvent, Status
from tests.factories import ReportFactory, ReportPhotoFactory, officer, supervisor

pytestmark = pytest.mark.django_db

LIST = "/admin/reports/report/"


def run_action(client, action, reports, reason=None):
    data = {"action": action, ACTION_CHECKBOX_NAME: [report.pk for report in reports]}
    if reason is None:
        data["index"] = 0  # the first step, from the list
    else:
        data.update(confirm="yes", reason=reason)
    return client.post(LIST, data)


# --- export -------------------------------------------------------------------------------------


def test_the_export_asks_for_a_reason_first(client):
    report = ReportFactory(with_contact=True)
    client.force_login(supervisor())
    response = run_action(client, "export_reporter_data", [report])
    assert response.status_code == 200
    assert report.reference in response.text
    assert "Siti Rahayu" not in response.text
    assert not IdentityAccess.objects.exists()


def test_a_supervisor_exports_everything_about_a_reporter_as_json(client):
    report = ReportFactory(with_contact=True)
    same_reporter = ReportFactory(with_contact=True, reporter_phone="+62 812-3456-0001", reporter_email="")
    someone_else = ReportFactory(with_contact=True, reporter_phone="0813 0000 0000", reporter_email="lain@example.org")
    ReportPhotoFactory(report=report)
    report.events.create(kind=ReportEvent.Kind.SUBMITTED, to_status=Status.NEW)
    report.transition(Status.VERIFIED, by=officer(), internal_note="RAHASIA INTERNAL", public_message="Kami periksa.")
    rina = supervisor()
    client.force_login(rina)

    response = run_action(client, "export_reporter_data", [report], reason="Permintaan pelapor lewat surel")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="reporter-data-')
    data = json.loads(response.content)
    assert [item["reference"] for item in data["reports"]] == [report.reference, same_reporter.reference]
    first = data["reports"][0]
    assert (first["reporter_name"], first["reporter_phone"], first["reporter_email"]) == (
        "Siti Rahayu",
        "0812 3456 0001",
        "siti.rahayu@example.org",
    )
    assert first["photos"] == [report.photos.get().image.name.rsplit("/", 1)[-1]]
    assert [event["kind"] for event in first["history"]] == ["submitted", "transition"]
    assert first["history"][1]["message_to_reporter"] == "Kami periksa."
    assert "RAHASIA INTERNAL" not in response.content.decode()
    assert someone_else.reference not in response.content.decode()
    audit = IdentityAccess.objects.filter(action=IdentityAccess.Action.EXPORT, user=rina)
    assert set(audit.values_list("report", flat=True)) == {report.pk, same_reporter.pk}
    assert audit.first().reason == "Permintaan pelapor lewat surel"


def test_the_export_needs_a_reason(client):
    report = ReportFactory(with_contact=True)
    client.force_login(supervisor())
    response = run_action(client, "export_reporter_data", [report], reason="")
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    assert not IdentityAccess.objects.exists()


def test_officers_cannot_export_reporter_data(client):
    report = ReportFactory(with_contact=True)
    client.force_login(officer())
    response = run_action(client, "export_reporter_data", [report], reason="ingin tahu")
    assert "Siti Rahayu" not in response.content.decode()
    assert not IdentityAccess.objects.exists()


def test_officers_are_not_offered_the_reporter_data_actions(client):
    ReportFactory()
    client.force_login(officer())
    response = client.get(LIST)
    assert "export_reporter_data" not in response.text
    assert "erase_reporter_identity" not in response.text


# --- erase --------------------------------------------------------------------------------------


def test_a_supervisor_erases_a_reporters_identity_on_request(client):
    report = ReportFactory(with_contact=True)
    same_reporter = ReportFactory(with_contact=True, reporter_phone="", reporter_email="SITI.RAHAYU@example.org")
    rina = supervisor()
    client.force_login(rina)

    response = run_action(client, "erase_reporter_identity", [report], reason="Permintaan pelapor 12/11")

    assert response.status_code == 302
    for erased in (report, same_reporter):
        erased.refresh_from_db()
        assert (erased.reporter_name, erased.reporter_phone, erased.reporter_email) == ("", "", "")
        assert erased.identity_erased_at is not None
    audit = IdentityAccess.objects.filter(action=IdentityAccess.Action.ERASE, user=rina)
    assert set(audit.values_list("report", flat=True)) == {report.pk, same_reporter.pk}
    assert report.description  # the report itself stays


def test_the_erasure_is_confirmed_first(client):
    report = ReportFactory(with_contact=True)
    client.force_login(supervisor())
    response = run_action(client, "erase_reporter_identity", [report])
    assert response.status_code == 200
    report.refresh_from_db()
    assert report.reporter_name == "Siti Rahayu"


def test_officers_cannot_erase_reporter_data(client):
    report = ReportFactory(with_contact=True)
    client.force_login(officer())
    run_action(client, "erase_reporter_identity", [report], reason="hapus")
    report.refresh_from_db()
    assert report.reporter_name == "Siti Rahayu"
    assert not IdentityAccess.objects.exists()


def test_an_erased_report_shows_when_it_was_erased(client):
    report = ReportFactory(with_contact=True)
    client.force_login(supervisor())
    run_action(client, "erase_reporter_identity", [report], reason="Permintaan pelapor")
    response = client.get(f"/admin/reports/report/{report.pk}/change/")
    assert response.context["can_reveal"] is False
    assert "Siti Rahayu" not in response.text


@pytest.mark.parametrize("action", ["export_reporter_data", "erase_reporter_identity"])
def test_one_report_is_chosen_so_two_reporters_are_never_mixed(client, action):
    first = ReportFactory(with_contact=True)
    second = ReportFactory(
        with_contact=True, reporter_name="Budi", reporter_phone="0813", reporter_email="b@example.org"
    )
    client.force_login(supervisor())
    response = run_action(client, action, [first, second], reason="Permintaan pelapor")
    assert response.status_code == 302
    assert not IdentityAccess.objects.exists()
    second.refresh_from_db()
    assert second.reporter_name == "Budi"
