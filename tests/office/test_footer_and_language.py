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
    OfficeProfileFactory(about="Kami melayani warga Kabupaten Blitar.", opening_hours="Senin–Jumat 08.00–16.00")
    html = client.get("/en/").text
    assert '<p class="lead" lang="id">Kami melayani warga Kabupaten Blitar.</p>' in html
    assert '<p class="mb-0" lang="id">Senin–Jumat 08.00–16.00</p>' in html


def test_indonesian_pages_leave_the_office_texts_unmarked(client):
    OfficeProfileFactory(about="Kami melayani warga Kabupaten Blitar.")
    assert '<p class="lead">Kami melayani warga Kabupaten Blitar.</p>' in client.get("/").text
