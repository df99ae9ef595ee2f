from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError
from django.utils import timezone

from outreach.outbox.models import Email
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


def send_outbox():
    call_command("send_pending_emails", stdout=StringIO())
    return {message.to[0]: message for message in mail.outbox}


def test_it_stores_the_request_and_queues_an_email_to_every_supervisor_with_an_address():
    supervisor(email="rina@example.go.id")
    supervisor(email="yudi@example.go.id")
    supervisor(email="")
    supervisor(email="gone@example.go.id", is_active=False)
    officer(email="agus@example.go.id")
    visit_request = submit_visit_request(request_data(contact_email="", contact_phone="0812 1111 2222"))
    assert VisitRequest.objects.get() == visit_request
    assert visit_request.language == "id"  # the site's language when the caller names none
    assert mail.outbox == []
    sent = send_outbox()
    assert sorted(sent) == ["rina@example.go.id", "yudi@example.go.id"]
    message = sent["rina@example.go.id"]
    assert message.subject.startswith("Permintaan kunjungan baru: Universitas Islam Balitar")
    assert "Paspor dan M-Paspor" in message.body and visit_request.reference in message.body
    assert f"/admin/schools/visitrequest/{visit_request.pk}/change/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "Universitas Islam Balitar" in html


def test_it_queues_no_staff_email_without_supervisors():
    StaffFactory(email="someone@example.go.id")
    submit_visit_request(request_data(contact_email="", contact_phone="0812 1111 2222"))
    assert VisitRequest.objects.count() == 1
    assert not Email.objects.exists()


def test_the_teacher_gets_a_confirmation_with_the_reference_and_the_status_page_in_indonesian():
    visit_request = submit_visit_request(request_data(), language="id")
    message = send_outbox()["ratna@unisbablitar.ac.id"]
    assert message.subject == f"Permintaan kunjungan {visit_request.reference} sudah diterima"
    assert visit_request.reference in message.body
    assert "http://127.0.0.1:8000/program/sekolah/minta-kunjungan/cek/" in message.body
    assert "Paspor dan M-Paspor" in message.body


def test_the_teacher_who_wrote_in_english_gets_the_confirmation_in_english():
    visit_request = submit_visit_request(request_data(), language="en")
    assert visit_request.language == "en"
    message = send_outbox()["ratna@unisbablitar.ac.id"]
    assert message.subject == f"Your visit request {visit_request.reference} was received"
    assert "http://127.0.0.1:8000/en/program/sekolah/minta-kunjungan/cek/" in message.body
    assert "Passports and M-Paspor" in message.body


def test_a_teacher_who_gave_only_a_phone_gets_no_email():
    submit_visit_request(request_data(contact_email="", contact_phone="0812 1111 2222"))
    assert not Email.objects.exists()


def test_a_failing_mail_server_never_loses_the_request_and_keeps_its_emails(settings):
    # A real SMTP connection to a closed local port: the send fails, the request and its emails stay.
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 1, "timeout": 2},
        }
    }
    supervisor(email="rina@example.go.id")
    visit_request = submit_visit_request(request_data())
    out = StringIO()
    call_command("send_pending_emails", stdout=out)
    assert out.getvalue() == "Outbox: 0 sent, 2 still failing.\n"
    assert VisitRequest.objects.filter(pk=visit_request.pk).exists()
    assert Email.objects.about(visit_request).filter(sent_at__isnull=True).count() == 2


def test_a_request_that_cannot_be_stored_queues_no_email():
    supervisor(email="rina@example.go.id")
    with pytest.raises(IntegrityError):
        submit_visit_request(request_data(contact_email="", contact_phone=""))  # no way to reach anyone
    assert not VisitRequest.objects.exists()
    assert not Email.objects.exists()
