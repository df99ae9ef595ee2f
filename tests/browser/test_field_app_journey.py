"""An officer logs two village visits on a phone without signal; they arrive once each when it returns."""

import re
from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from outreach.activities.models import Activity, Status
from outreach.field.models import FieldSubmission
from tests.factories import ActivityFactory, VillageFactory, officer

SYNC = "**/petugas/kirim/"


@pytest.fixture
def officer_role(transactional_db):
    """The live server needs committed rows; the roles come back after every flush (post_migrate sync)."""


def photo_file(tmp_path, name, color, size=(2400, 1800)):
    path = tmp_path / name
    Image.new("RGB", size, color).save(path, format="JPEG")
    return path


def log_in(page):
    page.goto("/petugas/")
    page.fill("#id_username", "budi")
    page.fill("#id_password", "password")
    page.locator("input[type=submit]").click()


def log_visit(page, tmp_path, *, village, title, men, women, photo_name):
    page.goto("/petugas/baru/")
    expect(page.locator("body[data-ready='1']")).to_have_count(1)
    page.select_option("#id_kind", label="Kunjungan Imigrasi Masuk Desa")
    page.select_option("#id_village", label=village)
    page.fill("#id_title", title)
    page.fill("#id_date", "2026-11-20")
    page.fill("#id_starts_at", "09:00")
    page.fill("#id_ends_at", "11:00")
    page.fill("#id_male_18_59", str(men))
    page.fill("#id_female_18_59", str(women))
    expect(page.locator("#attendance-total")).to_have_text(str(men + women))
    page.set_input_files("#id_photos-0-image", photo_file(tmp_path, photo_name, (40, 110, 170)))
    page.fill("#id_photos-0-caption", f"Foto {title}")
    page.check("#id_photos-0-consent_to_publish")
    expect(page.locator(".photo-card .photo-preview").first).to_be_visible()  # resized on the phone
    page.get_by_role("button", name="Simpan sebagai draf").click()
    expect(page).to_have_url(re.compile(r"/petugas/$"))


def queued(page):
    return page.locator("#queue-list .queued-entry")


def opened(page):
    """The page has rendered the queue and made its first sending attempt (the list starts out empty)."""
    expect(page.locator("body[data-ready='1']")).to_have_count(1)


def test_an_officer_logs_visits_offline_and_they_arrive_once_each(phone, live_server, officer_role, tmp_path):
    bakung_village = VillageFactory(name="Desa Bakung")
    VillageFactory(name="Desa Sumberjo")
    officer(username="budi", first_name="Budi", last_name="Santoso")
    page = phone.new_page()

    # Log-in through the staff log-in, back to the app.
    log_in(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Budi")
    expect(page.locator("body[data-offline-ready='1']")).to_have_count(1)

    # No signal in the village hall: two visits with photos.
    phone.set_offline(True)
    log_visit(page, tmp_path, village="Desa Bakung", title="IMD Desa Bakung", men=20, women=25, photo_name="a.jpg")
    log_visit(page, tmp_path, village="Desa Sumberjo", title="IMD Desa Sumberjo", men=8, women=9, photo_name="b.jpg")
    expect(queued(page)).to_have_count(2)

    # The app opened again without signal still shows both.
    page.reload()
    expect(queued(page)).to_have_count(2)
    expect(queued(page).first).to_contain_text("Menunggu dikirim")

    # The officer corrects the first one.
    queued(page).first.get_by_role("link", name="Buka dan perbaiki").click()
    expect(page.locator("#id_title")).to_have_value("IMD Desa Bakung")
    expect(page.locator("#id_village")).to_have_value(str(bakung_village.pk))
    expect(page.locator(".photo-card .photo-preview").first).to_be_visible()
    page.fill("#id_male_18_59", "31")
    page.get_by_role("button", name="Simpan sebagai draf").click()
    expect(queued(page)).to_have_count(2)
    assert Activity.objects.count() == 0

    # The signal returns, but the answer to the first entry is lost on the way back.
    lost = []

    def lose_first_answer(route):
        if not lost:
            lost.append(route.fetch())  # the server received and stored it
            route.abort()
        else:
            route.continue_()

    phone.route(SYNC, lose_first_answer)
    phone.set_offline(False)
    for _ in range(100):
        if lost:
            break
        page.wait_for_timeout(100)
    page.wait_for_function("() => document.getElementById('sync-status').textContent === ''")
    assert len(lost) == 1 and lost[0].status == 201  # stored on the server, unknown to the phone
    expect(queued(page)).to_have_count(2)  # sending stopped at the lost answer; nothing was dropped
    assert Activity.objects.count() == 1
    page.reload()  # the app opened online sends what still waits, the first entry again
    opened(page)
    expect(queued(page)).to_have_count(0)

    activities = {activity.title: activity for activity in Activity.objects.all()}
    assert set(activities) == {"IMD Desa Bakung", "IMD Desa Sumberjo"}
    bakung, sumberjo = activities["IMD Desa Bakung"], activities["IMD Desa Sumberjo"]
    assert {bakung.status, sumberjo.status} == {Status.DRAFT}
    assert (bakung.male_18_59, bakung.female_18_59, bakung.attendance_total) == (31, 25, 56)
    assert sumberjo.attendance_total == 17
    for activity in (bakung, sumberjo):
        photo = activity.photos.get()
        assert photo.caption == f"Foto {activity.title}" and photo.consent_to_publish
        assert max(photo.width, photo.height) == 1600  # resized on the phone before it was stored
    phone.unroute(SYNC)


def test_log_out_warns_and_clears_the_queue(phone, live_server, officer_role, tmp_path):
    VillageFactory(name="Desa Bakung")
    officer(username="budi", first_name="Budi")
    page = phone.new_page()
    log_in(page)
    expect(page.locator("body[data-offline-ready='1']")).to_have_count(1)

    phone.route(SYNC, lambda route: route.abort())  # nothing gets through
    log_visit(page, tmp_path, village="Desa Bakung", title="IMD Desa Bakung", men=5, women=5, photo_name="a.jpg")
    expect(queued(page)).to_have_count(1)

    # The first time the officer changes their mind; the second time the queue goes.
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.message)
        dialog.accept() if len(dialogs) > 1 else dialog.dismiss()

    page.on("dialog", answer)
    page.get_by_role("button", name="Keluar").click()
    expect(queued(page)).to_have_count(1)
    page.get_by_role("button", name="Keluar").click()
    expect(page).to_have_url(f"{live_server.url}/admin/login/?next=/petugas/")
    assert len(dialogs) == 2 and "menunggu" in dialogs[0]
    left = page.evaluate(
        """() => new Promise((resolve) => {
            const opening = indexedDB.open("field-app", 1);
            opening.onsuccess = () => {
                const count = opening.result.transaction("entries").objectStore("entries").count();
                count.onsuccess = () => resolve(count.result);
            };
        })"""
    )
    assert left == 0
    assert not [path for path in cached_paths(page) if path.startswith(("/petugas/", "/admin/"))]
    assert Activity.objects.count() == 0


def test_without_javascript_the_form_saves_a_draft_online(javascript_off_page, officer_role, tmp_path):
    VillageFactory(name="Desa Bakung")
    officer(username="budi", first_name="Budi")
    page = javascript_off_page
    log_in(page)
    page.get_by_role("link", name="Catat kegiatan baru").click()
    page.select_option("#id_kind", label="Kunjungan Imigrasi Masuk Desa")
    page.select_option("#id_village", label="Desa Bakung")
    page.fill("#id_title", "IMD Desa Bakung")
    page.fill("#id_date", "2026-11-20")
    page.fill("#id_starts_at", "09:00")
    page.fill("#id_ends_at", "08:00")  # before it starts: the model's rule answers
    page.fill("#id_female_18_59", "12")
    page.set_input_files("#id_photos-0-image", photo_file(tmp_path, "a.jpg", (40, 110, 170)))
    page.fill("#id_photos-0-caption", "Warga di balai desa")
    page.get_by_role("button", name="Simpan sebagai draf").click()
    expect(page.locator("#error-summary")).to_contain_text("Kegiatan harus selesai setelah dimulai.")
    assert Activity.objects.count() == 0

    page.fill("#id_ends_at", "11:00")
    page.set_input_files("#id_photos-0-image", photo_file(tmp_path, "a.jpg", (40, 110, 170)))  # files are not kept
    page.get_by_role("button", name="Simpan sebagai draf").click()
    expect(page.locator(".messages")).to_contain_text("“IMD Desa Bakung” disimpan sebagai draf.")
    activity = Activity.objects.get()
    assert (activity.status, activity.female_18_59, activity.photos.count()) == (Status.DRAFT, 12, 1)
    expect(page.locator("main")).to_contain_text("IMD Desa Bakung")


def test_an_entry_the_server_refuses_stays_on_the_phone_with_its_message(phone, officer_role, tmp_path):
    village = VillageFactory(name="Desa Bakung")
    VillageFactory(name="Desa Sumberjo")
    officer(username="budi", first_name="Budi")
    page = phone.new_page()
    log_in(page)
    expect(page.locator("body[data-offline-ready='1']")).to_have_count(1)
    phone.set_offline(True)
    log_visit(page, tmp_path, village="Desa Bakung", title="IMD Desa Bakung", men=5, women=5, photo_name="a.jpg")
    village.delete()  # removed from the place list while the phone had no signal

    phone.set_offline(False)
    expect(queued(page).locator(".entry-message")).to_have_text("Mohon perbaiki entri ini.")
    expect(queued(page)).to_contain_text("Tidak diterima, mohon perbaiki")
    assert Activity.objects.count() == 0

    queued(page).get_by_role("link", name="Buka dan perbaiki").click()
    expect(page.locator("#queued-entry-note")).to_contain_text("Desa")
    page.select_option("#id_village", label="Desa Sumberjo")
    page.get_by_role("button", name="Simpan sebagai draf").click()
    expect(page).to_have_url(re.compile(r"/petugas/$"))
    opened(page)
    expect(queued(page)).to_have_count(0)
    assert Activity.objects.get().village.name == "Desa Sumberjo"


def test_an_expired_session_asks_to_log_in_again_and_keeps_the_queue(phone, officer_role, tmp_path):
    from django.contrib.sessions.models import Session

    VillageFactory(name="Desa Bakung")
    officer(username="budi", first_name="Budi")
    page = phone.new_page()
    log_in(page)
    expect(page.locator("body[data-offline-ready='1']")).to_have_count(1)
    phone.set_offline(True)
    log_visit(page, tmp_path, village="Desa Bakung", title="IMD Desa Bakung", men=5, women=5, photo_name="a.jpg")
    Session.objects.all().delete()

    phone.set_offline(False)
    expect(page.locator("#login-again")).to_be_visible()
    expect(queued(page)).to_have_count(1)
    assert Activity.objects.count() == 0

    page.locator("#login-again").get_by_role("link", name="Masuk kembali").click()
    page.fill("#id_username", "budi")
    page.fill("#id_password", "password")
    page.locator("input[type=submit]").click()
    expect(page.locator("body[data-ready='1']")).to_have_count(1)
    expect(queued(page)).to_have_count(0)
    assert Activity.objects.get().title == "IMD Desa Bakung"


def cached_paths(page):
    return page.evaluate(
        """async () => {
            const paths = [];
            for (const key of await caches.keys()) {
                for (const request of await (await caches.open(key)).keys()) paths.push(new URL(request.url).pathname);
            }
            return paths;
        }"""
    )


def test_the_phone_keeps_only_the_app_shell_and_the_place_list(phone, officer_role):
    VillageFactory(name="Desa Bakung")
    officer(username="budi", first_name="Budi")
    page = phone.new_page()
    log_in(page)
    expect(page.locator("body[data-offline-ready='1']")).to_have_count(1)
    page.goto("/petugas/kegiatan/")
    page.goto("/admin/")
    page.goto("/petugas/")
    expect(page.locator("body[data-offline-ready='1']")).to_have_count(1)
    kept = cached_paths(page)
    assert {"/petugas/", "/petugas/baru/", "/petugas/tempat.json"} <= set(kept)
    assert not [path for path in kept if not path.startswith(("/static/", "/petugas/"))]
    assert not [path for path in kept if path.startswith(("/petugas/kegiatan/", "/petugas/kirim/"))]


def tomorrow_at(hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=1), time(hour, minute)))


def scheduled_for(officer_user, **fields) -> Activity:
    """A draft at Desa Bakung planned for ``officer_user``."""
    activity = ActivityFactory(village=VillageFactory(name="Desa Bakung"), status=Status.DRAFT, **fields)
    activity.officers.add(officer_user)
    return activity


def opened_from_the_schedule_without_signal(phone):
    """The officer logs in, the phone loses its signal, and the scheduled visit's form is opened from the copy."""
    page = phone.new_page()
    log_in(page)
    expect(page.locator("body[data-offline-ready='1']")).to_have_count(1)
    phone.set_offline(True)
    page.get_by_role("link", name="Catat kegiatan ini").click()
    expect(page.locator("body[data-ready='1']")).to_have_count(1)
    return page


def test_a_scheduled_activity_fills_the_form_without_signal(phone, officer_role, tmp_path):
    budi = officer(username="budi", first_name="Budi")
    scheduled = scheduled_for(budi, title="Imigrasi Masuk Desa Bakung", starts_at=tomorrow_at(10), topics=["tppo"])
    page = opened_from_the_schedule_without_signal(phone)
    expect(page.locator("#id_title")).to_have_value("Imigrasi Masuk Desa Bakung")
    expect(page.locator("#id_village")).to_have_value(str(scheduled.village_id))
    expect(page.locator("input[name=topics][value=tppo]")).to_be_checked()
    page.fill("#id_female_18_59", "14")
    page.get_by_role("button", name="Simpan sebagai draf").click()
    expect(queued(page)).to_have_count(1)

    phone.set_offline(False)
    expect(queued(page)).to_have_count(0)
    submission = FieldSubmission.objects.get()
    assert submission.activity == submission.scheduled == scheduled  # completed in place, no second activity
    assert Activity.objects.count() == 1
    assert (submission.activity.title, submission.activity.female_18_59) == ("Imigrasi Masuk Desa Bakung", 14)
    assert submission.activity.status == Status.DRAFT


def test_a_scheduled_visit_past_midnight_fills_the_form_with_its_planned_end(phone, officer_role):
    budi = officer(username="budi", first_name="Budi")
    starts = tomorrow_at(22, 30)
    scheduled = scheduled_for(
        budi, title="Malam budaya Desa Bakung", starts_at=starts, ends_at=starts + timedelta(hours=2)
    )
    page = opened_from_the_schedule_without_signal(phone)
    expect(page.locator("#id_starts_at")).to_have_value("22:30")
    expect(page.locator("#id_ends_at")).to_have_value("00:30")
    expect(page.locator("#id_ends_next_day")).to_be_checked()
    page.get_by_role("button", name="Simpan sebagai draf").click()
    expect(queued(page)).to_have_count(1)

    phone.set_offline(False)
    expect(queued(page)).to_have_count(0)
    activity = FieldSubmission.objects.get().activity
    assert (activity.pk, activity.starts_at, activity.ends_at) == (scheduled.pk, starts, starts + timedelta(hours=2))
