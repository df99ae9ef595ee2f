"""A teacher checks their visit request with its reference code and contact email."""

import pytest
from django.test import Client

from tests.factories import VisitRequestFactory

pytestmark = pytest.mark.django_db

STATUS_URL = "/program/sekolah/minta-kunjungan/cek/"
NOT_FOUND = "Kami tidak menemukan permintaan kunjungan dengan kode referensi dan alamat email ini."


def a_request(**overrides):
    fields = {
        "institution_name": "SMA Negeri 1 Srengat",
        "contact_name": "Wahyu Widodo",
        "contact_phone": "0812 5555 6666",
        "contact_email": "bk@sman1srengat.sch.id",
        "internal_note": "Kepala sekolah sulit dihubungi",
    }
    return VisitRequestFactory(**fields | overrides)


def look_up(client, reference, email):
    return client.post(STATUS_URL, {"reference": reference, "email": email})


def test_the_page_asks_for_the_code_and_the_email(client):
    response = client.get(STATUS_URL)
    assert response.status_code == 200
    assert 'name="reference"' in response.text and 'name="email"' in response.text
    assert "no-cache" in response["Cache-Control"]


def test_the_page_renders_in_english(client):
    assert "Check the status of your visit request" in client.get("/en" + STATUS_URL).text


def test_a_teacher_sees_the_status_of_their_request(client):
    visit_request = a_request(status="scheduled")
    response = look_up(client, visit_request.reference, "bk@sman1srengat.sch.id")
    assert response.status_code == 200
    assert "SMA Negeri 1 Srengat" in response.text and visit_request.reference in response.text
    assert "Terjadwal" in response.text
    assert "Permintaan Anda diterima dan kunjungan sedang dijadwalkan." in response.text


def test_the_code_and_the_email_may_be_typed_loosely(client):
    visit_request = a_request()
    loose = visit_request.reference.lower().replace("-", " ")
    response = look_up(client, loose, " BK@SMAN1Srengat.sch.id ")
    assert "SMA Negeri 1 Srengat" in response.text


def test_the_status_page_shows_no_contact_details_or_internal_notes(client):
    visit_request = a_request()
    html = look_up(client, visit_request.reference, "bk@sman1srengat.sch.id").text
    for private in ("Wahyu Widodo", "0812 5555 6666", "bk@sman1srengat.sch.id", "Kepala sekolah sulit dihubungi"):
        assert private not in html


@pytest.mark.parametrize("wrong", ["code", "email"])
def test_a_wrong_code_and_a_wrong_email_get_the_same_answer_and_show_nothing(client, wrong):
    visit_request = a_request()
    reference = "KNJ-2222-2222" if wrong == "code" else visit_request.reference
    email = "other@example.com" if wrong == "email" else "bk@sman1srengat.sch.id"
    response = look_up(client, reference, email)
    assert response.status_code == 200
    assert NOT_FOUND in response.text
    assert "SMA Negeri 1 Srengat" not in response.text and 'id="visit-request-status"' not in response.text


def test_a_request_made_without_an_email_cannot_be_opened_with_an_empty_email(client):
    visit_request = a_request(contact_email="")
    response = look_up(client, visit_request.reference, "")
    assert response.context["form"].has_error("email")
    assert 'id="visit-request-status"' not in response.text


def test_another_requests_code_does_not_open_with_this_email(client):
    mine, theirs = a_request(), a_request(contact_email="guru@smpn1bakung.sch.id", institution_name="SMP Negeri 1")
    response = look_up(client, theirs.reference, mine.contact_email)
    assert NOT_FOUND in response.text


def test_lookups_are_limited_per_client_even_with_the_right_answer(settings):
    settings.SCHOOL_LOOKUPS_PER_HOUR = 2
    visit_request = a_request()
    guesser = Client(REMOTE_ADDR="198.51.100.40")
    for number in range(2):
        assert look_up(guesser, f"KNJ-AAAA-AAA{number + 2}", "x@example.com").status_code == 200
    response = look_up(guesser, visit_request.reference, "bk@sman1srengat.sch.id")
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert "Banyak pencarian dilakukan dari koneksi ini" in response.text
    assert "SMA Negeri 1 Srengat" not in response.text
    other = look_up(Client(REMOTE_ADDR="198.51.100.41"), visit_request.reference, "bk@sman1srengat.sch.id")
    assert other.status_code == 200 and "SMA Negeri 1 Srengat" in other.text


def test_the_lookup_limit_is_translated(settings):
    settings.SCHOOL_LOOKUPS_PER_HOUR = 0
    response = look_up(Client(), "KNJ-AAAA-AAAA", "x@example.com")
    english = Client().post("/en" + STATUS_URL, {"reference": "KNJ-AAAA-AAAA", "email": "x@example.com"})
    assert response.status_code == english.status_code == 429
    assert "Many lookups were made from this connection" in english.text


def test_it_enforces_csrf():
    visit_request = a_request()
    response = Client(enforce_csrf_checks=True).post(
        STATUS_URL, {"reference": visit_request.reference, "email": "bk@sman1srengat.sch.id"}
    )
    assert response.status_code == 403
