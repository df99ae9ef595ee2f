"""An entry started from a scheduled activity completes that activity instead of adding a second one."""

from datetime import datetime, time, timedelta
from uuid import uuid4

import pytest
from django.utils import timezone

from outreach.activities.models import Activity, Status
from outreach.field.forms import FieldActivityForm, as_pairs
from outreach.field.models import FieldSubmission
from tests.factories import ActivityFactory, VillageFactory, jpeg_upload, officer, supervisor
from tests.field.helpers import SYNC_URL, entry_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def budi():
    return officer(username="budi")


@pytest.fixture
def scheduled(budi):
    """A draft planned for tomorrow by a supervisor, with budi assigned to it."""
    activity = ActivityFactory(
        title="Imigrasi Masuk Desa Bakung",
        village=VillageFactory(name="Desa Bakung"),
        status=Status.DRAFT,
        starts_at=timezone.now() + timedelta(days=1),
        created_by=supervisor(username="ani"),
        male_18_59=0,
        female_18_59=0,
    )
    activity.officers.add(budi)
    return activity


def completion(scheduled, **overrides):
    return entry_data(scheduled.village, scheduled=scheduled.pk, **overrides)


def test_an_officer_completes_the_scheduled_activity_in_place(client, budi, scheduled):
    client.force_login(budi)
    data = completion(scheduled, photos=[(jpeg_upload(), "Di balai desa", True)])
    response = client.post(SYNC_URL, data)
    assert response.status_code == 201
    assert response.json()["activity"]["id"] == scheduled.pk
    activity = Activity.objects.get()
    assert activity.pk == scheduled.pk
    assert activity.status == Status.DRAFT
    assert activity.attendance_total == 45
    assert activity.summary == "Sosialisasi paspor dan pencegahan TPPO di balai desa."
    assert [photo.caption for photo in activity.photos.all()] == ["Di balai desa"]
    assert activity.created_by.username == "ani"


def test_an_entry_without_a_schedule_still_makes_a_new_activity(client, budi, scheduled):
    client.force_login(budi)
    client.post(SYNC_URL, entry_data(scheduled.village))
    assert Activity.objects.count() == 2
    scheduled.refresh_from_db()
    assert scheduled.attendance_total == 0


def test_a_retry_of_the_completion_changes_nothing_more(client, budi, scheduled):
    client.force_login(budi)
    client_id = uuid4()
    first = client.post(SYNC_URL, completion(scheduled, client_id=client_id, photos=[(jpeg_upload(), "", True)]))
    updated_at = Activity.objects.get().updated_at
    second = client.post(
        SYNC_URL, completion(scheduled, client_id=client_id, male_18_59="99", photos=[(jpeg_upload(), "", True)])
    )
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json() == second.json()
    activity = Activity.objects.get()
    assert (activity.male_18_59, activity.updated_at) == (20, updated_at)
    assert activity.photos.count() == 1
    assert FieldSubmission.objects.count() == 1


def test_a_second_entry_for_an_already_completed_activity_is_refused(client, budi, scheduled):
    client.force_login(budi)
    client.post(SYNC_URL, completion(scheduled))
    response = client.post(SYNC_URL, completion(scheduled, male_18_59="99"))
    assert response.status_code == 400
    assert response.json()["errors"]["__all__"] == ["Kegiatan ini sudah dicatat."]
    assert Activity.objects.get().male_18_59 == 20


def test_an_officer_cannot_complete_another_officers_scheduled_activity(client, scheduled):
    client.force_login(officer(username="sari"))
    response = client.post(SYNC_URL, completion(scheduled))
    assert response.status_code == 400
    assert "scheduled" in response.json()["errors"]
    scheduled.refresh_from_db()
    assert scheduled.attendance_total == 0
    assert FieldSubmission.objects.count() == 0


def test_an_officer_completes_a_scheduled_activity_they_created(client):
    sari = officer(username="sari")
    scheduled = ActivityFactory(status=Status.DRAFT, created_by=sari, male_18_59=0, female_18_59=0)
    client.force_login(sari)
    assert client.post(SYNC_URL, completion(scheduled)).status_code == 201
    assert Activity.objects.get().attendance_total == 45


def test_an_announced_visit_is_completed_and_goes_back_to_draft_for_review(client, budi, scheduled):
    scheduled.status = Status.PUBLISHED
    scheduled.save()
    client.force_login(budi)
    assert client.post(SYNC_URL, completion(scheduled)).status_code == 201
    scheduled.refresh_from_db()
    assert (Activity.objects.count(), scheduled.status, scheduled.attendance_total) == (1, Status.DRAFT, 45)


def test_a_published_activity_with_its_attendance_cannot_be_overwritten(client, budi, scheduled):
    scheduled.status = Status.PUBLISHED
    scheduled.male_18_59 = 7
    scheduled.save()
    client.force_login(budi)
    response = client.post(SYNC_URL, completion(scheduled))
    assert response.status_code == 400
    assert response.json()["errors"]["__all__"]
    scheduled.refresh_from_db()
    assert (scheduled.status, scheduled.attendance_total) == (Status.PUBLISHED, 7)
    assert FieldSubmission.objects.count() == 0


def test_the_completed_activity_is_in_the_assigned_officers_entries(client, budi, scheduled):
    client.force_login(budi)
    client.post(SYNC_URL, completion(scheduled))
    assert list(client.get("/petugas/kegiatan/").context["activities"]) == [scheduled]


def planned_at(budi, hour, minute):
    """A draft for budi tomorrow at hour:minute local time, two hours long."""
    starts = timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=1), time(hour, minute)))
    activity = ActivityFactory(
        status=Status.DRAFT, village=VillageFactory(), starts_at=starts, ends_at=starts + timedelta(hours=2)
    )
    activity.officers.add(budi)
    return activity


def prefilled(activity):
    """The entry the phone sends when the officer saves the form it filled from its copy of the schedule."""
    initial = {}
    for name, value in as_pairs(FieldActivityForm.initial_from(activity)):
        initial.setdefault(name, []).append(value)
    return entry_data(activity.village, scheduled=activity.pk) | initial


def test_a_visit_planned_past_midnight_is_offered_ending_the_next_day(budi):
    initial = FieldActivityForm.initial_from(planned_at(budi, 22, 30))
    assert (initial["starts_at"], initial["ends_at"], initial["ends_next_day"]) == (time(22, 30), time(0, 30), True)


def test_a_daytime_visit_is_offered_with_its_planned_end_on_its_own_day(budi):
    initial = FieldActivityForm.initial_from(planned_at(budi, 9, 0))
    assert (initial["starts_at"], initial["ends_at"], initial["ends_next_day"]) == (time(9, 0), time(11, 0), False)


def test_the_prefilled_entry_for_a_late_evening_visit_keeps_its_planned_end(client, budi):
    activity = planned_at(budi, 22, 30)
    planned_end = activity.ends_at
    client.force_login(budi)
    response = client.post(SYNC_URL, prefilled(activity))
    assert response.status_code == 201, response.json()
    assert response.json()["activity"]["id"] == activity.pk
    activity.refresh_from_db()
    assert activity.ends_at == planned_end


def test_a_visit_longer_than_a_night_is_offered_ending_at_the_end_of_its_first_day(budi):
    activity = planned_at(budi, 9, 0)
    activity.ends_at = activity.starts_at + timedelta(days=2)
    initial = FieldActivityForm.initial_from(activity)
    assert (initial["ends_at"], initial["ends_next_day"]) == (time(23, 59), False)
