import json
import re

import pytest

from tests.factories import OfficeProfileFactory, PageFactory

pytestmark = pytest.mark.django_db


def links(html, rel):
    return dict(re.findall(rf'<link rel="{rel}" hreflang="([^"]+)" href="([^"]+)">', html))


def test_every_page_has_absolute_hreflang_alternates_and_x_default(client):
    html = client.get("/informasi/").text
    assert links(html, "alternate") == {
        "id": "http://testserver/informasi/",
        "en": "http://testserver/en/informasi/",
        "x-default": "http://testserver/informasi/",
    }


def test_the_english_page_has_the_same_alternates_and_its_own_canonical(client):
    html = client.get("/en/informasi/").text
    assert links(html, "alternate")["id"] == "http://testserver/informasi/"
    assert links(html, "alternate")["x-default"] == "http://testserver/informasi/"
    assert '<link rel="canonical" href="http://testserver/en/informasi/">' in html


def test_a_404_page_has_alternates_of_its_own_address(client):
    response = client.get("/en/tidak-ada/")
    assert response.status_code == 404
    assert links(response.text, "alternate") == {
        "id": "http://testserver/tidak-ada/",
        "en": "http://testserver/en/tidak-ada/",
        "x-default": "http://testserver/tidak-ada/",
    }


def test_the_canonical_address_leaves_out_the_query(client):
    html = client.get("/kegiatan/", {"page": "1", "utm_source": "x"}).text
    assert '<link rel="canonical" href="http://testserver/kegiatan/">' in html


def test_pages_have_their_own_description_and_open_graph_tags(client):
    page = PageFactory(title_ind="Paspor hilang", summary_ind="Apa yang dilakukan bila paspor hilang.")
    html = client.get(page.get_absolute_url()).text
    assert '<meta name="description" content="Apa yang dilakukan bila paspor hilang.">' in html
    assert '<meta property="og:title" content="Paspor hilang">' in html
    assert '<meta property="og:image" content="http://testserver/static/img/og-default' in html
    assert f'<meta property="og:url" content="http://testserver{page.get_absolute_url()}">' in html


def test_the_home_page_describes_the_office_as_a_government_organization(client):
    OfficeProfileFactory()
    html = client.get("/").text
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == "Kantor Imigrasi Kelas II Non TPI Blitar"
    assert data["url"] == "http://testserver/"


def test_the_json_ld_cannot_close_its_script_element(client):
    OfficeProfileFactory(name="Kantor </script><script>alert(1)</script>")
    html = client.get("/").text
    assert "</script><script>alert(1)" not in html


def test_the_sitemap_lists_information_pages_in_both_languages_but_no_draft(client, read_sitemap):
    page = PageFactory()
    draft = PageFactory(status="draft")
    locations = re.findall(r"<loc>(.*?)</loc>", read_sitemap())
    assert f"http://testserver{page.get_absolute_url()}" in locations
    assert f"http://testserver/en{page.get_absolute_url()}" in locations
    assert "http://testserver/cek-tawaran-kerja/" in locations
    assert not [location for location in locations if draft.slug in location]
