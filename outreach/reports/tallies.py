"""Reports received per year, category and status, read from a tally that PostgreSQL keeps: a few dozen rows
whatever the number of reports (/statistik/, its open data, the yearly report).

The triggers of migration ``report_tallies`` write every change of a report (received, its status changed by
``transition`` or by a queryset ``update()``, deleted) into ``TallyChange``, as −1 for the row as it was and +1
for the row as it is, without locking any shared row (reports sent at once never wait for each other);
``fold`` moves those changes into ``Tally``. The reader is one statement over both, so it sees one snapshot:
exactly what a direct count of the reports would give at that moment.
"""

from django.db import connection

from outreach import locks

FOLD = """
WITH alone AS (SELECT pg_try_advisory_xact_lock(%(lock)s) AS taken),
moved AS (DELETE FROM reports_tallychange WHERE (SELECT taken FROM alone) RETURNING *)
INSERT INTO reports_tally (year, category, status, reports)
SELECT year, category, status, sum(reports) FROM moved GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
ON CONFLICT (year, category, status) DO UPDATE SET reports = reports_tally.reports + excluded.reports
"""

RECEIVED = """
SELECT year, category, status, sum(reports) FROM (
    SELECT year, category, status, reports FROM reports_tally
    UNION ALL SELECT year, category, status, reports FROM reports_tallychange
) AS counted
WHERE year >= %(first_year)s AND year <= %(last_year)s
GROUP BY year, category, status HAVING sum(reports) <> 0
"""


def fold() -> None:
    """Move the changes into the tally; one statement, by one transaction at a time (when another one is
    folding, this one moves nothing: the readers count the changes left over). Called before reading, so that
    the changes stay few."""
    with connection.cursor() as cursor:
        cursor.execute(FOLD, {"lock": locks.lock_key("report-tallies-fold")})


def received(year: int | None = None) -> list[dict]:
    """``{"year", "category", "status", "reports"}`` for every combination with reports (of ``year``, or of every
    year); one query."""
    first_year, last_year = (year, year) if year is not None else (1, 9999)
    with connection.cursor() as cursor:
        cursor.execute(RECEIVED, {"first_year": first_year, "last_year": last_year})
        return [
            {"year": year, "category": category, "status": status, "reports": count}
            for year, category, status, count in cursor.fetchall()
        ]
