"""Defences of the public forms that need no JavaScript and no third party.

- a honeypot field that people never see (and browsers do not autofill), which bots fill in;
- a minimum fill time, from a signed timestamp put in the form when it is shown;
- per-client and per-key counters (rate limits, wrong PINs, pauses) in a real database table
  (``AbuseCounter``): shared by every server process, updated atomically, never evicted like cache entries.

The client is its address, taken from X-Forwarded-For only through ``TRUSTED_PROXY_COUNT`` proxies,
an IPv6 address grouped by its /64 network, and kept only as a keyed hash.
"""

import datetime
import ipaddress
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from outreach.office.models import AbuseCounter

HONEYPOT_FIELD = "extra_remarks"
STARTED_FIELD = "started"
STARTED_SALT = "outreach.abuse.form-started"
STARTED_MAX_AGE = 24 * 3600
HOUR = datetime.timedelta(hours=1)
# For a form answered with 429: its answers are shown again.
TOO_MANY_REQUESTS = _(
    "Many requests were sent from this connection in the last hour. Your answers are still in the form: please "
    "send it again in an hour, or call the office."
)


# --- the client -----------------------------------------------------------------------------------


def client_address(request) -> str:
    """The client's address: REMOTE_ADDR, or the entry TRUSTED_PROXY_COUNT proxies put in X-Forwarded-For."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            # Each trusted proxy appended the address it saw; entries further left may be forged by the client.
            address = forwarded[-proxies] if len(forwarded) >= proxies else forwarded[0]
    return address


def client_group(request) -> str:
    """The client as one address, or for IPv6 its /64 network (a device changes its address within it freely)."""
    address = client_address(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def _hashed(scope: str, value: str) -> str:
    return salted_hmac("outreach.abuse." + scope, value, algorithm="sha256").hexdigest()


def client_key(request, scope: str) -> str:
    return _hashed(scope, client_group(request))


def key_for(scope: str, value: str) -> str:
    return _hashed(scope, value)


# --- counters -------------------------------------------------------------------------------------


def _table() -> str:
    return connection.ops.quote_name(AbuseCounter._meta.db_table)


def increment(key: str, period: datetime.timedelta) -> int:
    """Count one more event for ``key`` in a window of ``period`` from its first event; returns the new count.

    One statement (INSERT … ON CONFLICT DO UPDATE): parallel requests each get their own number.
    """
    now = timezone.now()
    table = _table()
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {table} AS c (key, count, expires_at) VALUES (%s, 1, %s)
            ON CONFLICT (key) DO UPDATE SET
                count = CASE WHEN c.expires_at <= %s THEN 1 ELSE c.count + 1 END,
                expires_at = CASE WHEN c.expires_at <= %s THEN EXCLUDED.expires_at ELSE c.expires_at END
            RETURNING count
            """,
            [key, now + period, now, now],
        )
        return cursor.fetchone()[0]


def current(key: str) -> int:
    """The count of ``key`` in its current window (0 once the window has passed)."""
    counter = AbuseCounter.objects.filter(key=key, expires_at__gt=timezone.now()).values_list("count", flat=True)
    return counter.first() or 0


def hold(key: str, period: datetime.timedelta):
    """Mark ``key`` as set for ``period`` from now (a pause): ``current(key)`` is 1 until then."""
    AbuseCounter.objects.update_or_create(key=key, defaults={"count": 1, "expires_at": timezone.now() + period})


def clear(key: str):
    AbuseCounter.objects.filter(key=key).delete()


def purge_expired(now: datetime.datetime | None = None) -> int:
    deleted, _by_model = AbuseCounter.objects.filter(expires_at__lte=now or timezone.now()).delete()
    return deleted


def over_limit(request, scope: str, limit: int, period: datetime.timedelta = HOUR) -> bool:
    """Count one event of this client in ``scope``; True once it is beyond ``limit`` in ``period``."""
    return increment(client_key(request, scope), period) > limit


def at_limit(request, scope: str, limit: int) -> bool:
    """Has this client already used up ``limit`` in ``scope``? (Counts nothing.)"""
    return current(client_key(request, scope)) >= limit


# --- honeypot and minimum fill time ---------------------------------------------------------------


def min_fill_seconds(setting: str = "FORM_MIN_FILL_SECONDS") -> float:
    return getattr(settings, setting, 3)


def started_value(now: float | None = None) -> str:
    """A signed value recording when the form was shown."""
    return signing.dumps(now if now is not None else time.time(), salt=STARTED_SALT)


def filled_too_fast(value: str, setting: str = "FORM_MIN_FILL_SECONDS") -> bool:
    """True when the form came back faster than a person can fill it in (or without a valid stamp)."""
    try:
        started = float(signing.loads(value or "", salt=STARTED_SALT, max_age=STARTED_MAX_AGE))
    except (signing.BadSignature, TypeError, ValueError):
        return True
    return time.time() - started < min_fill_seconds(setting)


class AbuseDefenceMixin:
    """For a public form: adds the honeypot and the signed start stamp, and checks both in ``clean()``.

    The problems are added as non-field errors (codes ``honeypot`` and ``too_fast``), so the other fields'
    errors still show. Pass ``check_honeypot=False`` / ``check_fill_time=False`` to skip a check (a correction
    of answers already given is not a new form filled in too fast).
    """

    honeypot_message = _("Your form could not be accepted. Please try again, or contact the office directly.")
    min_fill_setting = "FORM_MIN_FILL_SECONDS"  # the setting with the minimum seconds (default 3)
    too_fast_message = _("That was very quick. Please check your answers and send the form again.")

    def __init__(self, *args, check_honeypot: bool = True, check_fill_time: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.check_honeypot = check_honeypot
        self.check_fill_time = check_fill_time
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[STARTED_FIELD] = forms.CharField(widget=forms.HiddenInput, required=False)
        if not self.is_bound:
            self.initial.setdefault(STARTED_FIELD, started_value())

    def clean(self):
        data = super().clean()
        if self.check_honeypot and data.get(HONEYPOT_FIELD):
            self.add_error(None, ValidationError(self.honeypot_message, code="honeypot"))
        if self.check_fill_time and filled_too_fast(data.get(STARTED_FIELD, ""), self.min_fill_setting):
            self.add_error(None, ValidationError(self.too_fast_message, code="too_fast"))
        return data

    def is_spam(self) -> bool:
        return self.has_error("__all__", "honeypot")

    def restamp(self):
        """After a "too fast" answer: a fresh stamp, so that the next honest try is accepted."""
        self.data = self.data.copy()
        self.data[self.add_prefix(STARTED_FIELD)] = started_value()
