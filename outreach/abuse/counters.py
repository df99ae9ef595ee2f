"""Counters of events per key in a time window (rate limits, wrong codes, pauses), in the ``AbuseCounter`` table.

Shared by every server process, updated atomically, never evicted like cache entries.
"""

import datetime

from django.db import connection
from django.utils import timezone

from .clients import client_key
from .models import AbuseCounter

HOUR = datetime.timedelta(hours=1)


def _table() -> str:
    return connection.ops.quote_name(AbuseCounter._meta.db_table)


_UPSERT = """
    INSERT INTO {table} AS c (key, count, expires_at) {values}
    ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN c.expires_at <= %s THEN EXCLUDED.count ELSE c.count + EXCLUDED.count END,
        expires_at = CASE WHEN c.expires_at <= %s THEN EXCLUDED.expires_at ELSE c.expires_at END
    RETURNING count
"""


def increment(key: str, period: datetime.timedelta, *, events: int = 1) -> int:
    """Count ``events`` more events for ``key`` in a window of ``period`` from its first event; returns the new
    count.

    One statement (INSERT … ON CONFLICT DO UPDATE): parallel requests each get their own number.
    """
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(
            _UPSERT.format(table=_table(), values="VALUES (%s, %s, %s)"), [key, events, now + period, now, now]
        )
        return cursor.fetchone()[0]


def increment_unless_held(key: str, period: datetime.timedelta, held: str) -> int | None:
    """``increment(key, period)``, unless ``held`` is set (``hold``): then None, and nothing is counted.

    One statement for what ``current(held)`` and ``increment(key)`` would ask in two.
    """
    now = timezone.now()
    table = _table()
    values = f"SELECT %s, 1, %s WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE key = %s AND expires_at > %s)"
    with connection.cursor() as cursor:
        cursor.execute(_UPSERT.format(table=table, values=values), [key, now + period, held, now, now, now])
        row = cursor.fetchone()
    return row[0] if row else None


def current(key: str) -> int:
    """The count of ``key`` in its current window (0 once the window has passed)."""
    counter = AbuseCounter.objects.filter(key=key, expires_at__gt=timezone.now()).values_list("count", flat=True)
    return counter.first() or 0


def hold(key: str, period: datetime.timedelta):
    """Mark ``key`` as set for ``period`` from now (a pause): ``current(key)`` is 1 until then."""
    AbuseCounter.objects.bulk_create(
        [AbuseCounter(key=key, count=1, expires_at=timezone.now() + period)],
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["count", "expires_at"],
    )


def clear(key: str):
    """Forget ``key`` (one DELETE statement)."""
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {_table()} WHERE key = %s", [key])


def purge_expired(now: datetime.datetime | None = None) -> int:
    deleted, _by_model = AbuseCounter.objects.filter(expires_at__lte=now or timezone.now()).delete()
    return deleted


def over_limit(request, scope: str, limit: int, period: datetime.timedelta = HOUR) -> bool:
    """Count one event of this client in ``scope``; True once it is beyond ``limit`` in ``period``."""
    return increment(client_key(request, scope), period) > limit


def at_limit(request, scope: str, limit: int) -> bool:
    """Has this client already used up ``limit`` in ``scope``? (Counts nothing.)"""
    return current(client_key(request, scope)) >= limit
