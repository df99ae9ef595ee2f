import datetime

import pytest

from outreach.abuse.forms import started_value
from outreach.pages.models import PageFeedback, SiteNotice
from tests.factories import PageFactory, PageLinkFactory

pytestmark = pytest.mark.django_db


def test_the_index_lists_published_pages_by_topic(client):
    page = PageFactory(title_ind="Membuat paspor")
    PageFactory(title_ind="Rancangan rahasia", status="draft")
    html = client.get("/informasi/").text
    assert "Membuat paspor" in html
    assert page.topic.title in html
    assert "Rancangan rahasia" not in html


def test_a_draft_page_is_not_found(client):
    page = PageFactory(status="draft")
    assert client.get(page.get_absolute_url()).status_code == 404
    assert client.get(f"/en{page.get_absolute_url()}").status_code == 404


def test_a_page_shows_its_last_review_date_and_sources(client):
    page = PageFactory(last_reviewed=datetime.date(2026, 11, 3))
    PageLinkFactory(page=page, label_ind="UU 6/2011 tentang Keimigrasian", checked_on=datetime.date(2026, 12, 1))
    html = client.get(page.get_absolute_url()).text
    assert "3 November 2026" in html
    assert "UU 6/2011 tentang Keimigrasian" in html
    assert "1 Desember 2026" in html


def test_an_untranslated_page_says_it_is_only_in_indonesian_and_marks_the_text(client):
    page = PageFactory(title_ind="Paspor untuk pekerja migran", title_en="", body_en="")
    html = client.get(f"/en{page.get_absolute_url()}").text
    assert "This page is only available in Indonesian." in html
    assert '<h1 id="page-title" lang="id">Paspor untuk pekerja migran</h1>' in html


def test_a_translated_page_shows_english_without_the_note(client):
    page = PageFactory(title_en="Passports for migrant workers", summary_en="Summary", body_en="English text.")
    html = client.get(f"/en{page.get_absolute_url()}").text
    assert '<h1 id="page-title">Passports for migrant workers</h1>' in html
    assert "only available in Indonesian" not in html


def test_a_service_card_shows_its_sections(client):
    page = PageFactory(requirements_ind="- KTP\n- KK", cost_ind="Periksa sumber resmi.")
    html = client.get(page.get_absolute_url()).text
    assert "Persyaratan" in html and "<li>KTP</li>" in html
    assert "Biaya" in html
    assert "Lama proses" not in html  # empty sections are left out


def test_a_reader_says_a_page_was_helpful(client):
    page = PageFactory()
    response = client.post(
        f"{page.get_absolute_url()}masukan/", {"helpful": "yes", "comment": "Jelas sekali", "started": started_value()}
    )
    assert response.status_code == 302
    answer = PageFeedback.objects.get()
    assert (answer.page, answer.helpful, answer.comment, answer.language) == (page, True, "Jelas sekali", "id")


def test_feedback_without_an_answer_is_refused_with_a_message(client):
    page = PageFactory()
    response = client.post(f"{page.get_absolute_url()}masukan/", {"comment": "?", "started": started_value()})
    assert response.status_code == 400
    assert "Pilih ya atau tidak." in response.text
    assert not PageFeedback.objects.exists()


def test_feedback_is_rate_limited(client, settings):
    settings.PAGE_FEEDBACK_PER_HOUR = 2
    page = PageFactory()
    for _ in range(2):
        assert (
            client.post(f"{page.get_absolute_url()}masukan/", {"helpful": "no", "started": started_value()}).status_code
            == 302
        )
    response = client.post(f"{page.get_absolute_url()}masukan/", {"helpful": "no", "started": started_value()})
    assert response.status_code == 429
    assert PageFeedback.objects.count() == 2


def test_feedback_from_a_bot_filling_the_hidden_field_is_not_stored(client):
    page = PageFactory()
    data = {"helpful": "yes", "extra_remarks": "http://spam", "started": started_value()}
    client.post(f"{page.get_absolute_url()}masukan/", data)
    assert not PageFeedback.objects.exists()


def test_feedback_on_a_draft_is_not_found(client):
    page = PageFactory(status="draft")
    assert client.post(f"{page.get_absolute_url()}masukan/", {"helpful": "yes"}).status_code == 404


def test_feedback_needs_no_csrf_token_so_that_the_page_can_be_cached_for_everyone(client):
    # Harmless (a yes/no and a comment, no personal data) and rate-limited: see the view's docstring.
    page = PageFactory()
    client.handler.enforce_csrf_checks = True
    assert "csrfmiddlewaretoken" not in client.get(page.get_absolute_url()).text
    response = client.post(f"{page.get_absolute_url()}masukan/", {"helpful": "yes", "started": started_value()})
    assert response.status_code == 302
    assert PageFeedback.objects.count() == 1


def test_other_public_forms_still_need_the_csrf_token(client):
    client.handler.enforce_csrf_checks = True
    assert client.post("/lapor/cek/", {"reference": "LPR-0000-0000", "pin": "123456"}).status_code == 403


def test_a_switched_on_notice_shows_on_every_page(client):
    SiteNotice.objects.create(text_ind="Kantor tutup 17 Agustus", text_en="Office closed on 17 August", is_active=True)
    assert "Kantor tutup 17 Agustus" in client.get("/").text
    assert "Office closed on 17 August" in client.get("/en/informasi/").text


def test_a_notice_that_is_off_or_over_is_not_shown(client):
    SiteNotice.objects.create(text_ind="Mati", is_active=False)
    SiteNotice.objects.create(
        text_ind="Sudah lewat", is_active=True, ends_at=datetime.datetime(2020, 1, 2, tzinfo=datetime.UTC)
    )
    html = client.get("/").text
    assert "Mati" not in html and "Sudah lewat" not in html
