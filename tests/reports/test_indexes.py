"""The admin home's report counts and the report list's filters and search read an index, not the whole table
(EXPLAIN on a few thousand rows)."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from outreach.reports.models import Report, Status

pytestmark = pytest.mark.django_db
ROWS = 3000


@pytest.fixture
def many_closed_reports():
    today = timezone.localdate()
    rows = [
        Report(
            reference=f"LPR-{number:04d}-TEST",
            category="overstay",
            description="Contoh laporan.",
            kecamatan="srengat",
            status=Status.NEW if number % 500 == 0 else Status.CLOSED,
            first_response_due=today - datetime.timedelta(days=number % 900),
            pin_hash="x",
        )
        for number in range(ROWS)
    ]
    Report.objects.bulk_create(rows)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE reports_report")


def test_the_overdue_count_reads_an_index_on_the_status(many_closed_reports):
    plan = Report.objects.overdue().explain()
    # report_status_due, or report_status_list when PostgreSQL finds the few new reports cheaper to read there
    assert "report_status_due" in plan or "report_status_list" in plan, plan


def test_a_query_without_an_index_scans_the_table(many_closed_reports):
    plan = Report.objects.filter(description__contains="laporan").order_by().explain()
    assert "Seq Scan" in plan, plan


@pytest.mark.parametrize(
    ("lookup", "index"),
    [
        ({"status": Status.NEW}, "report_status_list"),
        ({"priority": "urgent"}, "report_priority_list"),
        ({"category": "tppo"}, "report_category_list"),
    ],
)
def test_a_filtered_admin_list_reads_its_rows_in_order_from_an_index(many_closed_reports, lookup, index):
    plan = Report.objects.filter(**lookup).order_by("-created_at", "-id")[:50].explain()
    assert index in plan, plan
    assert "Sort Key" not in plan, plan


def test_a_search_for_part_of_a_reference_reads_the_fragment_index(many_closed_reports):
    plan = Report.objects.with_reference_containing("0042").explain()
    assert "report_reference_fragments" in plan, plan


def test_the_not_overdue_filter_is_a_condition_on_the_row_without_a_subquery(many_closed_reports):
    sql = str(Report.objects.not_overdue().query)
    assert "SELECT" not in sql.partition("WHERE")[2], sql
