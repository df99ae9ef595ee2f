"""The computed figures read the tallies PostgreSQL keeps, not every activity and report: the same queries with
one row as with thousands, no scan of the activity or report tables in their plans, and the same figures as a
direct count."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from outreach.activities import tallies as activity_tallies
from outreach.activities.models import Activity, Kind, Status
from outreach.reports import tallies as report_tallies
from outreach.reports.models import Report
from outreach.stats.selectors import Statistics, outreach_years
from tests.factories import ActivityFactory, ReportFactory, VillageFactory
from tests.stats.helpers import activity_log, at

pytestmark = pytest.mark.django_db
ROWS = 3000


def many_activities_and_reports():
    """Thousands of activities over ten years in a hundred villages (a few drafts, a few scheduled) and reports."""
    villages = [VillageFactory() for _ in range(20)]
    now = timezone.now()
    rows = []
    for number in range(ROWS):
        starts_at = now - datetime.timedelta(days=1 + number % 3650, hours=number % 7)
        rows.append(
            Activity(
                kind=Kind.IMIGRASI_MASUK_DESA,
                title=f"Kegiatan {number}",
                slug=f"kegiatan-{number}",
                village=villages[number % len(villages)],
                starts_at=starts_at,
                ends_at=starts_at + datetime.timedelta(hours=2),
                male_18_59=number % 40,
                status=Status.PUBLISHED if number % 10 else Status.DRAFT,
            )
        )
    Activity.objects.bulk_create(rows)
    ActivityFactory.create_batch(3, starts_at=now + datetime.timedelta(days=3), village=villages[0])
    Report.objects.bulk_create(
        Report(
            reference=f"LPR-{number:04d}-0000",
            category="overstay",
            description="Uji.",
            first_response_due=timezone.localdate(),
            created_at=now - datetime.timedelta(days=number % 1000),
            pin_hash="x",
        )
        for number in range(ROWS)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def computing_queries() -> int:
    """The queries of computing the figures (not the remembered ones: a moment other than now)."""
    with CaptureQueriesContext(connection) as context:
        Statistics.collect(now=timezone.now() - datetime.timedelta(seconds=1))
    return len(context.captured_queries)


def test_the_figures_take_as_many_queries_with_thousands_of_rows_as_with_a_few():
    activity_log()
    ReportFactory()
    few = computing_queries()
    many_activities_and_reports()
    assert computing_queries() == few


def plan(query: str, params: dict) -> str:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + query, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def assert_reads_only_the_schedule(shown: str):
    """The activities table is read through an index on the start, from now on (the few scheduled ones)."""
    assert re.search(r"Index Scan using \w+ on activities_activity .*\n\s+Index Cond: .*starts_at > ", shown), shown
    assert "Seq Scan on activities_activity" not in shown, shown


@pytest.fixture
def analysed_rows():
    many_activities_and_reports()
    activity_tallies.fold()
    report_tallies.fold()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def test_the_activities_held_are_read_from_the_month_tally_and_the_schedule_index(analysed_rows):
    shown = plan(
        activity_tallies.BY_YEAR, {"now": timezone.now(), "since": datetime.date(1, 1, 1), "until": "9999-12-31"}
    )
    assert "activities_monthtally" in shown, shown
    assert_reads_only_the_schedule(shown)


def test_the_places_reached_are_read_from_their_tally_and_the_schedule_index(analysed_rows):
    shown = plan(activity_tallies.PLACES, {"now": timezone.now(), "first_year": 1, "last_year": 9999})
    assert "activities_placesreached" in shown, shown
    assert_reads_only_the_schedule(shown)


def test_the_reports_are_read_from_their_tally_alone(analysed_rows):
    shown = plan(report_tallies.RECEIVED, {"first_year": 1, "last_year": 9999})
    assert "reports_tally" in shown, shown
    assert "reports_report" not in shown, shown


def test_a_direct_count_of_the_activities_would_scan_them(analysed_rows):
    shown = Activity.objects.published().started().explain()
    assert "Seq Scan on activities_activity" in shown, shown


def test_the_figures_equal_a_direct_count_after_a_bulk_unpublish():
    activity_log()
    Activity.objects.filter(starts_at__year=2024, kind=Kind.IMIGRASI_MASUK_DESA).update(status=Status.DRAFT)
    (year,) = [row for row in outreach_years() if row.year == 2024]
    held = Activity.objects.published().started().filter(starts_at__year=2024)
    assert year.activities_total == held.count() == 1
    assert year.people_total == sum(activity.attendance_total for activity in held)
    assert year.places["villages"] == 0 and year.places["schools"] == 1


def test_a_scheduled_activity_is_not_held_until_it_starts():
    activity_log()
    today = timezone.localdate()
    before = {row.year: row.activities_total for row in outreach_years()}
    ActivityFactory(starts_at=timezone.now() + datetime.timedelta(hours=1))
    assert {row.year: row.activities_total for row in outreach_years()} == before
    later = timezone.now() + datetime.timedelta(hours=2)
    assert {row.year: row.activities_total for row in outreach_years(later)}[today.year] == before.get(
        today.year, 0
    ) + 1


def test_a_draft_never_shows_in_the_public_figures():
    ActivityFactory(starts_at=at(2024, 4, 4), status=Status.DRAFT, male_18_59=77)
    assert outreach_years() == []
