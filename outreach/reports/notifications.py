"""Emails about reports, through an outbox: queued in the caller's transaction, sent by a command.

Nothing is sent inside a request: the reporter's page never waits for a mail server. The management
command ``send_pending_emails`` (run every minute) sends the outbox; each email is claimed by one atomic
UPDATE first, so two senders running at once never send it twice. A failed send keeps the email with its
error for the next run. Emails to staff carry no personal data of the reporter, only the reference,
category and priority and a link to the back office.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from outreach.office import roles

from .models import EmailNotification, Priority

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 10
# A claim older than this belongs to a sender that died: the email may be taken again.
CLAIM_TIMEOUT = datetime.timedelta(minutes=10)


def queue_email(*, to: str, template: str, context: dict, report=None, language: str | None = None):
    """Render ``reports/emails/<template>{_subject.txt,.txt,.html}`` and put the email in the outbox."""
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"reports/emails/{template}_subject.txt", context).split())
        body_text = render_to_string(f"reports/emails/{template}.txt", context)
        body_html = render_to_string(f"reports/emails/{template}.html", context)
    return EmailNotification.objects.create(
        report=report, to=to, subject=subject, body_text=body_text, body_html=body_html
    )


def claim(pk: int, now: datetime.datetime | None = None) -> bool:
    """Take one unsent email for this sender: one UPDATE … WHERE unclaimed, so only one sender wins."""
    now = now or timezone.now()
    unclaimed = Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_TIMEOUT)
    return EmailNotification.objects.filter(unclaimed, pk=pk, sent_at__isnull=True).update(claimed_at=now) == 1


def send(pk: int) -> bool | None:
    """Claim and try to send one queued email; record the outcome. None when another sender has it. Never raises."""
    if not claim(pk):
        return None
    email = EmailNotification.objects.get(pk=pk)
    message = EmailMultiAlternatives(email.subject, email.body_text, settings.DEFAULT_FROM_EMAIL, [email.to])
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    try:
        message.send()
    except Exception as error:  # any transport error: keep the email for a retry
        EmailNotification.objects.filter(pk=pk).update(
            attempts=F("attempts") + 1, last_error=str(error)[:1000], claimed_at=None
        )
        logger.warning("Email %s not sent (%s); it stays in the outbox.", pk, type(error).__name__)
        return False
    EmailNotification.objects.filter(pk=pk).update(attempts=F("attempts") + 1, sent_at=timezone.now(), last_error="")
    return True


def send_pending(max_attempts: int = MAX_ATTEMPTS) -> tuple[int, int]:
    """Send every unsent email that has not used up its attempts. Returns (sent, still failing)."""
    pending = EmailNotification.objects.filter(sent_at__isnull=True, attempts__lt=max_attempts).order_by("pk")
    sent = failed = 0
    for pk in pending.values_list("pk", flat=True):
        outcome = send(pk)
        sent += outcome is True
        failed += outcome is False
    return sent, failed


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
        queue_email(to=address, template="new_report", context=context, report=report)


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
        to=report.reporter_email, template="reporter_update", context=context, report=report, language=report.language
    )
