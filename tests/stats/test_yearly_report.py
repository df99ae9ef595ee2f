import csv
import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from outreach.reports.models import ReportEvent
from outreach.stats.yearly_report import (
    activities_table,
    reports_by_category_table,
    reports_by_month_table,
    response_times_table,
    working_days_between,
)
from tests.factories import ReportFactory, StaffFactory, content_editor, officer, supervisor
from tests.stats.helpers import activity_log, at

pytestmark = pytest.mark.django_db
URL = "/admin/stats/yearlyreport/"


def shown(table):
    """{row header: [cell texts]} of a table."""
    return {row.header: [cell.display for cell in row.cells] for row in table.rows}


def report(created, *, category="overstay", responded=None):
    """A report received at ``created``; ``responded``: when it was first verified."""
    item = ReportFactory(category=category, created_at=created)
    if responded:
        item.transition("verified", by=None)
        ReportEvent.objects.filter(report=item, kind="transition").update(created_at=responded)
    return item


def test_the_activities_table_lists_programs_and_places_by_sex_and_age_with_totals():
    activity_log()
    table = activities_table(2024, now=at(2025, 12, 1))
    rows = shown(table)
    # activities, male <18, 18–59, 60+, female <18, 18–59, 60+, people reached
    assert rows["Imigrasi Masuk Desa — Desa Bakung"] == ["2", "0", "10", "4", "0", "12", "3", "29"]
    school = next(header for header in rows if header.startswith("Sekolah & kampus — "))
    assert rows[school] == ["1", "30", "0", "0", "35", "0", "0", "65"]
    assert rows["Semua program"] == ["3", "30", "10", "4", "35", "12", "3", "94"]


def test_the_activities_table_leaves_out_drafts_and_scheduled_visits():
    activity_log()
    rows = shown(activities_table(2025, now=at(2025, 12, 1)))
    assert rows["Semua program"][0] == "2" and rows["Semua program"][-1] == "26"


def test_the_reports_table_crosses_category_and_status_with_totals():
    for _ in range(3):
        report(at(2025, 3, 3))
    report(at(2025, 3, 4), category="tppo", responded=at(2025, 3, 4, 10))
    rows = shown(reports_by_category_table(2025))
    # new, verified, rejected, in progress, forwarded, closed, total
    assert rows["Orang asing melebihi izin tinggal (overstay)"] == ["3", "0", "0", "0", "0", "0", "3"]
    assert rows["Dugaan tindak pidana perdagangan orang (TPPO)"] == ["0", "1", "0", "0", "0", "0", "1"]
    assert rows["Jumlah"] == ["3", "1", "0", "0", "0", "0", "4"]


def test_first_responses_are_measured_against_three_working_days():
    # Received Friday 7 March 2025: due Wednesday 12 March.
    friday = at(2025, 3, 7)
    report(friday, responded=at(2025, 3, 12, 15))  # on time
    report(friday, responded=at(2025, 3, 13, 9))  # late
    report(friday)  # never answered: overdue
    rows = shown(response_times_table(2025, today=datetime.date(2025, 4, 1)))
    assert rows["Tanggapan pertama dalam 3 hari kerja"] == ["1"]
    assert rows["Tanggapan pertama setelah tenggat"] == ["1"]
    assert rows["Belum ditanggapi, tenggat terlewati"] == ["1"]
    assert rows["Median hari kerja sampai tanggapan pertama"] == ["4"]
    months = shown(reports_by_month_table(2025, today=datetime.date(2025, 4, 1)))
    assert months["Maret"] == ["3", "1", "2"] and months["Januari"] == ["0", "0", "0"]


def test_a_report_still_within_its_deadline_is_not_late():
    report(at(2025, 3, 7))
    rows = shown(response_times_table(2025, today=datetime.date(2025, 3, 10)))
    assert rows["Belum ditanggapi, masih dalam tenggat"] == ["1"]
    assert rows["Belum ditanggapi, tenggat terlewati"] == ["0"]


def test_working_days_skip_the_weekend():
    assert working_days_between(datetime.date(2025, 3, 7), datetime.date(2025, 3, 10)) == 1
    assert working_days_between(datetime.date(2025, 3, 7), datetime.date(2025, 3, 7)) == 0


def test_a_supervisor_switches_the_year(client):
    activity_log()
    client.force_login(supervisor())
    response = client.get(URL, {"year": "2024"})
    assert response.status_code == 200
    assert "Laporan tahunan 2024" in response.text
    assert '<option value="2024" selected>' in response.text and '<option value="2025">' in response.text
    assert "@page { size: A4" in response.text


def test_an_unknown_year_shows_the_current_year_with_an_error(client):
    client.force_login(supervisor())
    response = client.get(URL, {"year": "20x4"})
    assert response.status_code == 200
    assert f"Laporan tahunan {timezone.localdate().year}" in response.text
    assert "Tidak ada laporan untuk “20x4”" in response.text


def test_every_table_downloads_as_csv(client):
    activity_log()
    client.force_login(supervisor())
    html = client.get(URL, {"year": "2024"}).text
    for slug in ["activities-by-place", "reports-by-category", "reports-by-month", "response-times"]:
        assert f'href="?year=2024&amp;download={slug}"' in html
        response = client.get(URL, {"year": "2024", "download": slug})
        assert response["Content-Disposition"] == f'attachment; filename="laporan-tahunan-2024-{slug}.csv"'
    rows = list(csv.reader(io.StringIO(client.get(URL, {"year": "2024", "download": "activities-by-place"}).text)))
    assert rows[-1] == ["Semua program", "3", "30", "10", "4", "35", "12", "3", "94"]


def test_an_unknown_table_is_not_found(client):
    client.force_login(supervisor())
    assert client.get(URL, {"download": "secrets"}).status_code == 404


@pytest.mark.parametrize("make_user", [officer, content_editor])
def test_only_supervisors_see_the_yearly_report(client, make_user):
    client.force_login(make_user())
    assert client.get(URL).status_code == 403
    assert client.get(URL, {"download": "activities-by-place"}).status_code == 403


def test_staff_without_a_role_cannot_see_it_and_anonymous_visitors_log_in(client):
    assert client.get(URL)["Location"].startswith("/admin/login/")
    client.force_login(StaffFactory())
    assert client.get(URL).status_code == 403


def test_the_admin_index_lists_the_yearly_report_for_supervisors(client):
    client.force_login(supervisor())
    assert f'href="{URL}"' in client.get("/admin/").text


def test_query_count_does_not_grow_with_the_data(client):
    client.force_login(supervisor())
    activity_log()
    report(at(2024, 3, 7), responded=at(2024, 3, 8))

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(URL, {"year": "2024"}).status_code == 200
        return len(context.captured_queries)

    small = queries()
    activity_log()
    for day in range(3, 20):
        report(at(2024, 5, day), category="tppo", responded=at(2024, 5, day, 15))
    assert queries() == small


def test_every_table_downloads_together_as_a_workbook(client):
    activity_log()
    client.force_login(supervisor())
    response = client.get(URL, {"year": "2024", "download": "xlsx"})
    assert response["Content-Disposition"] == 'attachment; filename="laporan-tahunan-2024.xlsx"'
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["activities-by-place", "reports-by-category", "reports-by-month", "response-times"]
    last = [cell.value for cell in list(workbook["activities-by-place"].rows)[-1]]
    assert last == ["Semua program", 3, 30, 10, 4, 35, 12, 3, 94]
