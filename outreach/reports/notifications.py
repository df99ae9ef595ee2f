"""Emails about reports, queued in the outbox (``outreach.outbox``) in the caller's transaction.

Nothing is sent inside a request: the reporter's page never waits for a mail server. Emails to staff
carry no personal data of the reporter, only the reference, category and priority and a link to the
back office.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from outreach.office import roles
from outreach.outbox.services import queue_email

from .models import Priority


def duty_officer_emails() -> list[str]:
    """Where new reports are announced: REPORT_NOTIFY_EMAILS, else the supervisors with an email."""
    if settings.REPORT_NOTIFY_EMAILS:
        return list(settings.REPORT_NOTIFY_EMAILS)
    return roles.member_emails(roles.SUPERVISOR)


def notify_new_report(report):
    """Tell the duty officers that a report arrived (urgent ones marked). No personal data."""
    context = {
        "report": report,
        "urgent": report.priority == Priority.URGENT,
        "admin_url": settings.SITE_URL + reverse("admin:reports_report_change", args=[report.pk]),
    }
    for address in duty_officer_emails():
        queue_email(to=address, template="reports/emails/new_report", context=context, about=report)


def notify_reporter_of_update(event):
    """Email the reporter a public message from an officer, if they gave an email address."""
    report = event.report
    if not (event.public_message and report.has_contact and report.reporter_email):
        return None
    with translation.override(report.language or settings.LANGUAGE_CODE):
        # In the reporter's language: /en/lapor/cek/ for an English reporter, /lapor/cek/ otherwise.
        status_url = settings.SITE_URL + reverse("reports:status")
    context = {"report": report, "event": event, "status_url": status_url}
    return queue_email(
        to=report.reporter_email,
        template="reports/emails/reporter_update",
        context=context,
        about=report,
        language=report.language,
    )
