"""Plain-text emails and subjects are not HTML: an officer's quotes and ampersands arrive as typed."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.template.loader import render_to_string

from outreach.reports.models import Status
from outreach.reports.notifications import notify_reporter_of_update
from tests.factories import ReportFactory, officer

pytestmark = pytest.mark.django_db

MESSAGE = 'We\'ve sent it to "Polres" & BP3MI <today>'


def test_the_reporter_update_text_keeps_quotes_and_ampersands():
    report = ReportFactory(
        identity="contact", reporter_email="siti@example.com", consent_given_at="2026-11-01T10:00:00+07:00"
    )
    event = report.transition(Status.VERIFIED, by=officer(), public_message=MESSAGE)
    notify_reporter_of_update(event)
    call_command("send_pending_emails", stdout=None)
    [email] = mail.outbox
    assert MESSAGE in email.body
    assert "&#x27;" not in email.body and "&quot;" not in email.body and "&amp;" not in email.body
    [(html, _mimetype)] = email.alternatives
    assert "We&#x27;ve sent it to &quot;Polres&quot; &amp; BP3MI &lt;today&gt;" in html


@pytest.mark.parametrize(
    "template", ["reports/emails/new_report_subject.txt", "reports/emails/reporter_update_subject.txt"]
)
def test_subjects_are_not_html_escaped(template):
    report = {"reference": "LPR-\"A&B'", "get_category_display": "Other & more"}
    subject = render_to_string(template, {"report": report, "urgent": False})
    assert "LPR-\"A&B'" in subject


@pytest.mark.parametrize("template", ["reports/emails/new_report.txt", "reports/emails/reporter_update.txt"])
def test_text_bodies_are_not_html_escaped(template):
    report = {
        "reference": "LPR-AAAA-AAAA",
        "get_category_display": "Other & more",
        "get_priority_display": "Normal",
        "get_status_display": "Forwarded",
        "first_response_due": datetime.date(2026, 12, 1),
    }
    body = render_to_string(
        template,
        {"report": report, "event": {"public_message": MESSAGE}, "admin_url": "http://x/?a=1&b=2", "status_url": "u"},
    )
    assert ("Other & more" in body) if template.endswith("new_report.txt") else (MESSAGE in body)
    assert "&amp;" not in body and "&#x27;" not in body


@pytest.mark.parametrize(("language", "path"), [("en", "/en/lapor/cek/"), ("id", "/lapor/cek/")])
def test_the_status_link_is_in_the_reporters_language(language, path, settings):
    from django.utils import translation

    report = ReportFactory(
        identity="contact",
        reporter_email="siti@example.com",
        consent_given_at="2026-11-01T10:00:00+07:00",
        language=language,
    )
    event = report.transition(Status.VERIFIED, by=officer(), public_message="News")
    with translation.override("id" if language == "en" else "en"):  # the officer's language is the other one
        email = notify_reporter_of_update(event)
    assert settings.SITE_URL + path in email.body_text
    assert settings.SITE_URL + path in email.body_html
