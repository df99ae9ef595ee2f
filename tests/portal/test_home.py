import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from outreach.stats.models import Figure
from tests.factories import FigureFactory, OfficeProfileFactory, SeriesFactory

pytestmark = pytest.mark.django_db


def test_it_serves_the_home_page_in_indonesian_by_default(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert '<html lang="id">' in response.text
    assert "Imigrasi hadir di tengah masyarakat" in response.text


def test_it_serves_the_home_page_in_english_under_en(client):
    response = client.get("/en/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert "Immigration comes to the people" in response.text


def test_language_switcher_links_to_the_same_page_in_the_other_language(client):
    indonesian = client.get("/").text
    english = client.get("/en/").text
    assert re.search(r'<a href="/en/" hreflang="en"', indonesian)
    assert re.search(r'<a href="/" hreflang="id"', english)


def test_the_language_switch_keeps_the_query_string(client):
    indonesian = client.get("/kegiatan/?page=1&tahun=2025").text
    assert re.search(r'<a href="/en/kegiatan/\?page=1&amp;tahun=2025" hreflang="en"', indonesian)


def test_the_language_switch_of_an_unknown_address_leads_home(client):
    english = client.get("/en/tidak-ada/").text
    assert re.search(r'<a href="/" hreflang="id"', english)


def test_it_shows_the_office_profile_in_the_footer(client):
    OfficeProfileFactory(phone="(0342) 123 456", whatsapp="0812 1111 2222")
    response = client.get("/")
    assert "Kantor Imigrasi Kelas II Non TPI Blitar" in response.text
    assert 'href="tel:0342123456"' in response.text
    assert 'href="https://wa.me/6281211112222"' in response.text


def test_it_renders_without_an_office_profile(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "Kantor Imigrasi" in response.text


def test_it_has_a_skip_link_and_landmarks(client):
    html = client.get("/").text
    assert 'href="#main"' in html
    assert '<main id="main"' in html
    assert "<header" in html and "<footer" in html
    assert 'aria-label="Navigasi utama"' in html


def test_home_page_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    OfficeProfileFactory()
    # The office profile, the key figures, the site notices, the most needed information pages, then the next
    # and the latest activities (home_sections) and the latest ones' photos.
    with django_assert_max_num_queries(7):
        client.get("/")


def test_the_key_figures_take_the_same_queries_however_many_there_are(client):
    OfficeProfileFactory()
    with CaptureQueriesContext(connection) as few:
        assert client.get("/").text.count("home-key-figure-item") == 3
    for n in range(5):
        FigureFactory(series=SeriesFactory(slug=f"extra-{n}"), year=2024, as_of=datetime.date(2024, 11, 18))
    with CaptureQueriesContext(connection) as many:
        assert client.get("/").text.count("home-key-figure-item") == 3 + 5
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_home_page_shows_the_latest_published_figures_with_period_and_source(client):
    html = client.get("/").text
    assert "Angka utama" in html and 'href="/statistik/"' in html
    assert "31.871" in html and "Paspor diterbitkan" in html and "Sebagian besar untuk jemaah haji" in html
    assert "2024, per 18 November 2024" in html
    assert "Sumber: Berita media, 18 November 2024, mengutip Kepala Kantor Imigrasi Kelas II Non TPI Blitar" in html


def test_the_english_home_page_shows_the_figures_in_english(client):
    html = client.get("/en/").text
    assert "Key figures" in html and 'href="/en/statistik/"' in html
    assert "31,871" in html and "Passports issued" in html and "Mostly for hajj pilgrims" in html
    assert "2024, as of 18 November 2024" in html
    assert "Source: News report, 18 November 2024, quoting the head of the Kantor Imigrasi" in html


def test_the_home_page_shows_no_key_figures_when_none_are_published(client):
    Figure.objects.update(status="draft")
    html = client.get("/").text
    assert "home-key-figures" not in html and "Paspor diterbitkan" not in html


def test_the_navigation_marks_the_current_section(client):
    html = client.get("/jadwal/").text
    assert re.search(r'<a href="/jadwal/" aria-current="page"', html)
    assert not re.search(r'<a href="/kegiatan/" aria-current="page"', html)
    assert re.search(r'<a class="nav-report" href="/lapor/">Lapor</a>', html)


def test_browsers_asking_for_favicon_ico_get_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert "/static/img/favicon" in response["Location"]
