"""Temporary photos of a report being written: private, per draft, removed when no longer needed."""

import datetime
import os
import time

import pytest
from django.utils import timezone

from outreach.abuse.forms import started_value
from outreach.reports import drafts
from outreach.reports.models import Report, ReportPhoto

from .helpers import private_files, upload

pytestmark = pytest.mark.django_db


def form(**overrides):
    return {
        "category": "other",
        "description": "Something happened near the market that the office should know about.",
        "identity": "anonymous",
        "started": started_value(),
        **overrides,
    }


def test_the_sweep_removes_drafts_older_than_a_day(client, settings):
    client.post("/lapor/", {**form(), "photos": [upload()]})
    [name] = private_files(settings)
    old = time.time() - drafts.DRAFT_MAX_AGE.total_seconds() - 60
    os.utime(settings.PRIVATE_MEDIA_ROOT / name, (old, old))
    assert drafts.sweep_abandoned() == 1
    assert private_files(settings) == []


def test_the_sweep_keeps_recent_drafts(client, settings):
    client.post("/lapor/", {**form(), "photos": [upload()]})
    assert drafts.sweep_abandoned(timezone.now() + datetime.timedelta(hours=1)) == 0
    assert len(private_files(settings)) == 1


def test_showing_the_form_never_sweeps_the_draft_folder(client, settings):
    """The sweep is the daily purge's job: a request must not scan every draft on the disk."""
    from django.test import Client

    client.post("/lapor/", {**form(), "photos": [upload()]})
    [name] = private_files(settings)
    old = time.time() - drafts.DRAFT_MAX_AGE.total_seconds() - 60
    os.utime(settings.PRIVATE_MEDIA_ROOT / name, (old, old))
    Client().get("/lapor/")
    Client().post("/lapor/", form())
    assert private_files(settings) == [name]


def test_the_draft_keeps_no_contact_details_for_an_anonymous_report(client):
    client.post("/lapor/", form(reporter_name="Siti Rahayu", reporter_email="siti@example.com"))
    answers = client.session["report_draft"]["answers"]
    assert answers["reporter_name"] == "" and answers["reporter_email"] == ""


def test_the_daily_purge_command_sweeps_abandoned_drafts(client, settings):
    from io import StringIO

    from django.core.management import call_command

    client.post("/lapor/", {**form(), "photos": [upload()]})
    [name] = private_files(settings)
    old = time.time() - drafts.DRAFT_MAX_AGE.total_seconds() - 60
    os.utime(settings.PRIVATE_MEDIA_ROOT / name, (old, old))
    out = StringIO()
    call_command("purge_reporter_data", stdout=out)
    assert "1 abandoned report drafts removed" in out.getvalue()
    assert private_files(settings) == []


def test_sending_a_draft_stores_its_photo_as_the_form_cleaned_it(client, settings):
    """The photo is checked and re-encoded once, by the form: sending stores those bytes, not a second encoding."""
    client.post("/lapor/", {**form(), "photos": [upload()]})
    [draft_name] = private_files(settings)
    cleaned = (settings.PRIVATE_MEDIA_ROOT / draft_name).read_bytes()
    client.post("/lapor/periksa/")
    photo = ReportPhoto.objects.get()
    assert photo.image.name != draft_name
    assert (settings.PRIVATE_MEDIA_ROOT / photo.image.name).read_bytes() == cleaned


def test_sending_a_draft_whose_photo_file_is_gone_stores_nothing(client, settings):
    client.post("/lapor/", {**form(), "photos": [upload()]})
    [draft_name] = private_files(settings)
    (settings.PRIVATE_MEDIA_ROOT / draft_name).unlink()
    response = client.post("/lapor/periksa/")
    assert response.status_code == 503
    assert not Report.objects.exists() and not ReportPhoto.objects.exists()
