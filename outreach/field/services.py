"""Receiving an entry of the field app: one activity per phone-made id, however often it is sent."""

from dataclasses import dataclass
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from outreach.activities.models import Activity, Status

from .forms import FieldActivityForm, PhotoFormSet
from .models import FieldSubmission

SUPERVISE = "activities.publish_activity"


def may_use_field_app(user) -> bool:
    """Officers and supervisors: active staff who may add activities."""
    return user.is_active and user.is_staff and user.has_perm("activities.add_activity")


def visible_activities(user):
    """The activities whose entries a user sees: supervisors everyone's, officers their own."""
    activities = Activity.objects.with_places()
    if user.has_perm(SUPERVISE):
        return activities
    return activities.filter(created_by=user)


@dataclass
class Outcome:
    """What an entry came to: a submission (new or found again), or the forms with their errors."""

    submission: FieldSubmission | None = None
    created: bool = False
    form: FieldActivityForm | None = None
    photos: PhotoFormSet | None = None


def find_submission(client_id: UUID, user) -> FieldSubmission | None:
    """The submission already received under this id, if any; another officer's is refused."""
    submission = FieldSubmission.objects.select_related("activity").filter(client_id=client_id).first()
    if submission is not None and submission.user_id != user.pk and not user.has_perm(SUPERVISE):
        raise PermissionDenied
    return submission


def receive_entry(client_id: UUID, data, files, user, scheduled: Activity | None = None) -> Outcome:
    """Validate an entry with the activity rules and store it once as a draft activity with its photos."""
    existing = find_submission(client_id, user)
    if existing is not None:
        return Outcome(submission=existing)
    form = FieldActivityForm(data, files)
    photos = PhotoFormSet(data, files, prefix="photos", instance=Activity())
    if not (form.is_valid() and photos.is_valid()):
        return Outcome(form=form, photos=photos)
    try:
        submission = _record(client_id, form, photos, user, scheduled)
    except IntegrityError:
        # The same entry arrived twice at once: the other request stored it.
        existing = find_submission(client_id, user)
        if existing is None:
            raise
        return Outcome(submission=existing)
    return Outcome(submission=submission, created=True)


@transaction.atomic
def _record(client_id, form, photos, user, scheduled) -> FieldSubmission:
    activity = form.save(commit=False)
    activity.status = Status.DRAFT
    activity.created_by = user
    activity.save()
    form.save_m2m()
    activity.officers.add(user)
    photos.instance = activity
    for order, photo in enumerate(photos.save(commit=False)):
        photo.activity = activity
        photo.order = order
        photo.save()
    return FieldSubmission.objects.create(client_id=client_id, activity=activity, user=user, scheduled=scheduled)
