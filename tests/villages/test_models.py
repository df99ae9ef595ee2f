import pytest
from django.db import IntegrityError, transaction

from outreach.charts import bar_chart
from outreach.villages.models import Village
from tests.factories import VillageFactory, VillageIndicatorFactory

pytestmark = pytest.mark.django_db


def test_it_refuses_more_refused_applicants_than_applicants():
    village = VillageFactory(desa_binaan=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        VillageIndicatorFactory(village=village, year=2025, passport_applicants=10, refused_applicants=11)


def test_it_accepts_refused_applicants_up_to_the_applicants():
    indicator = VillageIndicatorFactory(year=2025, passport_applicants=10, refused_applicants=10)
    assert indicator.refused_percent == 100.0


def test_it_keeps_one_indicator_per_village_and_year():
    village = VillageFactory(desa_binaan=True)
    VillageIndicatorFactory(village=village, year=2025)
    with pytest.raises(IntegrityError), transaction.atomic():
        VillageIndicatorFactory(village=village, year=2025)


def test_desa_binaan_leaves_out_villages_outside_the_program():
    enrolled = VillageFactory(desa_binaan=True)
    planned = VillageFactory(program_status="planned")
    VillageFactory()
    assert set(Village.objects.desa_binaan()) == {enrolled, planned}


def test_the_program_page_lists_active_villages_before_planned_and_graduated_ones():
    graduated = VillageFactory(name="Desa A", program_status="graduated")
    planned = VillageFactory(name="Desa B", program_status="planned")
    active = VillageFactory(name="Desa C", program_status="active")
    assert list(Village.objects.for_program_page()) == [active, planned, graduated]


def test_the_chart_marks_where_the_program_started():
    chart = bar_chart([(2023, 400), (2024, 200)], start_year=2024)
    first, second = chart.bars
    assert not first.after_start and second.after_start
    assert first.height == 160 and second.height == 80
    assert first.x < chart.start_x < second.x


def test_the_chart_has_no_start_line_when_every_year_is_on_one_side():
    assert bar_chart([(2025, 3), (2026, 0)], start_year=2024).start_x is None
    assert bar_chart([(2022, 3)], start_year=None).start_x is None
    assert bar_chart([], start_year=2024) is None


def test_figures_without_a_source_cannot_be_published():
    with pytest.raises(IntegrityError), transaction.atomic():
        VillageIndicatorFactory(source="", status="published")


def test_figures_without_a_source_may_be_proposed_as_drafts():
    assert not VillageIndicatorFactory(source="", status="draft").is_published
