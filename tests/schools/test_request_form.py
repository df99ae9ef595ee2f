import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from outreach.outbox.models import Email
from outreach.schools.models import VisitRequest
from tests.factories import VisitRequestFactory, supervisor

from .helpers import URL, form_data

pytestmark = pytest.mark.django_db


def test_a_valid_request_is_stored_and_the_confirmation_shows_its_reference(client):
    response = client.post(URL, form_data())
    assert response.status_code == 302
    assert response["Location"] == "/program/sekolah/minta-kunjungan/terkirim/"
    visit_request = VisitRequest.objects.get()
    assert visit_request.institution_name == "SMA Negeri 1 Srengat"
    assert visit_request.topics == ["tppo", "safe_migration"]
    assert visit_request.status == "new"
    assert re.fullmatch(r"KNJ-[2-9A-Z]{4}-[2-9A-Z]{4}", visit_request.reference)
    confirmation = client.get(response["Location"])
    assert "Terima kasih: permintaan Anda sudah terkirim" in confirmation.text
    assert "Langkah selanjutnya" in confirmation.text
    assert f'id="visit-request-reference">{visit_request.reference}<' in confirmation.text


def test_a_teacher_who_gave_an_email_is_told_the_code_was_emailed_and_pointed_to_the_status_page(client):
    client.post(URL, form_data(contact_email="bk@sman1srengat.sch.id"))
    html = client.get(URL + "terkirim/").text
    assert "Kami juga mengirimkannya ke alamat email Anda" in html
    assert 'href="/program/sekolah/minta-kunjungan/cek/"' in html


def test_a_teacher_without_an_email_is_told_to_mention_the_code_to_the_office(client):
    client.post(URL, form_data(contact_email=""))
    html = client.get(URL + "terkirim/").text
    assert "Anda tidak memberikan alamat email" in html
    assert 'href="/program/sekolah/minta-kunjungan/cek/"' not in html


def test_the_confirmation_shows_no_reference_to_a_browser_that_sent_nothing(client):
    VisitRequestFactory()
    html = client.get(URL + "terkirim/").text
    assert "Langkah selanjutnya" in html
    assert "visit-request-reference" not in html


def test_the_confirmation_is_not_cached(client):
    client.post(URL, form_data())
    assert "no-cache" in client.get(URL + "terkirim/")["Cache-Control"]


def test_an_email_alone_is_enough_to_be_reached(client):
    response = client.post(URL, form_data(contact_phone="", contact_email="bk@sman1srengat.sch.id"))
    assert response.status_code == 302
    assert VisitRequest.objects.get().contact_email == "bk@sman1srengat.sch.id"


def test_sending_queues_the_supervisors_email_and_sends_nothing_in_the_request(client):
    supervisor(email="rina@example.go.id")
    client.post(URL, form_data())
    assert mail.outbox == []
    email = Email.objects.get()
    assert email.to == "rina@example.go.id" and email.sent_at is None
    assert "SMA Negeri 1 Srengat" in email.subject
    call_command("send_pending_emails", stdout=StringIO())
    assert [message.to for message in mail.outbox] == [["rina@example.go.id"]]


def test_the_address_field_autocompletes_as_one_address_line(client):
    html = client.get(URL).text
    assert re.search(
        r'name="address"[^>]*autocomplete="address-line1"|autocomplete="address-line1"[^>]*name="address"', html
    )
    assert "street-address" not in html


def test_a_missing_field_gives_a_clear_error_in_indonesian(client):
    response = client.post(URL, form_data(contact_name=""))
    assert response.status_code == 200
    assert "Ada masalah" in response.text
    assert "Narahubung" in response.text and "Bidang ini tidak boleh kosong." in response.text
    assert not VisitRequest.objects.exists()


def test_a_missing_field_gives_a_clear_error_in_english(client):
    response = client.post("/en" + URL, form_data(contact_name=""))
    assert "There is a problem" in response.text
    assert "This field is required." in response.text


def test_it_needs_a_phone_or_an_email(client):
    response = client.post(URL, form_data(contact_phone="", contact_email=""))
    assert "Isi nomor telepon atau alamat email agar kami dapat membalas." in response.text
    assert not VisitRequest.objects.exists()


@pytest.mark.parametrize("days", [0, -3])
def test_the_preferred_date_must_be_in_the_future(client, days):
    day = (timezone.localdate() + timedelta(days=days)).isoformat()
    response = client.post(URL, form_data(preferred_date=day, alternative_date=""))
    assert "Pilih tanggal yang akan datang." in response.text
    assert not VisitRequest.objects.exists()


def test_the_alternative_date_must_come_after_the_preferred_one(client):
    data = form_data()
    response = client.post(URL, data | {"alternative_date": data["preferred_date"]})
    assert "Tanggal alternatif harus setelah tanggal yang diinginkan." in response.text
    assert not VisitRequest.objects.exists()


def test_it_refuses_an_empty_audience(client):
    response = client.post(URL, form_data(audience_size="0"))
    assert response.status_code == 200
    assert not VisitRequest.objects.exists()


def test_it_refuses_an_unknown_topic(client):
    response = client.post(URL, form_data(topics=["football"]))
    assert response.status_code == 200
    assert not VisitRequest.objects.exists()


def test_a_filled_honeypot_looks_sent_but_keeps_nothing(client):
    supervisor(email="rina@example.go.id")
    response = client.post(URL, form_data(extra_remarks="http://spam.example"))
    assert response.status_code == 302
    assert response["Location"] == "/program/sekolah/minta-kunjungan/terkirim/"
    assert not VisitRequest.objects.exists()
    assert not Email.objects.exists()


def test_the_honeypot_is_hidden_from_people_and_screen_readers(client):
    html = client.get(URL).text
    assert re.search(r'class="visually-hidden"\s+aria-hidden="true">\s*<div id="div_id_extra_remarks"', html)
    assert 'name="extra_remarks"' in html and 'tabindex="-1"' in html


def test_it_enforces_csrf():
    csrf_client = Client(enforce_csrf_checks=True)
    assert csrf_client.post(URL, form_data()).status_code == 403
    assert not VisitRequest.objects.exists()


def test_the_form_carries_a_csrf_token_and_accessible_fields(client):
    html = client.get(URL).text
    assert html.count('name="csrfmiddlewaretoken"') == 1
    assert re.search(r'<label\s+for="id_contact_name"', html)
    assert re.search(
        r'<fieldset aria-describedby="id_topics_helptext">\s*<legend[^>]*>\s*Topik yang ingin dibahas', html
    )
    assert re.search(r'type="checkbox"[^>]*name="topics"\s+value="tppo"', html)
    assert re.search(r'type="date" name="preferred_date"', html)
    assert 'aria-describedby="id_contact_phone_helptext"' in html


def test_errors_are_linked_to_their_fields(client):
    html = client.post(URL, form_data(contact_name="")).text
    assert 'href="#id_contact_name"' in html
    assert re.search(r'aria-invalid="true" aria-describedby="id_contact_name_error"', html)
    assert re.search(r'id="id_contact_name_error"[^>]*>\s*<p[^>]*><strong>Bidang ini tidak boleh kosong.', html)


@pytest.mark.parametrize(
    ("url", "text"),
    [(URL, "Ajukan kunjungan ke sekolah atau kampus"), ("/en" + URL, "Request a school or campus visit")],
)
def test_the_form_renders_in_both_languages(client, url, text):
    response = client.get(url)
    assert response.status_code == 200
    assert text in response.text


@pytest.mark.parametrize(
    ("url", "text"), [(URL + "terkirim/", "Langkah selanjutnya"), ("/en" + URL + "terkirim/", "What happens next")]
)
def test_the_confirmation_renders_in_both_languages(client, url, text):
    response = client.get(url)
    assert response.status_code == 200
    assert text in response.text
