"""The tally of reports PostgreSQL keeps (outreach/reports/tallies.py) always equals a direct count of the
reports: after reports are received, triaged, updated by a queryset or raw SQL and deleted, folded or not."""

import datetime
import threading

import pytest
from django.db import connection
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils import timezone

from outreach.reports import tallies
from outreach.reports.models import Report, Status, Tally, TallyChange
from tests.factories import ReportFactory, StaffFactory

pytestmark = pytest.mark.django_db


def direct() -> dict:
    rows = (
        Report.objects.annotate(year=ExtractYear("created_at"))
        .values("year", "category", "status")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {(row["year"], row["category"], row["status"]): row["count"] for row in rows}


def tallied() -> dict:
    return {(row["year"], row["category"], row["status"]): row["reports"] for row in tallies.received()}


def assert_tally_counts_right():
    """Equal to the direct count before the changes are folded and after."""
    for _fold in range(2):
        assert tallied() == direct()
        tallies.fold()
    assert not TallyChange.objects.exists()


@pytest.fixture
def reports():
    ReportFactory.create_batch(3)
    ReportFactory(category="tppo")
    ReportFactory(created_at=timezone.now() - datetime.timedelta(days=800))


def test_received_reports_are_counted(reports):
    assert direct()  # not two empty results
    assert_tally_counts_right()


def test_a_tally_of_no_reports_is_empty():
    tallies.fold()
    assert tallied() == {}
    assert not Tally.objects.exists()


def test_a_status_change_moves_the_report_between_statuses(reports):
    report = Report.objects.filter(category="tppo").get()
    report.transition(Status.VERIFIED, by=StaffFactory())
    assert_tally_counts_right()
    assert tallied()[(timezone.localdate().year, "tppo", Status.VERIFIED)] == 1
    assert (timezone.localdate().year, "tppo", Status.NEW) not in tallied()


def test_a_queryset_update_that_bypasses_save_is_counted(reports):
    Report.objects.filter(category="overstay").update(status=Status.REJECTED)
    Report.objects.filter(category="tppo").update(created_at=timezone.now() - datetime.timedelta(days=400))
    assert_tally_counts_right()


def test_raw_sql_and_deletes_are_counted(reports):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE reports_report SET category = 'other' WHERE category = 'tppo'")
    Report.objects.filter(category="overstay").first().delete()
    assert_tally_counts_right()
    Report.objects.all().delete()
    assert_tally_counts_right()
    assert tallied() == {}


def test_an_unchanged_row_writes_no_change(reports):
    tallies.fold()
    Report.objects.update(description="Diperbarui.")
    assert not TallyChange.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_report_is_stored_while_a_status_change_is_not_committed_yet():
    """The second does not wait for the first to commit (a tally row updated in place would stay locked until
    then: every report of the same category and year would queue behind it)."""
    ReportFactory()
    other = connection.copy()
    stored = threading.Event()

    def store_one():
        ReportFactory()
        stored.set()
        connection.close()

    thread = threading.Thread(target=store_one)
    try:
        other.set_autocommit(False)
        with other.cursor() as cursor:  # triage under way in another process, not committed yet
            cursor.execute("UPDATE reports_report SET status = 'verified'")
        thread.start()
        stored_at_once = stored.wait(timeout=10)
    finally:
        other.rollback()
        other.close()
        thread.join()
    assert stored_at_once
    assert_tally_counts_right()


def test_the_tally_counts_years_in_the_sites_time_zone(settings):
    """The triggers were made with the time zone of their migration: a change of TIME_ZONE needs new ones."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_functiondef('report_tally_change'::regproc)")
        assert f"AT TIME ZONE '{settings.TIME_ZONE}'" in cursor.fetchone()[0]
    ReportFactory(created_at=timezone.make_aware(datetime.datetime(2025, 1, 1, 0, 30)))  # 2024 in UTC
    assert tallied() == direct()
    assert {year for year, _category, _status in tallied()} == {2025}
