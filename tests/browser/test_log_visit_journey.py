"""An officer logs a village visit with two photos from a phone and publishes it; a resident finds it."""

from datetime import timedelta
from urllib.parse import urlparse

from django.conf import settings
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from outreach.activities.models import Activity, Status
from tests.factories import OfficeProfileFactory, VillageFactory, app_code, authenticator_app, supervisor


def photo_file(tmp_path, name, color):
    path = tmp_path / name
    Image.new("RGB", (1400, 1050), color).save(path, format="JPEG")
    return path


def test_a_supervisor_logs_a_visit_with_photos_and_a_resident_finds_it(page, browser, live_server, tmp_path):
    OfficeProfileFactory()
    VillageFactory(name="Desa Bakung", slug="bakung", kecamatan="bakung", desa_binaan=True)
    app = authenticator_app(supervisor(username="supervisor", first_name="Rina", last_name="Kusumawati"))
    visit_day = timezone.localdate() - timedelta(days=3)

    # The supervisor logs in on a phone.
    page.goto("/admin/login/")
    page.fill("#id_username", "supervisor")
    page.fill("#id_password", "password")
    page.locator("input[type=submit]").click()
    page.get_by_label("Kode").fill(app_code(app))  # the second factor every supervisor has
    page.get_by_role("button", name="Konfirmasi").click()
    expect(page.locator("#content")).to_be_visible()

    page.goto("/admin/activities/activity/add/")
    page.select_option("#id_kind", label="Kunjungan Imigrasi Masuk Desa")
    expect(page.locator(".field-institution")).to_be_hidden()  # only the place this kind needs
    expect(page.locator(".field-reading_corner")).to_be_hidden()
    page.fill("#id_title", "Imigrasi Masuk Desa di Desa Bakung")
    page.fill("#id_starts_at_0", visit_day.isoformat())
    page.fill("#id_starts_at_1", "09:00")
    page.fill("#id_ends_at_0", visit_day.isoformat())
    page.fill("#id_ends_at_1", "11:30")

    # The village through the autocomplete.
    page.locator(".field-village .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill("Bakung")
    page.locator(".select2-results__option", has_text="Desa Bakung").click()
    expect(page.locator("#select2-id_village-container")).to_have_attribute("title", "Desa Bakung")

    page.fill(
        "#id_summary", "Warga Desa Bakung belajar membuat paspor lewat M-Paspor dan mengenali tawaran kerja ilegal."
    )
    page.fill("#id_male_18_59", "31")
    page.fill("#id_female_18_59", "42")
    page.fill("#id_female_60_plus", "6")

    # Two photos, with the consent of the people in them.
    page.set_input_files("#id_photos-0-image", photo_file(tmp_path, "balai-desa.jpg", (40, 110, 170)))
    page.fill("#id_photos-0-caption", "Warga berkumpul di balai desa")
    page.check("#id_photos-0-consent_to_publish")
    page.locator("#photos-group .add-row a").click()
    page.set_input_files("#id_photos-1-image", photo_file(tmp_path, "tanya-jawab.jpg", (170, 80, 40)))
    page.fill("#id_photos-1-caption", "Sesi tanya jawab tentang paspor")
    page.check("#id_photos-1-consent_to_publish")
    page.locator("input[name=_save]").click()

    expect(page.locator(".messagelist")).to_contain_text("Imigrasi Masuk Desa di Desa Bakung")
    activity = Activity.objects.get()
    assert activity.status == Status.DRAFT
    assert activity.attendance_total == 79
    assert activity.photos.count() == 2

    # Published with the action of the change list.
    page.check(f"input[name=_selected_action][value='{activity.pk}']")
    page.select_option("select[name=action]", "publish")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist")).to_contain_text("1 kegiatan diterbitkan")

    # A resident, in a browser of their own, finds it and sees the photos.
    resident = browser.new_context(base_url=live_server.url, locale="id-ID").new_page()
    resident.goto("/kegiatan/")
    resident.get_by_role("link", name="Imigrasi Masuk Desa di Desa Bakung").click()
    expect(resident.get_by_role("heading", level=1)).to_have_text("Imigrasi Masuk Desa di Desa Bakung")
    expect(resident.locator("main")).to_contain_text("Desa Bakung")
    gallery = resident.locator(".activity-gallery img[srcset]")
    expect(gallery).to_have_count(2)
    expect(gallery.first).to_have_attribute("alt", "Foto 1 dari “Imigrasi Masuk Desa di Desa Bakung”, ukuran penuh")
    expect(resident.locator(".activity-gallery figcaption").first).to_have_text("Warga berkumpul di balai desa")
    expect(gallery.first).to_have_attribute("loading", "lazy")
    srcset = gallery.first.get_attribute("srcset")
    assert "320w" in srcset and "640w" in srcset and "1024w" in srcset
    # Every rendition exists in MEDIA_ROOT (the test server does not serve media).
    for entry in srcset.split(", "):
        path = urlparse(entry.split(" ")[0]).path.removeprefix(settings.MEDIA_URL)
        assert (settings.MEDIA_ROOT / path).is_file(), path

    # The village's own page shows the visit with its thumbnail.
    resident.goto("/program/desa-binaan/bakung/")
    visits = resident.locator("section[aria-labelledby=village-activities]")
    expect(visits.get_by_role("link", name="Imigrasi Masuk Desa di Desa Bakung")).to_be_visible()
    thumbnail = visits.locator("img[srcset]")
    expect(thumbnail).to_have_count(1)
    expect(thumbnail).to_have_attribute("alt", "Warga berkumpul di balai desa")
    resident.context.close()
