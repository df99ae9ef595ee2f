"""The report export streams: memory stays flat however many reports it holds."""

import datetime
import tracemalloc

import pytest
from django.utils import timezone

from outreach.reports.models import Report, Status
from tests.factories import officer

pytestmark = pytest.mark.django_db

EXPORT = "/admin/reports/report/export.csv"
ROWS = 20_000
PEAK_BOUND = 12 * 1024 * 1024  # bytes; measured: 5 MiB streamed, 62 MiB for the whole list at once


@pytest.fixture
def many_reports():
    today = timezone.localdate()
    Report.objects.bulk_create(
        Report(
            reference=f"LPR-{number % 10_000:04d}-{number // 10_000:04d}",
            category="overstay",
            description="Contoh laporan.",
            kecamatan="srengat",
            village="Togogan",
            status=Status.CLOSED,
            first_response_due=today - datetime.timedelta(days=number % 900),
            pin_hash="x",
        )
        for number in range(ROWS)
    )


def peak_while(consume) -> int:
    tracemalloc.start()
    try:
        consume()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_the_export_streams_twenty_thousand_reports_in_bounded_memory(client, many_reports):
    client.force_login(officer())
    response = client.get(EXPORT)
    assert response.streaming
    lines = 0

    def consume():
        nonlocal lines
        for chunk in response.streaming_content:
            lines += chunk.count(b"\r\n")

    peak = peak_while(consume)
    assert lines == ROWS + 1
    assert peak < PEAK_BOUND, f"{peak / 2**20:.1f} MiB"


def test_holding_every_report_at_once_would_break_the_bound(many_reports):
    peak = peak_while(lambda: list(Report.objects.select_related("assigned_to")))
    assert peak > PEAK_BOUND, f"{peak / 2**20:.1f} MiB"
