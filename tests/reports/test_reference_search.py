"""Finding reports by part of their reference (``ReportQuerySet.with_reference_containing``, the admin's search)."""

import pytest

from outreach.reports.models import Report
from tests.factories import ReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reports():
    return ReportFactory(reference="LPR-7K4M-Q2XH"), ReportFactory(reference="LPR-A2B3-C4D5")


@pytest.mark.parametrize("fragment", ["7k4m", "4MQ2", "4m-q2", "H", "LPR7K", "PR7K4MQ2XH", "2"])
def test_it_finds_a_reference_containing_the_fragment_across_its_dashes(reports, fragment):
    wanted, _other = reports
    assert wanted in Report.objects.with_reference_containing(fragment)


@pytest.mark.parametrize("fragment", ["K7", "Q2XHA", "7K4MQ2XHH", "ZZ"])
def test_it_leaves_out_a_reference_without_the_fragment(reports, fragment):
    wanted, _other = reports
    assert wanted not in Report.objects.with_reference_containing(fragment)


def test_a_fragment_found_in_both_finds_both(reports):
    assert set(Report.objects.with_reference_containing("lpr")) == set(reports)


def test_a_fragment_of_no_letters_or_digits_finds_every_report(reports):
    assert Report.objects.with_reference_containing(" -' ").count() == 2


def test_quotes_and_query_syntax_are_only_characters_dropped(reports):
    wanted, _other = reports
    found = list(Report.objects.with_reference_containing("'7k4m' & !:*"))
    assert found == [wanted]
