"""The calendar years in which a queryset has rows, read from an index instead of the whole table.

``queryset.dates(field, "year")`` groups every row: at 100,000 activities that is a scan of them all on every
request. ``years_with_rows`` walks an index on ``field`` instead (a "loose index scan"): the newest row, then
the newest row before that row's year, and so on, one index probe per year. The walk is one recursive query,
so the number of queries stays the same however many years the rows span.
"""

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connections, models
from django.db.models.expressions import RawSQL
from django.utils import timezone

# The newest row before the local year of the previous step's row (``walk.latest``, the recursive CTE's column).
_START_OF_YEAR = "date_trunc('year', walk.latest AT TIME ZONE %s) AT TIME ZONE %s"


def years_with_rows(queryset, field: str) -> list[int]:
    """The local (``TIME_ZONE``) years of ``field`` in ``queryset``, newest first; one query."""
    newest = queryset.order_by(f"-{field}").values_list(field, flat=True)
    before = RawSQL(_START_OF_YEAR, (settings.TIME_ZONE, settings.TIME_ZONE), output_field=models.DateTimeField())
    try:
        first_sql, first_params = newest[:1].query.sql_with_params()
    except EmptyResultSet:  # a queryset that cannot have rows (``none()``, ``pk__in=[]``)
        return []
    next_sql, next_params = newest.filter(**{f"{field}__lt": before})[:1].query.sql_with_params()
    sql = (
        f"WITH RECURSIVE walk(latest) AS (({first_sql}) UNION ALL SELECT ({next_sql}) FROM walk "
        "WHERE walk.latest IS NOT NULL) SELECT latest FROM walk WHERE latest IS NOT NULL"
    )
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, (*first_params, *next_params))
        return [timezone.localtime(latest).year for (latest,) in cursor.fetchall()]
