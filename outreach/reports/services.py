"""Writes with side effects for public reports: submit, add information, look up with code and PIN.

Every write is one transaction. Files are written to the private storage inside that transaction and
deleted again when anything fails, so a failed submit leaves neither a row nor an orphan file.
"""

import datetime
import logging
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables

from outreach.abuse import counters
from outreach.abuse.clients import key_for
from outreach.media import CleanImage, clean_image

from . import one_time_pin
from .models import (
    URGENT_CATEGORIES,
    Identity,
    Priority,
    Report,
    ReportEvent,
    ReportPhoto,
    Status,
    new_pin,
    normalise_reference,
)
from .notifications import notify_new_report

logger = logging.getLogger(__name__)

MAX_PHOTOS = 3
# More information added later through the status page: one photo at a time, at most this many in all.
MAX_FOLLOW_UP_PHOTOS = 5
MAX_FOLLOW_UP_TEXT = 3000

# Status lookup: this many wrong PINs for one reference pause its lookups for LOOKUP_PAUSE.
LOOKUP_MAX_FAILURES = 5
LOOKUP_PAUSE = datetime.timedelta(minutes=15)

REPORT_FIELDS = [
    "category",
    "description",
    "kecamatan",
    "village",
    "location_details",
    "occurred_on",
    "occurred_approximately",
    "involved_name",
    "involved_nationality",
    "involved_description",
]
CONTACT_FIELDS = ["reporter_name", "reporter_phone", "reporter_email"]


def clean_photo(photo) -> CleanImage:
    """A report photo checked and re-encoded without metadata (``outreach.media.clean_image``); one already
    cleaned (a draft's) as it is. Evidence that only staff open: encoded plainly, not compactly for the web."""
    return photo if isinstance(photo, CleanImage) else clean_image(photo, compact=False)


def _delete_files(names):
    storage = ReportPhoto._meta.get_field("image").storage
    for name in names:
        try:
            storage.delete(name)
        except OSError:  # nothing more we can do; never let cleanup hide the original error
            logger.warning("Could not remove a report photo file after a failed save.")


def _save_photos(report, photos, *, from_follow_up: bool, written: list):
    """The files first (each name in ``written`` as soon as it is on disk), then their rows in one INSERT."""
    records = []
    for photo in photos:
        clean = clean_photo(photo)
        record = ReportPhoto(report=report, from_follow_up=from_follow_up)
        record.image.save(f"{uuid.uuid4().hex}.jpg", clean.as_file("photo.jpg"), save=False)
        written.append(record.image.name)
        records.append(record)
    ReportPhoto.objects.bulk_create(records)


class SendingLimitReached(Exception):
    """The sender already sent REPORT_RATE_LIMIT_PER_HOUR reports this hour: nothing was stored."""


@sensitive_variables()
def submit_report(cleaned_data: dict, photos, *, submission_token, language: str, sender: str | None = None):
    """Store a report with its photos and first history entry, all or nothing. Returns ``(report, pin)``.

    ``photos`` are uploads (or already cleaned images); each goes through ``clean_photo``. The PIN is
    kept for the confirmation page (``one_time_pin``) in the same transaction as the report: whichever
    request of a double-click finds the report finds its PIN too. The same ``submission_token`` again
    (at once or later) gives the first report back with ``pin=None``.

    ``sender`` is the abuse counter key of who sends it: the report counts against
    REPORT_RATE_LIMIT_PER_HOUR once its row is in, inside the transaction, so that a duplicate of the same
    token (which waits at the unique token for the first one and then gets it back) is never counted.
    Over the limit, raises ``SendingLimitReached`` and stores nothing.
    """
    photos = list(photos)
    if len(photos) > MAX_PHOTOS:
        raise ValidationError(
            _("You can add at most %(max)s photos."), code="too_many_photos", params={"max": MAX_PHOTOS}
        )
    existing = Report.objects.filter(submission_token=submission_token).first()
    if existing is not None:
        return existing, None
    cleaned = [clean_photo(photo) for photo in photos]  # check every photo before anything is written
    pin = new_pin()
    written: list[str] = []
    try:
        with transaction.atomic():
            report = Report(submission_token=submission_token, language=language or "id")
            for field in REPORT_FIELDS:
                value = cleaned_data.get(field)
                if value is None and field != "occurred_on":
                    value = ""
                setattr(report, field, value)
            report.identity = cleaned_data.get("identity") or Identity.ANONYMOUS
            if report.identity == Identity.WITH_CONTACT:
                for field in CONTACT_FIELDS:
                    setattr(report, field, (cleaned_data.get(field) or "").strip())
                report.consent_given_at = timezone.now() if cleaned_data.get("consent") else None
            report.priority = Priority.URGENT if report.category in URGENT_CATEGORIES else Priority.NORMAL
            report.set_pin(pin)
            report.save()  # a duplicate of this token waits here until this transaction ends
            if sender and counters.increment(sender, counters.HOUR) > settings.REPORT_RATE_LIMIT_PER_HOUR:
                raise SendingLimitReached  # rolls back the report and the count
            one_time_pin.keep(str(submission_token), pin)
            _save_photos(report, cleaned, from_follow_up=False, written=written)
            report.events.create(kind=ReportEvent.Kind.SUBMITTED, to_status=Status.NEW)
            notify_new_report(report)
    except IntegrityError:
        _delete_files(written)
        # Two requests with the same token at once: the other one won the unique constraint.
        existing = Report.objects.filter(submission_token=submission_token).first()
        if existing is not None:
            return existing, None
        raise
    except BaseException:
        _delete_files(written)
        raise
    logger.info("Report %s received (%s, %s photos).", report.reference, report.category, len(cleaned))
    return report, pin


def add_reporter_information(report: Report, text: str, photo=None) -> ReportEvent:
    """Record more information from the reporter (text and/or one photo) while the report is open."""
    text = (text or "").strip()
    if not report.is_open:
        raise ValidationError(_("This report is closed; no more information can be added."), code="closed")
    if not text and photo is None:
        raise ValidationError(_("Write something or add a photo."), code="empty")
    if len(text) > MAX_FOLLOW_UP_TEXT:
        raise ValidationError(
            _("Keep it to at most %(max)s characters."), code="too_long", params={"max": MAX_FOLLOW_UP_TEXT}
        )
    photos = []
    if photo is not None:
        if report.photos.filter(from_follow_up=True).count() >= MAX_FOLLOW_UP_PHOTOS:
            raise ValidationError(
                _("This report already has %(max)s added photos; no more can be added. Describe it in words."),
                code="too_many_photos",
                params={"max": MAX_FOLLOW_UP_PHOTOS},
            )
        photos.append(clean_photo(photo))
    written: list[str] = []
    try:
        with transaction.atomic():
            _save_photos(report, photos, from_follow_up=True, written=written)
            event = report.events.create(kind=ReportEvent.Kind.REPORTER_ADDED_INFO, reporter_text=text)
            Report.objects.filter(pk=report.pk).update(updated_at=timezone.now())
    except BaseException:
        _delete_files(written)
        raise
    logger.info("Report %s: the reporter added information.", report.reference)
    return event


# --- status lookup --------------------------------------------------------------------------------


class LookupPaused(Exception):
    """Too many wrong PINs for this reference: lookups are paused for a while."""


def _check_dummy_pin(pin: str):
    """Check the PIN against a throwaway hash, so that an unknown code costs as much time as a wrong PIN."""
    dummy = Report()
    dummy.set_pin(new_pin())
    dummy.check_pin(pin)


def lookup_report(reference: str, pin: str) -> Report | None:
    """The report with this reference and PIN, or None; the same None for a wrong code and a wrong PIN.

    After LOOKUP_MAX_FAILURES wrong attempts for one reference (whether it exists or not) its lookups
    are paused for LOOKUP_PAUSE: raises ``LookupPaused``, even for the right PIN. Every attempt is counted
    (atomically, in the database) BEFORE the PIN is checked and uncounted when it was right, so parallel
    guesses cannot get past the limit.
    """
    normalised = normalise_reference(reference or "") or (reference or "").strip().upper()[:40]
    pin = "".join(ch for ch in (pin or "") if ch.isdigit())
    # The same keys for known and unknown references: a pause must not tell which codes exist.
    failures_key = key_for("lookup-failures", normalised)
    pause_key = key_for("lookup-pause", normalised)
    attempts = counters.increment_unless_held(failures_key, LOOKUP_PAUSE * 4, held=pause_key)
    if attempts is None or attempts > LOOKUP_MAX_FAILURES:
        raise LookupPaused
    report = Report.objects.filter(reference=normalised).first() if normalised.startswith("LPR-") else None
    if report is not None and report.check_pin(pin):
        counters.clear(failures_key)
        return report
    if report is None:
        _check_dummy_pin(pin)
    if attempts >= LOOKUP_MAX_FAILURES:
        counters.hold(pause_key, LOOKUP_PAUSE)
        counters.clear(failures_key)
        logger.warning("Status lookups of one reference paused after %s wrong PINs.", LOOKUP_MAX_FAILURES)
        raise LookupPaused
    return None


# --- what the reporter may see ----------------------------------------------------------------------


# The status in plain words for the reporter.
STATUS_EXPLANATIONS = {
    Status.NEW: _("Your report has been received and is waiting for an officer to check it."),
    Status.VERIFIED: _("An officer has checked your report and will follow it up."),
    Status.REJECTED: _("Your report could not be followed up. See the message from the officer, if any."),
    Status.IN_PROGRESS: _("Officers are acting on your report."),
    Status.FORWARDED: _("Your report was passed on to a partner agency that can act on it."),
    Status.CLOSED: _("The work on your report is finished and it is closed."),
}


@dataclass
class TimelineEntry:
    when: datetime.datetime
    title: str
    message: str = ""
    explanation: str = ""


def public_timeline(report: Report) -> list[TimelineEntry]:
    """The history as the reporter may see it (``ReportEvent.objects.visible_to_reporter``), in words for the
    status page. Never internal notes, officer names, assignments or identity."""
    entries = []
    events = report.events.visible_to_reporter().only("kind", "to_status", "public_message", "created_at")
    for event in events:
        if event.kind == ReportEvent.Kind.SUBMITTED:
            entries.append(TimelineEntry(event.created_at, str(_("We received your report."))))
        elif event.kind == ReportEvent.Kind.TRANSITION:
            status = Status(event.to_status)
            title = _("Status: %(status)s") % {"status": status.label}
            entries.append(
                TimelineEntry(event.created_at, str(title), event.public_message, STATUS_EXPLANATIONS[status])
            )
        elif event.kind == ReportEvent.Kind.REPORTER_ADDED_INFO:
            entries.append(TimelineEntry(event.created_at, str(_("You added information."))))
        else:
            entries.append(TimelineEntry(event.created_at, str(_("Message from the office")), event.public_message))
    return entries
