"""The calendar years in which a queryset has rows, read from an index instead of the whole table.

``queryset.dates(field, "year")`` groups every row: at 100,000 activities that is a scan of them all on every
request. ``years_with_rows`` walks an index on ``field`` instead (a "loose index scan"): the newest row, then
the newest row before that row's year, and so on, one short query per year, whatever the number of rows.
"""

import datetime

from django.utils import timezone


def years_with_rows(queryset, field: str) -> list[int]:
    """The local (``TIME_ZONE``) years of ``field`` in ``queryset``, newest first; one query per year, plus one."""
    newest = queryset.order_by(f"-{field}").values_list(field, flat=True)
    years = []
    latest = newest.first()
    while latest is not None:
        year = timezone.localtime(latest).year
        years.append(year)
        start = timezone.make_aware(datetime.datetime(year, 1, 1))
        latest = newest.filter(**{f"{field}__lt": start}).first()
    return years
