import pytest
from django.test import Client
from django.utils import timezone

from outreach.reports.models import IdentityAccess
from tests.factories import ReportFactory, officer, supervisor

pytestmark = pytest.mark.django_db

IDENTITY = ("Siti Rahayu", "0812 3456 0001", "siti.rahayu@example.org")


def change_url(report):
    return f"/admin/reports/report/{report.pk}/change/"


def identity_url(report):
    return f"/admin/reports/report/{report.pk}/identity/"


def assert_no_identity_in(text):
    for value in IDENTITY:
        assert value not in text


def test_officers_see_the_identity_masked(client):
    report = ReportFactory(with_contact=True)
    client.force_login(officer())
    response = client.get(change_url(report))
    assert response.status_code == 200
    assert "•••••" in response.text
    assert_no_identity_in(response.text)
    assert response.context["can_reveal"] is False
    assert identity_url(report) not in response.text


def test_officers_cannot_reveal_the_identity(client):
    report = ReportFactory(with_contact=True)
    client.force_login(officer())
    response = client.post(identity_url(report), {"reason": "ingin tahu"})
    assert response.status_code == 403
    assert_no_identity_in(response.text)
    assert not IdentityAccess.objects.exists()


def test_supervisors_also_see_the_identity_masked_before_revealing_it(client):
    report = ReportFactory(with_contact=True)
    client.force_login(supervisor())
    response = client.get(change_url(report))
    assert_no_identity_in(response.text)
    assert response.context["can_reveal"] is True
    assert identity_url(report) in response.text
    assert not IdentityAccess.objects.exists()


def test_the_list_never_shows_the_identity(client):
    ReportFactory(with_contact=True)
    client.force_login(supervisor())
    assert_no_identity_in(client.get("/admin/reports/report/").text)


def test_a_supervisor_reveals_the_identity_and_it_is_recorded(client):
    report = ReportFactory(with_contact=True)
    rina = supervisor()
    client.force_login(rina)
    response = client.post(identity_url(report), {"reason": "Menghubungi pelapor soal lokasi"})
    assert response.status_code == 200
    for value in IDENTITY:
        assert value in response.text
    assert "no-store" in response["Cache-Control"]
    access = IdentityAccess.objects.get()
    assert (access.report, access.user, access.action) == (report, rina, IdentityAccess.Action.VIEW)
    assert access.reason == "Menghubungi pelapor soal lokasi"
    assert access.created_at <= timezone.now()


def test_every_reveal_is_recorded(client):
    report = ReportFactory(with_contact=True)
    client.force_login(supervisor())
    client.post(identity_url(report), {"reason": "pertama"})
    client.post(identity_url(report), {"reason": "kedua"})
    assert IdentityAccess.objects.filter(report=report, action=IdentityAccess.Action.VIEW).count() == 2


def test_a_reveal_needs_a_reason(client):
    report = ReportFactory(with_contact=True)
    client.force_login(supervisor())
    response = client.post(identity_url(report), {"reason": "  "})
    assert response.status_code == 200
    assert "reason" in response.context["reveal_form"].errors
    assert response.context["revealed"] is False
    assert_no_identity_in(response.text)
    assert not IdentityAccess.objects.exists()


def test_opening_the_identity_page_asks_for_the_reason_and_reveals_nothing(client):
    report = ReportFactory(with_contact=True)
    client.force_login(supervisor())
    response = client.get(identity_url(report))
    assert response.status_code == 200
    assert 'name="reason"' in response.text
    assert "no-store" in response["Cache-Control"]
    assert_no_identity_in(response.text)
    assert not IdentityAccess.objects.exists()


def test_officers_cannot_open_the_identity_page(client):
    report = ReportFactory(with_contact=True)
    client.force_login(officer())
    assert client.get(identity_url(report)).status_code == 403


def test_a_reveal_is_protected_against_csrf():
    report = ReportFactory(with_contact=True)
    client = Client(enforce_csrf_checks=True)
    client.force_login(supervisor())
    assert client.post(identity_url(report), {"reason": "alasan"}).status_code == 403
    assert not IdentityAccess.objects.exists()


def test_an_anonymous_report_has_nothing_to_reveal(client):
    report = ReportFactory()
    client.force_login(supervisor())
    response = client.post(identity_url(report), {"reason": "alasan"})
    assert response.status_code == 302
    assert not IdentityAccess.objects.exists()


# --- the audit trail ----------------------------------------------------------------------------


def test_supervisors_read_the_audit_trail(client):
    report = ReportFactory(with_contact=True)
    rina = supervisor()
    IdentityAccess.objects.create(report=report, user=rina, reason="Verifikasi")
    client.force_login(rina)
    response = client.get("/admin/reports/identityaccess/")
    assert response.status_code == 200
    assert report.reference in response.text
    assert "Verifikasi" in response.text


def test_the_audit_trail_cannot_be_added_to_changed_or_deleted(client):
    report = ReportFactory(with_contact=True)
    access = IdentityAccess.objects.create(report=report, user=supervisor(), reason="Verifikasi")
    client.force_login(supervisor(is_superuser=True))
    assert client.get("/admin/reports/identityaccess/add/").status_code == 403
    assert client.post(f"/admin/reports/identityaccess/{access.pk}/delete/", {"post": "yes"}).status_code == 403
    client.post(f"/admin/reports/identityaccess/{access.pk}/change/", {"reason": "diubah"})
    access.refresh_from_db()
    assert access.reason == "Verifikasi"


def test_officers_cannot_read_the_audit_trail(client):
    client.force_login(officer())
    assert client.get("/admin/reports/identityaccess/").status_code == 403
