"""The figures of the officer dashboard: a fixed number of queries whatever the number of activities.

Only activities that were held count: published, and started by now (a scheduled activity reached nobody
yet; a draft is not yet a record the office stands behind). The months and places come from the tallies
PostgreSQL keeps (tallies.py), the figures of /statistik/ come from too.
"""

from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import get_language

from outreach.figures_cache import remembered

from . import tallies
from .models import ATTENDANCE_FIELD_NAMES, Activity


def years(current: int) -> list[int]:
    """The years the dashboard can show, newest first: every year with an activity held, and ``current``."""
    return sorted({*tallies.years_held(), current}, reverse=True)


def monthly(year: int) -> list[dict]:
    """Activities held and people reached per month of ``year`` (from the tallies: a few dozen rows)."""
    tallies.fold()
    by_month = {number: {"activities": 0, "counts": [0] * len(ATTENDANCE_FIELD_NAMES)} for number in range(1, 13)}
    for row in tallies.held_by_month(year=year):
        month = by_month[row["period"].month]
        month["activities"] += row["activities"]
        month["counts"] = [a + row[name] for a, name in zip(month["counts"], ATTENDANCE_FIELD_NAMES, strict=True)]
    months = [
        {"name": MONTHS[number], "activities": row["activities"], "total": sum(row["counts"]), "counts": row["counts"]}
        for number, row in by_month.items()
    ]
    peak = max((month["total"] for month in months), default=0) or 1
    for month in months:
        month["percent"] = round(100 * month["total"] / peak)
    return months


def coverage(year: int) -> dict:
    """Distinct places reached by activities held in ``year`` (from the tallies)."""
    tallies.fold()
    reached = tallies.places_reached(year=year)
    return {kind: reached.get((year, kind), 0) for kind in ("villages", "schools", "campuses", "reading_corners")}


def summary(year: int, user, limit: int = 10) -> dict:
    """The dashboard's figures for ``year`` (remembered a while: outreach.figures_cache); the lists link to the
    activities ``user`` may open."""
    visible = Activity.objects.visible_to(user)
    months = remembered("dashboard-months", lambda: monthly(year), year, get_language())
    return {
        "year": year,
        "months": months,
        "year_activities": sum(month["activities"] for month in months),
        "year_total": sum(month["total"] for month in months),
        "year_counts": [
            sum(month["counts"][index] for month in months) for index in range(len(ATTENDANCE_FIELD_NAMES))
        ],
        "coverage": remembered("dashboard-coverage", lambda: coverage(year), year),
        "upcoming": list(visible.upcoming().with_places()[:limit]),
        "overdue": list(visible.overdue_follow_ups().with_places().order_by("follow_up_due")[:50]),
        "today": timezone.localdate(),
    }
