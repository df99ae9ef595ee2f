from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from outreach.outbox.models import Email
from outreach.schools.models import VisitRequest
from tests.factories import InstitutionFactory, OfficeProfileFactory, ReadingCornerFactory


def test_a_teacher_requests_a_visit_without_javascript(javascript_off_page, transactional_db):
    page = javascript_off_page
    OfficeProfileFactory()
    InstitutionFactory(name="SMA Negeri 1 Kademangan", kecamatan="kademangan")
    preferred = (timezone.localdate() + timedelta(days=21)).isoformat()

    page.goto("/program/sekolah/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Imigrasi Goes to School and Campus")
    expect(page.get_by_role("rowheader", name="SMA Negeri 1 Kademangan")).to_be_visible()
    page.get_by_role("link", name="Ajukan kunjungan", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Ajukan kunjungan ke sekolah atau kampus")
    page.get_by_label("Nama sekolah atau kampus").fill("SMA Negeri 1 Srengat")
    page.get_by_label("Jenjang").select_option("sma")
    page.get_by_label("Kecamatan").select_option("srengat")
    page.get_by_label("Telepon atau WhatsApp").fill("0812 5555 6666")
    page.get_by_label("Tanggal yang diinginkan").fill(preferred)
    page.get_by_role("textbox", name="Peserta*", exact=True).fill("Siswa kelas XII")
    page.get_by_label("Perkiraan jumlah peserta").fill("180")
    page.get_by_label("Pencegahan tindak pidana perdagangan orang (TPPO)").check()
    page.get_by_role("button", name="Kirim permintaan").click()

    # The contact person was left out: the page says so in Indonesian, next to the field and at the top.
    expect(page.get_by_role("alert")).to_contain_text("Ada masalah")
    expect(page.get_by_role("alert")).to_contain_text("Narahubung")
    expect(page.locator("#div_id_contact_name")).to_contain_text("Bidang ini tidak boleh kosong.")
    expect(page.get_by_label("Nama sekolah atau kampus")).to_have_value("SMA Negeri 1 Srengat")
    assert not VisitRequest.objects.exists()

    page.get_by_label("Narahubung").fill("Wahyu Widodo")
    page.locator("#id_contact_email").fill("bk@sman1srengat.sch.id")
    page.get_by_role("button", name="Kirim permintaan").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Terima kasih: permintaan Anda sudah terkirim")
    expect(page.get_by_role("heading", name="Langkah selanjutnya")).to_be_visible()
    visit_request = VisitRequest.objects.get()
    assert visit_request.contact_name == "Wahyu Widodo"
    assert visit_request.topics == ["tppo"]
    expect(page.locator("#visit-request-reference")).to_have_text(visit_request.reference)
    assert Email.objects.filter(to="bk@sman1srengat.sch.id", sent_at__isnull=True).exists()

    # Later the teacher checks the request with the code and the email address.
    page.get_by_role("link", name="Periksa status permintaan").click()
    page.get_by_label("Kode referensi").fill(visit_request.reference.lower())
    page.get_by_label("Alamat email").fill("bk@sman1srengat.sch.id")
    page.get_by_role("button", name="Tampilkan permintaan saya").click()
    expect(page.locator("#visit-request-status")).to_contain_text("SMA Negeri 1 Srengat")
    expect(page.locator("#visit-request-status")).to_contain_text("Baru")


def test_a_resident_sees_the_reading_corners_on_the_map(page, live_server, transactional_db):
    # Only the live server is reachable: map tiles fail, the markers must still be drawn.
    page.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith(live_server.url) else route.abort()
    )
    ReadingCornerFactory(name="Pojok Baca Kantor Imigrasi Blitar", latitude="-8.098100", longitude="112.168900")
    ReadingCornerFactory(name="Pojok Baca Balai Desa Bakung", latitude="-8.253200", longitude="112.146200")

    page.goto("/pojok-baca/")

    expect(page.locator("#corner-map")).to_be_visible()
    expect(page.locator(".leaflet-marker-icon")).to_have_count(2)
    page.locator(".leaflet-marker-icon[title='Pojok Baca Balai Desa Bakung']").click()
    expect(page.locator(".leaflet-popup")).to_contain_text("Pemerintah Desa Bakung")
    expect(page.get_by_role("heading", name="Pojok Baca Kantor Imigrasi Blitar")).to_be_visible()


def test_the_reading_corner_list_works_without_javascript(javascript_off_page, transactional_db):
    page = javascript_off_page
    ReadingCornerFactory(name="Pojok Baca Balai Desa Bakung")
    page.goto("/pojok-baca/")
    expect(page.locator("#corner-map")).to_be_hidden()
    page.get_by_role("link", name="Pojok Baca Balai Desa Bakung").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Pojok Baca Balai Desa Bakung")
