"""Queue and send emails.

``queue_email`` renders an email and stores it, in the caller's transaction: it leaves with the write it is
about, or not at all. ``send_pending`` (the command ``send_pending_emails``) sends the outbox; each email is
claimed by one atomic UPDATE first, so two senders running at once never send it twice. A failed send keeps
the email with its error for the next run, up to ``MAX_ATTEMPTS``. Sending uses the default mailer of
``MAILERS``.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import Email

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 10
# A claim older than this belongs to a sender that died: the email may be taken again.
CLAIM_TIMEOUT = datetime.timedelta(minutes=10)


def queue_email(*, to: str, template: str, context: dict, about=None, language: str | None = None) -> Email:
    """Render ``<template>_subject.txt``, ``<template>.txt`` and ``<template>.html`` in ``language`` (default
    the site's) and put the email in the outbox. ``template`` names the app's email, such as
    ``"reports/emails/new_report"``; ``about`` is the object the email is about."""
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body_text = render_to_string(f"{template}.txt", context)
        body_html = render_to_string(f"{template}.html", context)
    return Email.objects.create(to=to, subject=subject, body_text=body_text, body_html=body_html, about=about)


def claim(pk: int, now: datetime.datetime | None = None) -> bool:
    """Take one unsent email for this sender: one UPDATE … WHERE unclaimed, so only one sender wins."""
    now = now or timezone.now()
    unclaimed = Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_TIMEOUT)
    return Email.objects.filter(unclaimed, pk=pk, sent_at__isnull=True).update(claimed_at=now) == 1


def send(pk: int) -> bool | None:
    """Claim and try to send one queued email; record the outcome. None when another sender has it. Never raises."""
    if not claim(pk):
        return None
    email = Email.objects.get(pk=pk)
    message = EmailMultiAlternatives(email.subject, email.body_text, settings.DEFAULT_FROM_EMAIL, [email.to])
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    try:
        message.send()
    except Exception as error:  # any transport error: keep the email for a retry
        Email.objects.filter(pk=pk).update(attempts=F("attempts") + 1, last_error=str(error)[:1000], claimed_at=None)
        logger.warning("Email %s not sent (%s); it stays in the outbox.", pk, type(error).__name__)
        return False
    Email.objects.filter(pk=pk).update(attempts=F("attempts") + 1, sent_at=timezone.now(), last_error="")
    return True


def send_pending(max_attempts: int = MAX_ATTEMPTS) -> tuple[int, int]:
    """Send every unsent email that has not used up its attempts. Returns (sent, still failing)."""
    sent = failed = 0
    for pk in Email.objects.pending(max_attempts).values_list("pk", flat=True):
        outcome = send(pk)
        sent += outcome is True
        failed += outcome is False
    return sent, failed
