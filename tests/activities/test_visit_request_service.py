from datetime import date

import pytest
from django.core.exceptions import ValidationError

from outreach.activities.models import Activity, Kind, Status
from outreach.activities.services import create_activity_from_visit_request
from outreach.schools.models import VisitRequest, VisitRequestStatus
from tests.factories import InstitutionFactory, officer, supervisor

pytestmark = pytest.mark.django_db


def visit_request(**overrides):
    fields = {
        "institution": InstitutionFactory(name="SMA Negeri 1 Talun"),
        "institution_name": "SMA Negeri 1 Talun",
        "institution_level": "sma",
        "kecamatan": "talun",
        "contact_name": "Bu Sari",
        "contact_phone": "0812 0000 2222",
        "preferred_date": date(2026, 12, 14),
        "audience": "siswa kelas XII",
        "audience_size": 240,
        "topics": ["tppo", "passports"],
        "status": VisitRequestStatus.SCHEDULED,
    }
    return VisitRequest.objects.create(**{**fields, **overrides})


def url(request):
    return f"/admin/activities/activity/from-visit-request/{request.pk}/"


def test_it_creates_a_linked_draft_school_visit():
    request, user = visit_request(), supervisor()
    activity = create_activity_from_visit_request(request, by=user)
    assert activity.kind == Kind.SCHOOL_VISIT
    assert activity.status == Status.DRAFT
    assert activity.institution == request.institution
    assert activity.topics == ["tppo", "passports"]
    assert activity.created_by == user and list(activity.officers.all()) == [user]
    assert "SMA Negeri 1 Talun" in activity.title
    request.refresh_from_db()
    assert request.activity == activity


def test_it_returns_the_existing_activity_the_second_time():
    request, user = visit_request(), supervisor()
    first = create_activity_from_visit_request(request, by=user)
    assert create_activity_from_visit_request(request, by=user) == first
    assert Activity.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "code"),
    [({"status": VisitRequestStatus.NEW}, "not_scheduled"), ({"status": VisitRequestStatus.DONE}, "not_scheduled")],
)
def test_it_refuses_a_request_that_is_not_ready(overrides, code):
    with pytest.raises(ValidationError) as error:
        create_activity_from_visit_request(visit_request(**overrides), by=supervisor())
    assert error.value.code == code
    assert not Activity.objects.exists()


def test_the_admin_view_creates_the_draft_on_post(client):
    request = visit_request()
    client.force_login(supervisor())
    assert client.get(url(request)).status_code == 200
    response = client.post(url(request))
    activity = Activity.objects.get()
    assert response["Location"] == f"/admin/activities/activity/{activity.pk}/change/"


def test_the_admin_view_is_for_supervisors(client):
    client.force_login(officer())
    assert client.post(url(visit_request())).status_code == 403
    assert not Activity.objects.exists()


def test_a_scheduled_request_offers_to_create_its_activity(client):
    request = visit_request()
    client.force_login(supervisor())
    response = client.get(f"/admin/schools/visitrequest/{request.pk}/change/")
    assert f'href="{url(request)}"' in response.text


def test_a_new_request_does_not_offer_an_activity_yet(client):
    request = visit_request(status=VisitRequestStatus.NEW)
    client.force_login(supervisor())
    response = client.get(f"/admin/schools/visitrequest/{request.pk}/change/")
    assert url(request) not in response.text


def test_a_request_from_a_school_not_yet_listed_adds_the_school():
    request = visit_request(institution=None, institution_name="SMA Negeri 2 Blitar", kecamatan="sananwetan")
    activity = create_activity_from_visit_request(request, by=supervisor())
    request.refresh_from_db()
    assert activity.institution == request.institution
    assert (request.institution.name, request.institution.kecamatan) == ("SMA Negeri 2 Blitar", "sananwetan")
    assert request.institution.contact_phone == "0812 0000 2222"


def test_a_request_is_linked_to_the_listed_school_of_the_same_name():
    listed = InstitutionFactory(name="SMA Negeri 2 Blitar")
    request = visit_request(institution=None, institution_name="sma negeri 2 blitar ")
    assert create_activity_from_visit_request(request, by=supervisor()).institution == listed


def test_the_admin_view_sends_a_request_that_is_not_scheduled_back_with_the_reason(client):
    request = visit_request(status=VisitRequestStatus.NEW)
    client.force_login(supervisor())
    response = client.post(url(request), follow=True)
    assert response.redirect_chain[0][0] == f"/admin/schools/visitrequest/{request.pk}/change/"
    assert [str(message) for message in response.context["messages"]] == [
        "Hanya permohonan kunjungan yang sudah dijadwalkan yang dapat dijadikan kegiatan."
    ]
    assert not Activity.objects.exists()


def test_the_admin_view_answers_404_for_an_unknown_request(client):
    client.force_login(supervisor())
    assert client.get("/admin/activities/activity/from-visit-request/999999/").status_code == 404


def test_the_admin_view_shows_the_existing_activity_on_get(client):
    request, user = visit_request(), supervisor()
    activity = create_activity_from_visit_request(request, by=user)
    client.force_login(user)
    response = client.get(url(request))
    assert response.context["existing"] == activity
    assert f'href="/admin/activities/activity/{activity.pk}/change/"' in response.text
