import time

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.two_factor import VERIFIED_AT
from tests.factories import ReportFactory, app_code, authenticator_app, officer, supervisor

pytestmark = pytest.mark.django_db

VERIFY, SETUP = "/admin/two-factor/", "/admin/two-factor/setup/"


def log_in(client, username):
    return client.post("/admin/login/", {"username": username, "password": "password", "next": "/admin/"})


def test_a_supervisor_without_a_second_factor_must_set_one_up(client):
    supervisor(username="rina")
    response = log_in(client, "rina")
    assert response["Location"] == f"{SETUP}?next=%2Fadmin%2F"
    assert client.get("/admin/reports/report/")["Location"].startswith(SETUP)
    page = client.get(SETUP)
    assert "<svg" in page.text and "Imigrasi%20Outreach%20Portal" not in page.text
    assert "no-store" in page["Cache-Control"]


def test_a_supervisor_sets_up_the_app_and_gets_backup_codes(client):
    supervisor(username="rina")
    log_in(client, "rina")
    client.get(SETUP)
    device = TOTPDevice.objects.get(user__username="rina")
    response = client.post(SETUP, {"token": app_code(device), "next": "/admin/"})
    assert response.status_code == 200
    codes = response.context["codes"]
    assert len(codes) == 10
    assert all(code in response.text for code in codes)
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert client.get("/admin/reports/report/").status_code == 200


def test_a_wrong_code_does_not_set_up_the_app(client):
    supervisor(username="rina")
    log_in(client, "rina")
    client.get(SETUP)
    response = client.post(SETUP, {"token": "000000"})
    assert "Kode itu tidak benar" in response.text
    assert not TOTPDevice.objects.get(user__username="rina").confirmed
    assert client.get("/admin/").status_code == 302


def test_a_user_with_an_app_gives_its_code_after_the_password(client):
    device = authenticator_app(officer(username="agus"))
    assert log_in(client, "agus")["Location"] == f"{VERIFY}?next=%2Fadmin%2F"
    assert client.get("/admin/").status_code == 302
    response = client.post(VERIFY, {"token": app_code(device), "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_keeps_the_user_out(client):
    authenticator_app(officer(username="agus"))
    log_in(client, "agus")
    response = client.post(VERIFY, {"token": "123456", "next": "/admin/"})
    assert response.status_code == 200
    assert "Kode itu tidak benar" in response.text
    assert client.get("/admin/").status_code == 302


def test_a_backup_code_works_once(client):
    supervisor(username="rina")
    log_in(client, "rina")
    client.get(SETUP)
    device = TOTPDevice.objects.get(user__username="rina")
    code = client.post(SETUP, {"token": app_code(device)}).context["codes"][0]
    client.logout()
    log_in(client, "rina")
    assert client.post(VERIFY, {"token": code, "next": "/admin/"})["Location"] == "/admin/"
    assert not StaticToken.objects.filter(token=code).exists()
    client.logout()
    log_in(client, "rina")
    assert client.post(VERIFY, {"token": code, "next": "/admin/"}).status_code == 200


def test_an_officer_needs_no_second_factor_when_it_is_not_required(client, settings):
    settings.STAFF_REQUIRE_2FA = False
    officer(username="agus")
    assert log_in(client, "agus")["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_every_staff_account_needs_a_second_factor_when_required(client, settings):
    settings.STAFF_REQUIRE_2FA = True
    officer(username="agus")
    assert log_in(client, "agus")["Location"].startswith(SETUP)


def test_a_superuser_always_needs_a_second_factor(client, settings, django_user_model):
    settings.STAFF_REQUIRE_2FA = False
    django_user_model.objects.create_superuser("admin", "admin@example.go.id", "password")
    assert log_in(client, "admin")["Location"].startswith(SETUP)


def test_the_code_is_not_taken_from_another_site(client):
    device = authenticator_app(officer(username="agus"))
    log_in(client, "agus")
    response = client.post(VERIFY, {"token": app_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


# --- a fresh second factor before a reporter's identity or data is shown --------------------------


def verified_supervisor(client, seconds_ago):
    rina = supervisor(username="rina")
    device = authenticator_app(rina)
    log_in(client, "rina")
    client.post(VERIFY, {"token": app_code(device), "next": "/admin/"})
    session = client.session
    session[VERIFIED_AT] = time.time() - seconds_ago
    session.save()
    return device


def test_revealing_an_identity_asks_again_for_a_second_factor_older_than_15_minutes(client):
    device = verified_supervisor(client, seconds_ago=16 * 60)
    report = ReportFactory(with_contact=True)
    response = client.post(f"/admin/reports/report/{report.pk}/identity/", {"reason": "Tindak lanjut lapangan"})
    change = f"/admin/reports/report/{report.pk}/change/"
    assert response["Location"] == f"{VERIFY}?next={change.replace('/', '%2F')}"
    assert client.post(VERIFY, {"token": app_code(device, 1), "next": change})["Location"] == change
    response = client.post(f"/admin/reports/report/{report.pk}/identity/", {"reason": "Tindak lanjut lapangan"})
    assert response.status_code == 200
    assert "Siti Rahayu" in response.text


def test_a_second_factor_given_within_15_minutes_is_enough_to_reveal(client):
    verified_supervisor(client, seconds_ago=14 * 60)
    report = ReportFactory(with_contact=True)
    response = client.post(f"/admin/reports/report/{report.pk}/identity/", {"reason": "Tindak lanjut lapangan"})
    assert response.status_code == 200


def test_exporting_a_reporters_data_asks_again_for_an_old_second_factor(client):
    verified_supervisor(client, seconds_ago=16 * 60)
    report = ReportFactory(with_contact=True)
    data = {"action": "export_reporter_data", ACTION_CHECKBOX_NAME: [report.pk], "index": 0}
    response = client.post("/admin/reports/report/", data)
    assert response["Location"].startswith(VERIFY)
