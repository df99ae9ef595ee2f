import re

import pytest
from django.apps import apps
from django.db.models import FileField
from django.utils import translation


@pytest.fixture(autouse=True)
def _hermetic(settings, tmp_path, monkeypatch):
    """Fast hashing, uploads and the caches in a throwaway folder."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The caches in folders of this test's own, and the page cache off: tests count the queries of rendering.
    settings.CACHES = {
        alias: {**config, "LOCATION": tmp_path / f"cache-{alias}"} for alias, config in settings.CACHES.items()
    }
    settings.PAGE_CACHE_SECONDS = 0
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private_media"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            **settings.STORAGES["private"],
            "OPTIONS": {**settings.STORAGES["private"]["OPTIONS"], "location": tmp_path / "private_media"},
        },
    }
    # A FileField with a callable storage (the private one) resolved it at import: point it at the new one.
    for model in apps.get_models():
        for field in model._meta.fields:
            if isinstance(field, FileField) and getattr(field, "_storage_callable", None):
                monkeypatch.setattr(field, "storage", field._storage_callable())
    yield


@pytest.fixture
def page_cache(settings):
    """The page cache on, as in production (portal/page_cache.py); the cache itself."""
    from django.core.cache import caches

    settings.PAGE_CACHE_SECONDS = 120
    return caches[settings.PAGE_CACHE_ALIAS]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache: figures remembered by one test (outreach.figures_cache) are not
    another's (the rows they counted are rolled back without a save or delete signal)."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield


@pytest.fixture(autouse=True)
def _no_minimum_fill_time(settings):
    """Test clients and Playwright fill a form faster than a person; tests of the minimum fill time set it."""
    settings.FORM_MIN_FILL_SECONDS = 0


@pytest.fixture
def read_sitemap(client):
    """Every page of every section the sitemap index lists, joined: what a search engine reads."""

    def read() -> str:
        index = client.get("/sitemap.xml")
        assert index.status_code == 200
        sections = re.findall(r"<loc>(.*?)</loc>", index.text)
        return "".join(client.get(url.removeprefix("http://testserver")).text for url in sections)

    return read


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in Indonesian: a request to /en/ in one test must not make the next one's factories
    write the English columns (django-modeltranslation writes the active language)."""
    translation.activate("id")
    yield
    translation.activate("id")
