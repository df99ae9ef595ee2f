"""Writes with side effects for the school and campus program."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from outreach.office import roles
from outreach.outbox.services import queue_email

from .models import VisitRequest


@transaction.atomic
def submit_visit_request(data: dict, *, language: str | None = None) -> VisitRequest:
    """Store a school's visit request and queue its emails in the same transaction: one to every supervisor
    with an address, and a confirmation to the contact person (if they gave an email) in their language.
    Nothing is sent here: ``send_pending_emails`` sends the outbox, so a slow mail server never holds up
    the teacher's page or loses the request."""
    visit_request = VisitRequest.objects.create(**data, language=language or settings.LANGUAGE_CODE)
    notify_supervisors(visit_request)
    confirm_to_contact(visit_request)
    return visit_request


def notify_supervisors(visit_request: VisitRequest) -> int:
    """One email to each supervisor with an address, in the site's language. Returns how many were queued."""
    recipients = roles.member_emails(roles.SUPERVISOR)
    context = {
        "visit_request": visit_request,
        "admin_url": settings.SITE_URL + reverse("admin:schools_visitrequest_change", args=[visit_request.pk]),
    }
    for address in recipients:
        queue_email(to=address, template="schools/emails/visit_request", context=context, about=visit_request)
    return len(recipients)


def confirm_to_contact(visit_request: VisitRequest):
    """The teacher's confirmation: the reference code, what they asked for and where to check the status."""
    if not visit_request.contact_email:
        return None
    with translation.override(visit_request.language):
        status_url = settings.SITE_URL + reverse("schools:request_status")
    return queue_email(
        to=visit_request.contact_email,
        template="schools/emails/visit_request_received",
        context={"visit_request": visit_request, "status_url": status_url},
        about=visit_request,
        language=visit_request.language,
    )
