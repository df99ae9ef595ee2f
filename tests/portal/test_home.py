import re

import pytest

from tests.factories import OfficeProfileFactory

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
    # The office profile, the site notices, the most needed information pages, then the next and the latest
    # activities (home_sections) and the latest ones' photos.
    with django_assert_max_num_queries(6):
        client.get("/")


def test_the_navigation_marks_the_current_section(client):
    html = client.get("/jadwal/").text
    assert re.search(r'<a href="/jadwal/" aria-current="page"', html)
    assert not re.search(r'<a href="/kegiatan/" aria-current="page"', html)
    assert re.search(r'<a class="nav-report" href="/lapor/">Lapor</a>', html)


def test_browsers_asking_for_favicon_ico_get_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert "/static/img/favicon" in response["Location"]
