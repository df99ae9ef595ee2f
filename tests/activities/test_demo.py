import pytest

from outreach.activities import demo
from outreach.activities.models import Activity, ActivityPhoto, Status
from outreach.office import demo as office_demo

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
