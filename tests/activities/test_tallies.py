"""The tallies PostgreSQL keeps (outreach/activities/tallies.py) always equal a direct count of the activities
held: after saves, bulk inserts, queryset updates, raw SQL, deletes and status changes, folded or not."""

import datetime

import pytest
from django.db import connection
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone

from outreach import locks
from outreach.activities import tallies
from outreach.activities.models import (
    ATTENDANCE_FIELD_NAMES,
    Activity,
    Kind,
    MonthTally,
    PlaceTally,
    Status,
    TallyChange,
)
from tests.factories import ActivityFactory, InstitutionFactory, ReadingCornerFactory, VillageFactory

pytestmark = pytest.mark.django_db


def at(year, month, day=10):
    return timezone.make_aware(datetime.datetime(year, month, day, 9))


def direct_held(now=None) -> dict:
    """``{(year, kind): (activities, *attendance sums)}`` counted from the activities themselves."""
    rows = (
        Activity.objects.published()
        .started(now)
        .annotate(year=ExtractYear("starts_at"))
        .values("year", "kind")
        .annotate(count=Count("pk"), **{name: Sum(name) for name in ATTENDANCE_FIELD_NAMES})
        .order_by()
    )
    return {(row["year"], row["kind"]): (row["count"], *(row[name] for name in ATTENDANCE_FIELD_NAMES)) for row in rows}


def direct_places(now=None) -> dict:
    """``{(year, place kind): distinct places}`` counted from the activities themselves, as /statistik/ did."""
    rows = (
        Activity.objects.published()
        .started(now)
        .annotate(year=ExtractYear("starts_at"))
        .values("year")
        .annotate(
            villages=Count("village", distinct=True),
            schools=Count("institution", distinct=True, filter=Q(kind=Kind.SCHOOL_VISIT)),
            campuses=Count("institution", distinct=True, filter=Q(kind=Kind.CAMPUS_VISIT)),
            reading_corners=Count("reading_corner", distinct=True),
        )
        .order_by()
    )
    kinds = ("villages", "schools", "campuses", "reading_corners")
    return {(row["year"], kind): row[kind] for row in rows for kind in kinds if row[kind]}


def tallied_held(now=None) -> dict:
    return {
        (row["period"], row["kind"]): (row["activities"], *(row[name] for name in ATTENDANCE_FIELD_NAMES))
        for row in tallies.held_by_year(now)
    }


def assert_tallies_count_right(now=None):
    """Equal to the direct count before the changes are folded and after."""
    for _fold in range(2):
        assert tallied_held(now) == direct_held(now)
        assert tallies.places_reached(now) == direct_places(now)
        tallies.fold()
    assert not TallyChange.objects.exists()


@pytest.fixture
def log():
    """Activities of every kind over two years, a draft and one scheduled for next month."""
    bakung, other_village = VillageFactory(name="Desa Bakung"), VillageFactory()
    school, campus, corner = InstitutionFactory(), InstitutionFactory(level="university"), ReadingCornerFactory()
    ActivityFactory(village=bakung, starts_at=at(2024, 3, 1), male_18_59=10, female_60_plus=3)
    ActivityFactory(village=bakung, starts_at=at(2024, 8, 1), male_60_plus=4)
    ActivityFactory(village=other_village, starts_at=at(2025, 1, 5))
    ActivityFactory(kind=Kind.SCHOOL_VISIT, village=None, institution=school, starts_at=at(2024, 9, 2))
    ActivityFactory(kind=Kind.CAMPUS_VISIT, village=None, institution=campus, starts_at=at(2025, 2, 2))
    ActivityFactory(kind=Kind.READING_CORNER, village=None, reading_corner=corner, starts_at=at(2025, 5, 5))
    ActivityFactory(kind=Kind.OTHER, village=None, institution=school, starts_at=at(2025, 6, 6))  # no school visit
    ActivityFactory(kind=Kind.OTHER, village=None, starts_at=at(2025, 7, 7))  # no place at all
    ActivityFactory(village=bakung, starts_at=at(2025, 6, 1), male_18_59=99, status=Status.DRAFT)
    ActivityFactory(village=other_village, starts_at=timezone.now() + datetime.timedelta(days=30))
    return {"bakung": bakung, "other_village": other_village, "school": school}


def test_the_tallies_count_what_a_direct_count_counts(log):
    assert tallied_held() == direct_held()
    assert direct_held()  # not two empty results
    assert_tallies_count_right()


def test_a_draft_is_never_in_the_tallies(log):
    tallies.fold()
    assert not MonthTally.objects.filter(male_18_59__gte=99).exists()
    assert (2025, Kind.IMIGRASI_MASUK_DESA) in tallied_held()  # the published one of that month is


def test_a_published_activity_is_tallied_and_a_draft_is_not():
    ActivityFactory(status=Status.DRAFT, starts_at=at(2024, 5, 5))
    assert tallied_held() == {}
    ActivityFactory(starts_at=at(2024, 5, 5))
    assert tallied_held() == {(2024, Kind.IMIGRASI_MASUK_DESA): (1, 0, 12, 0, 0, 15, 0)}


def test_a_scheduled_activity_counts_once_it_has_started(log):
    later = timezone.now() + datetime.timedelta(days=31)
    assert_tallies_count_right()
    assert tallied_held(later) != tallied_held()
    assert_tallies_count_right(later)


def test_a_place_whose_only_activity_is_scheduled_is_not_reached(log):
    village = VillageFactory()
    ActivityFactory(village=village, starts_at=timezone.now() + datetime.timedelta(days=3))
    tallies.fold()
    year = timezone.localdate().year
    reached = tallies.places_reached().get((year, "villages"), 0)
    ActivityFactory(village=village, starts_at=timezone.now() - datetime.timedelta(minutes=5))
    assert tallies.places_reached().get((year, "villages"), 0) == reached + 1
    assert_tallies_count_right()


def test_publishing_and_unpublishing_through_save_are_counted(log):
    draft = Activity.objects.get(status=Status.DRAFT)
    draft.status = Status.PUBLISHED
    draft.save()
    assert_tallies_count_right()
    draft.status = Status.DRAFT
    draft.save()
    assert_tallies_count_right()


def test_an_admin_bulk_status_change_is_counted(log):
    Activity.objects.filter(starts_at__year=2024).update(status=Status.DRAFT)
    assert_tallies_count_right()
    Activity.objects.all().update(status=Status.PUBLISHED)
    assert_tallies_count_right()


def test_a_queryset_update_that_bypasses_save_is_counted(log):
    """Dates moved across a year, attendance changed and a place changed, none through ``save()``."""
    Activity.objects.filter(starts_at__year=2024).update(
        starts_at=F("starts_at") + datetime.timedelta(days=365), ends_at=F("ends_at") + datetime.timedelta(days=365)
    )
    Activity.objects.filter(kind=Kind.IMIGRASI_MASUK_DESA).update(male_under_18=F("male_under_18") + 7)
    Activity.objects.filter(village=log["bakung"]).update(village=log["other_village"])
    assert_tallies_count_right()


def test_raw_sql_is_counted(log):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE activities_activity SET female_18_59 = female_18_59 + 1 WHERE status = 'published'")
        cursor.execute("DELETE FROM activities_activity WHERE kind = 'reading_corner'")
    assert_tallies_count_right()


def test_bulk_created_activities_are_counted(log):
    village = VillageFactory()
    Activity.objects.bulk_create(
        Activity(
            kind=Kind.DESA_BINAAN,
            title=f"Sesi {number}",
            slug=f"sesi-{number}",
            village=village,
            starts_at=at(2023, 1 + number % 12),
            ends_at=at(2023, 1 + number % 12) + datetime.timedelta(hours=2),
            male_18_59=number,
            status=Status.PUBLISHED if number % 3 else Status.DRAFT,
        )
        for number in range(30)
    )
    assert_tallies_count_right()


def test_deleted_activities_are_counted(log):
    Activity.objects.filter(village=log["bakung"]).first().delete()
    assert_tallies_count_right()
    Activity.objects.filter(starts_at__year=2025).delete()
    assert_tallies_count_right()


def test_changes_of_a_place_back_and_forth_leave_it_reached_once(log):
    activity = Activity.objects.get(kind=Kind.SCHOOL_VISIT)
    for place in (InstitutionFactory(), log["school"]):
        activity.institution = place
        activity.save()
    tallies.fold()
    assert PlaceTally.objects.filter(activities__lt=0).count() == 0
    assert_tallies_count_right()


@pytest.mark.django_db(transaction=True)  # a TRUNCATE waits for no deferred foreign-key checks
def test_a_truncate_empties_the_tallies(log):
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE activities_activity CASCADE")
    assert tallied_held() == {}
    assert tallies.places_reached() == {}


def test_a_fold_while_another_process_folds_moves_nothing_and_the_figures_stay_right(log):
    other = connection.copy()
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [locks.lock_key("activity-tallies-fold")])
        tallies.fold()
        assert TallyChange.objects.exists()
        assert tallied_held() == direct_held()
        assert tallies.places_reached() == direct_places()
    finally:
        other.close()
    tallies.fold()
    assert not TallyChange.objects.exists()


def test_the_tallies_count_months_in_the_sites_time_zone(settings):
    """The triggers were made with the time zone of their migration: a change of TIME_ZONE needs new ones."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_functiondef('activity_tally_month'::regproc)")
        assert f"AT TIME ZONE '{settings.TIME_ZONE}'" in cursor.fetchone()[0]
    ActivityFactory(starts_at=timezone.make_aware(datetime.datetime(2025, 1, 1, 0, 30)))  # 2024 in UTC
    assert tallied_held() == direct_held()
    assert {year for year, _kind in tallied_held()} == {2025}
