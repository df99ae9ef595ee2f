"""Project guard tests: migrations, translation catalogs, sitemap, admin branding, settings."""

import re
from io import StringIO
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(path for folder in ("outreach", "portal") for path in (ROOT / folder).rglob("*.py"))
# The ways code reads a setting by name: ``settings.NAME``, ``getattr(settings, "NAME"`` and a setting's
# name handed to code that reads it (``min_fill_setting = "NAME"``).
SETTING_READ = re.compile(
    r"""\bsettings\.([A-Z][A-Z0-9_]*)\b"""
    r"""|getattr\(\s*settings\s*,\s*["']([A-Z][A-Z0-9_]*)["']"""
    r"""|\w*setting\b[^=\n]*=\s*["']([A-Z][A-Z0-9_]*)["']"""
)
# The environment variables settings.py reads, through os.environ or its env_* and require helpers.
ENVIRONMENT_READ = re.compile(r"""(?:environ\.get|env_bool|env_int|env_list|require)\(\s*["']([A-Z][A-Z0-9_]*)["']""")
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
def test_sitemap_lists_real_pages_in_both_languages(client, read_sitemap):
    locations = re.findall(r"<loc>(.*?)</loc>", read_sitemap())
    assert "http://testserver/" in locations
    assert "http://testserver/en/" in locations
    for location in locations:
        assert client.get(location.removeprefix("http://testserver")).status_code == 200, location


@pytest.mark.django_db
def test_admin_is_branded_in_indonesian(client):
    response = client.get("/admin/login/")
    assert "Portal Sosialisasi Imigrasi" in response.text


def settings_read_in(source: str) -> set[str]:
    return {next(name for name in match if name) for match in SETTING_READ.findall(source)}


def test_the_settings_scan_finds_both_ways_of_reading_a_setting():
    source = """
        settings.REPORT_RETENTION_DAYS + getattr(settings, "NOT_A_SETTING", 3) + other.settings_like
        min_fill_setting = "ANOTHER_SETTING"
        def seconds(setting: str = "A_DEFAULT_SETTING"): ...
        title = "NOT_READ"
    """
    assert settings_read_in(source) == {
        "REPORT_RETENTION_DAYS",
        "NOT_A_SETTING",
        "ANOTHER_SETTING",
        "A_DEFAULT_SETTING",
    }


def test_every_setting_the_code_reads_is_defined():
    undefined = sorted(
        f"{path.relative_to(ROOT)}: {name}"
        for path in SOURCES
        for name in settings_read_in(path.read_text())
        if not hasattr(settings, name)
    )
    assert undefined == []


def test_the_readme_documents_every_environment_variable():
    readme = (ROOT / "README.md").read_text()
    variables = set(ENVIRONMENT_READ.findall((ROOT / "portal" / "settings.py").read_text()))
    assert "DEBUG" in variables
    assert sorted(name for name in variables if f"`{name}" not in readme) == []
