"""Activities held and places reached, read from tallies that PostgreSQL keeps, in a few hundred rows whatever
the number of activities (/statistik/, its open data, the officer dashboard).

The triggers of migration ``activity_tallies`` write every change of a published activity (saved, updated by a
queryset, bulk-created, deleted, published or unpublished) into ``TallyChange``, as −1 for the row as it was
and +1 for the row as it is; ``fold`` moves those changes into ``MonthTally`` (per local month and kind, with
the attendance sums), ``PlaceTally`` (per local year and place) and ``PlacesReached`` (per local year and kind
of place: how many places have a count above 0, changed as the fold moves a place's count across 0).

The tallies count every published activity, the scheduled ones too: the readers take away the published
activities that have not started yet (the schedule, read through an index on the start), so "held" means what
``Activity.objects.published().started()`` means, at any moment, without a job that moves the clock.

Each reader is one statement over the tallies, the changes not folded yet and the schedule, so it sees one
snapshot: exactly the figures a direct count of the activities would give at that moment.
"""

import datetime

from django.db import connection
from django.utils import timezone

from outreach import locks

from .models import ATTENDANCE_FIELD_NAMES, PROGRAM_KINDS, Kind, Program

SUMS = ", ".join(f"sum({name})::bigint" for name in ATTENDANCE_FIELD_NAMES)
NEGATED = ", ".join(f"-{name}" for name in ATTENDANCE_FIELD_NAMES)
COLUMNS = ", ".join(ATTENDANCE_FIELD_NAMES)

FOLD = f"""
WITH alone AS (SELECT pg_try_advisory_xact_lock(%(lock)s) AS taken),
moved AS (DELETE FROM activities_tallychange WHERE (SELECT taken FROM alone) RETURNING *),
months AS (
    INSERT INTO activities_monthtally (month, kind, activities, {COLUMNS})
    SELECT month, kind, sum(activities), {SUMS} FROM moved GROUP BY month, kind ORDER BY month, kind
    ON CONFLICT (month, kind) DO UPDATE SET activities = activities_monthtally.activities + excluded.activities,
    {", ".join(f"{name} = activities_monthtally.{name} + excluded.{name}" for name in ATTENDANCE_FIELD_NAMES)}
),
place_changes AS (
    SELECT extract(year FROM month)::smallint AS year, place_kind, place, sum(activities) AS delta
    FROM moved WHERE place_kind <> '' GROUP BY 1, 2, 3
),
places AS (
    INSERT INTO activities_placetally (year, place_kind, place, activities)
    SELECT year, place_kind, place, delta FROM place_changes ORDER BY 1, 2, 3
    ON CONFLICT (year, place_kind, place) DO UPDATE
    SET activities = activities_placetally.activities + excluded.activities
    RETURNING year, place_kind, place, activities
)
INSERT INTO activities_placesreached (year, place_kind, places)
SELECT year, place_kind, sum((places.activities > 0)::int - (places.activities - place_changes.delta > 0)::int)
FROM places JOIN place_changes USING (year, place_kind, place)
GROUP BY 1, 2 ORDER BY 1, 2
ON CONFLICT (year, place_kind) DO UPDATE SET places = activities_placesreached.places + excluded.places
"""

# The published activities not started yet, as what they add to the tallies, to be taken away.
NOT_STARTED = """
SELECT activity_tally_month(starts_at) AS month, kind,
       activity_tally_place_kind(kind, village_id, institution_id, reading_corner_id) AS place_kind,
       coalesce(village_id, institution_id, reading_corner_id) AS place, {columns}
FROM activities_activity WHERE status = 'published' AND starts_at > %(now)s
"""

# Grouped by ``{period}``: the month, or its year.
HELD = f"""
SELECT {{period}} AS period, kind, sum(activities), {SUMS} FROM (
    SELECT month, kind, activities, {COLUMNS} FROM activities_monthtally
    UNION ALL SELECT month, kind, activities, {COLUMNS} FROM activities_tallychange
    UNION ALL SELECT month, kind, -1, {NEGATED} FROM ({NOT_STARTED.format(columns=COLUMNS)}) AS scheduled
) AS counted
WHERE month >= %(since)s AND month <= %(until)s
GROUP BY 1, kind HAVING sum(activities) <> 0
ORDER BY 1, kind
"""
BY_MONTH = HELD.format(period="month")
BY_YEAR = HELD.format(period="extract(year FROM month)::int")


# A place counts in a year when its tally, with the changes not folded yet and without the activities not
# started yet, is above 0: the places reached as folded, corrected for the few places those two touch.
PLACES = f"""
WITH pending AS (
    SELECT year, place_kind, place, sum(activities) AS delta FROM (
        SELECT extract(year FROM month)::smallint AS year, place_kind, place, activities
            FROM activities_tallychange WHERE place_kind <> ''
        UNION ALL SELECT extract(year FROM month)::smallint, place_kind, place, -1
            FROM ({NOT_STARTED.format(columns=COLUMNS)}) AS scheduled WHERE place_kind <> ''
    ) AS changes GROUP BY 1, 2, 3
)
SELECT year, place_kind, sum(places)::int FROM (
    SELECT year, place_kind, places FROM activities_placesreached
    UNION ALL
    SELECT pending.year, pending.place_kind,
           (coalesce(tally.activities, 0) + delta > 0)::int - (coalesce(tally.activities, 0) > 0)::int
    FROM pending LEFT JOIN activities_placetally AS tally
        ON (tally.year, tally.place_kind, tally.place) = (pending.year, pending.place_kind, pending.place)
) AS counted
WHERE year >= %(first_year)s AND year <= %(last_year)s
GROUP BY year, place_kind HAVING sum(places) > 0
"""


# Every published activity, the scheduled ones too, of some kinds in some local months: how many, and their sums.
PUBLISHED = f"""
SELECT coalesce(sum(activities), 0), {", ".join(f"coalesce(sum({name}), 0)" for name in ATTENDANCE_FIELD_NAMES)}
FROM (
    SELECT month, kind, activities, {COLUMNS} FROM activities_monthtally
    UNION ALL SELECT month, kind, activities, {COLUMNS} FROM activities_tallychange
) AS counted
WHERE kind = ANY(%(kinds)s) AND month >= %(since)s AND month < %(until)s
"""


def fold() -> None:
    """Move the changes into the tallies; one statement, by one transaction at a time (when another one is
    folding, this one moves nothing: the readers count the changes left over). Called before reading, so that
    the changes stay few."""
    with connection.cursor() as cursor:
        cursor.execute(FOLD, {"lock": locks.lock_key("activity-tallies-fold")})


def _bounds(year: int | None) -> tuple[int, int]:
    return (year, year) if year is not None else (1, 9999)


def _held(query: str, now: datetime.datetime | None, year: int | None) -> list[dict]:
    first_year, last_year = _bounds(year)
    since, until = datetime.date(first_year, 1, 1), datetime.date(last_year, 12, 31)
    with connection.cursor() as cursor:
        cursor.execute(query, {"now": now or timezone.now(), "since": since, "until": until})
        return [
            {
                "kind": kind,
                "activities": count,
                **dict(zip(ATTENDANCE_FIELD_NAMES, sums, strict=True)),
                "period": period,
            }
            for period, kind, count, *sums in cursor.fetchall()
        ]


def held_by_month(now: datetime.datetime | None = None, year: int | None = None) -> list[dict]:
    """Published activities started by ``now`` per local month and kind (of ``year``, or of every year):
    ``{"period": first day of the month, "kind", "activities", <attendance field>: sum}``, in order; one query."""
    return _held(BY_MONTH, now, year)


def held_by_year(now: datetime.datetime | None = None) -> list[dict]:
    """As ``held_by_month``, per local year (``"period"``: the year) of every year; one query."""
    return _held(BY_YEAR, now, None)


def held_count(program: str | None = None, year: int | None = None) -> int:
    """How many activities are held by now (of ``program``, in ``year``): what
    ``Activity.objects.published().started()`` counts, filtered as /kegiatan/ filters; two queries."""
    kinds = PROGRAM_KINDS[Program(program)] if program else Kind.values
    fold()
    rows = held_by_year() if year is None else held_by_month(year=year)
    return sum(row["activities"] for row in rows if row["kind"] in kinds)


def published_sums(kinds: list[str], since: datetime.date, until: datetime.date) -> dict:
    """How many published activities (the scheduled ones too) of ``kinds`` start in the local months from
    ``since`` up to ``until`` (first days of months; ``until`` left out), with their attendance sums: the keys of
    ``ActivityQuerySet.attendance_sums``; two queries whatever the number of activities."""
    fold()
    with connection.cursor() as cursor:
        cursor.execute(PUBLISHED, {"kinds": list(kinds), "since": since, "until": until})
        count, *sums = cursor.fetchone()
    totals = dict(zip(ATTENDANCE_FIELD_NAMES, sums, strict=True))
    return {"count": count, **totals, "attendance_total": sum(totals.values())}


def years_held(now: datetime.datetime | None = None) -> list[int]:
    """The local years with an activity held by ``now``, newest first (the year filters of /kegiatan/ and the
    dashboard); two queries whatever the number of activities and of years."""
    fold()
    return sorted({row["period"] for row in held_by_year(now)}, reverse=True)


def places_reached(now: datetime.datetime | None = None, year: int | None = None) -> dict[tuple[int, str], int]:
    """``{(year, place kind): distinct places}`` of the published activities started by ``now`` (place kinds:
    villages, schools, campuses and reading_corners, as the statistics count them); one query."""
    first_year, last_year = _bounds(year)
    with connection.cursor() as cursor:
        cursor.execute(PLACES, {"now": now or timezone.now(), "first_year": first_year, "last_year": last_year})
        return {(year, place_kind): count for year, place_kind, count in cursor.fetchall()}
