"""The school visit request uses the shared defences of outreach.abuse."""

import time

import pytest
from django.test import Client

from outreach.abuse.forms import started_value
from outreach.schools.models import VisitRequest

from .helpers import URL, form_data

pytestmark = pytest.mark.django_db


def test_it_limits_requests_per_client_with_a_friendly_429_that_keeps_the_answers(settings):
    settings.SCHOOL_REQUESTS_PER_HOUR = 2
    client = Client(REMOTE_ADDR="198.51.100.30")
    for _ in range(2):
        assert client.post(URL, form_data()).status_code == 302
    response = client.post(URL, form_data(institution_name="SMK Negeri 1 Kademangan"))
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert "Banyak permintaan dikirim dari koneksi ini" in response.text
    assert 'value="SMK Negeri 1 Kademangan"' in response.text
    assert VisitRequest.objects.count() == 2
    assert Client(REMOTE_ADDR="198.51.100.31").post(URL, form_data()).status_code == 302


def test_the_429_is_translated(settings):
    settings.SCHOOL_REQUESTS_PER_HOUR = 0
    response = Client().post("/en" + URL, form_data())
    assert response.status_code == 429
    assert "Many requests were sent from this connection" in response.text


def test_a_form_with_mistakes_is_not_counted(settings):
    settings.SCHOOL_REQUESTS_PER_HOUR = 1
    client = Client()
    for _ in range(3):
        assert client.post(URL, form_data(institution_name="")).status_code == 200
    assert client.post(URL, form_data()).status_code == 302


def test_a_too_fast_form_is_refused_with_the_other_errors_shown(client, settings):
    settings.FORM_MIN_FILL_SECONDS = 3
    response = client.post(URL, form_data(contact_name="", started=started_value()))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.has_error("__all__", "too_fast") and form.has_error("contact_name")
    assert not VisitRequest.objects.exists()


def test_a_form_filled_at_human_speed_is_accepted(client, settings):
    settings.FORM_MIN_FILL_SECONDS = 3
    response = client.post(URL, form_data(started=started_value(time.time() - 30)))
    assert response.status_code == 302


def test_a_form_without_a_start_stamp_is_refused(client):
    data = form_data()
    del data["started"]
    assert client.post(URL, data).status_code == 200
    assert not VisitRequest.objects.exists()


def test_the_honeypot_is_not_called_website(client):
    html = client.get(URL).text
    assert 'name="website"' not in html
    assert 'name="extra_remarks"' in html and 'name="started"' in html
