import time

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError

from portal.middleware import StaffSessionMiddleware
from tests.factories import UserFactory, officer

pytestmark = pytest.mark.django_db

LOGIN_AT, SEEN_AT = StaffSessionMiddleware.LOGIN_AT, StaffSessionMiddleware.SEEN_AT


def log_in(client, username="agus", password="password"):
    return client.post("/admin/login/", {"username": username, "password": password, "next": "/admin/"})


def logged_in(client, **ages):
    """An officer logged in, whose session began ``login`` and was last used ``seen`` seconds ago."""
    officer(username="agus")
    assert log_in(client).status_code == 302
    assert client.get("/admin/").status_code == 200
    session = client.session
    now = time.time()
    session[LOGIN_AT] = now - ages.get("login", 0)
    session[SEEN_AT] = now - ages.get("seen", 0)
    session.save()
    return client


def test_a_session_idle_for_more_than_30_minutes_is_ended(client):
    logged_in(client, seen=31 * 60, login=40 * 60)
    response = client.get("/admin/reports/report/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/reports/report/"
    assert SESSION_KEY not in client.session
    assert "setelah 30 menit tanpa aktivitas" in client.get(response["Location"]).text


def test_a_session_used_within_30_minutes_goes_on(client):
    logged_in(client, seen=29 * 60, login=5 * 3600)
    assert client.get("/admin/reports/report/").status_code == 200
    assert time.time() - client.session[SEEN_AT] < 60


def test_a_session_ends_12_hours_after_log_in_even_when_in_use(client):
    logged_in(client, seen=10, login=12 * 3600 + 60)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert SESSION_KEY not in client.session


def test_an_ended_session_on_a_public_page_just_shows_the_page(client):
    logged_in(client, seen=31 * 60)
    assert client.get("/").status_code == 200
    assert SESSION_KEY not in client.session


def test_the_session_cookie_expires_with_the_idle_timeout(client):
    logged_in(client)
    assert client.session.get_expiry_age() == 30 * 60


def test_log_in_gives_a_new_session_key(client):
    officer(username="agus")
    client.get("/admin/login/")
    session = client.session
    session["before"] = True
    session.save()
    before = session.session_key
    log_in(client)
    assert client.session.session_key != before
    assert not Session.objects.filter(session_key=before).exists()


def test_a_password_change_ends_the_accounts_other_sessions(client, django_user_model):
    logged_in(client)
    user = django_user_model.objects.get(username="agus")
    user.set_password("a-new-long-passphrase")
    user.save()
    assert client.get("/admin/").status_code == 302


def test_deactivating_an_account_ends_its_sessions(client, django_user_model):
    logged_in(client)
    django_user_model.objects.filter(username="agus").update(is_active=False)
    assert client.get("/admin/").status_code == 302


def test_an_unchanged_account_keeps_its_session(client, django_user_model):
    logged_in(client)
    user = django_user_model.objects.get(username="agus")
    user.first_name = "Agus"
    user.save()
    assert client.get("/admin/").status_code == 200


def test_passwords_need_at_least_12_characters():
    user = UserFactory.build(username="dewi")
    with pytest.raises(ValidationError, match="12"):
        validate_password("kopi-tubruk", user)
    validate_password("kopi-tubruk-blitar", user)


def test_the_log_in_form_lets_password_managers_fill_and_paste(client):
    html = client.get("/admin/login/").text
    assert 'autocomplete="username"' in html
    assert 'autocomplete="current-password"' in html
    assert "onpaste" not in html.lower()
    assert 'autocomplete="off"' not in html
