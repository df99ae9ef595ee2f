"""Property-based: whatever a visitor sends to the report form and the status lookup, they get a page."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from outreach.abuse.forms import started_value

pytestmark = pytest.mark.django_db

# Few examples (the suite stays fast), no example database written into the worktree.
ANY = hypothesis_settings(
    max_examples=15, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# Any text, control characters and NUL bytes included, and sometimes a plausible value.
text = st.text(max_size=300)


def field(*plausible):
    return st.one_of(text, st.sampled_from(plausible)) if plausible else text


report_answers = st.fixed_dictionaries(
    {
        "category": field("overstay", "trafficking", ""),
        "description": field("A foreign man has stayed at the guest house near the market since last year."),
        "kecamatan": field("sananwetan", "kepanjenkidul"),
        "village": text,
        "location_details": text,
        "occurred_on": field("2026-01-31", "31/01/2026", "2026-02-30"),
        "occurred_approximately": text,
        "involved_name": text,
        "involved_nationality": text,
        "involved_description": text,
        "identity": field("anonymous", "contact"),
        "reporter_name": text,
        "reporter_phone": field("0812 3456 7890", "+62 812"),
        "reporter_email": field("siti@example.com", "@"),
        "consent": field("on"),
        "extra_remarks": st.one_of(st.just(""), text),
    }
)


@pytest.fixture
def generous_limits(settings):
    settings.REPORT_RATE_LIMIT_PER_HOUR = 10_000
    settings.REPORT_LOOKUPS_PER_HOUR = 10_000
    settings.REPORT_DRAFT_PHOTOS_PER_HOUR = 10_000


@ANY
@given(answers=report_answers)
def test_any_answers_to_the_report_form_get_a_page(generous_limits, answers):
    response = Client(raise_request_exception=False).post("/lapor/", {**answers, "started": started_value()})
    assert response.status_code in {200, 302, 400}, response.status_code


@ANY
@given(reference=field("LPR-AAAA-AAAA", "lpr aaaa aaaa"), pin=field("123456", "12345"))
def test_any_status_lookup_gets_a_page(generous_limits, reference, pin):
    response = Client(raise_request_exception=False).post("/lapor/cek/", {"reference": reference, "pin": pin})
    assert response.status_code in {200, 302, 400}, response.status_code
