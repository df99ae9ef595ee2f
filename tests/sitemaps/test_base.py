import re
from importlib import import_module

import pytest

from outreach.activities.sitemaps import ActivitySitemap
from outreach.sitemaps import PortalSitemap
from tests.activities.helpers import queries_for
from tests.factories import ActivityFactory

APPS = ["activities", "villages", "schools", "reading_corners"]


@pytest.mark.parametrize("app", APPS)
def test_every_program_sitemap_uses_the_shared_base(app):
    for sitemap in import_module(f"outreach.{app}.sitemaps").SITEMAPS.values():
        assert issubclass(sitemap, PortalSitemap)
        assert sitemap.i18n and sitemap.alternates


@pytest.mark.django_db
def test_the_sitemap_lists_pages_and_objects_in_both_languages_with_lastmod(client, read_sitemap):
    activity = ActivityFactory(slug="sosialisasi-bakung")
    xml = read_sitemap()
    assert "http://testserver/kegiatan/sosialisasi-bakung/" in xml
    assert "http://testserver/en/kegiatan/sosialisasi-bakung/" in xml
    assert "http://testserver/jadwal/" in xml and "http://testserver/program/sekolah/" in xml
    assert f"<lastmod>{activity.updated_at:%Y-%m-%d}" in xml


@pytest.mark.django_db
def test_the_sitemap_is_an_index_of_sections(client):
    index = client.get("/sitemap.xml").text
    assert "<sitemapindex" in index
    assert "<loc>http://testserver/sitemap-activities.xml</loc>" in index
    assert "<loc>http://testserver/sitemap-home.xml</loc>" in index


@pytest.mark.django_db
def test_an_unknown_section_is_not_found(client):
    assert client.get("/sitemap-nothing.xml").status_code == 404


@pytest.mark.django_db
def test_a_large_section_is_split_into_pages_that_list_each_url_once(client, monkeypatch):
    monkeypatch.setattr(ActivitySitemap, "limit", 3)  # an odd limit splits an activity's two languages
    activities = ActivityFactory.create_batch(4)
    index = client.get("/sitemap.xml").text
    assert "sitemap-activities.xml?p=3</loc>" in index
    assert "sitemap-activities.xml?p=4</loc>" not in index
    pages = [client.get("/sitemap-activities.xml", {"p": page}).text for page in (1, 2, 3)]
    locations = [location for page in pages for location in re.findall(r"<loc>(.*?)</loc>", page)]
    assert [page.count("<url>") for page in pages] == [3, 3, 2]
    expected = {f"http://testserver{prefix}{a.get_absolute_url()}" for a in activities for prefix in ("", "/en")}
    assert len(locations) == 8 and set(locations) == expected
    assert client.get("/sitemap-activities.xml", {"p": 4}).status_code == 404


@pytest.mark.django_db
def test_the_index_and_a_section_run_the_same_queries_with_few_and_many_objects(client, django_assert_num_queries):
    ActivityFactory()
    few_index = queries_for(client, "/sitemap.xml")
    few_section = queries_for(client, "/sitemap-activities.xml")
    ActivityFactory.create_batch(20)
    with django_assert_num_queries(few_index):
        client.get("/sitemap.xml")
    with django_assert_num_queries(few_section):
        client.get("/sitemap-activities.xml")
