import pytest


@pytest.fixture(autouse=True)
def _reports_settings(settings):
    settings.REPORT_MIN_FILL_SECONDS = 0
    settings.REPORT_NOTIFY_EMAILS = ["piket@example.go.id"]
    settings.REPORT_RATE_LIMIT_PER_HOUR = 5


@pytest.fixture(autouse=True)
def _empty_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def follow_private_storage():
    """After a test replaces the private storage: point ReportPhoto.image at the new one."""
    from django.core.files.storage import storages

    from outreach.reports.models import ReportPhoto

    ReportPhoto._meta.get_field("image").storage = storages["private"]
