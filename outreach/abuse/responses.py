from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from .counters import HOUR

# For a form answered with 429: its answers are shown again.
TOO_MANY_REQUESTS = _(
    "Many requests were sent from this connection in the last hour. Your answers are still in the form: please "
    "send it again in an hour, or call the office."
)


def too_many_requests(request, template_name: str, context: dict | None = None, *, retry_after=HOUR):
    """The one "429 Too Many Requests" answer: a page that says what to do (often the form with its answers
    and the reason as an error), and a Retry-After header."""
    response = render(request, template_name, context, status=429)
    response["Retry-After"] = str(int(retry_after.total_seconds()))
    return response
