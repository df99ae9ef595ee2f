import pytest


@pytest.fixture(autouse=True)
def _reports_settings(settings):
    settings.REPORT_NOTIFY_EMAILS = ["piket@example.go.id"]
    settings.REPORT_RATE_LIMIT_PER_HOUR = 5
