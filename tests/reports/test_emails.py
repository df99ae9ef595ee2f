"""Emails about reports: the outbox, the reporter's update, and the retry command."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from outreach.outbox.models import Email
from outreach.reports.models import Report, Status
from outreach.reports.notifications import notify_reporter_of_update
from outreach.reports.services import submit_report
from tests.factories import ReportFactory, officer

from .helpers import answers, new_token, send

pytestmark = pytest.mark.django_db


def test_sending_a_report_queues_the_duty_officers_email_and_sends_nothing_in_the_request(client):
    send(client)
    assert Report.objects.count() == 1
    assert mail.outbox == []
    email = Email.objects.get()
    assert email.sent_at is None and email.to == "piket@example.go.id"
    assert Report.objects.get().reference in email.subject
    assert email.about == Report.objects.get()

    out = StringIO()
    call_command("send_pending_emails", stdout=out)
    assert out.getvalue() == "Outbox: 1 sent, 0 still failing.\n"
    assert [message.to for message in mail.outbox] == [["piket@example.go.id"]]


def test_a_report_is_stored_with_its_email_queued_while_the_mail_server_is_down(settings):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 1, "timeout": 2},
        }
    }
    report, _pin = submit_report(answers(), [], submission_token=new_token(), language="id")
    assert Report.objects.filter(pk=report.pk).exists()
    assert Email.objects.about(report).count() == 1


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
    assert not Email.objects.exists()


def test_a_reporter_with_only_a_phone_gets_no_email():
    report = ReportFactory(identity="contact", reporter_phone="081234567890", consent_given_at="2026-11-01T10:00Z")
    event = report.transition(Status.VERIFIED, by=officer(), public_message="Kami sedang memeriksa.")
    assert notify_reporter_of_update(event) is None
