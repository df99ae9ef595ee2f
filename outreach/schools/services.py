"""Writes with side effects for the school and campus program."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from outreach.office import roles

from .models import VisitRequest

logger = logging.getLogger(__name__)


def submit_visit_request(data: dict) -> VisitRequest:
    """Store a school's visit request, then tell the supervisors by email.

    The request is saved first, in its own transaction: a failing mail server is logged and never
    loses the request.
    """
    with transaction.atomic():
        visit_request = VisitRequest.objects.create(**data)
    try:
        notify_supervisors(visit_request)
    except Exception:
        logger.exception("Could not email the supervisors about visit request %s", visit_request.pk)
    return visit_request


def notify_supervisors(visit_request: VisitRequest) -> int:
    recipients = roles.member_emails(roles.SUPERVISOR)
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "visit_request": visit_request,
            "admin_url": settings.SITE_URL + reverse("admin:schools_visitrequest_change", args=[visit_request.pk]),
        }
        subject = " ".join(render_to_string("emails/visit_request_subject.txt", context).split())
        text = render_to_string("emails/visit_request.txt", context)
        html = render_to_string("emails/visit_request.html", context)
    message = EmailMultiAlternatives(subject, text, to=recipients)
    message.attach_alternative(html, "text/html")
    return message.send()
