import pytest


@pytest.fixture(autouse=True)
def _reports_settings(settings):
    settings.REPORT_NOTIFY_EMAILS = ["piket@example.go.id"]
    settings.REPORT_RATE_LIMIT_PER_HOUR = 5


@pytest.fixture(autouse=True)
def _second_factor_given_at_log_in(monkeypatch):
    """Staff logged in by ``force_login`` have just passed their second factor, as after a real log-in.
    (Its absence and its age are tested in tests/portal/test_two_factor.py.)"""
    from django.test import Client

    from tests.factories import second_factor_just_given

    force_login = Client.force_login

    def force_login_with_second_factor(self, user, backend=None):
        force_login(self, user, backend)
        second_factor_just_given(self)

    monkeypatch.setattr(Client, "force_login", force_login_with_second_factor)
