"""outreach.slugs.unique_slug: one way to make slugs, for activities and every kind of place."""

import pytest

from outreach.slugs import unique_slug
from tests.factories import ActivityFactory, ReadingCornerFactory, VillageFactory

pytestmark = pytest.mark.django_db


def test_places_of_the_same_name_get_numbered_slugs():
    first = VillageFactory(name="Bakung", slug="")
    second = VillageFactory(name="Bakung Kidul", slug="")
    third = VillageFactory(name="Bakung!", slug="")
    assert (first.slug, second.slug, third.slug) == ("bakung", "bakung-kidul", "bakung-2")


def test_a_row_keeps_its_own_slug_when_asked_again():
    village = VillageFactory(name="Bakung", slug="")
    assert unique_slug(village, village.name, fallback="tempat") == "bakung"


def test_a_name_without_letters_falls_back():
    corner = ReadingCornerFactory(name="—", slug="")
    activity = ActivityFactory(title="!!!", slug="")
    assert (corner.slug, activity.slug) == ("tempat", "kegiatan")


def test_slugs_are_unique_per_model_not_across_models():
    village = VillageFactory(name="Bakung", slug="")
    corner = ReadingCornerFactory(name="Bakung", slug="")
    assert village.slug == corner.slug == "bakung"
