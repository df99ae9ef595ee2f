import pytest

from outreach.schools.models import Institution, VisitRequest
from tests.factories import InstitutionFactory, VisitRequestFactory, content_editor, officer, supervisor

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/schools/visitrequest/"


def run_action(client, action, *requests):
    return client.post(CHANGELIST, {"action": action, "_selected_action": [request.pk for request in requests]})


@pytest.mark.parametrize(
    ("before", "action", "status"),
    [("new", "mark_scheduled", "scheduled"), ("scheduled", "mark_done", "done"), ("new", "mark_declined", "declined")],
)
def test_a_supervisor_triages_requests_with_an_action(client, before, action, status):
    first, second = VisitRequestFactory.create_batch(2, status=before)
    client.force_login(supervisor())
    response = run_action(client, action, first, second)
    assert response.status_code == 302
    assert set(VisitRequest.objects.values_list("status", flat=True)) == {status}


def test_an_officer_sees_requests_but_cannot_triage_them(client):
    visit_request = VisitRequestFactory()
    client.force_login(officer())
    response = client.get(CHANGELIST)
    assert response.status_code == 200
    assert "mark_scheduled" not in response.text
    run_action(client, "mark_scheduled", visit_request)
    visit_request.refresh_from_db()
    assert visit_request.status == "new"
    assert client.post(f"{CHANGELIST}{visit_request.pk}/change/", {"status": "done"}).status_code == 403
    assert client.post(f"{CHANGELIST}{visit_request.pk}/delete/", {"post": "yes"}).status_code == 403


def test_a_content_editor_cannot_open_visit_requests_and_their_contacts(client):
    visit_request = VisitRequestFactory()
    client.force_login(content_editor())
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(f"{CHANGELIST}{visit_request.pk}/change/").status_code == 403


def test_a_content_editor_only_views_schools(client):
    institution = InstitutionFactory()
    client.force_login(content_editor())
    assert client.get("/admin/schools/institution/").status_code == 200
    assert client.get("/admin/schools/institution/add/").status_code == 403
    assert client.post(f"/admin/schools/institution/{institution.pk}/delete/", {"post": "yes"}).status_code == 403


def test_a_supervisor_adds_an_institution(client):
    client.force_login(supervisor())
    response = client.post(
        "/admin/schools/institution/add/",
        {
            "name": "SMK Negeri 1 Blitar",
            "slug": "smk-negeri-1-blitar",
            "level": "sma",
            "kecamatan": "kepanjenkidul",
            "address": "",
            "latitude": "",
            "longitude": "",
            "contact_name": "",
            "contact_phone": "",
            "contact_email": "",
        },
    )
    assert response.status_code == 302
    assert Institution.objects.get().name == "SMK Negeri 1 Blitar"


def test_anonymous_visitors_are_sent_to_the_admin_login(client):
    response = client.get(CHANGELIST)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_request_list_filters_searches_and_links_the_institution(client):
    institution = InstitutionFactory(name="SMA Negeri 1 Srengat")
    VisitRequestFactory(institution=institution, institution_name="SMA Negeri 1 Srengat", status="scheduled")
    VisitRequestFactory(institution_name="MA Negeri 1 Blitar")
    client.force_login(supervisor())
    scheduled = client.get(CHANGELIST, {"status__exact": "scheduled"}).text
    assert "SMA Negeri 1 Srengat" in scheduled and "MA Negeri 1 Blitar" not in scheduled
    assert f'href="/admin/schools/institution/{institution.pk}/change/"' in scheduled
    found = client.get(CHANGELIST, {"q": "MA Negeri 1 Blitar"}).text
    assert "MA Negeri 1 Blitar" in found and "SMA Negeri 1 Srengat" not in found
    assert client.get(CHANGELIST, {"institution_level__exact": "smp", "kecamatan__exact": "bakung"}).status_code == 200


def test_the_timestamps_are_read_only(client):
    visit_request = VisitRequestFactory()
    client.force_login(supervisor())
    html = client.get(f"{CHANGELIST}{visit_request.pk}/change/").text
    assert 'name="created_at"' not in html and 'name="updated_at"' not in html
    assert 'name="topics"' in html and 'type="checkbox"' in html


@pytest.mark.parametrize(
    ("before", "action"),
    [("done", "mark_scheduled"), ("declined", "mark_done"), ("new", "mark_done"), ("done", "mark_declined")],
)
def test_the_actions_skip_requests_the_workflow_does_not_allow_and_say_why(client, before, action):
    blocked = VisitRequestFactory(status=before, institution_name="SMA Negeri 9 Blitar")
    stamp = blocked.updated_at
    client.force_login(supervisor())
    response = run_action(client, action, blocked)
    blocked.refresh_from_db()
    assert (blocked.status, blocked.updated_at) == (before, stamp)
    text = client.get(response.url).text
    assert "Skipped 1 visit request" in text or "Melewati 1 permintaan kunjungan" in text
    assert "SMA Negeri 9 Blitar" in text


def test_an_action_moves_allowed_rows_one_by_one_and_stamps_updated_at(client):
    allowed = VisitRequestFactory(status="new")
    final = VisitRequestFactory(status="done")
    stamp = allowed.updated_at
    client.force_login(supervisor())
    run_action(client, "mark_scheduled", allowed, final)
    allowed.refresh_from_db()
    final.refresh_from_db()
    assert (allowed.status, final.status) == ("scheduled", "done")
    assert allowed.updated_at > stamp


def test_the_change_form_refuses_a_forbidden_status_change(client):
    visit_request = VisitRequestFactory(status="done")
    client.force_login(supervisor())
    response = client.get(f"{CHANGELIST}{visit_request.pk}/change/")
    form = response.context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(status="new", topics=["tppo"])
    response = client.post(f"{CHANGELIST}{visit_request.pk}/change/", data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["status"]
    visit_request.refresh_from_db()
    assert visit_request.status == "done"
