import pytest
from django.core.exceptions import ValidationError

from outreach.schools.models import VisitRequest
from tests.factories import VisitRequestFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("before", "after"),
    [("new", "scheduled"), ("new", "declined"), ("scheduled", "done"), ("scheduled", "declined")],
)
def test_it_allows_the_workflow_transitions(before, after):
    visit_request = VisitRequestFactory(status=before)
    visit_request.transition(after)
    visit_request.refresh_from_db()
    assert visit_request.status == after


@pytest.mark.parametrize(
    ("before", "after"),
    [("done", "scheduled"), ("declined", "done"), ("new", "done"), ("done", "declined"), ("scheduled", "new")],
)
def test_it_refuses_other_transitions(before, after):
    visit_request = VisitRequestFactory(status=before)
    with pytest.raises(ValidationError) as error:
        visit_request.transition(after)
    assert error.value.code == "transition_not_allowed"
    visit_request.refresh_from_db()
    assert visit_request.status == before


def test_a_stale_copy_cannot_make_a_forbidden_transition():
    visit_request = VisitRequestFactory(status="new")
    stale = VisitRequest.objects.get(pk=visit_request.pk)
    visit_request.transition("declined")
    with pytest.raises(ValidationError) as error:
        stale.transition("scheduled")
    assert error.value.code == "transition_not_allowed"
    visit_request.refresh_from_db()
    assert visit_request.status == "declined"
