import re

import pytest

from outreach.schools.models import VisitRequest
from tests.factories import VisitRequestFactory

pytestmark = pytest.mark.django_db


def test_every_request_gets_its_own_reference_code():
    first, second = VisitRequestFactory.create_batch(2)
    assert re.fullmatch(r"KNJ-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}", first.reference)
    assert first.reference != second.reference


def test_saving_again_keeps_the_reference():
    visit_request = VisitRequestFactory()
    reference = visit_request.reference
    visit_request.status = "scheduled"
    visit_request.save()
    assert VisitRequest.objects.get().reference == reference


def test_the_status_page_finds_nothing_for_text_that_is_no_code():
    visit_request = VisitRequestFactory(contact_email="guru@example.com")
    assert VisitRequest.objects.for_status_page("hello", "guru@example.com") is None
    assert VisitRequest.objects.for_status_page(visit_request.reference, "guru@example.com") == visit_request
