"""axe-core in Chromium on every public page type in both languages: zero WCAG 2.2 AA violations."""

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.factories import (
    ActivityFactory,
    ReportFactory,
    activity_photo,
    app_code,
    authenticator_app,
    officer,
    public_page_paths,
    supervisor,
)

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def axe_page(browser, live_server):
    assert AXE.exists(), "axe-core is missing: run `make setup` (npm install of axe-core)"
    # axe is injected into the page: the test context lets it past the Content Security Policy.
    context = browser.new_context(base_url=live_server.url, locale="id-ID", bypass_csp=True)
    page = context.new_page()
    page.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith(live_server.url) else route.abort()
    )
    yield page
    context.close()


def violations(page, path=None):
    if path is not None:
        page.goto(path)
    page.wait_for_load_state("load")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]


def test_public_pages_have_no_accessibility_violations(axe_page, transactional_db):
    paths = public_page_paths()
    found = {}
    for path in paths:
        for prefix in ("", "/en"):
            found[prefix + path] = violations(axe_page, prefix + path)
    assert {path: v for path, v in found.items() if v} == {}


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_form_error_states_have_no_accessibility_violations(axe_page, transactional_db, prefix):
    page = axe_page
    found = {}
    for path in ("/lapor/", "/program/sekolah/minta-kunjungan/", "/lapor/cek/"):
        page.goto(prefix + path)
        page.locator("main form [type=submit]").last.click()  # sent empty: the error summary and field errors
        expect(page.locator(".invalid-feedback, .alert-danger, .errorlist").first).to_be_visible()
        found[prefix + path] = violations(page)
    found[prefix + "/admin/login/"] = violations(page, "/admin/login/")
    assert {path: v for path, v in found.items() if v} == {}


def test_admin_pages_have_no_accessibility_violations(axe_page, transactional_db):
    """The log-in with its second factor, the report list and page, the dashboard (the activity form: below)."""
    device = authenticator_app(get_user_model().objects.create_superuser("kepala", "k@example.go.id", "password"))
    report = ReportFactory()
    page = axe_page
    page.goto("/admin/login/")
    page.fill("#id_username", "kepala")
    page.fill("#id_password", "password")
    page.locator("#login-form input[type=submit]").click()
    found = {"/admin/two-factor/": violations(page)}
    page.get_by_label("Kode").fill(app_code(device))
    page.get_by_role("button", name="Konfirmasi").click()
    paths = [
        "/admin/",
        "/admin/reports/report/",
        f"/admin/reports/report/{report.pk}/change/",
        "/admin/activities/dashboard/",
        "/admin/two-factor/setup/",
    ]
    for path in paths:
        found[path] = violations(page, path)
    assert {path: v for path, v in found.items() if v} == {}


def log_in_to_the_admin(page, user):
    """Log in with the password and an authenticator app (as every staff member can)."""
    device = authenticator_app(user)
    page.goto("/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "password")
    page.locator("#login-form input[type=submit]").click()
    page.get_by_label("Kode").fill(app_code(device))
    page.get_by_role("button", name="Konfirmasi").click()
    expect(page.locator("#user-tools")).to_be_visible()


@pytest.mark.parametrize("role", ["supervisor", "officer"])
def test_the_activity_form_has_no_accessibility_violations(axe_page, transactional_db, role):
    """The add form, and a change form with a photo inline: select2, the officers' selector, the date
    shortcuts and the photo fields all have accessible (Indonesian) names."""
    user = {"supervisor": supervisor, "officer": officer}[role]()
    activity = ActivityFactory(status="draft", created_by=user)
    activity.officers.add(user)
    activity_photo(activity)
    page = axe_page
    log_in_to_the_admin(page, user)
    found = {}
    for path in (f"/admin/activities/activity/{activity.pk}/change/", "/admin/activities/activity/add/"):
        found[path] = violations(page, path)
    expect(page.get_by_role("button", name=re.compile(r"^Hari ini \(")).first).to_be_visible()
    page.locator(".field-village .select2-selection").click()  # the open search box of an autocomplete
    expect(page.locator(".select2-container--open .select2-search__field")).to_be_focused()
    found["/admin/activities/activity/add/ (village search open)"] = violations(page)
    assert {path: v for path, v in found.items() if v} == {}
