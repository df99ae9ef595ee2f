"""scripts/backup.py: a backup of the database and every media file, and a restore that brings them back."""

import datetime
import json
import os
import subprocess
import sys

import pytest
from django.db import connection

from outreach.activities.models import Activity, Status
from outreach.reports.models import Report
from tests.factories import ActivityFactory, ReportFactory, activity_photo
from tests.multi.helpers import ROOT, database_url

pytestmark = pytest.mark.django_db(transaction=True)


def run_script(settings, *args) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DEBUG": "true",
        "DATABASE_URL": database_url(connection.settings_dict),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
    }
    command = [sys.executable, str(ROOT / "scripts" / "backup.py"), *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


def back_up(settings, tmp_path):
    result = run_script(settings, "backup", "--into", str(tmp_path / "backups"))
    assert result.returncode == 0, result.stderr
    (folder,) = (tmp_path / "backups").iterdir()
    assert result.stdout == f"Backup written to {folder}\n"
    return folder


def test_a_restore_brings_back_the_data_and_the_media_files_of_the_backup(settings, tmp_path):
    report = ReportFactory()
    activity = ActivityFactory(status=Status.PUBLISHED, title="Sosialisasi sebelum cadangan")
    photo = activity_photo(activity)
    original = settings.PRIVATE_MEDIA_ROOT / photo.image.name
    public_copy = settings.MEDIA_ROOT / photo.public_files["original"]
    original_bytes = original.read_bytes()
    folder = back_up(settings, tmp_path)

    Report.objects.filter(pk=report.pk).delete()
    Activity.objects.filter(pk=activity.pk).update(title="Diubah sesudah cadangan")
    original.unlink()
    public_copy.unlink()
    stray = settings.MEDIA_ROOT / "activities" / "added-after-the-backup.jpg"
    stray.write_bytes(b"not in the backup")

    result = run_script(settings, "restore", str(folder), "--yes")
    assert result.returncode == 0, result.stderr
    assert Report.objects.filter(pk=report.pk, reference=report.reference).exists()
    assert Activity.objects.get(pk=activity.pk).title == "Sosialisasi sebelum cadangan"
    assert original.read_bytes() == original_bytes
    assert public_copy.exists()
    assert not stray.exists()


def test_a_restore_without_yes_changes_nothing(settings, tmp_path):
    report = ReportFactory()
    folder = back_up(settings, tmp_path)
    Report.objects.filter(pk=report.pk).delete()
    result = run_script(settings, "restore", str(folder))
    assert result.returncode == 1
    assert "--yes" in result.stderr
    assert not Report.objects.filter(pk=report.pk).exists()


def test_a_backup_is_named_for_its_manifests_time_in_the_portals_time_zone_on_a_utc_server(
    settings, tmp_path, monkeypatch
):
    monkeypatch.setenv("TZ", "UTC")
    folder = back_up(settings, tmp_path)
    created = datetime.datetime.fromisoformat(json.loads((folder / "manifest.json").read_text())["created"])
    assert created.utcoffset() == datetime.timedelta(hours=7)
    assert folder.name == f"portal-{created:%Y%m%d-%H%M%S}"


def test_a_folder_that_is_no_backup_is_refused(settings, tmp_path):
    result = run_script(settings, "restore", str(tmp_path), "--yes")
    assert result.returncode == 1
    assert "is not a backup folder" in result.stderr
