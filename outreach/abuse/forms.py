"""A honeypot that people never see (and browsers do not autofill), which bots fill in, and a minimum fill
time (``FORM_MIN_FILL_SECONDS``) from a signed timestamp put in the form when it is shown."""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "extra_remarks"
STARTED_FIELD = "started"
STARTED_SALT = "outreach.abuse.form-started"
STARTED_MAX_AGE = 24 * 3600


def started_value(now: float | None = None) -> str:
    """A signed value recording when the form was shown."""
    return signing.dumps(now if now is not None else time.time(), salt=STARTED_SALT)


def filled_too_fast(value: str) -> bool:
    """True when the form came back faster than a person can fill it in (or without a valid stamp)."""
    try:
        started = float(signing.loads(value or "", salt=STARTED_SALT, max_age=STARTED_MAX_AGE))
    except (signing.BadSignature, TypeError, ValueError):
        return True
    return time.time() - started < settings.FORM_MIN_FILL_SECONDS


class AbuseDefenceMixin:
    """For a public form: adds the honeypot and the signed start stamp, and checks both in ``clean()``.

    The problems are added as non-field errors (codes ``honeypot`` and ``too_fast``), so the other fields'
    errors still show. Pass ``check_honeypot=False`` / ``check_fill_time=False`` to skip a check (a correction
    of answers already given is not a new form filled in too fast).
    """

    honeypot_message = _("Your form could not be accepted. Please try again, or contact the office directly.")
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
        if self.check_fill_time and filled_too_fast(data.get(STARTED_FIELD, "")):
            self.add_error(None, ValidationError(self.too_fast_message, code="too_fast"))
        return data

    def is_spam(self) -> bool:
        return self.has_error("__all__", "honeypot")

    def restamp(self):
        """After a "too fast" answer: a fresh stamp, so that the next honest try is accepted."""
        self.data = self.data.copy()
        self.data[self.add_prefix(STARTED_FIELD)] = started_value()
