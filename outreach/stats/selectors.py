"""Every figure of /statistik/, its open data and the home page's key figures: reads only, a fixed number of queries.

Published figures come from ``Figure`` (entered by supervisors with their source); the outreach figures are
computed from the activity log (published activities that have started: the future is not "held") and the
report figures from the reports received, as aggregates only, with every cell under ``SMALL_CELL`` shown as
"< 5" (and, where one hidden cell could be worked out from its total, the next smallest hidden too).
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from outreach.activities import tallies as activity_tallies
from outreach.activities.models import ATTENDANCE_FIELD_NAMES, PROGRAM_KINDS, Activity, Kind, Program
from outreach.figures_cache import remembered
from outreach.reports import tallies as report_tallies
from outreach.reports.models import Category
from outreach.reports.models import Status as ReportStatus

from .models import Figure

SMALL_CELL = 5
SUPPRESSED = "< 5"


# --- shared rules ------------------------------------------------------------------------------


def suppressed(counts: dict) -> dict:
    """The counts with every cell under SMALL_CELL replaced by None (shown as "< 5").

    When only one cell of a row would be hidden, the smallest other cell is hidden too: otherwise the hidden
    one could be worked out from the row's total.
    """
    hidden = {key for key, value in counts.items() if value < SMALL_CELL}
    if len(hidden) == 1 and len(counts) > 1:
        hidden.add(min((value, str(key), key) for key, value in counts.items() if key not in hidden)[2])
    return {key: None if key in hidden else value for key, value in counts.items()}


def comparable(as_of: datetime.date, previous_as_of: datetime.date) -> bool:
    """Two years compare when their figures cover the same part of the year (e.g. both whole years)."""
    return (as_of.month, as_of.day) == (previous_as_of.month, previous_as_of.day)


@dataclass(frozen=True)
class Change:
    """The change of a figure on the previous year."""

    difference: int
    percent: float | None  # None when the previous year was 0

    @classmethod
    def between(cls, value: int, previous: int) -> "Change":
        percent = round(100 * (value - previous) / previous, 1) if previous else None
        return cls(difference=value - previous, percent=percent)


def year_over_year(values: list[tuple[int, datetime.date, int | None]]) -> dict[int, Change]:
    """``{year: change}`` for each ``(year, as_of, value)`` whose previous year exists and is comparable."""
    by_year = {year: (as_of, value) for year, as_of, value in values}
    changes = {}
    for year, (as_of, value) in by_year.items():
        previous = by_year.get(year - 1)
        if previous and value is not None and previous[1] is not None and comparable(as_of, previous[0]):
            changes[year] = Change.between(value, previous[1])
    return changes


def period_label(year: int, as_of: datetime.date) -> str:
    """ "2024, as of 18 November 2024"."""
    return _("%(year)s, as of %(date)s") % {"year": year, "date": date_format(as_of, "j F Y")}


def year_end_or_today(year: int, today: datetime.date) -> datetime.date:
    """The date a computed yearly figure refers to: 31 December, or today for the current year."""
    return min(datetime.date(year, 12, 31), today)


# --- published figures -------------------------------------------------------------------------


@dataclass
class FigureYear:
    """One year of a published series: its total and its parts (deportations per country, say)."""

    year: int
    total: Figure | None = None
    parts: list[Figure] = field(default_factory=list)
    change: Change | None = None

    @property
    def as_of(self) -> datetime.date:
        return (self.total or self.parts[0]).as_of

    @property
    def period(self) -> str:
        return period_label(self.year, self.as_of)

    @property
    def figures(self) -> list[Figure]:
        return [self.total, *self.parts] if self.total else self.parts


@dataclass
class SeriesTable:
    series: object
    years: list[FigureYear]

    @property
    def chart_values(self) -> list[tuple[int, int]]:
        return [(row.year, row.total.value) for row in self.years if row.total]

    @property
    def has_parts(self) -> bool:
        return any(row.parts for row in self.years)


def published_tables() -> list[SeriesTable]:
    """Every series with published figures, year by year, in one query."""
    tables: dict[int, SeriesTable] = {}
    for figure in Figure.objects.published().in_order():
        table = tables.setdefault(figure.series_id, SeriesTable(series=figure.series, years=[]))
        if not table.years or table.years[-1].year != figure.year:
            table.years.append(FigureYear(year=figure.year))
        row = table.years[-1]
        if figure.breakdown:
            row.parts.append(figure)
        else:
            row.total = figure
    for table in tables.values():
        changes = year_over_year([(row.year, row.total.as_of, row.total.value) for row in table.years if row.total])
        for row in table.years:
            row.change = changes.get(row.year)
    return list(tables.values())


def key_figures() -> list[Figure]:
    """The published totals of the latest year that has any (for the home page), in series order; one query."""
    totals = list(Figure.objects.published().filter(breakdown="").in_order())
    if not totals:
        return []
    latest = max(figure.year for figure in totals)
    return [figure for figure in totals if figure.year == latest]


# --- outreach computed from the activity log ---------------------------------------------------

PLACE_KINDS = ["villages", "schools", "campuses", "reading_corners"]


@dataclass
class OutreachYear:
    year: int
    as_of: datetime.date
    activities: dict[str, int]  # program -> published activities held
    people: dict[str, int]  # attendance field (sex × age group) -> people reached
    places: dict[str, int]  # villages, schools, campuses, reading corners reached
    activities_change: Change | None = None
    people_change: Change | None = None

    @property
    def period(self) -> str:
        return period_label(self.year, self.as_of)

    @property
    def activities_total(self) -> int:
        return sum(self.activities.values())

    @property
    def people_total(self) -> int:
        return sum(self.people.values())


def outreach_years(now: datetime.datetime | None = None) -> list[OutreachYear]:
    """Published activities held, people reached (sex × age group) and places reached, per year: read from the
    tallies PostgreSQL keeps (outreach.activities.tallies), three queries whatever the number of activities."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    program_of = {kind: program for program, kinds in PROGRAM_KINDS.items() for kind in kinds}
    years: dict[int, OutreachYear] = {}

    def year_row(year):
        if year not in years:
            years[year] = OutreachYear(
                year=year,
                as_of=year_end_or_today(year, today),
                activities=dict.fromkeys(Program.values, 0),
                people=dict.fromkeys(ATTENDANCE_FIELD_NAMES, 0),
                places=dict.fromkeys(PLACE_KINDS, 0),
            )
        return years[year]

    activity_tallies.fold()
    for row in activity_tallies.held_by_year(now):
        entry = year_row(row["period"])
        entry.activities[program_of[Kind(row["kind"])]] += row["activities"]
        for name in ATTENDANCE_FIELD_NAMES:
            entry.people[name] += row[name]
    for (year, place_kind), count in activity_tallies.places_reached(now).items():
        year_row(year).places[place_kind] = count
    result = [years[year] for year in sorted(years)]
    activities = year_over_year([(row.year, row.as_of, row.activities_total) for row in result])
    people = year_over_year([(row.year, row.as_of, row.people_total) for row in result])
    for row in result:
        row.activities_change, row.people_change = activities.get(row.year), people.get(row.year)
    return result


# --- reports received (aggregates only) --------------------------------------------------------


@dataclass
class ReportsYear:
    year: int
    as_of: datetime.date
    total: int | None  # None: under SMALL_CELL
    by_category: dict[str, int | None]
    by_status: dict[str, int | None]

    @property
    def period(self) -> str:
        return period_label(self.year, self.as_of)


def reports_years(now: datetime.datetime | None = None) -> list[ReportsYear]:
    """Reports received per year by category and by status, small cells hidden: read from the tally PostgreSQL keeps
    (outreach.reports.tallies), two queries whatever the number of reports."""
    today = timezone.localdate(now or timezone.now())
    report_tallies.fold()
    counts: dict[int, tuple[dict, dict]] = {}
    for row in report_tallies.received():
        categories, statuses = counts.setdefault(
            row["year"], (dict.fromkeys(Category.values, 0), dict.fromkeys(ReportStatus.values, 0))
        )
        categories[row["category"]] += row["reports"]
        statuses[row["status"]] += row["reports"]
    result = []
    for year in sorted(counts):
        categories, statuses = counts[year]
        total = sum(categories.values())
        result.append(
            ReportsYear(
                year=year,
                as_of=year_end_or_today(year, today),
                total=total if total >= SMALL_CELL else None,
                by_category=suppressed(categories),
                by_status=suppressed(statuses),
            )
        )
    return result


# --- the page and its open data ----------------------------------------------------------------


def outreach_source(as_of: datetime.date) -> str:
    return _("Computed from the office's outreach log: published activities held up to %(date)s.") % {
        "date": date_format(as_of, "j F Y")
    }


def reports_source() -> str:
    return _("Computed from the reports received through this portal: aggregates only, cells under 5 shown as “< 5”.")


@dataclass(frozen=True)
class Record:
    """One figure of the open data (and one cell of the page, found by its ``key``)."""

    key: str
    dataset: str
    series: str
    series_label: str
    part: str
    part_label: str
    year: int
    as_of: datetime.date
    value: int | None
    note: str
    source: str
    source_url: str
    example_data: bool

    @property
    def display(self) -> str:
        return SUPPRESSED if self.value is None else str(self.value)


@dataclass
class Statistics:
    published: list[SeriesTable]
    outreach: list[OutreachYear]
    reports: list[ReportsYear]
    computed_are_examples: bool  # development installs count demo activities and reports

    @classmethod
    def collect(cls, now: datetime.datetime | None = None) -> "Statistics":
        """The figures as of ``now``; as of today, the computed ones from outreach.figures_cache."""
        if now is None:
            outreach = remembered("outreach-years", outreach_years)
            reports = remembered("reports-years", reports_years)
        else:
            outreach, reports = outreach_years(now), reports_years(now)
        return cls(
            published=published_tables(),
            outreach=outreach,
            reports=reports,
            computed_are_examples=settings.DEBUG,
        )

    @property
    def shows_example_data(self) -> bool:
        """Whether any figure of ``records()`` is example data (without making every record)."""
        published = any(
            figure.example_data for table in self.published for row in table.years for figure in row.figures
        )
        return published or (self.computed_are_examples and bool(self.outreach or self.reports))

    def records(self) -> list[Record]:
        records = []
        for table in self.published:
            for row in table.years:
                for figure in row.figures:
                    records.append(published_record(figure))
        activity_fields = {name: Activity._meta.get_field(name).verbose_name for name in ATTENDANCE_FIELD_NAMES}
        for row in self.outreach:
            common = {"year": row.year, "as_of": row.as_of, "note": "", "source": outreach_source(row.as_of)}
            common.update(source_url="", example_data=self.computed_are_examples)
            for program, count in row.activities.items():
                records.append(computed("activities", program, Program(program).label, count, common))
            records.append(computed("activities", "total", _("All programs"), row.activities_total, common))
            for name, count in row.people.items():
                records.append(computed("people-reached", name, activity_fields[name], count, common))
            records.append(computed("people-reached", "total", _("All people reached"), row.people_total, common))
            for kind, count in row.places.items():
                records.append(computed("places-reached", kind, place_label(kind), count, common))
        for row in self.reports:
            common = {"year": row.year, "as_of": row.as_of, "note": "", "source": reports_source()}
            common.update(source_url="", example_data=self.computed_are_examples)
            for category, count in row.by_category.items():
                records.append(computed("reports-by-category", category, Category(category).label, count, common))
            for status, count in row.by_status.items():
                records.append(computed("reports-by-status", status, ReportStatus(status).label, count, common))
            records.append(computed("reports", "total", _("All reports received"), row.total, common))
        return records


def place_label(kind: str) -> str:
    return {
        "villages": _("Villages reached"),
        "schools": _("Schools reached"),
        "campuses": _("Campuses reached"),
        "reading_corners": _("Reading corners reached"),
    }[kind]


DATASET_LABELS = {
    "activities": gettext_lazy("Activities held, by program"),
    "people-reached": gettext_lazy("People reached, by sex and age group"),
    "places-reached": gettext_lazy("Places reached"),
    "reports-by-category": gettext_lazy("Reports received, by category"),
    "reports-by-status": gettext_lazy("Reports received, by current status"),
    "reports": gettext_lazy("Reports received"),
}


def computed_key(dataset: str, part: str, year: int) -> str:
    return f"{dataset}/{part}/{year}"


def figure_key(figure: Figure) -> str:
    part = slugify(figure.breakdown)
    return f"published/{figure.series.slug}/{figure.year}" + (f"/{part}" if part else "")


def computed(dataset: str, part: str, label, value, common: dict) -> Record:
    return Record(
        key=computed_key(dataset, part, common["year"]),
        dataset=dataset,
        series=dataset,
        series_label=str(DATASET_LABELS[dataset]),
        part=part,
        part_label=str(label),
        value=value,
        **common,
    )


def published_record(figure: Figure) -> Record:
    return Record(
        key=figure_key(figure),
        dataset="published",
        series=figure.series.slug,
        series_label=figure.series.label,
        part=slugify(figure.breakdown),
        part_label=figure.part_label,
        year=figure.year,
        as_of=figure.as_of,
        value=figure.value,
        note=figure.note_label,
        source=figure.source_label,
        source_url=figure.source_url,
        example_data=figure.example_data,
    )
