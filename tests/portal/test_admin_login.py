import io
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.db import connection
from django.test import Client

from tests.factories import StaffFactory, officer
from tests.portal.helpers import RealisticHasher

LIMIT = 10
OFFICE, STRANGER = "10.20.0.5", "203.0.113.9"


def log_in(client, username, password, address=OFFICE, **headers):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        **headers,
    )


@pytest.fixture
def agus(db):
    return officer(username="agus")


def test_staff_log_in_to_the_back_office(client, agus):
    response = log_in(client, "agus", "password")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_repeated_failures_lock_out_that_account_from_that_client(client, agus, settings):
    settings.AXES_FAILURE_LIMIT = LIMIT
    for _ in range(LIMIT - 1):
        assert log_in(client, "agus", "wrong").status_code == 200
    assert log_in(client, "agus", "wrong").status_code == 429
    response = log_in(client, "agus", "password")  # even the right password
    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    assert "Terlalu banyak percobaan masuk yang gagal" in response.text
    assert "_auth_user_id" not in client.session


def test_a_stranger_elsewhere_cannot_lock_out_an_officer(client, agus):
    for _ in range(LIMIT + 5):
        log_in(Client(), "agus", "wrong", address=STRANGER)
    assert log_in(Client(), "agus", "password", address=STRANGER).status_code == 429
    assert log_in(client, "agus", "password", address=OFFICE).status_code == 302


def test_a_lock_out_of_one_account_does_not_lock_out_another(client, agus):
    officer(username="dewi")
    for _ in range(LIMIT):
        log_in(client, "agus", "wrong")
    assert log_in(client, "dewi", "password").status_code == 302


def test_a_successful_log_in_resets_the_failures(client, agus):
    for _ in range(LIMIT - 1):
        log_in(client, "agus", "wrong")
    assert log_in(client, "agus", "password").status_code == 302
    client.logout()
    log_in(client, "agus", "wrong")
    assert log_in(client, "agus", "password").status_code == 302


def test_behind_a_proxy_the_client_is_the_address_the_proxy_saw(client, agus, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.1"
    for _ in range(LIMIT):
        log_in(Client(), "agus", "wrong", address=proxy, HTTP_X_FORWARDED_FOR=STRANGER)
    # A forged entry in front of the one the proxy appended changes nothing.
    forged = f"198.51.100.77, {STRANGER}"
    assert log_in(Client(), "agus", "password", address=proxy, HTTP_X_FORWARDED_FOR=forged).status_code == 429
    assert log_in(client, "agus", "password", address=proxy, HTTP_X_FORWARDED_FOR=OFFICE).status_code == 302


def test_failed_attempts_are_recorded_without_the_password(client, agus, caplog):
    log_in(client, "agus", "Rahasia-Sekali-123")
    assert AccessFailureLog.objects.filter(username="agus", ip_address=OFFICE).count() == 1
    attempt = AccessAttempt.objects.get(username="agus")
    assert "Rahasia-Sekali-123" not in attempt.post_data
    assert "AXES: New login failure" in caplog.text
    assert "Rahasia-Sekali-123" not in caplog.text


@pytest.mark.django_db(transaction=True)
def test_parallel_wrong_passwords_cannot_exceed_the_limit(settings):
    settings.PASSWORD_HASHERS = ["tests.portal.helpers.RealisticHasher"]
    StaffFactory(username="agus")  # no role: an earlier transactional test may have flushed the roles
    RealisticHasher.checks = 0
    start = threading.Barrier(30)

    def attempt(_):
        try:
            start.wait()
            return log_in(Client(), "agus", "wrong", address=STRANGER).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=30) as pool:
        statuses = list(pool.map(attempt, range(30)))
    assert RealisticHasher.checks == LIMIT  # passwords checked: no more than the limit
    assert statuses.count(200) == LIMIT - 1  # the limit-th failure already answers with the lock-out
    assert statuses.count(429) == 30 - (LIMIT - 1)


def test_a_supervisor_unlocks_an_account_with_the_reset_command(client, agus):
    from django.core.management import call_command

    for _ in range(LIMIT):
        log_in(client, "agus", "wrong")
    assert log_in(client, "agus", "password").status_code == 429
    call_command("axes_reset_username", "agus", stdout=io.StringIO())
    assert log_in(client, "agus", "password").status_code == 302


def locked_out_attempt(client):
    for _ in range(LIMIT):
        log_in(client, "agus", "wrong")
    assert log_in(client, "agus", "password").status_code == 429
    return AccessAttempt.objects.get(username="agus")


def test_a_supervisor_unlocks_an_account_by_deleting_its_access_attempt(client, agus):
    from tests.factories import supervisor

    attempt = locked_out_attempt(client)
    staff = Client()
    staff.force_login(supervisor())
    response = staff.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert log_in(client, "agus", "password").status_code == 302


def test_an_officer_cannot_unlock_an_account(client, agus):
    attempt = locked_out_attempt(client)
    staff = Client()
    staff.force_login(officer(username="dewi"))
    response = staff.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert log_in(client, "agus", "password").status_code == 429


def test_a_supervisor_removes_an_officers_lost_authenticator_app(client, agus):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.factories import authenticator_app, supervisor

    device = authenticator_app(agus)
    client.force_login(supervisor())
    response = client.post(f"/admin/otp_totp/totpdevice/{device.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=agus).exists()


def test_an_officer_cannot_remove_a_colleagues_authenticator_app(client, agus):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.factories import authenticator_app

    device = authenticator_app(officer(username="dewi"))
    client.force_login(agus)
    response = client.post(f"/admin/otp_totp/totpdevice/{device.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
