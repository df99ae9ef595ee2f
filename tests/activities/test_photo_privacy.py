"""Activity photos live in the private storage; public copies exist only while a photo is public."""

import pytest
from django.conf import settings
from django.utils import timezone

from outreach.activities.models import ActivityPhoto, Status
from tests.activities.helpers import change_url
from tests.activities.helpers import public_media_files as public_files
from tests.factories import ActivityFactory, StaffFactory, activity_photo, content_editor, supervisor

pytestmark = pytest.mark.django_db
CHANGELIST_URL = "/admin/activities/activity/"


def public_path(name):
    return settings.MEDIA_ROOT / name


def run_action(client, action, activity):
    return client.post(CHANGELIST_URL, {"action": action, "_selected_action": [activity.pk]})


def photo_form(activity, photo, *, consent):
    data = {
        "title": activity.title,
        "summary": activity.summary,
        "photos-TOTAL_FORMS": "1",
        "photos-INITIAL_FORMS": "1",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "1000",
        "photos-0-id": photo.pk,
        "photos-0-activity": activity.pk,
        "photos-0-caption": photo.caption,
        "photos-0-order": "0",
    }
    if consent:
        data["photos-0-consent_to_publish"] = "on"
    return data


def test_a_consented_photo_of_a_published_activity_gets_public_copies_with_unguessable_names():
    photo = activity_photo(ActivityFactory(status=Status.PUBLISHED), width=1200)
    assert set(photo.public_files) == {"original", "320", "640", "1024"}
    for name in photo.public_files.values():
        assert public_path(name).is_file()
        assert len(name.rsplit("/", 1)[-1].split("-")[0].removesuffix(".jpg")) == 32  # a uuid hex
    assert photo.image.name not in photo.public_files.values()
    assert photo.public_url in photo.srcset


def test_photos_without_consent_or_of_drafts_have_no_public_file():
    activity_photo(ActivityFactory(status=Status.PUBLISHED), consent=False)
    activity_photo(ActivityFactory(status=Status.DRAFT), consent=True)
    assert public_files() == []
    assert all(photo.public_url == "" and photo.srcset == "" for photo in ActivityPhoto.objects.all())


def test_publishing_creates_and_unpublishing_removes_the_public_copies(client):
    activity = ActivityFactory(status=Status.DRAFT)
    photo = activity_photo(activity)
    client.force_login(supervisor())
    run_action(client, "publish", activity)
    photo.refresh_from_db()
    published = [public_path(name) for name in photo.public_files.values()]
    assert published and all(path.is_file() for path in published)
    run_action(client, "unpublish", activity)
    photo.refresh_from_db()
    assert photo.public_files == {}
    assert not any(path.exists() for path in published)
    assert photo.image.storage.exists(photo.image.name)  # the private original stays


def test_withdrawing_consent_in_the_admin_kills_the_old_public_url(client):
    activity = ActivityFactory(status=Status.PUBLISHED)
    photo = activity_photo(activity)
    old = public_path(photo.public_files["original"])
    assert old.is_file()
    client.force_login(supervisor())
    data = photo_form(activity, photo, consent=False)
    response = client.post(change_url(activity), {**edit_data(client, activity), **data})
    assert response.status_code == 302
    photo.refresh_from_db()
    assert not photo.consent_to_publish
    assert not old.exists()
    assert public_files() == []


def test_giving_consent_again_publishes_under_a_new_name(client):
    activity = ActivityFactory(status=Status.PUBLISHED)
    photo = activity_photo(activity, consent=False)
    client.force_login(supervisor())
    client.post(change_url(activity), {**edit_data(client, activity), **photo_form(activity, photo, consent=True)})
    photo.refresh_from_db()
    assert public_path(photo.public_files["original"]).is_file()


def test_deleting_a_photo_removes_its_public_copies_at_once():
    photo = activity_photo(ActivityFactory(status=Status.PUBLISHED))
    photo.delete()
    assert public_files() == []


def test_staff_who_may_see_the_activity_get_the_private_photo_without_caching(client):
    photo = activity_photo(ActivityFactory(status=Status.DRAFT))
    client.force_login(content_editor())
    response = client.get(photo.admin_url("320"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert {"private", "no-store"} <= set(response["Cache-Control"].replace(" ", "").split(","))
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"


def test_the_private_photo_view_refuses_anonymous_and_staff_without_a_role(client):
    photo = activity_photo(ActivityFactory(status=Status.DRAFT))
    response = client.get(photo.admin_url())
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
    client.force_login(StaffFactory())
    assert client.get(photo.admin_url()).status_code == 403


def test_the_private_photo_view_answers_404_for_an_unknown_size(client):
    photo = activity_photo(ActivityFactory(status=Status.DRAFT))
    client.force_login(supervisor())
    assert client.get(photo.admin_url("999")).status_code == 404


def edit_data(client, activity):
    """The activity's change form as it is, for a supervisor."""
    from tests.activities.helpers import activity_form

    data = activity_form(activity.village, title=activity.title, status=activity.status)
    data["starts_at_0"] = f"{timezone.localdate(activity.starts_at):%Y-%m-%d}"
    data["ends_at_0"] = f"{timezone.localdate(activity.ends_at):%Y-%m-%d}"
    return data
