"""The reporter's answers and PIN in the session: kept briefly, the PIN shown once, a draft can be deleted."""

import datetime
from io import StringIO

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from outreach import abuse
from outreach.office.models import AbuseCounter
from outreach.reports import one_time_pin
from outreach.reports.models import PinToShow, Report
from outreach.reports.views import FLOW_SESSION_SECONDS

from .helpers import form_data, private_files, upload, with_contact

pytestmark = pytest.mark.django_db


def stored_session(client) -> str:
    """The session as stored in django_session, decoded."""
    return str(Session.objects.get(session_key=client.session.session_key).get_decoded())


def test_the_draft_holds_no_pin(client):
    client.post("/lapor/", form_data())
    assert "pin" not in client.session["report_draft"]


def test_the_pin_is_never_in_the_session_and_shown_once(client):
    client.post("/lapor/", form_data())
    response = client.post("/lapor/periksa/", {"token": client.session["report_draft"]["token"]})
    session_before_the_confirmation = stored_session(client)
    done = client.get(response.url)
    pin = done.context["pin"]
    assert pin and Report.objects.get().check_pin(pin)
    assert pin not in session_before_the_confirmation
    assert pin not in stored_session(client)
    assert not PinToShow.objects.exists()
    again = client.get("/lapor/terkirim/")
    assert again.context["pin"] is None
    assert "hanya ditampilkan sekali" in again.text


def test_a_double_click_whose_second_answer_overwrites_the_session_still_shows_the_pin(client):
    client.post("/lapor/", form_data())
    token = client.session["report_draft"]["token"]
    before = dict(client.session.items())
    client.post("/lapor/periksa/", {"token": token})  # the first click: stored, its answer never displayed
    session = client.session  # the second click loaded the session before the first one saved it
    session.clear()
    session.update(before)
    session.save()
    response = client.post("/lapor/periksa/", {"token": token}, follow=True)
    assert Report.objects.count() == 1
    pin = response.context["pin"]
    assert pin and Report.objects.get().check_pin(pin)


def test_a_pin_never_shown_is_deleted_by_the_daily_purge():
    one_time_pin.keep("token", "123456")
    PinToShow.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("purge_reporter_data", stdout=StringIO())
    assert not PinToShow.objects.exists()
    assert one_time_pin.take("token") is None


def test_the_reporting_session_expires_within_two_hours(client):
    client.post("/lapor/", with_contact())
    assert client.session.get_expiry_age() <= FLOW_SESSION_SECONDS == 2 * 3600
    expires = Session.objects.get(session_key=client.session.session_key).expire_date
    assert expires <= timezone.now() + datetime.timedelta(seconds=FLOW_SESSION_SECONDS + 5)


def test_deleting_the_draft_removes_the_answers_and_the_photos(client, settings):
    client.post("/lapor/", {**with_contact(), "photos": [upload()]})
    assert len(private_files(settings)) == 1
    response = client.post("/lapor/hapus/")
    assert response.status_code == 302 and response.url == "/lapor/"
    assert private_files(settings) == []
    assert "report_draft" not in client.session
    assert "Siti Rahayu" not in stored_session(client)
    page = client.get("/lapor/")
    assert "Siti Rahayu" not in page.text and "guest house near the market" not in page.text
    assert "Draf Anda sudah dihapus" in page.text


def test_the_form_and_the_review_offer_to_delete_the_draft(client):
    assert 'action="/lapor/hapus/"' not in client.get("/lapor/").text  # nothing to delete yet
    client.post("/lapor/", form_data())
    assert 'action="/lapor/hapus/"' in client.get("/lapor/").text
    review = client.get("/lapor/periksa/")
    assert 'action="/lapor/hapus/"' in review.text
    assert "Hapus draf saya" in review.text


def test_the_delete_button_is_translated(client):
    client.post("/en/lapor/", form_data())
    assert "Delete my draft" in client.get("/en/lapor/periksa/").text


def test_deleting_the_draft_needs_a_post_with_csrf():
    client = Client(enforce_csrf_checks=True)
    assert client.post("/lapor/hapus/").status_code == 403
    assert Client().get("/lapor/hapus/").status_code == 405


def test_an_expired_draft_is_not_shown_to_the_next_visitor(client):
    client.post("/lapor/", with_contact())
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    page = client.get("/lapor/")
    assert "Siti Rahayu" not in page.text


def test_the_daily_purge_deletes_expired_sessions_and_abuse_counters(client):
    client.post("/lapor/", with_contact())
    key = client.session.session_key
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() - datetime.timedelta(minutes=1))
    abuse.increment("old", datetime.timedelta(hours=1))
    abuse.increment("current", datetime.timedelta(hours=1))
    AbuseCounter.objects.filter(key="old").update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    out = StringIO()
    call_command("purge_reporter_data", stdout=out)
    assert not Session.objects.filter(session_key=key).exists()
    assert list(AbuseCounter.objects.values_list("key", flat=True)) == ["current"]
    assert "1 expired abuse counters deleted" in out.getvalue()
