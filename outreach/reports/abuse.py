"""Defences of the public report form that need no JavaScript and no third party.

- a minimum fill time, from a signed timestamp put in the form when it is shown;
- a per-client rate limit in Django's cache (the database cache: shared by every server process).
  The client is its REMOTE_ADDR, kept only as a keyed hash.
"""

import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import salted_hmac

STARTED_SALT = "outreach.reports.form-started"
STARTED_MAX_AGE = 24 * 3600
RATE_WINDOW = 3600


def min_fill_seconds() -> float:
    return getattr(settings, "REPORT_MIN_FILL_SECONDS", 3)


def started_value(now: float | None = None) -> str:
    """A signed value recording when the form was shown."""
    return signing.dumps(now if now is not None else time.time(), salt=STARTED_SALT)


def filled_too_fast(value: str) -> bool:
    """True when the form came back faster than a person can fill it in (or without a valid stamp)."""
    try:
        started = float(signing.loads(value or "", salt=STARTED_SALT, max_age=STARTED_MAX_AGE))
    except (signing.BadSignature, TypeError, ValueError):
        return True
    return time.time() - started < min_fill_seconds()


def _client_key(request) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    return "reports:rate:" + salted_hmac("outreach.reports.client", address, algorithm="sha256").hexdigest()


def _recent(key: str, now: float) -> list[float]:
    return [moment for moment in cache.get(key, []) if now - moment < RATE_WINDOW]


def rate_limited(request) -> bool:
    """Has this client sent as many reports in the last hour as REPORT_RATE_LIMIT_PER_HOUR allows?"""
    return len(_recent(_client_key(request), time.time())) >= settings.REPORT_RATE_LIMIT_PER_HOUR


def count_submission(request):
    key = _client_key(request)
    now = time.time()
    cache.set(key, [*_recent(key, now), now], timeout=RATE_WINDOW)
