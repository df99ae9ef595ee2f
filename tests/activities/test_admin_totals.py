"""The activity list's count and totals: published activities read from the tallies where the list's filters are
ones they answer, the drafts summed directly; always what summing the list's rows gives."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from outreach.activities.admin import tally_selection
from outreach.activities.models import Kind, Status
from tests.activities.helpers import CHANGELIST_URL
from tests.factories import ActivityFactory, InstitutionFactory, officer, supervisor

pytestmark = pytest.mark.django_db
WIB = datetime.timezone(datetime.timedelta(hours=7))
# As DateFieldListFilter writes "this month" and "past 7 days".
THIS_MONTH = timezone.localtime().replace(day=1, hour=0, minute=0, second=0, microsecond=0)
NEXT_MONTH = (THIS_MONTH + datetime.timedelta(days=32)).replace(day=1)
WEEK_AGO = THIS_MONTH.replace(day=5)


def school_visit(**kwargs):
    return ActivityFactory(kind=Kind.SCHOOL_VISIT, village=None, institution=InstitutionFactory(), **kwargs)


@pytest.fixture
def activities():
    """Both statuses, two kinds, either side of a local new year, a scheduled one and one this month."""
    ActivityFactory(starts_at=datetime.datetime(2024, 12, 31, 23, 30, tzinfo=WIB), male_under_18=3)
    ActivityFactory(starts_at=datetime.datetime(2025, 1, 1, 0, 30, tzinfo=WIB), female_60_plus=4)
    ActivityFactory(starts_at=datetime.datetime(2025, 3, 10, 9, tzinfo=WIB), status=Status.DRAFT, male_60_plus=5)
    school_visit(starts_at=datetime.datetime(2025, 3, 11, 9, tzinfo=WIB), female_under_18=6)
    school_visit(starts_at=datetime.datetime(2025, 3, 12, 9, tzinfo=WIB), status=Status.DRAFT, male_18_59=7)
    school_visit(starts_at=timezone.now() + datetime.timedelta(days=40))  # scheduled, published
    ActivityFactory(starts_at=timezone.localtime().replace(day=1, hour=10), female_18_59=8)


FILTERS = [
    {},
    {"kind__exact": Kind.SCHOOL_VISIT},
    {"program": "desa_binaan"},
    {"program": "imigrasi_masuk_desa"},
    {"status__exact": Status.DRAFT},
    {"status__exact": Status.PUBLISHED},
    {"starts_at__year": "2025"},
    {"starts_at__year": "2024"},
    {"starts_at__year": "2025", "starts_at__month": "3"},
    {"starts_at__year": "2024", "starts_at__month": "12"},
    {"starts_at__gte": str(THIS_MONTH), "starts_at__lt": str(NEXT_MONTH)},
    {"kind__exact": Kind.SCHOOL_VISIT, "status__exact": Status.PUBLISHED, "starts_at__year": "2025"},
    {"q": "", "o": "2", "p": "1"},
]


@pytest.mark.parametrize("filters", FILTERS)
def test_the_totals_are_the_sums_of_the_listed_activities(client, activities, filters):
    client.force_login(supervisor())
    response = client.get(CHANGELIST_URL, filters)
    changelist = response.context["cl"]
    assert tally_selection(filters) is not None
    assert response.context["attendance_sums"] == changelist.queryset.attendance_sums()
    assert changelist.result_count == changelist.queryset.count()


def test_an_officer_s_totals_count_the_published_and_only_their_own_drafts(client, activities):
    agus = officer()
    ActivityFactory(status=Status.DRAFT, created_by=agus, female_18_59=9)
    client.force_login(agus)
    response = client.get(CHANGELIST_URL)
    changelist = response.context["cl"]
    assert response.context["attendance_sums"] == changelist.queryset.attendance_sums()
    assert response.context["attendance_sums"]["count"] == 6  # 5 published and their own draft


def test_a_list_the_tallies_answer_sums_only_its_drafts_directly(client, activities):
    client.force_login(supervisor())
    with CaptureQueriesContext(connection) as context:
        client.get(CHANGELIST_URL, {"kind__exact": Kind.SCHOOL_VISIT})
    [summed] = [query["sql"] for query in context.captured_queries if 'SUM("activities_activity"' in query["sql"]]
    assert "\"status\" IN ('draft')" in summed
    assert any("activities_monthtally" in query["sql"] for query in context.captured_queries)


@pytest.mark.parametrize(
    "filters",
    [
        {"starts_at__year": "2025", "starts_at__month": "3", "starts_at__day": "11"},
        {"starts_at__gte": str(WEEK_AGO), "starts_at__lt": str(NEXT_MONTH)},
        {"q": "paspor"},
        {"kind__exact": "no-such-kind"},
    ],
)
def test_a_list_the_tallies_cannot_answer_sums_its_rows(client, activities, filters):
    assert tally_selection(filters) is None
    client.force_login(supervisor())
    with CaptureQueriesContext(connection) as context:
        response = client.get(CHANGELIST_URL, filters)
    assert not any("activities_monthtally" in query["sql"] for query in context.captured_queries)
    if "attendance_sums" in response.context:
        assert response.context["attendance_sums"] == response.context["cl"].queryset.attendance_sums()
