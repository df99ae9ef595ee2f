import logging
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from outreach.schools.models import VisitRequest
from outreach.schools.services import submit_visit_request
from tests.factories import StaffFactory, officer, supervisor

pytestmark = pytest.mark.django_db


def request_data(**overrides):
    return {
        "institution_name": "Universitas Islam Balitar",
        "institution_level": "university",
        "kecamatan": "sananwetan",
        "contact_name": "Dr. Ratna Sari",
        "contact_email": "ratna@unisbablitar.ac.id",
        "preferred_date": timezone.localdate() + timedelta(days=14),
        "audience": "Mahasiswa semester akhir",
        "audience_size": 250,
        "topics": ["passports"],
    } | overrides


def test_it_stores_the_request_and_emails_every_supervisor_with_an_address():
    supervisor(email="rina@example.go.id")
    supervisor(email="yudi@example.go.id")
    supervisor(email="")
    supervisor(email="gone@example.go.id", is_active=False)
    officer(email="agus@example.go.id")
    visit_request = submit_visit_request(request_data())
    assert VisitRequest.objects.get() == visit_request
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == ["rina@example.go.id", "yudi@example.go.id"]
    assert message.subject.startswith("Permintaan kunjungan baru: Universitas Islam Balitar")
    assert "Paspor dan M-Paspor" in message.body
    assert f"/admin/schools/visitrequest/{visit_request.pk}/change/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "Universitas Islam Balitar" in html


def test_it_sends_no_email_without_supervisors():
    StaffFactory(email="someone@example.go.id")
    submit_visit_request(request_data())
    assert VisitRequest.objects.count() == 1
    assert mail.outbox == []


def test_a_failing_mail_server_never_loses_the_request(settings, caplog):
    # A real SMTP connection to a closed local port: the send fails, the request stays.
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 1, "timeout": 2},
        }
    }
    supervisor(email="rina@example.go.id")
    with caplog.at_level(logging.ERROR, logger="outreach.schools.services"):
        visit_request = submit_visit_request(request_data())
    assert VisitRequest.objects.filter(pk=visit_request.pk).exists()
    assert "Could not email the supervisors" in caplog.text
