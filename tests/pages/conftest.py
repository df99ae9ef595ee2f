import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _indonesian():
    """Start each test in the default language: a request to /en/ in an earlier test leaves English active in
    this thread, and get_absolute_url() would then give /en/ addresses."""
    with translation.override("id"):
        yield
