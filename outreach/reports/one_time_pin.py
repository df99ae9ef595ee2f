"""A new report's PIN between "send" and the confirmation page: kept in the database, shown once, then deleted.

Never in the session: a session row outlives the visit. Found by a keyed hash of the one-time submission
token, which both requests of a double-click carry, so the page the browser finally shows has the PIN.
"""

import datetime

from django.db import transaction
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
    PinToShow.objects.update_or_create(
        token_hash=_hash(token), defaults={"pin": pin, "expires_at": timezone.now() + PIN_SHOW_WINDOW}
    )


@sensitive_variables()
def take(token: str | None) -> str | None:
    """The PIN kept for this token, once: it is deleted as it is read (a reload finds nothing)."""
    if not token:
        return None
    with transaction.atomic():
        waiting = (
            PinToShow.objects.select_for_update().filter(token_hash=_hash(token), expires_at__gt=timezone.now()).first()
        )
        PinToShow.objects.filter(token_hash=_hash(token)).delete()
    return waiting.pin if waiting else None


def purge_expired(now: datetime.datetime | None = None) -> int:
    deleted, _by_model = PinToShow.objects.filter(expires_at__lte=now or timezone.now()).delete()
    return deleted
