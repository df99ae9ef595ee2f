import datetime

import pytest

from outreach.activities.models import Activity
from outreach.stats.selectors import (
    Change,
    key_figures,
    outreach_years,
    published_tables,
    reports_years,
    suppressed,
)
from tests.factories import FigureFactory, ReportFactory, SeriesFactory
from tests.stats.helpers import activity_log, at

pytestmark = pytest.mark.django_db


def series_table(slug):
    return next(table for table in published_tables() if table.series.slug == slug)


def test_year_over_year_is_computed_between_whole_years():
    series = SeriesFactory(slug="passports")
    FigureFactory(series=series, year=2022, value=29150)
    FigureFactory(series=series, year=2023, value=31598)
    first, second = series_table("passports").years
    assert first.change is None
    assert second.change == Change(difference=2448, percent=8.4)


def test_year_over_year_is_not_computed_between_different_periods():
    series = SeriesFactory(slug="refusals")
    FigureFactory(series=series, year=2023, value=294)
    FigureFactory(series=series, year=2024, value=160, as_of=datetime.date(2024, 11, 18))
    assert [row.change for row in series_table("refusals").years] == [None, None]


def test_year_over_year_needs_the_previous_year():
    series = SeriesFactory(slug="gap")
    FigureFactory(series=series, year=2021, value=10)
    FigureFactory(series=series, year=2023, value=20)
    assert [row.change for row in series_table("gap").years] == [None, None]


def test_year_over_year_from_zero_has_no_percentage():
    assert Change.between(5, 0) == Change(difference=5, percent=None)


def test_parts_of_a_figure_stay_with_its_year_and_drafts_stay_out():
    series = SeriesFactory(slug="deport")
    FigureFactory(series=series, year=2023, value=3)
    FigureFactory(series=series, year=2023, value=1, breakdown="Singapura")
    FigureFactory(series=series, year=2023, value=2, breakdown="Pakistan", status="draft", source="")
    (row,) = series_table("deport").years
    assert row.total.value == 3 and [part.breakdown for part in row.parts] == ["Singapura"]


def test_small_cells_are_hidden():
    assert suppressed({"a": 12, "b": 4, "c": 0, "d": 5}) == {"a": 12, "b": None, "c": None, "d": 5}


def test_one_hidden_cell_hides_the_next_smallest_so_the_total_does_not_reveal_it():
    assert suppressed({"a": 12, "b": 3, "c": 7}) == {"a": 12, "b": None, "c": None}


def test_cells_of_five_and_more_are_shown():
    assert suppressed({"a": 5, "b": 6}) == {"a": 5, "b": 6}


def test_outreach_totals_match_the_activity_log():
    activity_log()
    now = at(2025, 12, 1)
    y2024, y2025 = outreach_years(now)
    assert (y2024.year, y2025.year) == (2024, 2025)
    held = Activity.objects.published().started(now)
    for row in (y2024, y2025):
        log = held.filter(starts_at__year=row.year).attendance_sums()
        assert row.activities_total == log["count"]
        assert row.people == {name: log[name] for name in row.people}
        assert row.people_total == log["attendance_total"] == sum(row.people.values())
    assert y2024.activities == {
        "desa-binaan": 0,
        "imigrasi-masuk-desa": 2,
        "sekolah-kampus": 1,
        "pojok-baca": 0,
        "lainnya": 0,
    }
    assert y2024.people_total == 10 + 12 + 3 + 4 + 30 + 35
    assert y2024.places == {"villages": 1, "schools": 1, "campuses": 0, "reading_corners": 0}
    assert y2025.places == {"villages": 1, "schools": 0, "campuses": 0, "reading_corners": 1}


def test_drafts_and_scheduled_activities_are_not_counted_as_held():
    activity_log()
    (y2025,) = [row for row in outreach_years(at(2025, 12, 1)) if row.year == 2025]
    assert y2025.activities_total == 2 and y2025.people_total == 5 + 6 + 7 + 8


def test_outreach_change_compares_whole_years_only():
    activity_log()
    y2024, y2025 = outreach_years(at(2026, 1, 5))
    assert y2025.activities_change == Change(difference=-1, percent=-33.3)
    assert y2025.people_change == Change(difference=26 - 94, percent=-72.3)
    _y2024, partial_2025 = outreach_years(at(2025, 12, 1))
    assert partial_2025.as_of == datetime.date(2025, 12, 1)
    assert partial_2025.activities_change is None


def test_reports_are_counted_by_category_and_status_with_small_cells_hidden():
    for _ in range(6):
        ReportFactory(category="tppo", created_at=at(2025, 4, 1))
    for _ in range(2):
        ReportFactory(category="overstay", created_at=at(2025, 4, 2))
    (row,) = reports_years(at(2025, 12, 1))
    assert row.total == 8
    assert row.by_category["tppo"] == 6
    assert row.by_category["overstay"] is None
    assert row.by_status == {
        "new": 8,
        "verified": None,
        "rejected": None,
        "in_progress": None,
        "forwarded": None,
        "closed": None,
    }


def test_a_year_with_under_five_reports_hides_its_total():
    ReportFactory(created_at=at(2024, 4, 1))
    (row,) = reports_years(at(2025, 12, 1))
    assert row.total is None


def test_key_figures_are_the_latest_years_published_totals():
    figures = key_figures()
    assert [(figure.series.slug, figure.value) for figure in figures] == [
        ("passports-issued", 31871),
        ("refused-non-procedural", 160),
        ("deportations", 3),
    ]
    assert {figure.source for figure in figures} == {
        "Berita media, 18 November 2024, mengutip Kepala Kantor Imigrasi Kelas II Non TPI Blitar"
    }


def test_key_figures_leave_out_drafts_of_a_later_year():
    FigureFactory(series=SeriesFactory(slug="passports-issued"), year=2025, status="draft", source="")
    assert {figure.year for figure in key_figures()} == {2024}
