"""The report form's and the status lookup's abuse defences, kept in the database and per client."""

import time

import pytest
from django.test import Client

from outreach.abuse.forms import HONEYPOT_FIELD, started_value
from outreach.reports.models import Report

from .helpers import form_data, private_files, send, upload

pytestmark = pytest.mark.django_db


def look_up(client, reference, pin="000000"):
    return client.post("/lapor/cek/", {"reference": reference, "pin": pin})


def test_lookups_are_limited_per_client(settings):
    settings.REPORT_LOOKUPS_PER_HOUR = 3
    guesser = Client(REMOTE_ADDR="198.51.100.9")
    for number in range(3):
        assert look_up(guesser, f"LPR-AAAA-AAA{number}").status_code == 200
    response = look_up(guesser, "LPR-AAAA-BBBB")
    assert response.status_code == 429
    assert "Terlalu banyak" in response.text or "dalam satu jam terakhir" in response.text
    assert look_up(Client(REMOTE_ADDR="198.51.100.10"), "LPR-AAAA-BBBB").status_code == 200


def test_the_lookup_limit_page_is_translated(settings):
    settings.REPORT_LOOKUPS_PER_HOUR = 0
    response = Client().post("/en/lapor/cek/", {"reference": "LPR-AAAA-AAAA", "pin": "1"})
    assert response.status_code == 429
    assert "Many lookups were made from this connection" in response.text


def test_behind_a_trusted_proxy_clients_are_told_apart_by_x_forwarded_for(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.REPORT_RATE_LIMIT_PER_HOUR = 1
    first = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1")
    send(first)
    assert first.post("/lapor/", form_data()).status_code == 429
    second = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert second.post("/lapor/", form_data()).status_code == 302


def test_a_forged_x_forwarded_for_does_not_escape_the_limit(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.REPORT_RATE_LIMIT_PER_HOUR = 1
    send(Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.1.1.1, 198.51.100.1"))
    forged = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="2.2.2.2, 198.51.100.1")
    assert forged.post("/lapor/", form_data()).status_code == 429


def test_ipv6_clients_of_one_network_share_the_limit(settings):
    settings.REPORT_RATE_LIMIT_PER_HOUR = 1
    send(Client(REMOTE_ADDR="2001:db8:5:6::10"))
    assert Client(REMOTE_ADDR="2001:db8:5:6::99").post("/lapor/", form_data()).status_code == 429


def test_sending_is_counted_when_sent_so_a_draft_started_earlier_is_refused(client, settings):
    settings.REPORT_RATE_LIMIT_PER_HOUR = 1
    earlier_draft = Client()
    assert earlier_draft.post("/lapor/", form_data()).status_code == 302
    send(client)
    response = earlier_draft.post("/lapor/periksa/", {"token": earlier_draft.session["report_draft"]["token"]})
    assert response.status_code == 429
    assert Report.objects.count() == 1


# --- draft photos ---------------------------------------------------------------------------------


def test_draft_photo_uploads_are_counted_per_client_even_without_a_session(settings):
    settings.REPORT_DRAFT_PHOTOS_PER_HOUR = 2
    for _ in range(2):
        assert Client().post("/lapor/", {**form_data(), "photos": [upload()]}).status_code == 302
    response = Client().post("/lapor/", {**form_data(), "photos": [upload()]})
    assert response.status_code == 429
    assert len(private_files(settings)) == 2
    assert Client(REMOTE_ADDR="198.51.100.77").post("/lapor/", {**form_data(), "photos": [upload()]}).status_code == 302


def test_three_photos_at_once_count_as_three(settings):
    settings.REPORT_DRAFT_PHOTOS_PER_HOUR = 4
    assert Client().post("/lapor/", {**form_data(), "photos": [upload() for _ in range(3)]}).status_code == 302
    assert Client().post("/lapor/", {**form_data(), "photos": [upload()]}).status_code == 302
    response = Client().post("/lapor/", {**form_data(), "photos": [upload()]})
    assert response.status_code == 429
    assert len(private_files(settings)) == 4


def test_photos_with_another_mistake_are_counted_too(settings):
    settings.REPORT_DRAFT_PHOTOS_PER_HOUR = 1
    Client().post("/lapor/", {**form_data(description="short"), "photos": [upload()]})
    response = Client().post("/lapor/", {**form_data(description="short"), "photos": [upload()]})
    assert response.status_code == 429
    assert len(private_files(settings)) == 1


# --- the form flow --------------------------------------------------------------------------------


def test_a_429_on_the_form_keeps_the_answers_and_says_so(client, settings):
    settings.REPORT_RATE_LIMIT_PER_HOUR = 1
    send(client)
    response = client.post("/lapor/", form_data(description="A second report about the same guest house owner."))
    assert response.status_code == 429
    assert "Jawaban Anda disimpan" in response.text
    answers = client.session["report_draft"]["answers"]
    assert answers["description"] == "A second report about the same guest house owner."


def test_a_429_with_a_faulty_form_does_not_claim_the_answers_were_kept(client, settings):
    settings.REPORT_RATE_LIMIT_PER_HOUR = 0
    response = client.post("/lapor/", form_data(description="short"))
    assert response.status_code == 429
    assert "Tidak ada yang dikirim atau disimpan" in response.text


def test_the_honeypot_error_does_not_hide_the_other_errors(client):
    response = client.post("/lapor/", form_data(extra_remarks="http://spam.example", description="short"))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.has_error("__all__", "honeypot")
    assert form.has_error("description")


def test_the_too_fast_error_does_not_hide_the_other_errors(client, settings):
    settings.FORM_MIN_FILL_SECONDS = 3
    response = client.post("/lapor/", form_data(category=""))
    form = response.context["form"]
    assert form.has_error("__all__", "too_fast")
    assert form.has_error("category")


def test_a_quick_correction_after_a_change_link_is_not_too_fast(client, settings):
    settings.FORM_MIN_FILL_SECONDS = 3
    first = client.post("/lapor/", form_data(started=started_value(time.time() - 60)))
    assert first.status_code == 302
    client.get("/lapor/")  # the "Change" link
    correction = client.post("/lapor/", form_data(village="Kepanjenkidul", started=started_value()))
    assert correction.status_code == 302
    assert client.session["report_draft"]["answers"]["village"] == "Kepanjenkidul"


def test_a_new_form_is_still_checked_for_speed(client, settings):
    settings.FORM_MIN_FILL_SECONDS = 3
    assert client.post("/lapor/", form_data(started=started_value())).status_code == 200


def test_the_honeypot_has_a_name_browsers_do_not_autofill(client):
    html = client.get("/lapor/").text
    assert 'name="website"' not in html
    assert f'name="{HONEYPOT_FIELD}"' in html


# --- error reports --------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/lapor/", "/lapor/periksa/", "/lapor/hapus/", "/lapor/cek/", "/lapor/cek/laporan/"])
def test_every_post_parameter_of_the_flow_is_hidden_from_error_reports(client, url):
    response = client.post(url, form_data(pin="123456", reference="LPR-AAAA-AAAA", text="more"))
    assert response.wsgi_request.sensitive_post_parameters == "__ALL__"
