"""POST /petugas/kirim/: one entry of the phone's queue per request, idempotent by the phone-made id."""

from datetime import datetime
from io import BytesIO
from uuid import uuid4

import pytest
from django.test import Client
from django.utils import timezone
from PIL import Image

from outreach.activities.models import Activity, Status
from outreach.field.forms import MAX_PHOTOS
from outreach.field.models import FieldSubmission
from tests.factories import VillageFactory, content_editor, jpeg_upload, officer, supervisor
from tests.field.helpers import SYNC_URL, entry_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def village():
    return VillageFactory(name="Desa Bakung")


@pytest.fixture
def officer_client(client):
    client.force_login(officer(username="budi"))
    return client


def test_an_officer_sends_an_entry_and_gets_a_draft_activity(officer_client, village):
    response = officer_client.post(SYNC_URL, entry_data(village))
    assert response.status_code == 201
    activity = Activity.objects.get()
    assert response.json()["activity"] == {"id": activity.pk, "title": activity.title, "status": "draft"}
    assert activity.status == Status.DRAFT
    assert activity.created_by.username == "budi"
    assert list(activity.officers.values_list("username", flat=True)) == ["budi"]
    assert activity.attendance_total == 45
    assert activity.village == village


def test_the_same_entry_sent_twice_makes_one_activity_and_the_same_answer(officer_client, village):
    data = entry_data(village)
    first = officer_client.post(SYNC_URL, data)
    second = officer_client.post(SYNC_URL, data)
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json() == second.json()
    assert Activity.objects.count() == 1
    assert FieldSubmission.objects.get().client_id.hex == data["client_id"].replace("-", "")


def test_two_entries_with_different_ids_make_two_activities(officer_client, village):
    officer_client.post(SYNC_URL, entry_data(village))
    officer_client.post(SYNC_URL, entry_data(village))
    assert Activity.objects.count() == 2


def test_an_invalid_entry_gets_its_errors_per_field_and_stores_nothing(officer_client, village):
    data = entry_data(village, kind="school_visit", title="", ends_at="08:00")
    response = officer_client.post(SYNC_URL, data)
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == "invalid"
    assert set(body["errors"]) >= {"title", "institution", "village"}
    assert Activity.objects.count() == 0
    assert FieldSubmission.objects.count() == 0


def test_an_entry_ending_before_it_starts_gets_the_models_message(officer_client, village):
    response = officer_client.post(SYNC_URL, entry_data(village, ends_at="08:00"))
    assert response.status_code == 400
    assert response.json()["errors"]["ends_at"] == ["Kegiatan harus selesai setelah dimulai."]


def test_an_entry_ending_after_midnight_ends_on_the_next_day(officer_client, village):
    data = entry_data(village, date="2026-03-10", starts_at="22:00", ends_at="01:00", ends_next_day="on")
    assert officer_client.post(SYNC_URL, data).status_code == 201
    activity = Activity.objects.get()
    assert timezone.localtime(activity.starts_at) == timezone.make_aware(datetime(2026, 3, 10, 22, 0))
    assert timezone.localtime(activity.ends_at) == timezone.make_aware(datetime(2026, 3, 11, 1, 0))


def test_an_entry_ending_before_it_starts_without_the_next_day_box_is_refused(officer_client, village):
    data = entry_data(village, date="2026-03-10", starts_at="22:00", ends_at="01:00")
    response = officer_client.post(SYNC_URL, data)
    assert response.status_code == 400
    assert response.json()["errors"]["ends_at"] == ["Kegiatan harus selesai setelah dimulai."]
    assert Activity.objects.count() == 0


def test_an_entry_without_a_valid_id_is_refused(officer_client, village):
    response = officer_client.post(SYNC_URL, entry_data(village, client_id="not-a-uuid"))
    assert response.status_code == 400
    assert "client_id" in response.json()["errors"]
    assert Activity.objects.count() == 0


def test_photos_are_re_encoded_without_their_metadata(officer_client, village):
    exif = Image.Exif()
    exif[0x010F] = "Kamera Petugas"  # Make
    upload = jpeg_upload("balai.jpg", width=2400, height=1800, exif=exif.tobytes())
    response = officer_client.post(SYNC_URL, entry_data(village, photos=[(upload, "Warga di balai desa", True)]))
    assert response.status_code == 201
    photo = Activity.objects.get().photos.get()
    assert (photo.caption, photo.consent_to_publish) == ("Warga di balai desa", True)
    assert (photo.width, photo.height) == (2000, 1500)  # outreach.media's maximum side
    with photo.image.open("rb") as stored:
        image = Image.open(BytesIO(stored.read()))
    assert image.format == "JPEG"
    assert not image.getexif()
    assert photo.public_files == {}  # a draft publishes nothing


def test_a_file_that_is_not_a_photo_is_refused_with_the_photos_error(officer_client, village):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("photo.jpg", b"not an image", content_type="image/jpeg")
    response = officer_client.post(SYNC_URL, entry_data(village, photos=[(fake, "Palsu", False)]))
    assert response.status_code == 400
    assert "image" in response.json()["photo_errors"][0]
    assert Activity.objects.count() == 0


def test_anonymous_gets_a_log_in_answer_and_nothing_is_stored(client, village):
    response = client.post(SYNC_URL, entry_data(village))
    assert response.status_code == 401
    assert response.json()["status"] == "login"
    assert Activity.objects.count() == 0


def test_staff_without_the_officer_role_are_refused(client, village):
    client.force_login(content_editor())
    response = client.post(SYNC_URL, entry_data(village))
    assert response.status_code == 403
    assert Activity.objects.count() == 0


def test_another_officers_entry_id_is_refused(client, village):
    data = entry_data(village)
    client.force_login(officer(username="budi"))
    client.post(SYNC_URL, data)
    client.force_login(officer(username="sari"))
    response = client.post(SYNC_URL, data)
    assert response.status_code == 403
    assert response.json()["status"] == "forbidden"
    assert Activity.objects.get().created_by.username == "budi"


def test_a_supervisor_gets_the_answer_for_an_officers_entry(client, village):
    data = entry_data(village)
    client.force_login(officer(username="budi"))
    client.post(SYNC_URL, data)
    client.force_login(supervisor())
    response = client.post(SYNC_URL, data)
    assert response.status_code == 200
    assert Activity.objects.count() == 1


def test_csrf_is_enforced(village):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(officer())
    response = csrf_client.post(SYNC_URL, entry_data(village))
    assert response.status_code == 403
    assert Activity.objects.count() == 0


def test_get_is_not_allowed(officer_client):
    assert officer_client.get(SYNC_URL).status_code == 405


def test_an_entry_from_another_officers_schedule_is_refused(officer_client, village):
    from tests.factories import ActivityFactory

    scheduled = ActivityFactory(village=village)
    response = officer_client.post(SYNC_URL, entry_data(village, scheduled=scheduled.pk, client_id=uuid4()))
    assert response.status_code == 400
    assert "scheduled" in response.json()["errors"]


def test_more_photos_than_allowed_are_refused_for_the_whole_entry(officer_client, village):
    photos = [(jpeg_upload(f"{n}.jpg", width=80, height=60), "", False) for n in range(MAX_PHOTOS + 1)]
    response = officer_client.post(SYNC_URL, entry_data(village, photos=photos))
    assert response.status_code == 400
    assert response.json()["photo_form_errors"]
    assert Activity.objects.count() == 0


def test_the_most_photos_allowed_are_accepted(officer_client, village):
    photos = [(jpeg_upload(f"{n}.jpg", width=80, height=60), "", False) for n in range(MAX_PHOTOS)]
    response = officer_client.post(SYNC_URL, entry_data(village, photos=photos))
    assert response.status_code == 201
    assert Activity.objects.get().photos.count() == MAX_PHOTOS
