"""The outbox: emails wait in a table until ``send_pending_emails`` sends them, each claimed by exactly one sender,
failures kept for a retry."""

import datetime
import threading
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from outreach.outbox import services
from outreach.outbox.models import Email
from tests.factories import EmailFactory, ReportFactory, officer

pytestmark = pytest.mark.django_db

# A real SMTP connection to a closed local port: the send fails as with a mail server that is down.
CLOSED_PORT = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "127.0.0.1", "port": 1, "timeout": 2},
    }
}
LOCMEM = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


def test_the_command_sends_the_queued_emails_with_their_html_and_says_how_many():
    EmailFactory(to="rina@example.go.id", subject="Laporan baru LPR-AAAA-BBBB")
    out = StringIO()
    call_command("send_pending_emails", stdout=out)
    assert out.getvalue() == "Outbox: 1 sent, 0 still failing.\n"
    [message] = mail.outbox
    assert (message.to, message.subject, message.body) == (
        ["rina@example.go.id"],
        "Laporan baru LPR-AAAA-BBBB",
        "Ada laporan baru.",
    )
    assert message.alternatives[0] == ("<p>Ada laporan baru.</p>", "text/html")
    email = Email.objects.get()
    assert email.sent_at is not None and email.attempts == 1


def test_an_email_without_html_is_sent_as_plain_text():
    EmailFactory(body_html="")
    services.send_pending()
    assert mail.outbox[0].alternatives == []


def test_queueing_sends_nothing():
    services.queue_email(
        to="rina@example.go.id",
        template="reports/emails/new_report",
        context={"report": ReportFactory(), "admin_url": "http://127.0.0.1:8000/admin/"},
    )
    assert mail.outbox == []
    assert Email.objects.get().sent_at is None


def test_an_email_is_rendered_in_the_language_asked_for_and_linked_to_what_it_is_about():
    report = ReportFactory()
    context = {"report": report, "admin_url": "http://127.0.0.1:8000/admin/"}
    english = services.queue_email(
        to="a@example.go.id", template="reports/emails/new_report", context=context, about=report, language="en"
    )
    indonesian = services.queue_email(to="b@example.go.id", template="reports/emails/new_report", context=context)
    assert english.subject != indonesian.subject
    assert "New report" in english.subject and "Laporan baru" in indonesian.subject
    assert list(Email.objects.about(report)) == [english]


def test_a_failed_email_is_kept_with_its_error_and_sent_on_a_later_run(settings):
    settings.MAILERS = CLOSED_PORT
    email = EmailFactory()
    out = StringIO()
    call_command("send_pending_emails", stdout=out)
    assert out.getvalue() == "Outbox: 0 sent, 1 still failing.\n"
    email.refresh_from_db()
    assert email.sent_at is None and email.attempts == 1 and email.claimed_at is None
    assert "Connection refused" in email.last_error

    settings.MAILERS = LOCMEM
    call_command("send_pending_emails", stdout=StringIO())
    email.refresh_from_db()
    assert email.sent_at is not None and email.attempts == 2 and email.last_error == ""
    assert len(mail.outbox) == 1


def test_an_email_that_used_up_its_attempts_is_not_tried_again():
    EmailFactory(attempts=services.MAX_ATTEMPTS)
    assert services.send_pending() == (0, 0)
    assert mail.outbox == []


def test_an_email_claimed_by_another_sender_is_left_alone():
    email = EmailFactory()
    assert services.claim(email.pk)
    assert services.send(email.pk) is None
    assert services.send_pending() == (0, 0)
    assert mail.outbox == []


def test_a_claim_of_a_sender_that_died_expires():
    email = EmailFactory()
    stale = timezone.now() - services.CLAIM_TIMEOUT - datetime.timedelta(minutes=1)
    Email.objects.filter(pk=email.pk).update(claimed_at=stale)
    assert services.send_pending() == (1, 0)
    assert len(mail.outbox) == 1


def test_a_sent_email_is_never_sent_again():
    email = EmailFactory()
    assert services.send(email.pk) is True
    assert services.send(email.pk) is None
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_two_senders_at_once_send_each_email_once():
    EmailFactory.create_batch(6)
    barrier = threading.Barrier(3)

    def sender():
        try:
            barrier.wait()
            services.send_pending()
        finally:
            connection.close()

    threads = [threading.Thread(target=sender) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(message.to[0] for message in mail.outbox) == sorted(Email.objects.values_list("to", flat=True))
    assert len(mail.outbox) == 6
    assert Email.objects.filter(sent_at__isnull=True).count() == 0


def test_a_superuser_reads_the_outbox_but_cannot_write_it(client, admin_user):
    email = EmailFactory(subject="Laporan baru LPR-AAAA-BBBB", last_error="Connection refused")
    client.force_login(admin_user)
    assert "Laporan baru LPR-AAAA-BBBB" in client.get("/admin/outbox/email/").text
    assert "Connection refused" in client.get(f"/admin/outbox/email/{email.pk}/change/").text
    assert client.get("/admin/outbox/email/add/").status_code == 403


def test_an_officer_cannot_open_the_outbox(client):
    client.force_login(officer())
    assert client.get("/admin/outbox/email/").status_code == 403
