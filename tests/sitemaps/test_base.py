import datetime
import re
from importlib import import_module
from xml.etree import ElementTree

import pytest
from django.contrib.sitemaps import views as sitemap_views
from django.utils import translation

from outreach.activities.models import Activity
from outreach.activities.sitemaps import ActivitySitemap
from outreach.sitemaps import PortalSitemap
from portal.urls import SITEMAPS
from tests.activities.helpers import queries_for
from tests.factories import ActivityFactory

APPS = ["activities", "villages", "schools", "reading_corners"]
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


# 20:00 UTC on 10 March is 03:00 on 11 March in Jakarta: a lastmod is the portal's (local) date.
EDITED_AT = datetime.datetime(2026, 3, 10, 20, 0, tzinfo=datetime.UTC)
EDITED_ON = "2026-03-11"


def edited_late_in_the_utc_day(activity):
    Activity.objects.filter(pk=activity.pk).update(updated_at=EDITED_AT)


def index_entries(xml: bytes) -> list[tuple]:
    sitemaps = ElementTree.fromstring(xml).findall(f"{{{SITEMAP}}}sitemap")
    return [(item.findtext(f"{{{SITEMAP}}}loc"), item.findtext(f"{{{SITEMAP}}}lastmod")) for item in sitemaps]


def entries(xml: bytes) -> set[tuple]:
    """The ``<url>`` entries of a sitemap page: location, lastmod, changefreq, priority and the alternates."""
    found = set()
    for url in ElementTree.fromstring(xml).findall(f"{{{SITEMAP}}}url"):
        fields = [url.findtext(f"{{{SITEMAP}}}{name}") for name in ("loc", "lastmod", "changefreq", "priority")]
        links = url.findall(f"{{{XHTML}}}link")
        alternates = tuple(sorted((link.get("hreflang"), link.get("href")) for link in links))
        assert all(link.get("rel") == "alternate" for link in links)
        found.add((*fields, alternates))
    return found


@pytest.mark.parametrize("app", APPS)
def test_every_program_sitemap_uses_the_shared_base(app):
    for sitemap in import_module(f"outreach.{app}.sitemaps").SITEMAPS.values():
        assert issubclass(sitemap, PortalSitemap)
        assert sitemap.i18n and sitemap.alternates


@pytest.mark.django_db
def test_the_sitemap_lists_pages_and_objects_in_both_languages_with_lastmod(client, read_sitemap):
    edited_late_in_the_utc_day(ActivityFactory(slug="sosialisasi-bakung"))
    xml = read_sitemap()
    assert "http://testserver/kegiatan/sosialisasi-bakung/" in xml
    assert "http://testserver/en/kegiatan/sosialisasi-bakung/" in xml
    assert "http://testserver/jadwal/" in xml and "http://testserver/program/sekolah/" in xml
    assert f"<lastmod>{EDITED_ON}</lastmod>" in xml
    assert "<lastmod>2026-03-10</lastmod>" not in xml


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
    monkeypatch.setattr(ActivitySitemap, "limit", 4)  # two activities a page, each in two languages
    activities = ActivityFactory.create_batch(5)
    index = client.get("/sitemap.xml").text
    assert "sitemap-activities.xml?p=3</loc>" in index
    assert "sitemap-activities.xml?p=4</loc>" not in index
    pages = [client.get("/sitemap-activities.xml", {"p": page}).text for page in (1, 2, 3)]
    locations = [location for page in pages for location in re.findall(r"<loc>(.*?)</loc>", page)]
    assert [page.count("<url>") for page in pages] == [4, 4, 2]
    expected = {f"http://testserver{prefix}{a.get_absolute_url()}" for a in activities for prefix in ("", "/en")}
    assert len(locations) == 10 and set(locations) == expected
    assert client.get("/sitemap-activities.xml", {"p": 4}).status_code == 404


@pytest.mark.django_db
def test_a_page_whose_range_holds_a_draft_is_shorter_and_loses_no_url(client, monkeypatch):
    monkeypatch.setattr(ActivitySitemap, "limit", 4)
    first, draft, *others = ActivityFactory.create_batch(5)
    draft.status = "draft"
    draft.save()
    pages = [client.get("/sitemap-activities.xml", {"p": page}).text for page in (1, 2, 3)]
    assert [page.count("<url>") for page in pages] == [2, 4, 2]
    locations = {location for page in pages for location in re.findall(r"<loc>(.*?)</loc>", page)}
    assert f"http://testserver{first.get_absolute_url()}" in locations
    assert not [location for location in locations if draft.slug in location]


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["abc", "0", "-1"])
def test_a_page_that_is_no_number_of_the_section_is_not_found(client, page):
    ActivityFactory()
    assert client.get("/sitemap-activities.xml", {"p": page}).status_code == 404


@pytest.mark.django_db
def test_an_empty_section_is_one_valid_empty_page(client):
    response = client.get("/sitemap-activities.xml")
    assert response.status_code == 200
    assert ElementTree.fromstring(response.content).findall(f"{{{SITEMAP}}}url") == []


@pytest.mark.django_db
@pytest.mark.parametrize("section", ["activities", "activity-pages"])
def test_a_section_is_what_djangos_sitemap_view_writes(client, rf, section):
    """The portal's lean writer and Django's own view (its template and its reverse of every alternate) give
    the same URLs with the same lastmod, changefreq, priority and hreflang alternates, and valid XML."""
    ActivityFactory.create_batch(3)
    ours = client.get(f"/sitemap-{section}.xml")
    assert ours["Content-Type"] == "application/xml"
    assert ours["X-Robots-Tag"] == "noindex, noodp, noarchive"
    djangos = sitemap_views.sitemap(rf.get(f"/sitemap-{section}.xml"), SITEMAPS, section=section)
    djangos.render()
    assert entries(ours.content) == entries(djangos.content)
    assert ours.get("Last-Modified") == djangos.get("Last-Modified")


@pytest.mark.django_db
def test_the_index_is_what_djangos_index_view_writes(client, rf, monkeypatch):
    monkeypatch.setattr(ActivitySitemap, "limit", 4)
    ActivityFactory.create_batch(5)
    ours = client.get("/sitemap.xml")
    assert ours["Content-Type"] == "application/xml"
    assert ours["X-Robots-Tag"] == "noindex, noodp, noarchive"
    djangos = sitemap_views.index(rf.get("/sitemap.xml"), SITEMAPS, sitemap_url_name="sitemap_section")
    djangos.render()
    assert index_entries(ours.content) == index_entries(djangos.content)
    assert "http://testserver/sitemap-activities.xml?p=3" in {
        location for location, _lastmod in index_entries(ours.content)
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["id", "en"])
def test_the_paths_filled_into_one_reverse_are_those_of_get_absolute_url(language):
    activities = [ActivityFactory(slug=slug) for slug in ("a", "sosialisasi-tppo_2026", "x" * 200)]
    with translation.override(language):
        assert ActivitySitemap().paths(activities) == [activity.get_absolute_url() for activity in activities]


@pytest.mark.django_db
def test_a_sitemap_without_a_slug_url_name_reverses_each_object(monkeypatch):
    monkeypatch.setattr(ActivitySitemap, "slug_url_name", "")
    monkeypatch.setattr(ActivitySitemap, "location", lambda self, activity: f"/reversed/{activity.pk}/")
    activity = ActivityFactory()
    assert ActivitySitemap().paths([activity]) == [f"/reversed/{activity.pk}/"]


@pytest.mark.django_db
def test_every_activity_url_has_both_languages_as_alternates(client):
    activity = ActivityFactory(slug="sosialisasi-bakung")
    edited_late_in_the_utc_day(activity)
    listed = entries(client.get("/sitemap-activities.xml").content)
    path = activity.get_absolute_url()
    alternates = (("en", f"http://testserver/en{path}"), ("id", f"http://testserver{path}"))
    assert (f"http://testserver{path}", EDITED_ON, "monthly", "0.5", alternates) in listed
    assert (f"http://testserver/en{path}", EDITED_ON, "monthly", "0.5", alternates) in listed
    assert len(listed) == 2


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
