"""The supervisors' yearly report: every table of one year, for the admin page, its print-out and its downloads.

Only published activities that have started count as held (a scheduled visit has reached nobody yet). Reports
are counted whole here (no small-cell hiding: the page is for supervisors only). Each table is built in one query.
"""

import datetime

from django.db.models import Count, Min, Q, Sum
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from outreach.activities.models import ATTENDANCE_FIELD_NAMES, PROGRAM_KINDS, Activity, Kind, Program
from outreach.figures_cache import remembered
from outreach.reports.models import FIRST_RESPONSE_WORKING_DAYS, Category, Report, ReportEvent
from outreach.reports.models import Status as ReportStatus
from outreach.years import years_with_rows

from .tables import Row, Table, number, text


def available_years(today: datetime.date | None = None) -> list[int]:
    """Years with activities or reports, and the current year, newest first."""
    today = today or timezone.localdate()
    years = {today.year, *Activity.objects.years(), *years_with_rows(Report.objects.all(), "created_at")}
    return sorted(years, reverse=True)


def _attendance_labels() -> list[str]:
    return [capfirst(Activity._meta.get_field(name).verbose_name) for name in ATTENDANCE_FIELD_NAMES]


def activities_table(year: int, now: datetime.datetime | None = None) -> Table:
    """Activities held and people reached per program and place, by sex and age group, with subtotals."""
    rows = (
        Activity.objects.published()
        .started(now or timezone.now())
        .filter(starts_at__year=year)
        .values("kind", "village__name", "institution__name", "reading_corner__name")
        .annotate(activities=Count("pk"), **{name: Sum(name) for name in ATTENDANCE_FIELD_NAMES})
        .order_by()
    )
    program_of = {kind: program for program, kinds in PROGRAM_KINDS.items() for kind in kinds}
    places: dict[str, dict[str, list[int]]] = {program: {} for program in Program.values}
    for row in rows:
        place = row["village__name"] or row["institution__name"] or row["reading_corner__name"] or _("No place")
        counts = places[program_of[Kind(row["kind"])]].setdefault(place, [0] * (1 + len(ATTENDANCE_FIELD_NAMES)))
        values = [row["activities"], *(row[name] or 0 for name in ATTENDANCE_FIELD_NAMES)]
        for index, value in enumerate(values):
            counts[index] += value

    def cells(counts):
        return [number(value) for value in counts] + [number(sum(counts[1:]))]

    table_rows = []
    grand = [0] * (1 + len(ATTENDANCE_FIELD_NAMES))
    for program, label in Program.choices:
        if not places[program]:
            continue
        subtotal = [0] * len(grand)
        for place in sorted(places[program]):
            counts = places[program][place]
            table_rows.append(Row(header=f"{label} — {place}", cells=cells(counts)))
            subtotal = [a + b for a, b in zip(subtotal, counts, strict=True)]
        table_rows.append(Row(header=_("Total %(program)s") % {"program": label}, cells=cells(subtotal), total=True))
        grand = [a + b for a, b in zip(grand, subtotal, strict=True)]
    table_rows.append(Row(header=_("All programs"), cells=cells(grand), total=True))
    return Table(
        slug="activities-by-place",
        caption=_("Activities held and people reached, by program and place, %(year)s") % {"year": year},
        columns=[_("Program — place"), _("Activities"), *_attendance_labels(), _("People reached")],
        rows=table_rows,
        source=_("Published activities that have taken place; scheduled and draft activities are not counted."),
    )


def reports_by_category_table(year: int) -> Table:
    """Reports received in ``year`` by category × current status, with totals."""
    rows = (
        Report.objects.filter(created_at__year=year).values("category", "status").annotate(count=Count("pk")).order_by()
    )
    counts = {(row["category"], row["status"]): row["count"] for row in rows}
    statuses = ReportStatus.values
    table_rows = []
    for category, label in Category.choices:
        values = [counts.get((category, status), 0) for status in statuses]
        table_rows.append(Row(header=str(label), cells=[*map(number, values), number(sum(values))]))
    totals = [sum(counts.get((category, status), 0) for category in Category.values) for status in statuses]
    table_rows.append(Row(header=_("Total"), cells=[*map(number, totals), number(sum(totals))], total=True))
    return Table(
        slug="reports-by-category",
        caption=_("Reports received by category and current status, %(year)s") % {"year": year},
        columns=[_("Category"), *(str(label) for label in ReportStatus.labels), _("Total")],
        rows=table_rows,
        source=_("Reports received through the portal in the year, by their status today."),
    )


def _first_responses(year: int):
    """Each report of ``year`` with the time of its first response (its first move out of "new")."""
    first = Min("events__created_at", filter=Q(events__kind=ReportEvent.Kind.TRANSITION, events__from_status="new"))
    return (
        Report.objects.filter(created_at__year=year)
        .annotate(first_response_at=first)
        .values("created_at", "first_response_due", "first_response_at")
        .order_by()
    )


def reports_by_month_table(year: int, today: datetime.date | None = None, responses=None) -> Table:
    """Reports received per month, and how many had their first response within the deadline."""
    today = today or timezone.localdate()
    months = {month: [0, 0, 0] for month in range(1, 13)}  # received, on time, late or overdue
    for report in _first_responses(year) if responses is None else responses:
        month = months[timezone.localtime(report["created_at"]).month]
        month[0] += 1
        responded = report["first_response_at"]
        answered_on = timezone.localdate(responded) if responded else None
        if answered_on and answered_on <= report["first_response_due"]:
            month[1] += 1
        elif answered_on or report["first_response_due"] < today:
            month[2] += 1
    rows = [Row(header=str(MONTHS[month]), cells=[*map(number, counts)]) for month, counts in months.items()]
    totals = [sum(counts[index] for counts in months.values()) for index in range(3)]
    rows.append(Row(header=_("Total"), cells=[*map(number, totals)], total=True))
    deadline = {"days": FIRST_RESPONSE_WORKING_DAYS}
    return Table(
        slug="reports-by-month",
        caption=_("Reports received per month, %(year)s") % {"year": year},
        columns=[
            _("Month"),
            _("Received"),
            _("First response within %(days)s working days") % deadline,
            _("First response late, or overdue"),
        ],
        rows=rows,
        source=_("The first response is a report's first status change after it was received."),
    )


def response_times_table(year: int, today: datetime.date | None = None, responses=None) -> Table:
    """First-response times against the deadline of 3 working days."""
    today = today or timezone.localdate()
    on_time = late = overdue = waiting = 0
    days_taken = []
    for report in _first_responses(year) if responses is None else responses:
        responded = report["first_response_at"]
        if responded:
            answered_on = timezone.localdate(responded)
            days_taken.append(working_days_between(timezone.localdate(report["created_at"]), answered_on))
            if answered_on <= report["first_response_due"]:
                on_time += 1
            else:
                late += 1
        elif report["first_response_due"] < today:
            overdue += 1
        else:
            waiting += 1
    deadline = {"days": FIRST_RESPONSE_WORKING_DAYS}
    days_taken.sort()
    median = days_taken[len(days_taken) // 2] if days_taken else None
    rows = [
        Row(header=_("First response within %(days)s working days") % deadline, cells=[number(on_time)]),
        Row(header=_("First response after the deadline"), cells=[number(late)]),
        Row(header=_("No response yet, deadline passed"), cells=[number(overdue)]),
        Row(header=_("No response yet, still within the deadline"), cells=[number(waiting)]),
        Row(header=_("Total"), cells=[number(on_time + late + overdue + waiting)], total=True),
        Row(
            header=_("Median working days to the first response"),
            cells=[number(median) if median is not None else text("—")],
        ),
    ]
    return Table(
        slug="response-times",
        caption=_("First response against the %(days)s-working-day deadline, %(year)s") % {**deadline, "year": year},
        columns=[_("First response"), _("Reports")],
        rows=rows,
        source=_("Working days are Monday to Friday; public holidays are not counted out."),
    )


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days (Monday to Friday) after ``start`` up to and including ``end``."""
    days, current = 0, start
    while current < end:
        current += datetime.timedelta(days=1)
        if current.weekday() < 5:
            days += 1
    return days


def yearly_report(year: int) -> list[Table]:
    """The report's tables (their captions in the active language), remembered a while (outreach.figures_cache)."""
    return remembered("yearly-report", lambda: _tables(year), year, get_language())


def _tables(year: int) -> list[Table]:
    responses = list(_first_responses(year))  # one read of the year's reports for the two tables below
    tables = [
        activities_table(year),
        reports_by_category_table(year),
        reports_by_month_table(year, responses=responses),
        response_times_table(year, responses=responses),
    ]
    for table in tables:  # plain text in the active language, to be kept in the cache
        table.caption, table.source = str(table.caption), str(table.source)
        table.columns = [str(column) for column in table.columns]
        for row in table.rows:
            row.header = str(row.header)
    return tables
