from importlib import import_module

import pytest

from outreach.sitemaps import PortalSitemap
from tests.factories import ActivityFactory

APPS = ["activities", "villages", "schools", "reading_corners"]


@pytest.mark.parametrize("app", APPS)
def test_every_program_sitemap_uses_the_shared_base(app):
    for sitemap in import_module(f"outreach.{app}.sitemaps").SITEMAPS.values():
        assert issubclass(sitemap, PortalSitemap)
        assert sitemap.i18n and sitemap.alternates


@pytest.mark.django_db
def test_the_sitemap_lists_pages_and_objects_in_both_languages_with_lastmod(client):
    activity = ActivityFactory(slug="sosialisasi-bakung")
    xml = client.get("/sitemap.xml").text
    assert "http://testserver/kegiatan/sosialisasi-bakung/" in xml
    assert "http://testserver/en/kegiatan/sosialisasi-bakung/" in xml
    assert "http://testserver/jadwal/" in xml and "http://testserver/program/sekolah/" in xml
    assert f"<lastmod>{activity.updated_at:%Y-%m-%d}" in xml
