import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from outreach.stats.areas import kecamatan_overview
from tests.factories import ActivityFactory, ReportFactory, VillageFactory, officer, supervisor

pytestmark = pytest.mark.django_db
URL = "/statistik/peta/"
ADMIN_URL = "/admin/stats/yearlyreport/kecamatan/"


def ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def bakung_and_srengat():
    """Bakung: 6 reports and 2 visits this year; Srengat: 2 reports, no visit; old data that must not count."""
    bakung = VillageFactory(name="Desa Bakung", kecamatan="bakung", latitude="-8.250000", longitude="112.140000")
    VillageFactory(name="Desa Sumberdadi", kecamatan="bakung", latitude="-8.260000", longitude="112.160000")
    for _ in range(6):
        ReportFactory(kecamatan="bakung", created_at=ago(30))
    for _ in range(2):
        ReportFactory(kecamatan="srengat", created_at=ago(30))
    ReportFactory(kecamatan="bakung", created_at=ago(400))
    ActivityFactory(village=bakung, starts_at=ago(20), male_18_59=10, female_18_59=5)
    ActivityFactory(village=bakung, starts_at=ago(60), male_18_59=3, female_18_59=0)
    ActivityFactory(village=bakung, starts_at=ago(500))
    ActivityFactory(village=bakung, starts_at=ago(-10))  # scheduled: not held yet
    return bakung


def rows_by_code():
    rows, _since = kecamatan_overview()
    return {row.code: row for row in rows}


def test_it_counts_reports_and_held_visits_per_kecamatan_over_twelve_months(bakung_and_srengat):
    rows = rows_by_code()
    assert (rows["bakung"].reports, rows["bakung"].visits, rows["bakung"].people) == (6, 2, 18)
    assert (rows["srengat"].reports, rows["srengat"].visits) == (2, 0)
    assert len(rows) == 25


def test_a_kecamatan_sits_at_the_average_position_of_its_places(bakung_and_srengat):
    rows = rows_by_code()
    assert (rows["bakung"].latitude, rows["bakung"].longitude) == (-8.255, 112.15)
    assert rows["srengat"].latitude is None


def test_the_public_page_hides_small_report_counts_and_shows_no_point(client, bakung_and_srengat):
    html = client.get(URL).text
    assert re.search(r'data-kecamatan="bakung">6<', html)
    assert re.search(r'data-kecamatan="srengat">&lt; 5<', html)
    markers = json.loads(re.search(r'id="kecamatan-markers"[^>]*>(.*?)</script>', html, re.S).group(1))
    assert [marker["lines"][0] for marker in markers] == ["Kecamatan Bakung"]
    assert "Laporan diterima: 6" in markers[0]["lines"]
    assert "-8.25" not in html.replace("-8.255", "")  # no place's own position, only the kecamatan's


def test_the_public_page_answers_in_english(client, bakung_and_srengat):
    html = client.get("/en" + URL).text
    assert "You reported, we came" in html


def test_a_supervisor_sees_exact_counts(client, bakung_and_srengat):
    client.force_login(supervisor())
    html = client.get(ADMIN_URL).text
    assert re.search(r'data-kecamatan="srengat">2<', html)


def test_officers_do_not_see_the_exact_counts(client):
    client.force_login(officer())
    assert client.get(ADMIN_URL).status_code == 403


def test_query_count_does_not_grow_with_the_data(client, bakung_and_srengat):
    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(URL).status_code == 200
        return len(context.captured_queries)

    small = queries()
    for kecamatan in ("wlingi", "talun", "garum"):
        village = VillageFactory(kecamatan=kecamatan)
        ActivityFactory(village=village, starts_at=ago(5))
        ReportFactory(kecamatan=kecamatan, created_at=ago(5))
    assert queries() == small
