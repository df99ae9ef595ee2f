"""The figures of the officer dashboard: a fixed number of queries whatever the number of activities.

Only activities that were held count: published, and started by now (a scheduled activity reached nobody
yet; a draft is not yet a record the office stands behind).
"""

from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractMonth
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import get_language

from outreach.figures_cache import remembered

from .models import ATTENDANCE_FIELD_NAMES, Activity, Kind


def held(year: int):
    """The activities held in ``year``: published and started by now."""
    return Activity.objects.published().started().filter(starts_at__year=year)


def years(current: int) -> list[int]:
    """The years the dashboard can show, newest first: every year with an activity held, and ``current``."""
    return sorted({*Activity.objects.published().started().years(), current}, reverse=True)


def monthly(year: int) -> list[dict]:
    """Activities held and people reached per month of ``year``."""
    rows = (
        held(year)
        .annotate(month=ExtractMonth("starts_at"))
        .values("month")
        .order_by("month")
        .annotate(
            activities=Count("pk"),
            total=Sum("attendance_total"),
            **{name: Sum(name) for name in ATTENDANCE_FIELD_NAMES},
        )
    )
    by_month = {row["month"]: row for row in rows}
    months = []
    for number in range(1, 13):
        row = by_month.get(number, {})
        months.append(
            {
                "name": MONTHS[number],
                "activities": row.get("activities", 0),
                "total": row.get("total") or 0,
                "counts": [row.get(name) or 0 for name in ATTENDANCE_FIELD_NAMES],
            }
        )
    peak = max((month["total"] for month in months), default=0) or 1
    for month in months:
        month["percent"] = round(100 * month["total"] / peak)
    return months


def coverage(year: int) -> dict:
    """Distinct places reached by activities held in ``year``."""
    return held(year).aggregate(
        villages=Count("village", distinct=True),
        schools=Count("institution", distinct=True, filter=Q(kind=Kind.SCHOOL_VISIT)),
        campuses=Count("institution", distinct=True, filter=Q(kind=Kind.CAMPUS_VISIT)),
        reading_corners=Count("reading_corner", distinct=True),
    )


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
