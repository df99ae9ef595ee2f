import pytest

from portal.admin import FAILURES_PER_ACCOUNT
from tests.factories import officer

pytestmark = pytest.mark.django_db


def log_in(client, username, password):
    return client.post("/admin/login/", {"username": username, "password": password, "next": "/admin/"})


def test_staff_log_in_to_the_back_office(client):
    officer(username="agus")
    response = log_in(client, "agus", "password")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_log_ins_to_an_account_pause_after_repeated_failures(client):
    officer(username="agus")
    for _ in range(FAILURES_PER_ACCOUNT):
        assert log_in(client, "agus", "wrong").status_code == 200
    response = log_in(client, "Agus", "password")  # even the right password, in any case
    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    assert "Terlalu banyak percobaan masuk yang gagal" in response.text
    assert "_auth_user_id" not in client.session


def test_a_pause_of_one_account_does_not_lock_out_another(client):
    officer(username="agus")
    officer(username="dewi")
    for _ in range(FAILURES_PER_ACCOUNT):
        log_in(client, "agus", "wrong")
    assert log_in(client, "dewi", "password").status_code == 302


def test_a_successful_log_in_resets_the_failures(client):
    officer(username="agus")
    for _ in range(FAILURES_PER_ACCOUNT - 1):
        log_in(client, "agus", "wrong")
    assert log_in(client, "agus", "password").status_code == 302
    client.logout()
    log_in(client, "agus", "wrong")
    assert log_in(client, "agus", "password").status_code == 302
