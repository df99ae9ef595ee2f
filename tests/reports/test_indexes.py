"""The admin home's report counts read an index, not the whole table (EXPLAIN on a few thousand rows)."""

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


def test_the_overdue_count_reads_the_status_and_due_date_index(many_closed_reports):
    plan = Report.objects.overdue().explain()
    assert "report_status_due" in plan, plan


def test_a_query_without_an_index_scans_the_table(many_closed_reports):
    plan = Report.objects.filter(description__contains="laporan").order_by().explain()
    assert "Seq Scan" in plan, plan
