import pytest


@pytest.fixture(autouse=True)
def _reports_settings(settings):
    settings.REPORT_NOTIFY_EMAILS = ["piket@example.go.id"]
    settings.REPORT_RATE_LIMIT_PER_HOUR = 5


def follow_private_storage():
    """After a test replaces the private storage: point ReportPhoto.image at the new one."""
    from django.core.files.storage import storages

    from outreach.reports.models import ReportPhoto

    ReportPhoto._meta.get_field("image").storage = storages["private"]
