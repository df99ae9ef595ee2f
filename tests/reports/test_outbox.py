"""The outbox: nothing is sent inside the reporter's request; each email is claimed by exactly one sender."""

import datetime
import threading
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from outreach.reports import notifications
from outreach.reports.models import EmailNotification, Report

from .helpers import send


def queue(number=1):
    return [
        notifications.queue_email(
            to=f"piket{n}@example.go.id", template="new_report", context={"report": None, "admin_url": "u"}
        )
        for n in range(number)
    ]


@pytest.mark.django_db
def test_sending_a_report_sends_no_email_in_the_request(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send(client)
    assert Report.objects.count() == 1
    assert mail.outbox == []
    email = EmailNotification.objects.get()
    assert email.sent_at is None and email.to == "piket@example.go.id"
    assert Report.objects.get().reference in email.subject

    out = StringIO()
    call_command("send_pending_emails", stdout=out)
    assert out.getvalue() == "Outbox: 1 sent, 0 still failing.\n"
    assert [message.to for message in mail.outbox] == [["piket@example.go.id"]]


@pytest.mark.django_db
def test_an_email_claimed_by_another_sender_is_left_alone():
    [email] = queue()
    assert notifications.claim(email.pk)
    assert notifications.send(email.pk) is None
    assert notifications.send_pending() == (0, 0)
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_claim_of_a_sender_that_died_expires():
    [email] = queue()
    stale = timezone.now() - notifications.CLAIM_TIMEOUT - datetime.timedelta(minutes=1)
    EmailNotification.objects.filter(pk=email.pk).update(claimed_at=stale)
    assert notifications.send_pending() == (1, 0)
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_sent_email_is_never_sent_again():
    [email] = queue()
    assert notifications.send(email.pk) is True
    assert notifications.send(email.pk) is None
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_two_senders_at_once_send_each_email_once():
    queue(6)
    barrier = threading.Barrier(3)

    def sender():
        try:
            barrier.wait()
            notifications.send_pending()
        finally:
            connection.close()

    threads = [threading.Thread(target=sender) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(message.to[0] for message in mail.outbox) == [f"piket{n}@example.go.id" for n in range(6)]
    assert EmailNotification.objects.filter(sent_at__isnull=True).count() == 0
