import datetime

import pytest
from django.utils import timezone

from outreach.pages.models import Page, PageFeedback
from tests.factories import PageFactory, PageTopicFactory, content_editor, officer, supervisor

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/pages/page/add/"
LIST_URL = "/admin/pages/page/"


def page_form(topic, **overrides):
    return {
        "topic": topic.pk,
        "title_ind": "Paspor hilang",
        "title_en": "",
        "slug": "paspor-hilang",
        "summary_ind": "Apa yang harus dilakukan bila paspor hilang.",
        "summary_en": "",
        "status": "published",
        "order": "0",
        "last_reviewed": "2026-12-01",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "1000",
    } | overrides


def test_an_editor_adds_a_page(client):
    client.force_login(content_editor())
    topic = PageTopicFactory()
    response = client.post(ADD_URL, page_form(topic))
    assert response.status_code == 302, response.context["adminform"].form.errors
    page = Page.objects.get(slug="paspor-hilang")
    assert page.title_ind == "Paspor hilang"
    assert page.title_en is None or page.title_en == ""


def test_the_indonesian_title_is_required(client):
    client.force_login(content_editor())
    response = client.post(ADD_URL, page_form(PageTopicFactory(), title_ind=""))
    assert response.status_code == 200
    assert not Page.objects.exists()


def test_an_officer_cannot_open_or_edit_pages(client):
    client.force_login(officer())
    page = PageFactory()
    assert client.get(LIST_URL).status_code == 403
    assert client.post(f"{LIST_URL}{page.pk}/change/", {"title_ind": "x"}).status_code == 403
    assert client.post(ADD_URL, page_form(PageTopicFactory())).status_code == 403


def test_a_supervisor_reads_but_does_not_edit_pages(client):
    client.force_login(supervisor())
    page = PageFactory()
    assert client.get(LIST_URL).status_code == 200
    assert client.post(ADD_URL, page_form(PageTopicFactory())).status_code == 403
    assert page.pk


def test_the_list_reminds_editors_of_pages_not_reviewed_for_a_year(client):
    client.force_login(content_editor())
    PageFactory(last_reviewed=timezone.localdate() - datetime.timedelta(days=400))
    html = client.get(LIST_URL).text
    assert "1 halaman belum ditinjau selama 365 hari" in html


def test_the_list_has_no_reminder_when_every_page_is_reviewed(client):
    client.force_login(content_editor())
    PageFactory()
    assert "belum ditinjau" not in client.get(LIST_URL).text


def test_the_list_shows_helpful_answers_per_page(client):
    client.force_login(content_editor())
    page = PageFactory()
    PageFeedback.objects.create(page=page, helpful=True, language="id")
    PageFeedback.objects.create(page=page, helpful=True, language="en")
    PageFeedback.objects.create(page=page, helpful=False, language="id")
    response = client.get(LIST_URL)
    row = response.context["cl"].result_list[0]
    assert (row.yes_count, row.no_count) == (2, 1)
