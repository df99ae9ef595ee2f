"""The years in which activities start, read from the index (outreach.years), and the views that list them."""

import datetime

import pytest
from django.utils import timezone

from outreach.activities.models import Activity, Status
from tests.activities.helpers import CHANGELIST_URL
from tests.factories import ActivityFactory, supervisor

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def at(*args, tz=UTC):
    return datetime.datetime(*args, tzinfo=tz)


def test_the_years_are_those_with_activities_newest_first():
    for year in (2021, 2023, 2024, 2024):
        ActivityFactory(starts_at=at(year, 6, 1, 3))
    assert Activity.objects.years() == [2024, 2023, 2021]


def test_without_activities_there_are_no_years():
    assert Activity.objects.years() == []


def test_an_activity_on_new_years_night_counts_in_the_local_year():
    ActivityFactory(starts_at=at(2024, 12, 31, 18))  # 1 January 2025, 01:00 in Jakarta
    assert Activity.objects.years() == [2025]


def test_the_years_follow_the_filters_of_the_queryset():
    ActivityFactory(starts_at=at(2022, 6, 1))
    ActivityFactory(starts_at=at(2023, 6, 1), status=Status.DRAFT)
    assert Activity.objects.published().years() == [2022]


def test_the_admin_date_hierarchy_offers_the_years_with_activities(client):
    ActivityFactory(starts_at=at(2022, 6, 1))
    ActivityFactory(starts_at=at(2024, 6, 1))
    client.force_login(supervisor())
    text = client.get(CHANGELIST_URL).text
    assert "?starts_at__year=2022" in text
    assert "?starts_at__year=2024" in text
    assert "?starts_at__year=2023" not in text


def test_other_kinds_of_dates_are_still_djangos():
    ActivityFactory(starts_at=at(2024, 3, 5, 3))
    ActivityFactory(starts_at=at(2024, 7, 5, 3))
    months = Activity.objects.datetimes("starts_at", "month")
    assert [month.month for month in months] == [3, 7]
    assert all(timezone.is_aware(month) for month in months)


def test_a_queryset_that_cannot_have_rows_has_no_years():
    ActivityFactory(starts_at=at(2024, 6, 1, 3))
    assert Activity.objects.filter(pk__in=[]).years() == []
