"""Receiving an entry of the field app: one activity per phone-made id, however often it is sent."""

from dataclasses import dataclass
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from outreach.activities.models import Activity, Status

from .forms import FieldActivityForm, PhotoFormSet
from .models import FieldSubmission

SUPERVISE = "activities.publish_activity"


def may_use_field_app(user) -> bool:
    """Officers and supervisors: active staff who may add activities."""
    return user.is_active and user.is_staff and user.has_perm("activities.add_activity")


def visible_activities(user):
    """The activities a user sees and starts entries from: supervisors everyone's, officers their own."""
    activities = Activity.objects.with_places()
    if user.has_perm(SUPERVISE):
        return activities
    return activities.owned_by(user)


def completion_error(activity: Activity) -> str | None:
    """Why a scheduled activity can no longer be completed from the field app, or None.

    A visit announced ahead (published on the schedule, no attendance yet) is completed in place and goes
    back to draft until a supervisor publishes the logged visit; a published activity that already has
    its attendance is never overwritten."""
    if activity.status != Status.DRAFT and activity.attendance_total:
        return _("This activity is already published and cannot be overwritten. Ask a supervisor.")
    if hasattr(activity, "field_submission"):
        return _("This activity has already been recorded.")
    return None


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
    """Validate an entry with the activity rules and store it once as a draft activity with its photos.

    An entry started from a scheduled activity completes that activity: the same row gets the entry and
    stays a draft for a supervisor to publish (a published one is refused, never overwritten).
    """
    existing = find_submission(client_id, user)
    if existing is not None:
        return Outcome(submission=existing)
    form = FieldActivityForm(data, files, instance=scheduled)
    photos = PhotoFormSet(data, files, prefix="photos", instance=Activity())
    valid = form.is_valid() and photos.is_valid()
    if scheduled is not None and (error := completion_error(scheduled)):
        form.add_error(None, error)
        valid = False
    if not valid:
        return Outcome(form=form, photos=photos)
    try:
        submission = _record(client_id, form, photos, user, scheduled)
    except ValidationError as error:
        # Completed meanwhile: by this very entry sent twice at once (same answer), or by another one.
        existing = find_submission(client_id, user)
        if existing is not None:
            return Outcome(submission=existing)
        form.add_error(None, error)
        return Outcome(form=form, photos=photos)
    except IntegrityError:
        # The same entry arrived twice at once: the other request stored it.
        existing = find_submission(client_id, user)
        if existing is None:
            raise
        return Outcome(submission=existing)
    return Outcome(submission=submission, created=True)


@transaction.atomic
def _record(client_id, form, photos, user, scheduled) -> FieldSubmission:
    if scheduled is not None:
        locked = Activity.objects.select_for_update().get(pk=scheduled.pk)
        if error := completion_error(locked):
            raise ValidationError(error)
    activity = form.save(commit=False)
    activity.status = Status.DRAFT
    if activity.created_by_id is None:
        activity.created_by = user
    activity.save()
    form.save_m2m()
    activity.officers.add(user)
    photos.instance = activity
    first = activity.photos.count()
    for order, photo in enumerate(photos.save(commit=False), start=first):
        photo.activity = activity
        photo.order = order
        photo.save()
    return FieldSubmission.objects.create(client_id=client_id, activity=activity, user=user, scheduled=scheduled)
