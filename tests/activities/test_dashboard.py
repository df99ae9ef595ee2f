from datetime import timedelta

import pytest
from django.utils import timezone

from outreach.activities.models import Kind, Status
from tests.activities.helpers import queries_for
from tests.factories import (
    ActivityFactory,
    InstitutionFactory,
    StaffFactory,
    UserFactory,
    VillageFactory,
    content_editor,
    officer,
    supervisor,
)

pytestmark = pytest.mark.django_db
URL = "/admin/activities/dashboard/"


def this_year_at(month, day=10):
    now = timezone.localtime()
    return now.replace(month=month, day=day, hour=9, minute=0, second=0, microsecond=0)


@pytest.fixture
def year_of_activities():
    village = VillageFactory()
    january = this_year_at(1)
    ActivityFactory(village=village, starts_at=january, male_18_59=10, female_18_59=5)
    ActivityFactory(
        village=village,
        starts_at=january + timedelta(days=1),
        male_18_59=0,
        female_18_59=0,
        female_60_plus=2,
        status=Status.DRAFT,
    )
    ActivityFactory(
        kind=Kind.SCHOOL_VISIT,
        village=None,
        institution=InstitutionFactory(),
        starts_at=january,
        male_under_18=20,
        male_18_59=0,
        female_18_59=0,
    )
    ActivityFactory(starts_at=january.replace(year=january.year - 1), male_18_59=100)


def test_it_shows_people_reached_per_month_by_sex_and_age(client, year_of_activities):
    client.force_login(officer())
    response = client.get(URL)
    assert response.status_code == 200
    january = response.context["months"][0]
    assert january["activities"] == 2
    # male <18, 18–59, 60+, female <18, 18–59, 60+ (the draft's two women are not counted)
    assert january["counts"] == [20, 10, 0, 0, 5, 0]
    assert january["total"] == 35
    assert response.context["year_total"] == january["total"]
    assert response.context["coverage"] == {"villages": 1, "schools": 1, "campuses": 0, "reading_corners": 0}


def test_it_lists_overdue_follow_ups_and_the_upcoming_schedule(client):
    today = timezone.localdate()
    ActivityFactory(title="Tindak lanjut lewat", follow_up="Kirim leaflet", follow_up_due=today - timedelta(days=3))
    ActivityFactory(title="Agenda minggu depan", starts_at=timezone.now() + timedelta(days=7))
    client.force_login(officer())
    html = client.get(URL).text
    assert "Tindak lanjut lewat" in html and "Agenda minggu depan" in html


def test_an_officer_is_shown_their_own_drafts_but_not_a_colleagues(client):
    user = officer()
    soon = timezone.now() + timedelta(days=7)
    overdue = {"follow_up": "Kirim leaflet", "follow_up_due": timezone.localdate() - timedelta(days=3)}
    ActivityFactory(title="Draf saya", status=Status.DRAFT, created_by=user, starts_at=soon, **overdue)
    ActivityFactory(title="Draf rekan", status=Status.DRAFT, created_by=officer(), starts_at=soon, **overdue)
    client.force_login(user)
    html = client.get(URL).text
    assert "Draf saya" in html and "Draf rekan" not in html
    client.force_login(supervisor())
    assert "Draf rekan" in client.get(URL).text


def test_it_is_linked_from_the_admin_index(client):
    client.force_login(content_editor())
    assert f'href="{URL}"' in client.get("/admin/").text


def test_it_runs_a_fixed_number_of_queries(client, django_assert_num_queries, year_of_activities):
    client.force_login(officer())
    few = queries_for(client, URL)
    for month in range(1, 13):
        ActivityFactory(
            starts_at=this_year_at(month, 3), follow_up="x", follow_up_due=timezone.localdate().replace(month=1, day=1)
        )
    with django_assert_num_queries(few):
        client.get(URL)


def test_a_draft_is_not_counted_as_held(client):
    ActivityFactory(starts_at=this_year_at(1), male_18_59=7, female_18_59=0, status=Status.DRAFT)
    client.force_login(officer())
    response = client.get(URL)
    assert response.context["year_activities"] == 0
    assert response.context["year_total"] == 0
    assert response.context["coverage"]["villages"] == 0


def test_a_scheduled_future_activity_is_not_counted_as_people_reached(client):
    ActivityFactory(starts_at=timezone.now() + timedelta(days=2), male_18_59=40, female_18_59=0)
    client.force_login(officer())
    context = client.get(URL, {"year": (timezone.localdate() + timedelta(days=2)).year}).context
    assert context["year_activities"] == 0
    assert context["year_total"] == 0
    assert context["coverage"]["villages"] == 0


def test_the_year_switch_shows_an_earlier_year(client):
    last_year = timezone.localdate().year - 1
    ActivityFactory(starts_at=this_year_at(3).replace(year=last_year), male_18_59=9, female_18_59=0)
    ActivityFactory(starts_at=this_year_at(3), male_18_59=4, female_18_59=0)
    client.force_login(officer())
    response = client.get(URL, {"year": last_year})
    assert response.context["year"] == last_year
    assert response.context["year_total"] == 9
    assert str(last_year) in response.context["title"]
    assert f'<option value="{last_year}" selected>' in response.text


def test_the_dashboard_shows_the_current_year_by_default(client):
    last_year = timezone.localdate().year - 1
    ActivityFactory(starts_at=this_year_at(3).replace(year=last_year), male_18_59=9, female_18_59=0)
    ActivityFactory(starts_at=this_year_at(3), male_18_59=4, female_18_59=0)
    client.force_login(officer())
    response = client.get(URL)
    assert response.context["year"] == timezone.localdate().year
    assert response.context["year_total"] == 4


def test_an_invalid_year_shows_an_error_and_the_current_year(client):
    client.force_login(officer())
    response = client.get(URL, {"year": "1900"})
    assert response.status_code == 200
    assert response.context["year"] == timezone.localdate().year
    assert response.context["year_form"].errors["year"]
    assert 'class="errornote"' in response.text


def test_staff_without_a_role_are_refused(client):
    client.force_login(StaffFactory())
    assert client.get(URL).status_code == 403


def test_staff_without_a_role_do_not_see_it_on_the_admin_index(client):
    client.force_login(StaffFactory())
    assert f'href="{URL}"' not in client.get("/admin/").text


def test_a_logged_in_user_who_is_not_staff_is_sent_to_the_login(client):
    client.force_login(UserFactory())
    assert client.get(URL)["Location"].startswith("/admin/login/")


def test_anonymous_visitors_are_sent_to_the_login(client):
    assert client.get(URL)["Location"].startswith("/admin/login/")


def test_it_is_a_view_of_the_admin_site_not_a_model(client):
    from django.apps import apps

    assert "dashboard" not in apps.get_app_config("activities").models
    client.force_login(officer())
    assert client.get("/admin/activities/").status_code == 200
    assert f'href="{URL}"' in client.get("/admin/activities/").text
