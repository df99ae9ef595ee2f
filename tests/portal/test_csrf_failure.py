"""A form sent without a valid CSRF token gets a friendly, translated page that says nothing was sent."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def csrf_client():
    return Client(enforce_csrf_checks=True)


def test_it_explains_in_indonesian_that_the_page_expired_and_nothing_was_sent():
    response = csrf_client().post("/program/sekolah/minta-kunjungan/", {"institution_name": "SMA 1"})
    assert response.status_code == 403
    assert "Halaman ini sudah kedaluwarsa" in response.text
    assert "Tidak ada yang terkirim" in response.text
    assert 'href="/program/sekolah/minta-kunjungan/"' in response.text
    assert '<html lang="id"' in response.text


def test_it_is_in_english_under_en():
    response = csrf_client().post("/en/program/sekolah/minta-kunjungan/", {"institution_name": "SMA 1"})
    assert response.status_code == 403
    assert "This page has expired" in response.text
    assert "Nothing was sent" in response.text
    assert 'href="/en/program/sekolah/minta-kunjungan/"' in response.text


@pytest.mark.parametrize(
    ("url", "text", "back"),
    [
        ("/lapor/periksa/", "Jawaban draf laporan Anda masih disimpan", 'href="/lapor/"'),
        ("/en/lapor/", "The answers of your report draft are still kept", 'href="/en/lapor/"'),
        ("/lapor/cek/", "Tidak ada yang terkirim", 'href="/lapor/cek/"'),
    ],
)
def test_in_the_report_flow_it_says_the_draft_answers_are_kept_and_links_back(url, text, back):
    response = csrf_client().post(url, {"description": "secret"})
    assert response.status_code == 403
    assert text in response.text
    assert back in response.text
    assert "secret" not in response.text


def test_with_a_valid_token_the_form_is_not_refused(client):
    assert client.post("/lapor/cek/", {"reference": "LPR-AAAA-AAAA", "pin": "1"}).status_code == 200
