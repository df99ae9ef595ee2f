"""Emails about reports, through an outbox: queued in the caller's transaction, sent after commit.

A failed send never loses a report or blocks the reporter: the email stays in the outbox with its
error and ``send_pending_emails`` (management command) retries it. Emails to staff carry no
personal data of the reporter, only the reference, category and priority and a link to the back office.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from outreach.office import roles

from .models import EmailNotification, Priority

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 10


def queue_email(*, to: str, template: str, context: dict, report=None, language: str | None = None):
    """Render ``reports/emails/<template>{_subject.txt,.txt,.html}`` and put the email in the outbox."""
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"reports/emails/{template}_subject.txt", context).split())
        body_text = render_to_string(f"reports/emails/{template}.txt", context)
        body_html = render_to_string(f"reports/emails/{template}.html", context)
    email = EmailNotification.objects.create(
        report=report, to=to, subject=subject, body_text=body_text, body_html=body_html
    )
    transaction.on_commit(lambda: send(email.pk))
    return email


def send(pk: int) -> bool:
    """Try to send one queued email; record the outcome. Never raises."""
    email = EmailNotification.objects.filter(pk=pk, sent_at__isnull=True).first()
    if email is None:
        return False
    message = EmailMultiAlternatives(email.subject, email.body_text, settings.DEFAULT_FROM_EMAIL, [email.to])
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    try:
        message.send()
    except Exception as error:  # any transport error: keep the email for a retry
        EmailNotification.objects.filter(pk=pk).update(attempts=F("attempts") + 1, last_error=str(error)[:1000])
        logger.warning("Email %s not sent (%s); it stays in the outbox.", pk, type(error).__name__)
        return False
    EmailNotification.objects.filter(pk=pk).update(attempts=F("attempts") + 1, sent_at=timezone.now(), last_error="")
    return True


def send_pending(max_attempts: int = MAX_ATTEMPTS) -> tuple[int, int]:
    """Retry every unsent email that has not used up its attempts. Returns (sent, still failing)."""
    pending = EmailNotification.objects.filter(sent_at__isnull=True, attempts__lt=max_attempts).order_by("pk")
    sent = failed = 0
    for pk in pending.values_list("pk", flat=True):
        if send(pk):
            sent += 1
        else:
            failed += 1
    return sent, failed


def duty_officer_emails() -> list[str]:
    """Where new reports are announced: REPORT_NOTIFY_EMAILS, else the supervisors with an email."""
    configured = getattr(settings, "REPORT_NOTIFY_EMAILS", [])
    if configured:
        return list(configured)
    return roles.member_emails(roles.SUPERVISOR)


def notify_new_report(report):
    """Tell the duty officers that a report arrived (urgent ones marked). No personal data."""
    context = {
        "report": report,
        "urgent": report.priority == Priority.URGENT,
        "admin_url": settings.SITE_URL + reverse("admin:reports_report_change", args=[report.pk]),
    }
    for address in duty_officer_emails():
        queue_email(to=address, template="new_report", context=context, report=report)


def notify_reporter_of_update(event):
    """Email the reporter a public message from an officer, if they gave an email address."""
    report = event.report
    if not (event.public_message and report.has_contact and report.reporter_email):
        return None
    context = {"report": report, "event": event, "status_url": settings.SITE_URL + reverse("reports:status")}
    return queue_email(
        to=report.reporter_email, template="reporter_update", context=context, report=report, language=report.language
    )
