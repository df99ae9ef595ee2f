"""Writes with side effects on activities."""

from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from outreach.schools.models import VisitRequest, VisitRequestStatus

from .models import Activity, AudienceType, Kind, Status

VISIT_STARTS = time(9, 0)
VISIT_LENGTH = timedelta(hours=2)


@transaction.atomic
def create_activity_from_visit_request(visit_request: VisitRequest, by) -> Activity:
    """Turn a scheduled visit request into a draft activity linked to it (once: the link is one-to-one).

    Returns the activity already linked to the request when there is one.
    """
    visit_request = (
        VisitRequest.objects.select_for_update(of=("self",)).select_related("institution").get(pk=visit_request.pk)
    )
    existing = Activity.objects.filter(visit_request=visit_request).first()
    if existing is not None:
        return existing
    if visit_request.status != VisitRequestStatus.SCHEDULED:
        raise ValidationError(_("Only a scheduled visit request can become an activity."), code="not_scheduled")
    institution = visit_request.link_institution()
    starts_at = timezone.make_aware(datetime.combine(visit_request.preferred_date, VISIT_STARTS))
    notes = [
        _("From the visit request of %(name)s.") % {"name": visit_request.institution_name},
        _("Audience: %(audience)s (about %(size)s people).")
        % {"audience": visit_request.audience, "size": visit_request.audience_size},
    ]
    if visit_request.message:
        notes.append(visit_request.message)
    activity = Activity.objects.create(
        kind=Kind.CAMPUS_VISIT if institution.is_campus else Kind.SCHOOL_VISIT,
        institution=institution,
        title=_("Immigration visit to %(name)s") % {"name": institution.name},
        starts_at=starts_at,
        ends_at=starts_at + VISIT_LENGTH,
        topics=list(visit_request.topics),
        audience_types=[AudienceType.STUDENTS, AudienceType.TEACHERS],
        internal_notes="\n".join(notes),
        status=Status.DRAFT,
        visit_request=visit_request,
        created_by=by,
    )
    activity.officers.add(by)
    return activity


@transaction.atomic
def set_status(activities, status: str) -> int:
    """Publish or unpublish activities (and their photos' public copies); stamps published_at the first time."""
    count = 0
    for activity in activities.select_for_update(of=("self",)):
        if activity.status != status:
            activity.status = status
            activity.save(update_fields=["status", "published_at", "updated_at"])  # syncs the photos' copies
            count += 1
    return count
