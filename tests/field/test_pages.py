"""The field app's pages as a plain online form, without JavaScript."""

from datetime import timedelta

import pytest
from django.utils import timezone

from outreach.activities.models import Activity, Status
from outreach.field.models import FieldSubmission
from tests.factories import (
    ActivityFactory,
    ReadingCornerFactory,
    VillageFactory,
    content_editor,
    jpeg_upload,
    officer,
    supervisor,
)
from tests.field.helpers import NEW_URL, entry_data

pytestmark = pytest.mark.django_db

PAGES = ["/petugas/", NEW_URL, "/petugas/kegiatan/", "/petugas/tempat.json"]


@pytest.mark.parametrize("url", PAGES)
def test_anonymous_visitors_are_sent_to_the_staff_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/login/?next={url}"


@pytest.mark.parametrize("url", PAGES)
def test_staff_without_the_officer_role_get_403(client, url):
    client.force_login(content_editor())
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", PAGES)
def test_officers_and_supervisors_get_the_pages(client, url):
    for user in (officer(), supervisor()):
        client.force_login(user)
        assert client.get(url).status_code == 200


def test_the_start_page_lists_the_officers_week_and_not_other_schedules(client):
    budi = officer(username="budi")
    soon = timezone.now() + timedelta(days=2)
    mine = ActivityFactory(title="Sosialisasi di Desa Bakung", starts_at=soon, status=Status.DRAFT)
    mine.officers.add(budi)
    ActivityFactory(title="Kegiatan petugas lain", starts_at=soon)
    later = ActivityFactory(title="Bulan depan", starts_at=timezone.now() + timedelta(days=30))
    later.officers.add(budi)
    client.force_login(budi)
    response = client.get("/petugas/")
    assert "Sosialisasi di Desa Bakung" in response.text
    assert "Kegiatan petugas lain" not in response.text
    assert "Bulan depan" not in response.text
    assert f"/petugas/baru/?dari={mine.pk}" in response.text


def test_the_start_page_offers_no_entry_for_a_published_scheduled_activity(client):
    budi = officer(username="budi")
    published = ActivityFactory(starts_at=timezone.now() + timedelta(days=2), status=Status.PUBLISHED)
    published.officers.add(budi)
    client.force_login(budi)
    response = client.get("/petugas/")
    assert published.title in response.text
    assert f"/petugas/baru/?dari={published.pk}" not in response.text
    assert "sudah diterbitkan dan tidak dapat ditimpa" in response.text


def test_the_form_offers_the_camera_for_photos(client):
    client.force_login(officer())
    response = client.get(NEW_URL)
    assert 'capture="environment"' in response.text
    assert 'name="photos-0-caption"' in response.text
    assert 'name="photos-0-consent_to_publish"' in response.text


def test_the_plain_form_saves_a_draft_with_photos(client):
    village = VillageFactory()
    client.force_login(officer(username="budi"))
    photos = [(jpeg_upload("a.jpg"), "Warga di balai desa", True), (jpeg_upload("b.jpg"), "Tanya jawab", False)]
    response = client.post(NEW_URL, entry_data(village, photos=photos))
    assert response.status_code == 302
    assert response["Location"] == "/petugas/kegiatan/"
    activity = Activity.objects.get()
    assert activity.status == Status.DRAFT
    assert activity.created_by.username == "budi"
    assert [(p.caption, p.consent_to_publish, p.order) for p in activity.photos.all()] == [
        ("Warga di balai desa", True, 0),
        ("Tanya jawab", False, 1),
    ]


def test_the_plain_form_sent_twice_saves_once(client):
    village = VillageFactory()
    client.force_login(officer())
    data = entry_data(village)
    client.post(NEW_URL, data)
    client.post(NEW_URL, data)
    assert Activity.objects.count() == 1


def test_the_plain_form_shows_errors_and_keeps_the_answers(client):
    village = VillageFactory()
    client.force_login(officer())
    response = client.post(NEW_URL, entry_data(village, kind="reading_corner", summary="Catatan yang tetap ada"))
    assert response.status_code == 200
    assert "error-summary" in response.text
    assert "Catatan yang tetap ada" in response.text
    assert Activity.objects.count() == 0


def test_a_scheduled_activity_fills_in_the_form(client):
    budi = officer()
    village = VillageFactory(name="Desa Bakung")
    scheduled = ActivityFactory(title="Imigrasi Masuk Desa Bakung", village=village, topics=["tppo"])
    scheduled.officers.add(budi)
    client.force_login(budi)
    form = client.get(NEW_URL, {"dari": scheduled.pk}).context["form"]
    assert form.initial["title"] == "Imigrasi Masuk Desa Bakung"
    assert form.initial["village"] == village.pk
    assert form.initial["topics"] == ["tppo"]


def test_another_officers_scheduled_activity_is_not_found(client):
    scheduled = ActivityFactory()
    client.force_login(officer())
    assert client.get(NEW_URL, {"dari": scheduled.pk}).status_code == 404


def test_the_plain_form_completes_the_scheduled_activity_it_started_from(client):
    budi = officer()
    scheduled = ActivityFactory(status=Status.DRAFT)
    scheduled.officers.add(budi)
    client.force_login(budi)
    client.post(NEW_URL, entry_data(scheduled.village, scheduled=scheduled.pk))
    submission = FieldSubmission.objects.get()
    assert (submission.activity, submission.scheduled) == (scheduled, scheduled)
    assert Activity.objects.count() == 1


def test_the_plain_form_refuses_a_published_scheduled_activity_with_a_message(client):
    budi = officer()
    scheduled = ActivityFactory(status=Status.PUBLISHED)
    scheduled.officers.add(budi)
    client.force_login(budi)
    response = client.post(NEW_URL, entry_data(scheduled.village, scheduled=scheduled.pk))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert FieldSubmission.objects.count() == 0


def test_officers_see_their_own_entries_and_supervisors_everyones(client):
    budi, sari = officer(username="budi"), officer(username="sari")
    ActivityFactory(title="Entri Budi", created_by=budi, status=Status.DRAFT)
    ActivityFactory(title="Entri Sari", created_by=sari, status=Status.DRAFT)
    client.force_login(budi)
    response = client.get("/petugas/kegiatan/")
    assert "Entri Budi" in response.text
    assert "Entri Sari" not in response.text
    client.force_login(supervisor())
    response = client.get("/petugas/kegiatan/")
    assert "Entri Budi" in response.text and "Entri Sari" in response.text


def test_the_entry_list_runs_the_same_queries_for_one_and_many(client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    budi = officer()
    client.force_login(budi)
    ActivityFactory(created_by=budi)

    def count():
        with CaptureQueriesContext(connection) as context:
            client.get("/petugas/kegiatan/")
        return len(context.captured_queries)

    one = count()
    for _ in range(4):
        ActivityFactory(created_by=budi)
    assert count() == one


def test_the_place_list_has_villages_schools_and_active_reading_corners(client):
    VillageFactory(name="Desa Bakung")
    ReadingCornerFactory(name="Pojok Baca Aktif")
    ReadingCornerFactory(name="Pojok Baca Tutup", status="closed")
    client.force_login(officer())
    places = client.get("/petugas/tempat.json").json()
    assert [row["name"] for row in places["village"]] == ["Desa Bakung"]
    assert [row["name"] for row in places["reading_corner"]] == ["Pojok Baca Aktif"]
    assert places["institution"] == []


def test_the_service_worker_is_served_from_the_app_and_caches_no_admin_page(client):
    response = client.get("/petugas/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert "/admin/" not in response.text
    assert "/petugas/kegiatan/" not in response.text  # the entry list is never kept on the phone


def test_the_manifest_names_the_app_and_its_scope(client):
    manifest = client.get("/petugas/manifest.webmanifest").json()
    assert manifest["scope"] == manifest["start_url"] == "/petugas/"
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}


def test_the_start_page_carries_what_the_schedule_knows_for_the_form_offline(client):
    budi = officer()
    scheduled = ActivityFactory(
        title="Sosialisasi di Desa Bakung", starts_at=timezone.now() + timedelta(days=1), status=Status.DRAFT
    )
    scheduled.officers.add(budi)
    client.force_login(budi)
    link = client.get("/petugas/").text.split('data-prefill="')[1].split('"')[0]
    assert "Sosialisasi di Desa Bakung" in link
    assert f"[&quot;scheduled&quot;, &quot;{scheduled.pk}&quot;]" in link
