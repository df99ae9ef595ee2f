import json
import re

import pytest
from django.core.files.base import ContentFile

from tests.factories import OfficeProfileFactory, ReadingCornerFactory, jpeg_bytes

pytestmark = pytest.mark.django_db


def test_it_lists_active_corners_with_their_details(client):
    ReadingCornerFactory(
        name="Pojok Baca Balai Desa Bakung",
        opening_hours_ind="Senin–Jumat 08.00–14.00 WIB",
        materials_ind="Buku saku pekerja migran",
    )
    ReadingCornerFactory(name="Pojok Baca Lama", status="closed")
    html = client.get("/pojok-baca/").text
    assert 'href="/pojok-baca/pojok-baca-balai-desa-bakung/"' in html
    assert "Pemerintah Desa Bakung" in html and "Balai Desa Bakung, Kecamatan Bakung" in html
    assert "Senin–Jumat 08.00–14.00 WIB" in html and "Buku saku pekerja migran" in html
    assert "Pojok Baca Lama" not in html


def test_the_map_is_hidden_until_javascript_shows_it_and_gets_its_data_from_json(client):
    ReadingCornerFactory(name="Pojok Baca Kantor Imigrasi Blitar", latitude="-8.098100", longitude="112.168900")
    ReadingCornerFactory(name="Pojok Baca Tanpa Lokasi", latitude=None, longitude=None)
    html = client.get("/pojok-baca/").text
    assert re.search(r'<div id="corner-map"[^>]*\bhidden\b', html)
    markers = json.loads(re.search(r'<script id="corner-markers" type="application/json">(.*?)</script>', html)[1])
    assert markers == [
        {
            "name": "Pojok Baca Kantor Imigrasi Blitar",
            "host": "Pemerintah Desa Bakung",
            "url": "/pojok-baca/pojok-baca-kantor-imigrasi-blitar/",
            "lat": -8.0981,
            "lng": 112.1689,
        }
    ]
    assert "/static/vendor/leaflet-1.9.4/leaflet" in html and "/static/js/reading-corner-map" in html
    assert "Pojok Baca Tanpa Lokasi" in html


def test_it_shows_a_helpful_empty_state_without_open_corners(client):
    OfficeProfileFactory()
    ReadingCornerFactory(status="closed")
    html = client.get("/pojok-baca/").text
    assert "Saat ini belum ada pojok baca yang buka." in html
    assert 'id="corner-map"' not in html and "leaflet" not in html


def test_the_detail_page_shows_the_photo_details_and_a_map_link(client):
    corner = ReadingCornerFactory(name="Pojok Baca Balai Desa Bakung", since="2024-03-01")
    corner.photo.save("bakung.jpg", ContentFile(jpeg_bytes()))
    html = client.get(corner.get_absolute_url()).text
    assert f'src="{corner.photo.url}"' in html and 'alt="Foto Pojok Baca Balai Desa Bakung"' in html
    assert "Maret 2024" in html and "Leaflet paspor" in html
    assert 'href="https://www.openstreetmap.org/?mlat=-8.253200&amp;mlon=112.146200' in html


def test_the_detail_page_works_without_photo_or_location(client):
    corner = ReadingCornerFactory(latitude=None, longitude=None)
    html = client.get(corner.get_absolute_url()).text
    assert "<img" not in html.split("<main", 1)[1]
    assert "openstreetmap.org/?mlat" not in html


def test_a_closed_corner_has_no_page(client):
    corner = ReadingCornerFactory(status="closed")
    assert client.get(corner.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("/pojok-baca/", "Pojok baca"),
        ("/en/pojok-baca/", "Reading corners (pojok baca)"),
        ("/pojok-baca/pojok-baca-balai-desa-bakung/", "Bahan bacaan"),
        ("/en/pojok-baca/pojok-baca-balai-desa-bakung/", "Materials"),
    ],
)
def test_every_page_renders_in_both_languages(client, url, text):
    ReadingCornerFactory(name="Pojok Baca Balai Desa Bakung")
    response = client.get(url)
    assert response.status_code == 200
    assert text in response.text


def test_the_list_runs_the_same_queries_with_few_and_many_corners(client, django_assert_num_queries):
    ReadingCornerFactory()
    with django_assert_num_queries(4):  # the count, the page, the frame's office profile and site notices
        client.get("/pojok-baca/")
    ReadingCornerFactory.create_batch(40)
    with django_assert_num_queries(4):
        client.get("/pojok-baca/")
    with django_assert_num_queries(4):
        client.get("/pojok-baca/", {"page": 2})


def test_the_list_shows_thirty_corners_a_page_and_counts_them_all(client):
    ReadingCornerFactory.create_batch(31)
    first = client.get("/pojok-baca/")
    assert len(first.context["corners"]) == 30
    assert len(first.context["markers"]) <= 30
    assert "31 pojok baca" in first.text
    assert "?page=2" in first.text
    assert len(client.get("/pojok-baca/", {"page": 2}).context["corners"]) == 1


def test_a_short_corner_list_has_no_page_links(client):
    ReadingCornerFactory.create_batch(3)
    assert "?page=2" not in client.get("/pojok-baca/").text


def test_the_sitemap_lists_open_corners_only(client, read_sitemap):
    ReadingCornerFactory(name="Pojok Baca Balai Desa Bakung")
    ReadingCornerFactory(name="Pojok Baca Lama", status="closed")
    xml = read_sitemap()
    assert "http://testserver/pojok-baca/pojok-baca-balai-desa-bakung/" in xml
    assert "http://testserver/en/pojok-baca/</loc>" in xml
    assert "pojok-baca-lama" not in xml


def test_the_english_pages_mark_the_materials_as_indonesian(client):
    ReadingCornerFactory(slug="pojok-baca-bakung", materials_ind="Leaflet paspor")
    assert '<dd lang="id">Leaflet paspor</dd>' in client.get("/en/pojok-baca/").text
    assert 'lang="id">Leaflet paspor</dd>' in client.get("/en/pojok-baca/pojok-baca-bakung/").text
    assert "<dd>Leaflet paspor</dd>" in client.get("/pojok-baca/").text


def test_the_english_pages_show_the_english_hours_and_materials_when_written(client):
    ReadingCornerFactory(slug="pojok-baca-bakung", opening_hours_en="Mon–Fri 8am–2pm", materials_en="Passport leaflets")
    for url in ["/en/pojok-baca/", "/en/pojok-baca/pojok-baca-bakung/"]:
        html = client.get(url).text
        assert ">Mon–Fri 8am–2pm</dd>" in html and ">Passport leaflets</dd>" in html
        assert "Leaflet paspor" not in html and 'lang="id">Mon' not in html
    assert "Leaflet paspor" in client.get("/pojok-baca/").text
