from collections import Counter
from datetime import date, timedelta

import pytest
from django.utils import timezone

from outreach.activities.models import Activity, ActivityPhoto, Status
from outreach.demo import activities as demo
from outreach.demo import office as office_demo

pytestmark = pytest.mark.django_db


def test_the_demo_seeds_forty_plus_activities_with_photos_drafts_and_overdue_follow_ups():
    office_demo.seed()
    summary = demo.seed()
    assert Activity.objects.count() >= 40
    assert Activity.objects.filter(village__slug="desa-bakung").exists()
    assert Activity.objects.filter(status=Status.DRAFT).exists()
    assert Activity.objects.published().upcoming().count() >= 5
    assert Activity.objects.overdue_follow_ups().exists()
    assert ActivityPhoto.objects.public().exists()
    assert "activities" in summary[0]


def test_the_demo_is_idempotent():
    demo.seed()
    counts = (Activity.objects.count(), ActivityPhoto.objects.count())
    demo.seed()
    assert (Activity.objects.count(), ActivityPhoto.objects.count()) == counts


def test_it_seeds_the_same_plan_again_three_weeks_later_without_duplicates_or_status_changes():
    first_day = date(2026, 3, 1)
    demo.seed(today=first_day)
    statuses = dict(Activity.objects.values_list("slug", "status"))
    later = first_day + timedelta(days=21)
    demo.seed(today=later)
    assert Activity.objects.count() == len(demo.plan(later))
    assert Activity.objects.filter(slug__startswith="agenda-").count() == demo.UPCOMING
    assert {slug: status for slug, status in Activity.objects.values_list("slug", "status") if slug in statuses} == (
        statuses
    )


def test_it_moves_the_agenda_ahead_of_the_new_day():
    demo.seed(today=date(2026, 3, 1))
    later = date(2026, 3, 22)
    demo.seed(today=later)
    agenda = Activity.objects.filter(slug__startswith="agenda-")
    assert all(timezone.localdate(activity.starts_at) > later for activity in agenda)


def test_it_varies_the_titles():
    demo.seed(today=date(2026, 3, 1))
    titles = Counter(Activity.objects.values_list("title", flat=True))
    assert titles.most_common(1)[0][1] <= 6
