"""Property-based: whatever a school sends to the visit-request form, it gets a page."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from outreach.abuse.forms import started_value

pytestmark = pytest.mark.django_db

text = st.text(max_size=300)


def field(*plausible):
    return st.one_of(text, st.sampled_from(plausible))


visit_request = st.fixed_dictionaries(
    {
        "institution_name": field("SMA Negeri 1 Srengat"),
        "institution_level": field("sma", "smk", "university"),
        "kecamatan": field("srengat", "bakung"),
        "address": text,
        "contact_name": field("Wahyu Widodo"),
        "contact_role": text,
        "contact_phone": field("0812 5555 6666", "+62"),
        "contact_email": field("", "guru@example.sch.id", "@@"),
        "preferred_date": field("2099-01-10", "2000-01-01", "10/01/2099", "2099-02-30"),
        "alternative_date": field("", "2099-01-17"),
        "audience": text,
        "audience_size": field("180", "-5", "99999999999999999999"),
        "topics": st.lists(field("tppo", "safe_migration"), max_size=3),
        "message": text,
        "extra_remarks": st.one_of(st.just(""), text),
    }
)


@hypothesis_settings(
    max_examples=15, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(answers=visit_request)
def test_any_visit_request_gets_a_page(settings, answers):
    settings.SCHOOL_REQUESTS_PER_HOUR = 10_000
    response = Client(raise_request_exception=False).post(
        "/program/sekolah/minta-kunjungan/", {**answers, "started": started_value()}
    )
    assert response.status_code in {200, 302, 400}, response.status_code
