"""Every main page works under the Content Security Policy: the browser reports no violation."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.factories import (
    ActivityFactory,
    ReadingCornerFactory,
    ReportFactory,
    VillageFactory,
    app_code,
    authenticator_app,
)

# Listens from before the first script of each page; Chromium fires this event for every blocked resource.
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def watched_page(page, live_server):
    """A page that records CSP violations (events and console messages); tiles from the internet are cut off."""
    page.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith(live_server.url) else route.abort()
    )
    page.add_init_script(COLLECT_VIOLATIONS)
    page.console_messages_seen = []
    page.on(
        "console",
        lambda message: (
            page.console_messages_seen.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return page


def violations(page):
    return page.evaluate("window.__cspViolations") + page.console_messages_seen


def visit(page, path):
    response = page.goto(path)
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("load")
    return response


PUBLIC_PATHS = [
    "/",
    "/en/",
    "/program/desa-binaan/",
    "/program/sekolah/",
    "/program/sekolah/minta-kunjungan/",
    "/pojok-baca/",
    "/kegiatan/",
    "/jadwal/",
    "/lapor/",
    "/lapor/cek/",
    "/en/lapor/",
    "/tidak-ada/",
]


def test_public_pages_load_without_a_policy_violation(watched_page, transactional_db):
    village = VillageFactory(name="Bakung")
    activity = ActivityFactory(village=village)
    corner = ReadingCornerFactory(name="Pojok Baca Balai Desa Bakung")
    ReadingCornerFactory(name="Pojok Baca Kantor", latitude="-8.098100", longitude="112.168900")
    paths = [*PUBLIC_PATHS, village.get_absolute_url(), activity.get_absolute_url(), corner.get_absolute_url()]
    seen = {}
    for path in paths:
        visit(watched_page, path)
        if path == "/pojok-baca/":
            expect(watched_page.locator(".leaflet-marker-icon")).to_have_count(2)
        seen[path] = violations(watched_page)
        watched_page.console_messages_seen.clear()
    assert {path: found for path, found in seen.items() if found} == {}


def test_admin_pages_load_without_a_policy_violation(watched_page, transactional_db):
    device = authenticator_app(get_user_model().objects.create_superuser("kepala", "kepala@example.go.id", "password"))
    report = ReportFactory()
    activity = ActivityFactory()
    page = watched_page
    visit(page, "/admin/login/")
    page.fill("#id_username", "kepala")
    page.fill("#id_password", "password")
    page.locator("#login-form input[type=submit]").click()
    page.get_by_label("Kode").fill(app_code(device))
    seen = {"/admin/login/": violations(page)}
    page.get_by_role("button", name="Konfirmasi").click()
    expect(page.locator("#site-name")).to_be_visible()
    paths = [
        "/admin/two-factor/setup/",
        "/admin/",
        "/admin/reports/report/",
        f"/admin/reports/report/{report.pk}/change/",
        "/admin/activities/activity/",
        "/admin/activities/activity/add/",
        f"/admin/activities/activity/{activity.pk}/change/",
        "/admin/activities/dashboard/",
        "/admin/stats/yearlyreport/",
        "/admin/stats/yearlyreport/kecamatan/",
        "/admin/auth/user/",
    ]
    for path in paths:
        page.console_messages_seen.clear()
        visit(page, path)
        if path.endswith("/activity/add/"):
            # The select2 search box of an autocomplete field opens and asks the server.
            page.locator(".field-village .select2-selection").first.click()
            expect(page.locator(".select2-search__field[aria-controls='select2-id_village-results']")).to_be_visible()
            expect(page.locator("#select2-id_village-results")).to_be_visible()
        seen[path] = violations(page)
    assert {path: found for path, found in seen.items() if found} == {}


def test_an_inline_script_without_the_nonce_is_reported(watched_page, live_server, transactional_db):
    """The watch itself works: a script injected into a page is blocked and seen."""
    visit(watched_page, "/")
    watched_page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=\"https://evil.example/x.png\">')")
    expect(watched_page.locator("img[src='https://evil.example/x.png']")).to_have_count(1)
    watched_page.wait_for_function("window.__cspViolations.length > 0")
    assert any("img-src" in found for found in violations(watched_page))
