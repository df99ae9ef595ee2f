"""Known data sets for the statistics tests."""

import datetime

from django.utils import timezone

from outreach.activities.models import Kind, Status
from tests.factories import ActivityFactory, InstitutionFactory, ReadingCornerFactory, VillageFactory


def at(year, month, day=10, hour=9):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


def activity_log():
    """2024 and 2025: published visits held, plus a draft and a scheduled one that must not count.

    2024: 2 village visits (1 village), 1 school visit; 2025: 1 village visit, 1 reading-corner activity.
    """
    bakung = VillageFactory(name="Desa Bakung")
    school = InstitutionFactory()
    corner = ReadingCornerFactory()
    zeros = {"male_18_59": 0, "female_18_59": 0}
    ActivityFactory(village=bakung, starts_at=at(2024, 3, 1), male_18_59=10, female_18_59=12, female_60_plus=3)
    ActivityFactory(village=bakung, starts_at=at(2024, 8, 1), male_60_plus=4, **zeros)
    ActivityFactory(
        kind=Kind.SCHOOL_VISIT,
        village=None,
        institution=school,
        starts_at=at(2024, 9, 2),
        male_under_18=30,
        female_under_18=35,
        **zeros,
    )
    ActivityFactory(village=bakung, starts_at=at(2025, 2, 3), male_18_59=5, female_18_59=6)
    ActivityFactory(
        kind=Kind.READING_CORNER,
        village=None,
        reading_corner=corner,
        starts_at=at(2025, 5, 5),
        male_under_18=7,
        female_under_18=8,
        **zeros,
    )
    # Neither counts: a draft, and a published activity scheduled in the future.
    ActivityFactory(village=bakung, starts_at=at(2025, 6, 1), male_18_59=99, status=Status.DRAFT)
    future = timezone.now() + datetime.timedelta(days=20)
    ActivityFactory(village=bakung, starts_at=future, male_18_59=50)
