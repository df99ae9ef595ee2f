"""The computed figures are remembered between two saves (outreach.figures_cache) and never outlive a save."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from outreach.activities.models import Activity, Status
from outreach.stats.selectors import Statistics
from outreach.stats.yearly_report import yearly_report
from tests.factories import ActivityFactory, ReportFactory
from tests.stats.helpers import activity_log, at

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def held_2024() -> int:
    (year,) = [row for row in Statistics.collect().outreach if row.year == 2024]
    return year.activities_total


def test_the_statistics_page_computes_its_figures_once_between_two_saves(client):
    activity_log()
    first = queries(client, "/statistik/")
    # folding the activity and report changes, outreach by month, places by year, reports by year
    assert queries(client, "/statistik/") == first - 5


def test_a_saved_activity_shows_in_the_figures_at_once():
    activity_log()
    before = held_2024()
    ActivityFactory(starts_at=at(2024, 10, 1))
    assert held_2024() == before + 1


def test_a_deleted_activity_leaves_the_figures_at_once():
    activity_log()
    before = held_2024()
    Activity.objects.filter(starts_at__year=2024).first().delete()
    assert held_2024() == before - 1


def test_an_unpublished_activity_leaves_the_figures_at_once():
    activity_log()
    before = held_2024()
    activity = Activity.objects.filter(starts_at__year=2024).first()
    activity.status = Status.DRAFT
    activity.save()
    assert held_2024() == before - 1


def test_a_saved_report_shows_in_the_figures_at_once():
    ReportFactory.create_batch(5)
    assert Statistics.collect().reports[-1].total == 5
    ReportFactory()
    assert Statistics.collect().reports[-1].total == 6


def test_an_update_that_bypasses_save_shows_only_when_the_figures_expire():
    activity_log()
    before = held_2024()
    Activity.objects.filter(starts_at__year=2024).update(leaflets=3)  # no save signal: remembered figures stay
    Activity.objects.filter(pk=Activity.objects.filter(starts_at__year=2024).first().pk).update(
        starts_at=at(2023, 5, 1)
    )
    assert held_2024() == before
    cache.clear()  # as FIGURES_CACHE_SECONDS passing does
    assert held_2024() == before - 1


def test_figures_asked_for_another_moment_are_computed_not_remembered():
    activity_log()
    Statistics.collect()
    with CaptureQueriesContext(connection) as context:
        Statistics.collect(now=at(2025, 1, 1))
    # published figures, two folds of the tallies' changes, outreach by month, places by year, reports
    assert len(context.captured_queries) == 6


def test_the_yearly_report_is_remembered_in_each_language_separately():
    from django.utils import translation

    activity_log()
    with translation.override("id"):
        indonesian = yearly_report(2024)[0].caption
    with translation.override("en"):
        english = yearly_report(2024)[0].caption
    assert indonesian != english
    assert "2024" in english and english.startswith("Activities held")
