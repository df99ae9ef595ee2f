from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from outreach.activities.models import Activity, ActivityPhoto, Kind, Program, Status
from tests.factories import (
    ActivityFactory,
    InstitutionFactory,
    ReadingCornerFactory,
    VillageFactory,
    activity_photo,
)

pytestmark = pytest.mark.django_db


def build(kind, **places):
    start = timezone.now()
    return Activity(kind=kind, title="Uji", starts_at=start, ends_at=start + timedelta(hours=1), **places)


def assert_rejected_by_the_database(activity):
    with pytest.raises(IntegrityError), transaction.atomic():
        activity.save()


@pytest.mark.parametrize("kind", [Kind.DESA_BINAAN, Kind.IMIGRASI_MASUK_DESA])
def test_it_saves_a_village_activity_at_a_village(kind):
    build(kind, village=VillageFactory()).save()
    assert Activity.objects.count() == 1


@pytest.mark.parametrize(
    ("kind", "place"),
    [
        (Kind.DESA_BINAAN, None),
        (Kind.IMIGRASI_MASUK_DESA, "institution"),
        (Kind.SCHOOL_VISIT, "village"),
        (Kind.CAMPUS_VISIT, None),
        (Kind.READING_CORNER, "village"),
    ],
)
def test_the_database_refuses_an_activity_without_the_place_its_kind_requires(kind, place):
    places = {"village": {"village": VillageFactory()}, "institution": {"institution": InstitutionFactory()}}
    assert_rejected_by_the_database(build(kind, **places.get(place, {})))


def test_the_database_refuses_a_second_place_beside_the_required_one():
    assert_rejected_by_the_database(
        build(Kind.SCHOOL_VISIT, institution=InstitutionFactory(), reading_corner=ReadingCornerFactory())
    )


def test_other_socialisation_takes_no_place_or_one_but_not_two():
    build(Kind.OTHER).save()
    build(Kind.OTHER, reading_corner=ReadingCornerFactory()).save()
    assert_rejected_by_the_database(build(Kind.OTHER, village=VillageFactory(), institution=InstitutionFactory()))


def test_the_database_refuses_an_activity_that_ends_before_it_starts():
    activity = build(Kind.OTHER)
    activity.ends_at = activity.starts_at - timedelta(minutes=1)
    assert_rejected_by_the_database(activity)


def test_validation_names_the_missing_place_in_words():
    with pytest.raises(ValidationError) as error:
        build(Kind.SCHOOL_VISIT, village=VillageFactory()).full_clean()
    assert set(error.value.message_dict) >= {"institution", "village"}


def test_the_total_attendance_is_computed_by_the_database():
    activity = ActivityFactory(male_under_18=1, male_18_59=2, male_60_plus=3, female_under_18=4, female_18_59=5)
    activity.refresh_from_db()
    assert activity.attendance_total == 15
    assert Activity.objects.filter(attendance_total=15).exists()


def test_with_totals_annotates_sums_by_sex_and_age():
    ActivityFactory(male_under_18=1, male_18_59=2, male_60_plus=3, female_under_18=4, female_18_59=5)
    activity = Activity.objects.with_totals().get()
    assert (activity.male_total, activity.female_total) == (6, 9)
    assert (activity.age_under_18_total, activity.age_18_59_total, activity.age_60_plus_total) == (5, 7, 3)


def test_drafts_are_never_published():
    published = ActivityFactory()
    ActivityFactory(status=Status.DRAFT)
    assert list(Activity.objects.published()) == [published]


def test_publishing_stamps_the_publication_time_once():
    activity = ActivityFactory(status=Status.DRAFT)
    assert activity.published_at is None
    activity.status = Status.PUBLISHED
    activity.save()
    first = activity.published_at
    activity.save()
    assert first is not None and activity.published_at == first


def test_upcoming_and_past_split_on_the_end_time():
    now = timezone.now()
    past = ActivityFactory(starts_at=now - timedelta(days=2))
    ongoing = ActivityFactory(starts_at=now - timedelta(hours=1))
    future = ActivityFactory(starts_at=now + timedelta(days=3))
    assert list(Activity.objects.upcoming()) == [ongoing, future]
    assert list(Activity.objects.past()) == [past]


def test_for_place_finds_the_activities_of_a_village_school_or_corner():
    village_activity = ActivityFactory()
    corner = ReadingCornerFactory()
    corner_activity = ActivityFactory(kind=Kind.READING_CORNER, reading_corner=corner)
    assert list(Activity.objects.for_place(village_activity.village)) == [village_activity]
    assert list(Activity.objects.for_place(corner)) == [corner_activity]
    with pytest.raises(TypeError):
        Activity.objects.for_place(object())


def test_for_program_groups_school_and_campus_visits():
    school = ActivityFactory(kind=Kind.SCHOOL_VISIT, institution=InstitutionFactory())
    campus = ActivityFactory(kind=Kind.CAMPUS_VISIT, institution=InstitutionFactory(level="university"))
    ActivityFactory()
    assert set(Activity.objects.for_program(Program.SCHOOLS)) == {school, campus}


def test_slugs_are_made_unique_from_the_title():
    first = ActivityFactory(title="Imigrasi Masuk Desa Bakung")
    second = ActivityFactory(title="Imigrasi Masuk Desa Bakung")
    assert first.slug == "imigrasi-masuk-desa-bakung"
    assert second.slug == "imigrasi-masuk-desa-bakung-2"


def test_unconsented_photos_are_never_public():
    activity = ActivityFactory()
    shown = activity_photo(activity, consent=True)
    activity_photo(activity, consent=False)
    activity_photo(ActivityFactory(status=Status.DRAFT), consent=True)
    assert list(ActivityPhoto.objects.public()) == [shown]


def test_overdue_follow_ups_are_open_and_past_their_due_date():
    today = timezone.localdate()
    overdue = ActivityFactory(follow_up="Kirim leaflet", follow_up_due=today - timedelta(days=1))
    ActivityFactory(follow_up="Kirim leaflet", follow_up_due=today - timedelta(days=1), follow_up_done=True)
    ActivityFactory(follow_up="Kirim leaflet", follow_up_due=today + timedelta(days=1))
    assert list(Activity.objects.overdue_follow_ups()) == [overdue]
    assert overdue.follow_up_overdue
