from playwright.sync_api import expect

from outreach.reports.models import Report, ReportEvent, Status
from tests.factories import ReportFactory, officer

PUBLIC_MESSAGE = "Petugas kami sedang menindaklanjuti laporan Anda di lapangan."


def change_status(page, to, **fields):
    """In the change page's one form, with "Save and continue editing"."""
    form = page.locator("#report_form")
    form.locator("select[name=new_status]").select_option(to)
    for name, value in fields.items():
        form.locator(f"[name={name}]").fill(value)
    form.locator("input[name=_continue]").click()


def test_an_officer_verifies_a_report_and_the_reporter_reads_the_message(page, browser, live_server, transactional_db):
    agus = officer(username="agus", first_name="Agus", last_name="Prasetyo")
    report = ReportFactory(description="Seorang WNA tinggal di rumah kos sejak lebih dari setahun.")

    page.goto("/admin/")
    page.fill("#id_username", "agus")
    page.fill("#id_password", "password")
    page.locator("#login-form input[type=submit]").click()
    expect(page.locator("#site-name")).to_be_visible()

    page.goto("/admin/reports/report/")
    page.get_by_role("link", name=report.reference).click()
    expect(page.locator(".field-description")).to_contain_text("Seorang WNA tinggal di rumah kos")
    expect(page.locator("select[name=new_status]")).to_be_visible()

    change_status(page, Status.VERIFIED, internal_note="Alamat sesuai, pemilik kos dihubungi.")
    expect(page.locator(".messagelist .success").first).to_contain_text(report.reference)

    change_status(page, Status.IN_PROGRESS, public_message=PUBLIC_MESSAGE)
    expect(page.locator(".messagelist .success").first).to_contain_text(report.reference)
    expect(page.locator("#history ~ table")).to_contain_text(PUBLIC_MESSAGE)

    report = Report.objects.get(pk=report.pk)
    assert report.status == Status.IN_PROGRESS
    event = ReportEvent.objects.get(report=report, public_message=PUBLIC_MESSAGE)
    assert (event.actor, event.from_status, event.to_status) == (agus, Status.VERIFIED, Status.IN_PROGRESS)

    # The reporter, on their own phone, reads the message with their code and PIN (not the internal note).
    reporter = browser.new_context(base_url=live_server.url, locale="id-ID", java_script_enabled=False).new_page()
    reporter.goto("/lapor/cek/")
    reporter.get_by_label("Kode laporan").fill(report.reference)
    reporter.get_by_label("PIN").fill("123456")
    reporter.get_by_role("button", name="Tampilkan laporan saya").click()
    expect(reporter.get_by_text(PUBLIC_MESSAGE)).to_be_visible()
    expect(reporter.locator("#report-status")).to_have_text("Ditindaklanjuti")
    expect(reporter.locator("main")).not_to_contain_text("pemilik kos dihubungi")
    expect(reporter.locator("main")).not_to_contain_text("Agus")
    reporter.context.close()
