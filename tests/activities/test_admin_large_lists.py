"""The activity change list at 100,000 rows: its queries do not grow with the years the activities span, its
count comes with its totals, and the place filter does not list hundreds of places."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from outreach.activities.admin import PlaceFilter
from outreach.activities.models import Activity, Kind
from outreach.changelists import CappedPaginator
from tests.activities.helpers import CHANGELIST_URL, queries_for
from tests.factories import ActivityFactory, InstitutionFactory, VillageFactory, supervisor

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(supervisor())
    return client


def years_ago(years: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=365 * years + 30)


def test_the_years_of_the_activities_take_one_query_however_many_years(django_assert_num_queries):
    for years in range(10):
        ActivityFactory(starts_at=years_ago(years))
    with django_assert_num_queries(1):
        assert len(Activity.objects.years()) >= 10


def test_the_list_runs_the_same_queries_for_one_year_and_for_ten(staff_client):
    village = VillageFactory()
    ActivityFactory(village=village, starts_at=years_ago(0))
    one_year = queries_for(staff_client, CHANGELIST_URL)
    for years in range(1, 10):
        ActivityFactory(village=village, starts_at=years_ago(years))
    assert queries_for(staff_client, CHANGELIST_URL) == one_year


def test_the_list_counts_its_rows_with_its_totals_not_in_a_count_of_its_own(staff_client):
    ActivityFactory.create_batch(3, kind=Kind.IMIGRASI_MASUK_DESA)
    ActivityFactory(kind=Kind.SCHOOL_VISIT, village=None, institution=InstitutionFactory())
    with CaptureQueriesContext(connection) as context:
        response = staff_client.get(CHANGELIST_URL, {"kind__exact": Kind.IMIGRASI_MASUK_DESA})
    assert response.context["cl"].result_count == 3
    assert response.context["attendance_sums"]["count"] == 3
    counts = [query["sql"] for query in context.captured_queries if "COUNT(" in query["sql"]]
    assert len(counts) == 1 and "SUM(" in counts[0], counts


def test_the_count_follows_a_change_at_once(staff_client):
    ActivityFactory.create_batch(2)
    assert staff_client.get(CHANGELIST_URL).context["cl"].result_count == 2
    ActivityFactory()
    assert staff_client.get(CHANGELIST_URL).context["cl"].result_count == 3


def place_choices(response) -> list[str]:
    for spec in response.context["cl"].filter_specs:
        if isinstance(spec, PlaceFilter):
            return [name for _value, name in spec.lookup_choices]
    return []


def test_the_place_filter_lists_the_places_while_they_are_few(staff_client):
    ActivityFactory(village=VillageFactory(name="Desa Bakung"))
    ActivityFactory(kind=Kind.SCHOOL_VISIT, village=None, institution=InstitutionFactory(name="SMA Negeri 1"))
    VillageFactory(name="Desa Tanpa Kegiatan")
    response = staff_client.get(CHANGELIST_URL)
    assert place_choices(response) == ["Desa Bakung", "SMA Negeri 1"]
    assert "?place=v" in response.text


def test_the_place_filter_lists_no_places_when_there_are_many(staff_client, monkeypatch):
    monkeypatch.setattr(PlaceFilter, "limit", 2)
    for name in ("Desa Satu", "Desa Dua", "Desa Tiga"):
        ActivityFactory(village=VillageFactory(name=name))
    response = staff_client.get(CHANGELIST_URL)
    assert place_choices(response) == []
    assert "?place=v" not in response.text


def test_a_chosen_place_is_shown_and_filters_when_places_are_many(staff_client, monkeypatch):
    monkeypatch.setattr(PlaceFilter, "limit", 2)
    chosen = VillageFactory(name="Desa Tiga")
    ActivityFactory(title="Di Desa Tiga", village=chosen)
    for name in ("Desa Satu", "Desa Dua"):
        ActivityFactory(title=f"Di {name}", village=VillageFactory(name=name))
    response = staff_client.get(CHANGELIST_URL, {"place": f"v{chosen.pk}"})
    assert place_choices(response) == ["Desa Tiga"]
    assert [activity.title for activity in response.context["cl"].result_list] == ["Di Desa Tiga"]


@pytest.mark.parametrize("value", ["x1", "v", "vabc", "v999999"])
def test_a_place_that_is_no_place_lists_nothing_chosen(staff_client, monkeypatch, value):
    monkeypatch.setattr(PlaceFilter, "limit", 0)
    ActivityFactory()
    response = staff_client.get(CHANGELIST_URL, {"place": value})
    assert response.status_code == 200
    assert place_choices(response) == []


def test_the_place_filter_runs_the_same_queries_with_few_and_many_places(staff_client, monkeypatch):
    monkeypatch.setattr(PlaceFilter, "limit", 3)
    ActivityFactory(village=VillageFactory())
    few = queries_for(staff_client, CHANGELIST_URL)
    for _ in range(6):
        ActivityFactory(village=VillageFactory())
    assert queries_for(staff_client, CHANGELIST_URL) == few


def test_a_search_matching_more_than_the_limit_is_counted_that_far_without_totals(staff_client, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "limit", 3)
    ActivityFactory.create_batch(5, title="Sosialisasi paspor")
    with CaptureQueriesContext(connection) as context:
        response = staff_client.get(CHANGELIST_URL, {"q": "sosial"})
    assert response.context["cl"].result_count == 3
    assert "attendance_sums" not in response.context
    assert "Lebih dari 3 kegiatan cocok dengan pencarian ini" in response.text
    assert not [query for query in context.captured_queries if "SUM(" in query["sql"]]
    [count] = [query["sql"] for query in context.captured_queries if "COUNT(" in query["sql"]]
    assert "LIMIT 4" in count


def test_a_search_within_the_limit_is_counted_and_summed_in_full(staff_client, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "limit", 3)
    ActivityFactory.create_batch(3, title="Sosialisasi paspor", summary="", male_18_59=2, female_18_59=0)
    ActivityFactory(title="Kunjungan sekolah", summary="")
    response = staff_client.get(CHANGELIST_URL, {"q": "sosial"})
    assert response.context["cl"].result_count == 3
    assert response.context["attendance_sums"]["attendance_total"] == 6
    assert "Lebih dari" not in response.text


def test_a_filter_matching_more_than_the_search_limit_is_counted_and_summed_in_full(staff_client, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "limit", 3)
    ActivityFactory.create_batch(5, kind=Kind.IMIGRASI_MASUK_DESA)
    response = staff_client.get(CHANGELIST_URL, {"kind__exact": Kind.IMIGRASI_MASUK_DESA})
    assert response.context["cl"].result_count == 5
    assert response.context["attendance_sums"]["count"] == 5


def date_hierarchy_queries(staff_client, **params) -> list[str]:
    with CaptureQueriesContext(connection) as context:
        response = staff_client.get(CHANGELIST_URL, params)
    assert response.status_code == 200
    return [query["sql"] for query in context.captured_queries if "MIN(" in query["sql"] or "RECURSIVE" in query["sql"]]


def test_a_search_finding_nothing_asks_for_no_dates(staff_client):
    ActivityFactory(title="Sosialisasi paspor")
    assert date_hierarchy_queries(staff_client, q="zzz") == []


def test_a_search_fitting_one_page_reads_its_dates_from_the_rows_shown(staff_client):
    found = ActivityFactory(title="Sosialisasi paspor", summary="", starts_at=years_ago(2))
    ActivityFactory(title="Kunjungan sekolah", summary="", starts_at=years_ago(1))
    queries = date_hierarchy_queries(staff_client, q="sosial")
    assert queries and all(f'"activities_activity"."id" IN ({found.pk})' in sql for sql in queries)


def test_a_search_over_many_pages_reads_its_dates_from_the_index(staff_client):
    ActivityFactory.create_batch(51, title="Sosialisasi paspor")
    queries = date_hierarchy_queries(staff_client, q="sosial")
    assert queries and not any('"activities_activity"."id" IN (' in sql for sql in queries)
