"""A report's PIN: a keyed HMAC (key outside the database), old PBKDF2 hashes still work and are upgraded."""

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher

from outreach.reports.models import Report
from outreach.reports.services import lookup_report
from tests.factories import ReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_pbkdf2_report(settings):
    """A report saved before the HMAC, its PIN 123456 hashed with PBKDF2 (few iterations: the format matters)."""
    settings.PASSWORD_HASHERS = [*settings.PASSWORD_HASHERS, "django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    report = ReportFactory()
    report.pin_hash = PBKDF2PasswordHasher().encode("123456", "oldsalt0123456789", iterations=1000)
    report.save(update_fields=["pin_hash"])
    return report


def test_the_pin_is_stored_as_a_keyed_hmac_without_the_pin():
    report = ReportFactory(pin="482913")
    assert report.pin_hash.startswith("pin-hmac$")
    assert "482913" not in report.pin_hash
    assert report.check_pin("482913")


def test_a_wrong_pin_does_not_match():
    report = ReportFactory(pin="482913")
    assert not report.check_pin("482914")
    assert not report.check_pin("")


def test_two_reports_with_the_same_pin_store_different_hashes():
    assert ReportFactory(pin="111111").pin_hash != ReportFactory(pin="111111").pin_hash


def test_the_database_alone_cannot_check_a_pin(settings):
    report = ReportFactory(pin="482913")
    settings.REPORT_PIN_KEY = "another key, as an attacker with only the database would have to guess"
    assert not Report.objects.get(pk=report.pk).check_pin("482913")


def test_an_old_pbkdf2_pin_opens_the_report_and_is_upgraded_to_the_hmac(old_pbkdf2_report):
    assert lookup_report(old_pbkdf2_report.reference, "123456") == old_pbkdf2_report
    stored = Report.objects.get(pk=old_pbkdf2_report.pk).pin_hash
    assert stored.startswith("pin-hmac$")
    assert lookup_report(old_pbkdf2_report.reference, "123456") == old_pbkdf2_report


def test_a_wrong_pin_leaves_an_old_pbkdf2_hash_as_it_is(old_pbkdf2_report):
    assert lookup_report(old_pbkdf2_report.reference, "654321") is None
    assert Report.objects.get(pk=old_pbkdf2_report.pk).pin_hash == old_pbkdf2_report.pin_hash
