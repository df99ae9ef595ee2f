"""Reports are never public, and a reporter's identity appears on no public page and in no log line."""

import logging

import pytest
from django.test import Client

from outreach.abuse.forms import started_value
from outreach.reports.models import Report
from portal import settings as project_settings
from tests.factories import ReportFactory

from .helpers import private_files, upload

pytestmark = pytest.mark.django_db

IDENTITY = {"reporter_name": "Siti Rahayu", "reporter_phone": "0812 3456 7890", "reporter_email": "siti@example.com"}
SECRETS = ["Siti Rahayu", "Rahayu", "0812 3456 7890", "081234567890", "siti@example.com"]


def contact_form():
    return {
        "category": "tppo",
        "description": "Young women from the village are promised jobs abroad and gathered at a house.",
        "identity": "contact",
        "consent": "on",
        "started": started_value(),
        **IDENTITY,
    }


def test_a_submit_with_contact_details_writes_them_to_no_log_line(client, caplog, django_capture_on_commit_callbacks):
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/lapor/", {**contact_form(), "photos": [upload()]})
        client.post("/lapor/periksa/", {})
    client.get("/lapor/terkirim/")
    assert Report.objects.get().reporter_email == "siti@example.com"
    assert caplog.records, "the submit is logged"
    logged = "\n".join(record.getMessage() + str(record.args) for record in caplog.records)
    for secret in SECRETS:
        assert secret not in logged


def test_a_failed_save_logs_no_identity_either(client, caplog):
    from django.db import connection

    client.post("/lapor/", contact_form())
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE reports_reportevent ADD CONSTRAINT test_no_events CHECK (kind <> 'submitted')")
    caplog.set_level(logging.DEBUG)
    assert client.post("/lapor/periksa/", {}).status_code == 503
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "could not be stored" in logged
    for secret in SECRETS:
        assert secret not in logged


def test_the_confirmation_and_status_pages_never_show_the_identity(client):
    client.post("/lapor/", contact_form())
    client.post("/lapor/periksa/", {})
    confirmation = client.get("/lapor/terkirim/")
    reference, pin = confirmation.context["reference"], confirmation.context["pin"]
    client.post("/lapor/cek/", {"reference": reference, "pin": pin})
    status = client.get("/lapor/cek/laporan/")
    assert status.status_code == 200
    for page in (confirmation, status):
        for secret in SECRETS:
            assert secret not in page.text


@pytest.mark.parametrize("url", ["/", "/en/", "/lapor/", "/lapor/cek/", "/en/lapor/cek/", "/sitemap.xml"])
def test_no_public_page_lists_reports(url):
    report = ReportFactory(description="Unique description of a private report")
    html = Client().get(url).text
    assert report.reference not in html
    assert "Unique description" not in html


def test_report_photos_never_land_in_the_public_media_folder(client, settings):
    client.post("/lapor/", {**contact_form(), "photos": [upload()]})
    client.post("/lapor/periksa/", {})
    assert Report.objects.get().photos.count() == 1
    assert private_files(settings)
    assert not settings.MEDIA_ROOT.exists() or not any(path.is_file() for path in settings.MEDIA_ROOT.rglob("*"))
    photo = Report.objects.get().photos.get()
    assert photo.image.storage.location == str(settings.PRIVATE_MEDIA_ROOT)
    # The configured private storage is outside MEDIA_ROOT and has no served URL.
    configured = project_settings.STORAGES["private"]["OPTIONS"]
    assert not str(configured["location"]).startswith(str(project_settings.MEDIA_ROOT))
    assert not configured["base_url"].startswith(project_settings.MEDIA_URL)
