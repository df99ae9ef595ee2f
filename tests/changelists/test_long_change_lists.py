"""The long change lists (outreach.changelists): 50 rows a page, a count that stops at a limit, and a row checkbox
and row links that are the HTML Django writes."""

import datetime

import pytest
from django.contrib import admin
from django.contrib.admin.templatetags import admin_list
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.views.main import ChangeList
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.html import escape

from outreach import changelists
from outreach.activities.models import Activity, Kind
from outreach.changelists import CappedPaginator
from outreach.schools.models import Institution
from outreach.villages.models import Village
from tests.activities.helpers import CHANGELIST_URL
from tests.factories import ActivityFactory, InstitutionFactory, ReportFactory, VillageFactory, officer, supervisor

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize(
    ("model", "factory", "name"),
    [
        (Village, VillageFactory, {"name": 'Desa <b>"Bakung"</b> & Co'}),
        (Institution, InstitutionFactory, {"name": "SMA 'Satu' <script>"}),
        (Activity, ActivityFactory, {"title": "Sosialisasi <i>paspor</i> & TPPO"}),
    ],
)
def test_the_checkbox_is_what_django_writes(model, factory, name, language):
    obj = factory(**name)
    model_admin = admin.site.get_model_admin(model)
    with translation.override(language):
        assert model_admin.action_checkbox(obj) == admin.ModelAdmin.action_checkbox(model_admin, obj)


def test_a_name_with_markup_is_escaped_in_the_label():
    village = VillageFactory(name='Desa "<b>Bakung</b>"')
    html = admin.site.get_model_admin(Village).action_checkbox(village)
    assert "<b>" not in html and "&lt;b&gt;" in html


def test_the_checkboxes_select_the_rows_for_an_action(client):
    """The list carries a checkbox per row whose value the action receives (publish, here)."""
    activity = ActivityFactory(status="draft")
    client.force_login(supervisor())
    html = client.get(CHANGELIST_URL).text
    assert f'name="_selected_action" value="{activity.pk}" class="action-select"' in html
    client.post(CHANGELIST_URL, {"action": "publish", "_selected_action": [activity.pk]})
    activity.refresh_from_db()
    assert activity.status == "published"


LISTS = [
    ("/admin/villages/village/", VillageFactory),
    ("/admin/schools/institution/", InstitutionFactory),
    (CHANGELIST_URL, ActivityFactory),
]


@pytest.mark.parametrize(("url", "factory"), LISTS)
def test_a_long_list_shows_50_rows_a_page(client, url, factory):
    factory.create_batch(51)
    client.force_login(supervisor())
    first = client.get(url).context["cl"]
    assert len(first.result_list) == 50 and first.multi_page
    assert len(client.get(url, {"p": 2}).context["cl"].result_list) == 1


@pytest.mark.parametrize(("url", "factory"), LISTS)
def test_50_rows_fit_one_page(client, url, factory):
    factory.create_batch(50)
    client.force_login(supervisor())
    cl = client.get(url).context["cl"]
    assert len(cl.result_list) == 50 and not cl.multi_page


@pytest.mark.parametrize("query", [{}, {"status__exact": "draft"}, {"status__exact": "draft", "q": "paspor & visa"}])
def test_each_row_links_where_django_links_it_with_the_lists_filters(client, query):
    activity = ActivityFactory(title="Paspor & visa", status="draft")
    client.force_login(supervisor())
    response = client.get(CHANGELIST_URL, query)
    changelist = response.context["cl"]
    django_url = add_preserved_filters(
        {
            "preserved_filters": changelist.model_admin.get_preserved_filters(response.wsgi_request),
            "opts": Activity._meta,
        },
        ChangeList.url_for_result(changelist, activity),
    )
    assert f'href="{escape(django_url)}"' in response.text
    assert ("_changelist_filters" in django_url) == bool(query)


# The activity list counts a search so (tests/activities/test_admin_large_lists), its filters in full with their totals.
CAPPED = [*LISTS[:2], ("/admin/reports/report/", ReportFactory)]


@pytest.mark.parametrize(("url", "factory"), CAPPED)
def test_a_list_matching_more_than_the_limit_is_counted_that_far(client, monkeypatch, url, factory):
    monkeypatch.setattr(CappedPaginator, "limit", 3)
    factory.create_batch(5)
    client.force_login(supervisor())
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    changelist = response.context["cl"]
    assert changelist.result_count == 3 and changelist.paginator.over_limit
    assert response.context["count_limit"] == 3
    counts = [query["sql"] for query in context.captured_queries if "COUNT(*)" in query["sql"]]
    assert counts and all("LIMIT 4" in sql for sql in counts)


@pytest.mark.parametrize(("url", "factory"), CAPPED)
def test_a_list_within_the_limit_is_counted_in_full(client, monkeypatch, url, factory):
    monkeypatch.setattr(CappedPaginator, "limit", 3)
    factory.create_batch(3)
    client.force_login(supervisor())
    response = client.get(url)
    assert response.context["cl"].result_count == 3
    assert "count_limit" not in response.context


def test_the_report_list_says_when_more_reports_match_than_it_counts(client, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "limit", 3)
    ReportFactory.create_batch(4, status="closed")
    client.force_login(supervisor())
    response = client.get("/admin/reports/report/", {"status__exact": "closed"})
    assert "Lebih dari 3 laporan cocok" in response.text


def test_the_report_list_says_nothing_of_a_limit_below_it(client, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "limit", 3)
    ReportFactory.create_batch(3, status="closed")
    client.force_login(supervisor())
    response = client.get("/admin/reports/report/", {"status__exact": "closed"})
    assert "Lebih dari" not in response.text


def rows_django_writes(changelist) -> str:
    return render_to_string("admin/change_list_results.html", admin_list.result_list(changelist))


def rows_we_write(changelist) -> str:
    return render_to_string("admin/change_list_results.html", changelists.result_list(changelist))


@pytest.fixture
def varied_rows():
    agus = officer(first_name="Agus", last_name="<Santoso>")
    ActivityFactory(title='Sosialisasi <i>paspor</i> & "TPPO"', status="draft")
    ActivityFactory(kind=Kind.SCHOOL_VISIT, village=None, institution=InstitutionFactory(name="SMA 'Satu' <b>"))
    ReportFactory(assigned_to=agus, priority="urgent", status="new")
    ReportFactory(status="closed", first_response_due=datetime.date(2020, 1, 1))
    ReportFactory(status="new", first_response_due=datetime.date(2020, 1, 1))  # overdue: the icon


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize(
    ("url", "query"),
    [
        (CHANGELIST_URL, {}),
        (CHANGELIST_URL, {"status__exact": "draft", "o": "-2"}),
        (CHANGELIST_URL, {"q": "paspor"}),
        (CHANGELIST_URL, {"_popup": "1"}),
        ("/admin/reports/report/", {}),
        ("/admin/reports/report/", {"status__exact": "new", "o": "3.-7"}),
    ],
)
def test_the_rows_are_what_django_writes(client, varied_rows, url, query, language):
    client.force_login(supervisor())
    with translation.override(language):
        response = client.get(url, query)
        changelist = response.context["cl"]
        assert changelist.result_list
        ours = rows_we_write(changelist)
        assert ours == rows_django_writes(changelist)
    assert ours.count("<tr>") == len(changelist.result_list) + 1


@pytest.mark.parametrize("url", [CHANGELIST_URL, "/admin/reports/report/"])
def test_the_list_page_shows_the_rows_we_write(client, varied_rows, url):
    client.force_login(supervisor())
    response = client.get(url)
    assert rows_we_write(response.context["cl"]).split("<tbody>")[1].split("</tbody>")[0] in response.text
