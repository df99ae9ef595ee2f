import pytest

from tests.factories import OfficeProfileFactory

pytestmark = pytest.mark.django_db


def test_the_footer_hides_empty_contact_lines(client):
    OfficeProfileFactory(phone="", whatsapp="", email="")
    html = client.get("/").text
    footer = html[html.index("<footer") :]
    assert 'href="tel:' not in footer
    assert "wa.me" not in footer
    assert "mailto:" not in footer


def test_the_footer_shows_filled_contact_lines(client):
    OfficeProfileFactory(phone="(0342) 123 456", whatsapp="", email="kanim@example.go.id")
    footer = client.get("/").text.split("<footer", 1)[1]
    assert 'href="tel:0342123456"' in footer
    assert "mailto:kanim@example.go.id" in footer
    assert "wa.me" not in footer


def test_english_pages_mark_the_office_texts_as_indonesian(client):
    OfficeProfileFactory(about="Kami melayani warga Kabupaten Blitar.", opening_hours_ind="Senin–Jumat 08.00–16.00")
    html = client.get("/en/").text
    assert '<p class="lead" lang="id">Kami melayani warga Kabupaten Blitar.</p>' in html
    assert '<p class="mb-0" lang="id">Senin–Jumat 08.00–16.00</p>' in html


def test_indonesian_pages_leave_the_office_texts_unmarked(client):
    OfficeProfileFactory(about="Kami melayani warga Kabupaten Blitar.")
    assert '<p class="lead">Kami melayani warga Kabupaten Blitar.</p>' in client.get("/").text


def test_english_pages_show_the_office_texts_written_in_english_unmarked(client):
    OfficeProfileFactory(
        about="Kami melayani warga Kabupaten Blitar.",
        about_en="We serve the people of Blitar regency.",
        opening_hours_en="Monday–Friday 08.00–16.00",
    )
    html = client.get("/en/").text
    assert '<p class="lead">We serve the people of Blitar regency.</p>' in html
    assert '<p class="mb-0">Monday–Friday 08.00–16.00</p>' in html
    assert "Kami melayani" not in html


def test_indonesian_pages_show_the_indonesian_office_texts_when_english_exists(client):
    OfficeProfileFactory(about="Kami melayani warga Kabupaten Blitar.", about_en="We serve the people of Blitar.")
    html = client.get("/").text
    assert '<p class="lead">Kami melayani warga Kabupaten Blitar.</p>' in html
    assert "We serve the people" not in html
