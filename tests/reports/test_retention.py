import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from outreach.outbox.models import Email
from outreach.reports.models import Identity, Report, ReportPhoto, Status
from tests.factories import EmailFactory, ReportFactory, ReportPhotoFactory

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def closed_report(days, status=Status.CLOSED, **kwargs):
    return ReportFactory(with_contact=True, status=status, closed_at=days_ago(days), **kwargs)


def purge(*args):
    out = StringIO()
    call_command("purge_reporter_data", *args, stdout=out)
    return out.getvalue()


def test_it_erases_the_identity_and_photos_of_reports_closed_long_ago(django_capture_on_commit_callbacks):
    report = closed_report(400)
    photo = ReportPhotoFactory(report=report)
    storage, name = photo.image.storage, photo.image.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        output = purge()
    report.refresh_from_db()
    assert (report.reporter_name, report.reporter_phone, report.reporter_email) == ("", "", "")
    assert report.identity_erased_at is not None
    assert report.photos_purged_at is not None
    assert not ReportPhoto.objects.exists()
    assert not storage.exists(name)
    assert (
        output == "Purged 1 reports closed more than 365 days ago (1 reporter identities, 1 photos); "
        "0 abandoned report drafts removed. Expired sessions and 0 expired abuse counters deleted.\n"
    )


def test_the_anonymised_report_is_kept_for_statistics(django_capture_on_commit_callbacks):
    report = closed_report(400, category="tppo")
    with django_capture_on_commit_callbacks(execute=True):
        purge()
    kept = Report.objects.get(pk=report.pk)
    assert (kept.category, kept.status, kept.kecamatan) == ("tppo", Status.CLOSED, "srengat")
    # An erased report keeps the reporter's choice; has_contact is false so nobody tries to reach them.
    assert kept.identity == Identity.WITH_CONTACT
    assert not kept.has_contact


def test_rejected_reports_are_purged_too():
    report = closed_report(400, status=Status.REJECTED)
    purge()
    report.refresh_from_db()
    assert report.identity_erased_at is not None


def test_emails_to_the_reporter_about_the_purged_report_are_forgotten():
    report = closed_report(400)
    EmailFactory(about=report, to=report.reporter_email, subject="Pembaruan")
    EmailFactory(about=report, to="petugas@example.go.id", subject="Laporan baru")
    purge()
    assert list(Email.objects.values_list("to", flat=True)) == ["petugas@example.go.id"]


def test_emails_to_the_same_address_about_a_report_still_kept_are_not_forgotten():
    purged, kept = closed_report(400), closed_report(30)
    EmailFactory(about=kept, to=purged.reporter_email, subject="Pembaruan")
    purge()
    assert Email.objects.about(kept).count() == 1


def test_recently_closed_reports_are_left_alone():
    report = closed_report(30)
    photo = ReportPhotoFactory(report=report)
    purge()
    report.refresh_from_db()
    assert report.reporter_name == "Siti Rahayu"
    assert report.identity_erased_at is None
    assert photo.image.storage.exists(photo.image.name)


def test_open_reports_are_left_alone_however_old():
    report = ReportFactory(with_contact=True, status=Status.IN_PROGRESS, created_at=days_ago(900))
    ReportPhotoFactory(report=report)
    purge()
    report.refresh_from_db()
    assert report.reporter_name == "Siti Rahayu"
    assert report.photos.count() == 1


def test_days_can_be_given(settings):
    settings.REPORT_RETENTION_DAYS = 1000
    report = closed_report(40)
    assert "Purged 0 reports" in purge()
    assert "Purged 1 reports closed more than 30 days ago" in purge("--days", "30")
    report.refresh_from_db()
    assert report.identity_erased_at is not None


def test_the_default_comes_from_the_settings(settings):
    settings.REPORT_RETENTION_DAYS = 10
    closed_report(40)
    assert "more than 10 days ago" in purge()


def test_a_dry_run_changes_nothing(django_capture_on_commit_callbacks):
    report = closed_report(400)
    photo = ReportPhotoFactory(report=report)
    with django_capture_on_commit_callbacks(execute=True):
        output = purge("--dry-run")
    assert (
        output == "Would purge 1 reports closed more than 365 days ago (1 reporter identities, 1 photos); "
        "0 abandoned report drafts removed.\n"
    )
    report.refresh_from_db()
    assert report.reporter_name == "Siti Rahayu"
    assert report.identity_erased_at is None
    assert report.photos.count() == 1
    assert photo.image.storage.exists(photo.image.name)


def test_a_second_run_finds_nothing_more():
    closed_report(400)
    purge()
    assert purge().startswith("Purged 0 reports")


def test_anonymous_reports_only_lose_their_photos(django_capture_on_commit_callbacks):
    report = ReportFactory(status=Status.CLOSED, closed_at=days_ago(400))
    ReportPhotoFactory(report=report)
    with django_capture_on_commit_callbacks(execute=True):
        output = purge()
    report.refresh_from_db()
    assert report.identity_erased_at is None
    assert report.photos_purged_at is not None
    assert "(0 reporter identities, 1 photos)" in output


def test_negative_days_are_refused():
    with pytest.raises(Exception, match="negative"):
        purge("--days", "-1")
