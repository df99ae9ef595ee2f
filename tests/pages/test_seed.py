import pytest
from django.core.management import call_command

from outreach.pages.content import PAGES
from outreach.pages.models import Page, PageLink

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    call_command("seed_information", stdout=None)


def test_seeding_creates_every_page_once(seeded):
    call_command("seed_information")
    assert Page.objects.published().count() == len(PAGES)


def test_seeding_again_keeps_what_editors_changed(seeded):
    Page.objects.filter(slug="cara-melapor").update(title_ind="Judul dari editor")
    call_command("seed_information")
    assert Page.objects.get(slug="cara-melapor").title_ind == "Judul dari editor"


@pytest.mark.parametrize("content", PAGES, ids=lambda content: content["slug"])
def test_every_seeded_page_renders_in_both_languages_with_its_sources(client, seeded, content):
    page = Page.objects.get(slug=content["slug"])
    for prefix, language in [("", 0), ("/en", 1)]:
        response = client.get(f"{prefix}{page.get_absolute_url()}")
        assert response.status_code == 200
        assert content["title"][language] in response.text
        assert "only available in Indonesian" not in response.text
        for _title, url, _publisher in content["sources"]:
            assert url.replace("&", "&amp;") in response.text


def test_every_source_has_the_date_it_was_checked(seeded):
    assert not PageLink.objects.filter(kind="source", checked_on__isnull=True).exists()
    assert PageLink.objects.filter(kind="source").count() > 20


def test_the_seeded_pages_state_no_fee_amount():
    """No amount of money is written as a fact: fees say to check the official source."""
    for content in PAGES:
        for field in ("body", "cost"):
            for text in content.get(field, ("", "")):
                assert "Rp" not in text, content["slug"]
