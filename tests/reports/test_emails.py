"""Emails about reports: the outbox, the reporter's update, and the retry command."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from outreach.reports.models import EmailNotification, Status
from outreach.reports.notifications import notify_reporter_of_update
from outreach.reports.services import submit_report
from tests.factories import ReportFactory, officer

from .helpers import answers, new_token

pytestmark = pytest.mark.django_db

UNREACHABLE = {"default": {"BACKEND": "tests.reports.helpers.UnreachableBackend"}}
LOCMEM = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


def test_the_reporter_gets_the_public_message_by_email_when_they_gave_one(django_capture_on_commit_callbacks):
    report = ReportFactory(
        identity="contact", reporter_email="siti@example.com", consent_given_at="2026-11-01T10:00:00+07:00"
    )
    with django_capture_on_commit_callbacks(execute=True):
        event = report.transition(Status.VERIFIED, by=officer(), public_message="Kami sedang memeriksa.")
        notify_reporter_of_update(event)
    assert mail.outbox == []  # queued in the outbox, never sent inside the request
    call_command("send_pending_emails", stdout=StringIO())
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["siti@example.com"]
    assert "Kami sedang memeriksa." in mail.outbox[0].body
    assert "http://127.0.0.1:8000/lapor/cek/" in mail.outbox[0].body
    assert report.reference in mail.outbox[0].subject


def test_an_anonymous_reporter_gets_no_email():
    report = ReportFactory()
    event = report.transition(Status.VERIFIED, by=officer(), public_message="Kami sedang memeriksa.")
    assert notify_reporter_of_update(event) is None
    assert not EmailNotification.objects.exists()


def test_a_reporter_with_only_a_phone_gets_no_email():
    report = ReportFactory(identity="contact", reporter_phone="081234567890", consent_given_at="2026-11-01T10:00Z")
    event = report.transition(Status.VERIFIED, by=officer(), public_message="Kami sedang memeriksa.")
    assert notify_reporter_of_update(event) is None


def test_a_failed_email_is_kept_and_the_command_sends_it_later(settings, django_capture_on_commit_callbacks):
    settings.MAILERS = UNREACHABLE
    with django_capture_on_commit_callbacks(execute=True):
        report, _pin = submit_report(answers(), [], submission_token=new_token(), language="id")
    call_command("send_pending_emails", stdout=StringIO())
    email = EmailNotification.objects.get()
    assert email.sent_at is None and email.attempts == 1 and email.claimed_at is None
    assert "Connection refused" in email.last_error
    assert report.pk  # the report is stored although the email failed

    settings.MAILERS = LOCMEM
    out = StringIO()
    call_command("send_pending_emails", stdout=out)
    email.refresh_from_db()
    assert email.sent_at is not None and email.attempts == 2
    assert len(mail.outbox) == 1
    assert out.getvalue() == "Outbox: 1 sent, 0 still failing.\n"


def test_the_command_reports_emails_that_still_fail(settings):
    settings.MAILERS = UNREACHABLE
    submit_report(answers(), [], submission_token=new_token(), language="id")
    out = StringIO()
    call_command("send_pending_emails", stdout=out)
    assert out.getvalue() == "Outbox: 0 sent, 1 still failing.\n"
    assert EmailNotification.objects.get().sent_at is None
