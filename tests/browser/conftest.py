"""Real Chromium, driven by Playwright's sync API, against pytest-django's live server.

The live server needs transactional tests, which flush every table when they end. The flush emits
``post_migrate`` like ``migrate`` does, so the staff roles are synced again (``outreach.office.roles``):
tests use the roles as declared, never rebuilt by hand.
"""

import os
import shutil

import pytest

# The sync API runs an event loop in this thread; Django's ORM calls from the test are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path():
    """CHROMIUM_PATH, else Debian's chromium, else None (Playwright's own download)."""
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or None


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _unhashed_static_files(settings):
    """The live server serves static files from the app folders, where only unhashed names exist."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="id-ID", viewport={"width": 390, "height": 844})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def javascript_off_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="id-ID", java_script_enabled=False)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser, live_server, transactional_db):
    """A phone-sized context whose pages may run service workers (the field app's offline mode).

    Closed before the database is flushed, so that no request of its pages meets the flush.
    """
    context = browser.new_context(
        base_url=live_server.url,
        locale="id-ID",
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        service_workers="allow",
    )
    context.set_default_timeout(10_000)
    yield context
    context.close()
