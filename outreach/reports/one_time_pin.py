"""A new report's PIN between "send" and the confirmation page: kept in the database, shown once, then deleted.

Never in the session: a session row outlives the visit. Found by a keyed hash of the one-time submission
token, which both requests of a double-click carry, so the page the browser finally shows has the PIN.
"""

import datetime

from django.db import connection
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.views.decorators.debug import sensitive_variables

from .models import PinToShow

# Long enough to reach the confirmation page on a slow connection; then only the reference is shown.
PIN_SHOW_WINDOW = datetime.timedelta(minutes=15)


def _hash(token: str) -> str:
    return salted_hmac("outreach.reports.pin-to-show", token or "", algorithm="sha256").hexdigest()


@sensitive_variables()
def keep(token: str, pin: str):
    """Keep ``pin`` for ``token`` (replacing one kept before): one INSERT … ON CONFLICT DO UPDATE."""
    PinToShow.objects.bulk_create(
        [PinToShow(token_hash=_hash(token), pin=pin, expires_at=timezone.now() + PIN_SHOW_WINDOW)],
        update_conflicts=True,
        unique_fields=["token_hash"],
        update_fields=["pin", "expires_at"],
    )


@sensitive_variables()
def take(token: str | None) -> str | None:
    """The PIN kept for this token, once: it is deleted as it is read (a reload finds nothing). One DELETE …
    RETURNING: of two requests at once, only the one whose statement deletes the row gets the PIN."""
    if not token:
        return None
    table = connection.ops.quote_name(PinToShow._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE token_hash = %s RETURNING pin, expires_at", [_hash(token)])
        row = cursor.fetchone()
    if row is None or row[1] <= timezone.now():
        return None
    return row[0]


def purge_expired(now: datetime.datetime | None = None) -> int:
    deleted, _by_model = PinToShow.objects.filter(expires_at__lte=now or timezone.now()).delete()
    return deleted
