"""A resident on a cheap phone with JavaScript off searches from the header, reads a service card, checks a job
offer and reports it with the answers already filled in."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from outreach.reports.models import Report
from tests.factories import OfficeProfileFactory

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def phone_without_javascript(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="id-ID", java_script_enabled=False, viewport=PHONE)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def test_a_resident_searches_reads_a_card_checks_an_offer_and_reports_it(
    phone_without_javascript, transactional_db, settings
):
    settings.REPORT_MIN_FILL_SECONDS = 0  # Playwright types faster than any person
    settings.REPORT_NOTIFY_EMAILS = ["piket@example.go.id"]
    page = phone_without_javascript
    OfficeProfileFactory()
    call_command("seed_information")

    page.goto("/")
    # On a phone the header is one row: the brand, the language, the menu and the red report button.
    header = page.locator(".header-row")
    assert header.bounding_box()["height"] < 80
    report_button = page.locator(".site-header .nav-report")
    expect(report_button).to_be_visible()
    assert report_button.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(176, 42, 55)"
    expect(page.locator("#header-search")).to_be_hidden()

    page.locator(".site-menu > summary").click()  # <details> opens without JavaScript
    page.locator("#menu-search").fill("paspor")
    page.locator(".site-menu-panel").get_by_role("button", name="Cari").click()

    expect(page).to_have_url(re.compile(r"/cari/\?q=paspor$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Cari di portal")
    page.get_by_role("link", name="Membuat paspor lewat aplikasi M-Paspor").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Membuat paspor lewat aplikasi M-Paspor")
    expect(page.get_by_role("heading", name="Persyaratan")).to_be_visible()
    expect(page.get_by_role("heading", name="Biaya")).to_be_visible()
    expect(page.get_by_text("periksa sumber resmi", exact=False).first).to_be_visible()
    expect(page.get_by_role("heading", name="Sumber")).to_be_visible()
    expect(page.get_by_text("Terakhir ditinjau pada")).to_be_visible()

    page.goto("/")
    page.get_by_role("link", name="Amankah tawaran kerja ini? Cek di sini").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Amankah tawaran kerja ini?")
    page.get_by_label("Perekrut menahan paspor, KTP, atau dokumen Anda yang lain.").check()
    page.get_by_label("Anda dijanjikan berangkat dalam beberapa minggu.").check()
    page.get_by_role("button", name="Lihat risikonya").click()

    expect(page.locator("#result")).to_contain_text("Hasil: Risiko tinggi")
    page.get_by_role("link", name="Laporkan tawaran ini").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Lapor ke kantor imigrasi")
    expect(page.get_by_role("radio", name=re.compile("Perekrutan pekerja migran nonprosedural"))).to_be_checked()
    description = page.get_by_label("Apa yang terjadi?")
    expect(description).to_have_value(re.compile("Risiko tinggi"))
    description.fill(description.input_value() + "\nSeorang calo di desa menawarkan kerja di pabrik di Malaysia.")
    expect(page.get_by_role("radio", name="Anonim")).to_be_checked()
    page.get_by_role("button", name="Lanjut: periksa jawaban Anda").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Periksa jawaban Anda")
    page.get_by_role("button", name="Kirim laporan").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Laporan Anda sudah terkirim")
    report = Report.objects.get(reference=page.locator("#report-reference").inner_text())
    assert report.category == "recruitment"
    assert "Perekrut menahan paspor" in report.description
    assert "calo di desa" in report.description
