"""Public copies of photos follow consent and status whatever path changes them (publication.py)."""

import pytest
from django.conf import settings
from django.utils import timezone

from outreach.activities import services
from outreach.activities.forms import ActivityPhotoForm
from outreach.activities.models import Activity, ActivityPhoto, Status
from tests.activities.helpers import activity_form, change_url, public_media_files
from tests.factories import ActivityFactory, activity_photo, supervisor

pytestmark = pytest.mark.django_db


def published_with_photo():
    activity = ActivityFactory(status=Status.PUBLISHED)
    photo = activity_photo(activity)
    assert public_media_files()
    return activity, photo


def test_unpublishing_with_a_queryset_update_removes_the_public_copies():
    activity, photo = published_with_photo()
    Activity.objects.filter(pk=activity.pk).update(status=Status.DRAFT)
    photo.refresh_from_db()
    assert photo.public_files == {}
    assert public_media_files() == []


def test_publishing_with_a_queryset_update_creates_the_copies_and_stamps_the_date():
    activity = ActivityFactory(status=Status.DRAFT)
    photo = activity_photo(activity)
    Activity.objects.filter(pk=activity.pk).update(status=Status.PUBLISHED)
    photo.refresh_from_db()
    activity.refresh_from_db()
    assert (settings.MEDIA_ROOT / photo.public_files["original"]).is_file()
    assert activity.published_at is not None


def test_a_queryset_update_of_other_fields_leaves_the_copies_alone():
    activity, photo = published_with_photo()
    Activity.objects.filter(pk=activity.pk).update(title="Judul baru")
    photo.refresh_from_db()
    assert (settings.MEDIA_ROOT / photo.public_files["original"]).is_file()


def test_unpublishing_by_saving_the_activity_removes_the_public_copies():
    activity, photo = published_with_photo()
    activity = Activity.objects.get(pk=activity.pk)
    activity.status = Status.DRAFT
    activity.save()
    photo.refresh_from_db()
    assert photo.public_files == {}
    assert public_media_files() == []


def test_saving_a_published_activity_unchanged_keeps_the_same_public_name():
    activity, photo = published_with_photo()
    before = photo.public_files
    activity = Activity.objects.get(pk=activity.pk)
    activity.save()
    photo.refresh_from_db()
    assert photo.public_files == before


def test_unpublishing_with_a_bulk_update_removes_the_public_copies():
    activity, photo = published_with_photo()
    activity.status = Status.DRAFT
    Activity.objects.bulk_update([activity], ["status"])
    assert public_media_files() == []


def test_unpublishing_with_the_service_removes_the_public_copies():
    activity, photo = published_with_photo()
    assert services.set_status(Activity.objects.filter(pk=activity.pk), Status.DRAFT) == 1
    assert public_media_files() == []


def test_unpublishing_in_the_admin_change_form_removes_the_public_copies(client):
    activity, photo = published_with_photo()
    client.force_login(supervisor())
    data = activity_form(activity.village, title=activity.title, status=Status.DRAFT)
    data["starts_at_0"] = f"{timezone.localdate(activity.starts_at):%Y-%m-%d}"
    data["ends_at_0"] = f"{timezone.localdate(activity.ends_at):%Y-%m-%d}"
    response = client.post(change_url(activity), data)
    assert response.status_code == 302
    assert public_media_files() == []


def test_withdrawing_consent_by_saving_the_photo_removes_the_copy():
    _activity, photo = published_with_photo()
    photo.consent_to_publish = False
    photo.save()
    assert public_media_files() == []
    assert ActivityPhoto.objects.get().public_files == {}


def test_withdrawing_consent_in_the_photo_form_removes_the_copy():
    _activity, photo = published_with_photo()
    form = ActivityPhotoForm({"caption": photo.caption, "order": 0}, instance=photo)
    assert form.is_valid(), form.errors
    form.save()
    assert public_media_files() == []


def test_withdrawing_consent_with_a_queryset_update_removes_the_copy():
    _activity, photo = published_with_photo()
    ActivityPhoto.objects.filter(pk=photo.pk).update(consent_to_publish=False)
    assert public_media_files() == []
    assert ActivityPhoto.objects.get().public_files == {}


def test_giving_consent_with_a_queryset_update_publishes_the_photo():
    activity = ActivityFactory(status=Status.PUBLISHED)
    photo = activity_photo(activity, consent=False)
    assert public_media_files() == []
    ActivityPhoto.objects.filter(pk=photo.pk).update(consent_to_publish=True)
    assert len(public_media_files()) == len(ActivityPhoto.objects.get().public_files) > 0


def test_deleting_activities_in_bulk_removes_the_public_copies_at_once():
    published_with_photo()
    Activity.objects.all().delete()
    assert public_media_files() == []
