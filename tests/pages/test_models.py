import datetime
import re

import pytest
from django.db import IntegrityError
from django.utils import timezone

from outreach.pages.markdown import render
from outreach.pages.models import Page
from tests.factories import PageFactory, PageLinkFactory

pytestmark = pytest.mark.django_db


def test_published_hides_drafts():
    published = PageFactory()
    PageFactory(status="draft")
    assert list(Page.objects.published()) == [published]


def test_a_page_reviewed_a_year_ago_is_due_for_review():
    today = timezone.localdate()
    old = PageFactory(last_reviewed=today - datetime.timedelta(days=365))
    PageFactory(last_reviewed=today - datetime.timedelta(days=364))
    assert list(Page.objects.due_for_review()) == [old]
    assert old.needs_review


def test_a_source_needs_the_date_it_was_checked():
    with pytest.raises(IntegrityError):
        PageLinkFactory(checked_on=None)


def test_an_official_link_needs_no_checked_date():
    assert PageLinkFactory(kind="official", checked_on=None).pk


def test_markdown_renders_lists_headings_and_links():
    html = render("## Syarat\n\n- KTP\n- KK\n\n[M-Paspor](https://www.imigrasi.go.id/)")
    assert "<h2>Syarat</h2>" in html
    assert "<li>KTP</li>" in html
    assert '<a href="https://www.imigrasi.go.id/" rel="noopener noreferrer">M-Paspor</a>' in html


def test_markdown_drops_scripts_and_event_handlers():
    html = render('<script>alert(1)</script> <img src=x onerror="alert(1)"> <a href="/" onclick="x()">a</a>')
    assert "<script" not in html
    assert "<img" not in html
    assert "<a " not in html
    assert not re.search(r"<[^>]*\son\w+=", html)  # no event handler on any element


def test_markdown_drops_javascript_links():
    html = render("[click](javascript:alert(1)) [data](data:text/html;base64,xx) [ok](/lapor/)")
    assert 'href="javascript' not in html.lower()
    assert 'href="data' not in html.lower()
    assert '<a href="/lapor/">ok</a>' in html


def test_markdown_links_within_the_portal_get_no_rel():
    assert 'rel="' not in render("[Lapor](/lapor/)")


def test_english_falls_back_to_indonesian_and_says_so():
    page = PageFactory(title_ind="Paspor", title_en="")
    from django.utils import translation

    with translation.override("en"):
        assert page.title == "Paspor"
        assert not page.in_current_language
    with translation.override("id"):
        assert page.in_current_language
