import pytest
from django.test import Client

from outreach.activities.models import Activity, Status
from tests.activities.helpers import ADD_URL, CHANGELIST_URL, activity_form, change_url
from tests.factories import ActivityFactory, VillageFactory, activity_photo, content_editor, officer, supervisor

EXPORT_URL = "/admin/activities/activity/export.csv"

pytestmark = pytest.mark.django_db


def edit(client, activity, **changes):
    data = activity_form(activity.village, title=activity.title, status=activity.status, **changes)
    return client.post(change_url(activity), data)


def delete(client, activity):
    return client.post(f"/admin/activities/activity/{activity.pk}/delete/", {"post": "yes"})


def run_action(client, action, *activities):
    return client.post(CHANGELIST_URL, {"action": action, "_selected_action": [a.pk for a in activities]})


# --- anonymous and CSRF -----------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_admin_login(client):
    response = client.get(CHANGELIST_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_admin_form_enforces_csrf():
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer())
    assert client.post(ADD_URL, activity_form(VillageFactory())).status_code == 403
    assert not Activity.objects.exists()


# --- Petugas ----------------------------------------------------------------------------------------


def test_an_officer_adds_a_draft_they_own(client):
    user = officer()
    client.force_login(user)
    response = client.post(ADD_URL, activity_form(VillageFactory(), status="published"))
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert activity.created_by == user
    assert activity.status == Status.DRAFT  # officers cannot publish through the form
    assert activity.attendance_total == 45


def test_an_officer_edits_their_own_draft(client):
    user = officer()
    activity = ActivityFactory(status=Status.DRAFT, created_by=user)
    client.force_login(user)
    assert edit(client, activity, summary="Diperbarui").status_code == 302
    activity.refresh_from_db()
    assert activity.summary == "Diperbarui"


def test_an_officer_opens_their_own_published_activity_read_only(client):
    user = officer()
    activity = ActivityFactory(status=Status.PUBLISHED, created_by=user, summary="Asli")
    client.force_login(user)
    page = client.get(change_url(activity))
    assert page.status_code == 200
    assert 'name="summary"' not in page.text  # read-only view
    assert edit(client, activity, summary="Diubah").status_code == 403
    activity.refresh_from_db()
    assert activity.summary == "Asli"


def test_an_officer_opens_a_colleagues_published_activity_read_only(client):
    activity = ActivityFactory(status=Status.PUBLISHED, created_by=officer(), internal_notes="Catatan tim")
    client.force_login(officer())
    page = client.get(change_url(activity))
    assert page.status_code == 200
    assert "Catatan tim" in page.text and 'name="summary"' not in page.text


def test_an_officer_opens_their_own_draft_with_its_internal_notes(client):
    user = officer()
    activity = ActivityFactory(status=Status.DRAFT, created_by=user, internal_notes="Catatan saya")
    client.force_login(user)
    page = client.get(change_url(activity))
    assert page.status_code == 200
    assert "Catatan saya" in page.text


def test_an_officer_cannot_open_a_colleagues_draft(client):
    activity = ActivityFactory(status=Status.DRAFT, created_by=officer(), internal_notes="Catatan rahasia")
    client.force_login(officer())
    page = client.get(change_url(activity), follow=True)
    assert page.redirect_chain == [("/admin/", 302)]  # as for an activity that does not exist
    assert "Catatan rahasia" not in page.text and activity.title not in page.text
    assert edit(client, activity, summary="Diubah").status_code == 302
    activity.refresh_from_db()
    assert activity.summary != "Diubah"


def test_an_officer_edits_a_draft_a_supervisor_created_with_them_among_its_officers(client):
    user = officer()
    activity = ActivityFactory(status=Status.DRAFT, created_by=supervisor(), internal_notes="Dari lapangan")
    activity.officers.add(user)
    client.force_login(user)
    assert "Dari lapangan" in client.get(change_url(activity)).text
    assert edit(client, activity, summary="Dilengkapi petugas", officers=[user.pk]).status_code == 302
    activity.refresh_from_db()
    assert activity.summary == "Dilengkapi petugas"


def test_an_officer_cannot_edit_a_published_activity_they_were_on(client):
    user = officer()
    activity = ActivityFactory(status=Status.PUBLISHED, created_by=supervisor())
    activity.officers.add(user)
    client.force_login(user)
    edit(client, activity, summary="Diubah", officers=[user.pk])
    activity.refresh_from_db()
    assert activity.summary != "Diubah"


def test_an_officer_lists_published_activities_and_their_own_drafts_only(client):
    user = officer()
    ActivityFactory(status=Status.DRAFT, created_by=user, title="Draf saya")
    ActivityFactory(status=Status.PUBLISHED, created_by=officer(), title="Terbit rekan")
    ActivityFactory(status=Status.DRAFT, created_by=officer(), title="Draf rekan")
    ActivityFactory(status=Status.DRAFT, created_by=None, title="Draf tanpa pembuat")
    client.force_login(user)
    page = client.get(CHANGELIST_URL)
    assert "Draf saya" in page.text and "Terbit rekan" in page.text
    assert "Draf rekan" not in page.text and "Draf tanpa pembuat" not in page.text


def test_an_officer_cannot_open_the_photos_of_a_colleagues_draft(client):
    user = officer()
    others = activity_photo(ActivityFactory(status=Status.DRAFT, created_by=officer()))
    own = activity_photo(ActivityFactory(status=Status.DRAFT, created_by=user))
    client.force_login(user)
    assert client.get(others.admin_url()).status_code == 403
    assert client.get(own.admin_url()).status_code == 200


def test_the_export_of_an_officer_leaves_out_a_colleagues_draft(client):
    user = officer()
    ActivityFactory(status=Status.DRAFT, created_by=user, title="Draf saya")
    ActivityFactory(status=Status.DRAFT, created_by=officer(), title="Draf rekan")
    client.force_login(user)
    export = client.get(EXPORT_URL).getvalue().decode()
    assert "Draf saya" in export and "Draf rekan" not in export


def test_an_officer_deletes_only_their_own_draft(client):
    user = officer()
    own = ActivityFactory(status=Status.DRAFT, created_by=user)
    other = ActivityFactory(status=Status.DRAFT, created_by=officer())
    published = ActivityFactory(status=Status.PUBLISHED, created_by=user)
    client.force_login(user)
    assert delete(client, other).status_code == 302  # to the admin index: not theirs to see
    assert delete(client, published).status_code == 403
    assert delete(client, own).status_code == 302
    assert set(Activity.objects.all()) == {other, published}


def test_an_officer_has_no_bulk_delete_nor_publish_action(client):
    user = officer()
    activity = ActivityFactory(status=Status.DRAFT, created_by=user)
    client.force_login(user)
    page = client.get(CHANGELIST_URL)
    assert 'value="delete_selected"' not in page.text
    assert 'value="publish"' not in page.text
    run_action(client, "publish", activity)
    activity.refresh_from_db()
    assert activity.status == Status.DRAFT


def test_an_officer_cannot_add_photos_to_someone_elses_activity(client):
    activity = ActivityFactory(status=Status.PUBLISHED, created_by=officer())
    client.force_login(officer())
    assert 'name="photos-0-image"' not in client.get(change_url(activity)).text


# --- Supervisor -------------------------------------------------------------------------------------


def test_a_supervisor_edits_any_activity(client):
    activity = ActivityFactory(status=Status.PUBLISHED, created_by=officer())
    client.force_login(supervisor())
    assert edit(client, activity, summary="Dikoreksi supervisor").status_code == 302
    activity.refresh_from_db()
    assert activity.summary == "Dikoreksi supervisor"


def test_a_supervisor_opens_and_lists_every_draft(client):
    activity = ActivityFactory(status=Status.DRAFT, created_by=officer(), internal_notes="Catatan petugas")
    client.force_login(supervisor())
    assert "Catatan petugas" in client.get(change_url(activity)).text
    assert activity.title in client.get(CHANGELIST_URL).text


def test_a_supervisor_publishes_and_unpublishes_with_the_actions(client):
    drafts = [ActivityFactory(status=Status.DRAFT), ActivityFactory(status=Status.DRAFT)]
    client.force_login(supervisor())
    assert run_action(client, "publish", *drafts).status_code == 302
    assert Activity.objects.published().count() == 2
    assert all(activity.published_at for activity in Activity.objects.all())
    run_action(client, "unpublish", drafts[0])
    assert Activity.objects.published().count() == 1


def test_a_supervisor_may_bulk_delete(client):
    activity = ActivityFactory(created_by=officer())
    client.force_login(supervisor())
    client.post(CHANGELIST_URL, {"action": "delete_selected", "_selected_action": [activity.pk], "post": "yes"})
    assert not Activity.objects.exists()


# --- Editor konten ----------------------------------------------------------------------------------


def test_a_content_editor_edits_the_public_text_only(client):
    activity = ActivityFactory(status=Status.PUBLISHED, created_by=officer(), male_18_59=12)
    client.force_login(content_editor())
    response = client.post(
        change_url(activity),
        {
            "title": "Judul yang lebih jelas",
            "summary": "Ringkasan yang disunting.",
            "male_18_59": "999",
            "status": "draft",
            "photos-TOTAL_FORMS": "0",
            "photos-INITIAL_FORMS": "0",
            "photos-MIN_NUM_FORMS": "0",
            "photos-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.title, activity.summary) == ("Judul yang lebih jelas", "Ringkasan yang disunting.")
    assert activity.male_18_59 == 12
    assert activity.status == Status.PUBLISHED


def test_a_content_editor_cannot_add_delete_or_publish(client):
    activity = ActivityFactory(status=Status.DRAFT)
    client.force_login(content_editor())
    assert client.get(ADD_URL).status_code == 403
    assert delete(client, activity).status_code == 403
    run_action(client, "publish", activity)
    activity.refresh_from_db()
    assert activity.status == Status.DRAFT


def test_staff_without_a_role_cannot_see_activities(client):
    from tests.factories import StaffFactory

    client.force_login(StaffFactory())
    assert client.get(CHANGELIST_URL).status_code == 403


def test_a_content_editor_edits_photo_captions_but_not_consent(client):
    activity = ActivityFactory(status=Status.PUBLISHED, created_by=officer())
    photo = activity_photo(activity, consent=False, caption="Lama")
    client.force_login(content_editor())
    response = client.post(
        change_url(activity),
        {
            "title": activity.title,
            "summary": activity.summary,
            "photos-TOTAL_FORMS": "1",
            "photos-INITIAL_FORMS": "1",
            "photos-MIN_NUM_FORMS": "0",
            "photos-MAX_NUM_FORMS": "1000",
            "photos-0-id": photo.pk,
            "photos-0-activity": activity.pk,
            "photos-0-caption": "Keterangan baru",
            "photos-0-consent_to_publish": "on",
        },
    )
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.caption == "Keterangan baru"
    assert photo.consent_to_publish is False


def test_an_officer_can_use_the_autocomplete_for_places(client):
    VillageFactory(name="Desa Bakung")
    client.force_login(officer())
    params = {"app_label": "activities", "model_name": "activity", "field_name": "village", "term": ""}
    response = client.get("/admin/autocomplete/", params)
    assert response.status_code == 200
    assert response.json()["results"]


def test_an_officer_cannot_browse_the_staff_user_list(client):
    client.force_login(officer())
    assert client.get("/admin/auth/user/").status_code == 403


def test_an_officer_chooses_fellow_officers_by_full_name(client):
    fellow = officer(first_name="Dewi", last_name="Lestari", username="dewi.l")
    client.force_login(officer())
    response = client.get(ADD_URL)
    field = response.context["adminform"].form.fields["officers"]
    assert (fellow.pk, "Dewi Lestari") in [(choice.value, label) for choice, label in field.choices]
    assert "dewi.l" not in response.text


def test_an_officer_saves_an_activity_with_a_fellow_officer(client):
    fellow = officer(first_name="Dewi", last_name="Lestari")
    me = officer()
    client.force_login(me)
    response = client.post(ADD_URL, activity_form(VillageFactory(), officers=[me.pk, fellow.pk]))
    assert response.status_code == 302
    assert set(Activity.objects.get().officers.all()) == {me, fellow}


def test_the_officers_field_offers_only_active_staff(client):
    from tests.factories import UserFactory

    resident = UserFactory(username="warga", is_staff=False)
    former = officer(username="pensiun", is_active=False)
    client.force_login(supervisor())
    field = client.get(ADD_URL).context["adminform"].form.fields["officers"]
    offered = {choice.value for choice, _label in field.choices}
    assert resident.pk not in offered and former.pk not in offered


def test_the_form_names_the_place_a_kind_needs(client):
    client.force_login(officer())
    response = client.post(ADD_URL, activity_form(VillageFactory(), kind="school_visit"))
    assert response.status_code == 200
    assert "“Kunjungan sekolah” memerlukan tempat ini." in response.text
    assert "Kosongkan untuk “Kunjungan sekolah”." in response.text
    assert not Activity.objects.exists()


def test_the_form_refuses_an_end_before_the_start(client):
    client.force_login(officer())
    response = client.post(ADD_URL, activity_form(VillageFactory(), ends_at_1="08:00"))
    assert "Kegiatan harus selesai setelah dimulai." in response.text
    assert not Activity.objects.exists()


def test_the_officer_filter_lists_officers_by_full_name(client):
    activity = ActivityFactory()
    activity.officers.add(officer(first_name="Dewi", last_name="Lestari", username="dewi.l"))
    client.force_login(supervisor())
    html = client.get(CHANGELIST_URL).text
    assert "Dewi Lestari" in html
    assert "dewi.l" not in html
