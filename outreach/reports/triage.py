"""Back-office writes on a report: status changes, assignment, priority, looking at the reporter's identity.

Each function is one transaction, called by the admin views and by tests alike. The workflow rules
themselves live on the model (``Report.transition``); here they are combined with their side effects
(the reporter's email, the audit trail).
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from outreach.office import roles
from outreach.staff import STAFF_ORDER, full_name

from .models import IdentityAccess, Priority, Report, ReportEvent
from .notifications import notify_reporter_of_update

TRIAGE_ROLES = (roles.OFFICER, roles.SUPERVISOR)


def triage_staff():
    """The people a report can be assigned to: active staff in the officer or supervisor role."""
    users = get_user_model().objects.filter(is_active=True, is_staff=True, groups__name__in=TRIAGE_ROLES)
    return users.distinct().order_by(*STAFF_ORDER)


def change_status(report: Report, to: str, *, by, internal_note="", public_message="", partner=None) -> ReportEvent:
    """Move ``report`` to status ``to`` (raises ValidationError) and email the public message, if any."""
    with transaction.atomic():
        event = report.transition(
            to, by=by, internal_note=internal_note.strip(), public_message=public_message.strip(), partner=partner
        )
        notify_reporter_of_update(event)
    return event


def assign(report: Report, officer, *, by) -> ReportEvent | None:
    """Give the report to ``officer`` (or to nobody); recorded in the history. No-op when unchanged."""
    if report.assigned_to_id == (officer.pk if officer else None):
        return None
    with transaction.atomic():
        report.assigned_to = officer
        report.save(update_fields=["assigned_to", "updated_at"])
        note = full_name(officer)
        return report.events.create(kind=ReportEvent.Kind.ASSIGNED, actor=by, internal_note=note)


def set_priority(report: Report, priority: str, *, by) -> ReportEvent | None:
    """Change the priority; recorded in the history as a note. No-op when unchanged."""
    if report.priority == priority:
        return None
    with transaction.atomic():
        previous = report.get_priority_display()
        report.priority = Priority(priority)
        report.save(update_fields=["priority", "updated_at"])
        note = f"{previous} → {report.get_priority_display()}"
        return report.events.create(kind=ReportEvent.Kind.NOTE, actor=by, internal_note=note)


def reveal_identity(report: Report, *, by, reason: str) -> IdentityAccess:
    """Record that ``by`` looked at the reporter's identity, and why. Call it before showing the identity."""
    return IdentityAccess.objects.create(
        report=report, user=by, action=IdentityAccess.Action.VIEW, reason=reason.strip()[:300]
    )
