import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from outreach.stats.models import Figure
from tests.factories import FigureFactory

pytestmark = pytest.mark.django_db


def test_a_figure_without_a_source_cannot_be_published_in_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        FigureFactory(source="", source_en="", source_url="", status="published")


def test_a_figure_without_a_source_fails_validation_with_a_clear_error():
    figure = FigureFactory.build(source="", source_en="", source_url="", status="published")
    with pytest.raises(ValidationError) as error:
        figure.full_clean(exclude=["series"])
    assert "source" in error.value.message_dict


def test_a_draft_may_wait_for_its_source():
    figure = FigureFactory(source="", source_en="", status="draft")
    assert not figure.is_published and figure.published_at is None


def test_a_link_alone_is_a_source():
    figure = FigureFactory(source="", source_en="", source_url="https://example.go.id/rilis")
    assert figure.is_published and figure.published_at is not None


def test_the_date_of_a_figure_must_lie_in_its_year():
    figure = FigureFactory.build(year=2024, as_of=datetime.date(2025, 1, 10))
    with pytest.raises(ValidationError) as error:
        figure.full_clean(exclude=["series"])
    assert "as_of" in error.value.message_dict


def test_published_leaves_out_drafts():
    draft = FigureFactory(status="draft")
    published = FigureFactory(year=2022)
    assert published in Figure.objects.published()
    assert draft not in Figure.objects.published()


def test_the_2024_figures_the_office_published_are_seeded_with_their_source():
    figures = {(f.series.slug, f.breakdown): f for f in Figure.objects.published().filter(year=2024).in_order()}
    assert {key: figure.value for key, figure in figures.items()} == {
        ("passports-issued", ""): 31871,
        ("refused-non-procedural", ""): 160,
        ("deportations", ""): 3,
        ("deportations", "Singapura"): 1,
        ("deportations", "Pakistan"): 2,
    }
    for figure in figures.values():
        assert figure.as_of == datetime.date(2024, 11, 18)
        assert "18 November 2024" in figure.source and "Kepala Kantor Imigrasi" in figure.source
        assert not figure.example_data
