from io import StringIO

import pytest
from django.core.management import call_command

from outreach.reading_corners.models import ReadingCorner
from outreach.schools.models import Institution, VisitRequest
from outreach.villages.models import Village, VillageIndicator

pytestmark = pytest.mark.django_db


def seed():
    call_command("seed_demo", stdout=StringIO())


def counts():
    return [model.objects.count() for model in (Village, VillageIndicator, Institution, VisitRequest, ReadingCorner)]


def test_the_demo_makes_desa_bakung_the_pilot_with_four_years_of_figures(settings):
    settings.DEBUG = True
    seed()
    bakung = Village.objects.get(name="Desa Bakung")
    assert bakung.program_status == "active" and bakung.program_since.year == 2024
    assert bakung.kecamatan == "bakung" and bakung.kabupaten == "Kabupaten Blitar"
    assert bakung.pimpasa.username == "petugas"
    assert "peringkat pertama" in bakung.selection_reason
    assert [indicator.year for indicator in bakung.indicators.all()] == [2023, 2024, 2025, 2026]
    assert Village.objects.filter(program_status="planned").exists()
    assert Village.objects.filter(program_status="active").count() == 2


def test_the_demo_places_lie_in_blitar_and_have_photos(settings):
    settings.DEBUG = True
    seed()
    for model in (Village, Institution, ReadingCorner):
        for place in model.objects.all():
            assert -8.35 <= place.latitude <= -8.0 and 111.9 <= place.longitude <= 112.45, place
    assert Institution.objects.filter(level="university").exists()
    assert Institution.objects.filter(level="pesantren").exists()
    lobby = ReadingCorner.objects.get(name="Pojok Baca Kantor Imigrasi Blitar")
    assert lobby.photo and ReadingCorner.objects.filter(name="Pojok Baca Balai Desa Bakung").exists()


def test_running_the_demo_twice_creates_no_duplicates(settings):
    settings.DEBUG = True
    seed()
    before = counts()
    seed()
    assert counts() == before


def test_the_demo_figures_are_labelled_as_example_data(settings):
    settings.DEBUG = True
    seed()
    for indicator in VillageIndicator.objects.all():
        assert indicator.example_data and indicator.is_published
        assert indicator.source.startswith("Data contoh (demo)")


def test_a_fresh_install_has_no_village_figures():
    assert not VillageIndicator.objects.exists()
