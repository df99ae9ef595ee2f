"""Keeping a reporter's personal data no longer than needed (UU 27/2022 on personal data protection).

- ``purge_closed_reports`` (command ``purge_reporter_data``): a configurable number of days after a report
  was closed or rejected, the reporter's identity and the report's photos are removed; the anonymised
  report stays for statistics.
- ``export_reporter_data`` and ``erase_reporter_identity``: a reporter's request to see or erase their
  data, handled by a supervisor from the back office; both are recorded in the audit trail.

How an erased report looks: ``identity`` stays "with contact details", the name, phone and email are
blank and ``identity_erased_at`` says when they were removed. It does not become "anonymous": the
reporter did choose to be reachable (the statistics stay true, the consent timestamp stays as the
record of that choice, which the database requires for reports with contact), and ``has_contact`` is
already false once the identity is erased, so nobody will try to reach them.
"""

import datetime
import re
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from outreach.outbox.models import Email

from .models import Identity, IdentityAccess, Report


@dataclass
class PurgeResult:
    reports: int = 0
    identities: int = 0
    photos: int = 0


def _phone_key(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    return "0" + digits[2:] if digits.startswith("62") else digits


def reports_of_reporter(reports) -> list[Report]:
    """The given reports and every other report whose reporter gave the same email or phone number."""
    chosen = {report.pk: report for report in reports}
    emails = {report.reporter_email.lower() for report in chosen.values() if report.reporter_email}
    phones = {_phone_key(report.reporter_phone) for report in chosen.values() if report.reporter_phone}
    phones.discard("")
    if emails or phones:
        with_contact = Report.objects.filter(identity=Identity.WITH_CONTACT, identity_erased_at__isnull=True)
        for other in with_contact.exclude(pk__in=chosen):
            if other.reporter_email.lower() in emails or (
                other.reporter_phone and _phone_key(other.reporter_phone) in phones
            ):
                chosen[other.pk] = other
    return sorted(chosen.values(), key=lambda report: report.created_at)


def _isoformat(value):
    return value.isoformat() if value else None


def report_as_data(report: Report) -> dict:
    """Everything the reporter told us and what they were told back, as JSON-ready data."""
    events = report.events.visible_to_reporter()  # what the status page shows them, no more
    return {
        "reference": report.reference,
        "received_at": _isoformat(report.created_at),
        "category": report.category,
        "description": report.description,
        "kecamatan": report.kecamatan,
        "village": report.village,
        "location_details": report.location_details,
        "occurred_on": _isoformat(report.occurred_on),
        "occurred_approximately": report.occurred_approximately,
        "involved_name": report.involved_name,
        "involved_nationality": report.involved_nationality,
        "involved_description": report.involved_description,
        "identity": report.identity,
        "reporter_name": report.reporter_name,
        "reporter_phone": report.reporter_phone,
        "reporter_email": report.reporter_email,
        "consent_given_at": _isoformat(report.consent_given_at),
        "language": report.language,
        "status": report.status,
        "closed_at": _isoformat(report.closed_at),
        "identity_erased_at": _isoformat(report.identity_erased_at),
        "photos_purged_at": _isoformat(report.photos_purged_at),
        "photos": [photo.image.name.rsplit("/", 1)[-1] for photo in report.photos.all()],
        "history": [
            {
                "at": _isoformat(event.created_at),
                "kind": event.kind,
                "status": event.to_status,
                "message_to_reporter": event.public_message,
                "information_from_reporter": event.reporter_text,
            }
            for event in events
        ],
    }


def export_reporter_data(reports, *, by, reason: str) -> dict:
    """Everything about the reporter(s) of ``reports``; every exported report is recorded as EXPORT."""
    everything = reports_of_reporter(reports)
    with transaction.atomic():
        IdentityAccess.objects.bulk_create(
            IdentityAccess(report=report, user=by, action=IdentityAccess.Action.EXPORT, reason=reason.strip()[:300])
            for report in everything
        )
    return {
        "exported_at": timezone.now().isoformat(),
        "exported_by": by.get_username(),
        "reports": [report_as_data(report) for report in everything],
    }


def erase_identity(report: Report, *, now: datetime.datetime | None = None) -> bool:
    """Blank the reporter's name, phone and email and forget emails sent to them. False if nothing to erase."""
    if report.identity != Identity.WITH_CONTACT or report.identity_erased_at:
        return False
    if report.reporter_email:
        Email.objects.about(report).filter(to__iexact=report.reporter_email).delete()
    report.reporter_name = report.reporter_phone = report.reporter_email = ""
    report.identity_erased_at = now or timezone.now()
    report.save(update_fields=["reporter_name", "reporter_phone", "reporter_email", "identity_erased_at", "updated_at"])
    return True


def purge_photos(report: Report, *, now: datetime.datetime | None = None) -> int:
    """Delete the report's photo rows now and their files once the transaction is committed."""
    photos = list(report.photos.all())
    files = [(photo.image.storage, photo.image.name) for photo in photos]
    report.photos.all().delete()
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])
    report.photos_purged_at = now or timezone.now()
    report.save(update_fields=["photos_purged_at", "updated_at"])
    return len(photos)


def erase_reporter_identity(reports, *, by, reason: str) -> int:
    """A reporter's request: erase their identity in all their reports. Recorded as ERASE. Returns how many."""
    erased = 0
    with transaction.atomic():
        for report in reports_of_reporter(reports):
            if erase_identity(report):
                IdentityAccess.objects.create(
                    report=report, user=by, action=IdentityAccess.Action.ERASE, reason=reason.strip()[:300]
                )
                erased += 1
    return erased


def due_for_purge(days: int, now: datetime.datetime | None = None):
    """Reports closed or rejected more than ``days`` ago that still hold an identity or photos."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    still_personal = Q(identity=Identity.WITH_CONTACT, identity_erased_at__isnull=True) | Q(
        photos_purged_at__isnull=True
    )
    return Report.objects.closed_before(cutoff).filter(still_personal)


def purge_closed_reports(*, days: int, dry_run: bool = False, now: datetime.datetime | None = None) -> PurgeResult:
    """Remove identities and photos of reports closed more than ``days`` ago. Nothing changes on a dry run."""
    now = now or timezone.now()
    result = PurgeResult()
    for report in due_for_purge(days, now).prefetch_related("photos").order_by("pk"):
        result.reports += 1
        if dry_run:
            result.identities += int(report.identity == Identity.WITH_CONTACT and not report.identity_erased_at)
            result.photos += len(report.photos.all())
            continue
        with transaction.atomic():
            result.identities += int(erase_identity(report, now=now))
            if report.photos_purged_at is None:
                result.photos += purge_photos(report, now=now)
    return result
