"""A resident reports with JavaScript off, keeps the code and PIN, and later reads the officer's answer."""

import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from outreach.reports.models import Report, Status
from tests.factories import OfficeProfileFactory, StaffFactory


@pytest.fixture
def report_settings(settings):
    settings.REPORT_NOTIFY_EMAILS = ["piket@example.go.id"]
    return settings


def test_a_resident_reports_without_javascript_and_reads_the_answer(
    javascript_off_page, transactional_db, report_settings, tmp_path
):
    page = javascript_off_page
    OfficeProfileFactory()
    photo = tmp_path / "rumah.jpg"
    Image.new("RGB", (640, 480), (90, 120, 200)).save(photo, format="JPEG")

    page.goto("/lapor/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Lapor ke kantor imigrasi")
    expect(page.get_by_text("Foto dapat mengungkap siapa yang mengambilnya.")).to_be_visible()
    page.get_by_role("radio", name="Dugaan tindak pidana perdagangan orang (TPPO)").check()
    page.get_by_label("Apa yang terjadi?").fill("Beberapa perempuan muda dijanjikan kerja di luar negeri oleh calo.")
    page.get_by_label("Kecamatan").select_option("sananwetan")
    page.get_by_label("Desa / kelurahan").fill("Bendogerit")
    page.get_by_label("Foto (paling banyak 3)").set_input_files(photo)
    expect(page.get_by_role("radio", name="Anonim")).to_be_checked()
    page.get_by_role("button", name="Lanjut: periksa jawaban Anda").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Periksa jawaban Anda")
    expect(page.get_by_text("1 foto")).to_be_visible()
    page.get_by_role("link", name="Ubah apa yang terjadi").click()
    expect(page.get_by_label("Apa yang terjadi?")).to_have_value(re.compile("dijanjikan kerja"))
    page.get_by_label("Apa yang terjadi?").fill("Tiga perempuan muda dijanjikan kerja di luar negeri oleh calo.")
    page.get_by_role("button", name="Lanjut: periksa jawaban Anda").click()
    expect(page.get_by_text("Tiga perempuan muda")).to_be_visible()
    page.get_by_role("button", name="Kirim laporan").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Laporan Anda sudah terkirim")
    reference = page.locator("#report-reference").inner_text()
    pin = page.locator("#report-pin").inner_text()
    assert re.fullmatch(r"LPR-[2-9A-Z]{4}-[2-9A-Z]{4}", reference)
    assert re.fullmatch(r"\d{6}", pin)
    assert pin not in page.url
    report = Report.objects.get(reference=reference)
    assert report.photos.count() == 1
    assert report.priority == "urgent"

    page.reload()  # the PIN was shown once: a reload (or the next person on a shared phone) does not see it
    expect(page.locator("#report-pin")).to_have_count(0)
    expect(page.get_by_text(reference)).to_be_visible()

    report.transition(
        Status.VERIFIED, by=StaffFactory(), public_message="Terima kasih. Laporan Anda sedang kami tindak lanjuti."
    )

    page.goto("/lapor/cek/")
    page.get_by_label("Kode laporan").fill(reference)
    page.get_by_label("PIN").fill(pin)
    page.get_by_role("button", name="Tampilkan laporan saya").click()
    expect(page.get_by_text("Terima kasih. Laporan Anda sedang kami tindak lanjuti.")).to_be_visible()
    expect(page.locator("#report-status")).to_have_text("Diverifikasi")
    assert pin not in page.url


def test_on_a_shared_phone_the_resident_deletes_the_draft(
    javascript_off_page, transactional_db, report_settings, tmp_path, settings
):
    page = javascript_off_page
    OfficeProfileFactory()
    photo = tmp_path / "rumah.jpg"
    Image.new("RGB", (320, 240), (90, 120, 200)).save(photo, format="JPEG")

    page.goto("/lapor/")
    page.get_by_role("radio", name="Orang asing melebihi izin tinggal (overstay)").check()
    page.get_by_label("Apa yang terjadi?").fill(
        "Seorang warga asing tinggal di rumah kos dekat pasar sejak tahun lalu."
    )
    page.get_by_label("Foto (paling banyak 3)").set_input_files(photo)
    page.get_by_role("button", name="Lanjut: periksa jawaban Anda").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Periksa jawaban Anda")

    page.get_by_role("button", name="Hapus draf saya").click()
    expect(page.get_by_text("Draf Anda sudah dihapus")).to_be_visible()
    expect(page.get_by_label("Apa yang terjadi?")).to_have_value("")
    assert not list((settings.PRIVATE_MEDIA_ROOT / "report-drafts").glob("*/*"))
    page.goto("/lapor/periksa/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Lapor ke kantor imigrasi")
    assert not Report.objects.exists()


def large_phone_photo(path):
    """A 3000 × 2000 camera photo of a few MB, larger than both the phone's (1600 px) and the server's cap."""
    Image.effect_noise((3000, 2000), 40).convert("RGB").save(path, format="JPEG", quality=92)
    return path


def report_with_photo(page, photo):
    page.goto("/lapor/")
    page.get_by_role("radio", name="Lainnya").check()
    page.get_by_label("Apa yang terjadi?").fill("Seorang warga asing bekerja di bengkel tanpa izin sejak bulan lalu.")
    page.get_by_label("Foto (paling banyak 3)").set_input_files(photo)
    page.get_by_role("button", name="Lanjut: periksa jawaban Anda").click()
    expect(page.get_by_text("1 foto")).to_be_visible()
    page.get_by_role("button", name="Kirim laporan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Laporan Anda sudah terkirim")
    report = Report.objects.get(reference=page.locator("#report-reference").inner_text())
    with report.photos.get().image.open("rb") as stored:
        return Image.open(stored).size


def test_a_large_photo_is_resized_on_the_phone_before_it_is_sent(page, transactional_db, report_settings, tmp_path):
    OfficeProfileFactory()
    photo = large_phone_photo(tmp_path / "kamera.jpg")
    with page.expect_request(lambda request: request.method == "POST" and request.url.endswith("/lapor/")) as sent:
        size = report_with_photo(page, photo)
    assert size == (1600, 1067)
    assert int(sent.value.header_value("content-length")) < photo.stat().st_size / 2


def test_without_javascript_the_large_photo_is_sent_whole_and_shrunk_by_the_server(
    javascript_off_page, transactional_db, report_settings, tmp_path
):
    OfficeProfileFactory()
    assert report_with_photo(javascript_off_page, large_phone_photo(tmp_path / "kamera.jpg")) == (2000, 1333)
