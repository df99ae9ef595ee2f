"""Project guard tests: migrations, translation catalogs, sitemap, admin branding."""

from io import StringIO
from pathlib import Path
from xml.etree import ElementTree

import polib
import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = sorted(path for path in ROOT.glob("**/locale/*/LC_MESSAGES/django*.po") if ".venv" not in path.parts)


@pytest.mark.django_db
def test_there_are_no_pending_migrations():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_every_app_has_indonesian_and_english_catalogs():
    languages = {path.parent.parent.name for path in CATALOGS}
    assert languages == {"id", "en"}
    folders = {path.parents[2] for path in CATALOGS}
    for folder in folders:
        assert (folder / "id" / "LC_MESSAGES" / "django.po").exists()
        assert (folder / "en" / "LC_MESSAGES" / "django.po").exists()


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda path: str(path.relative_to(ROOT)))
def test_catalog_is_complete(catalog):
    entries = polib.pofile(str(catalog))
    missing = [entry.msgid for entry in entries.untranslated_entries() + entries.fuzzy_entries()]
    assert missing == [], f"untranslated in {catalog.relative_to(ROOT)}: {missing}"


@pytest.mark.django_db
def test_sitemap_lists_real_pages_in_both_languages(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    namespace = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [node.text for node in ElementTree.fromstring(response.content).findall("sm:url/sm:loc", namespace)]
    assert "http://testserver/" in locations
    assert "http://testserver/en/" in locations
    for location in locations:
        assert client.get(location.removeprefix("http://testserver")).status_code == 200, location


@pytest.mark.django_db
def test_admin_is_branded_in_indonesian(client):
    response = client.get("/admin/login/")
    assert "Portal Sosialisasi Imigrasi" in response.text
