"""Image text alternatives, language of officer-typed Indonesian text, pagination ellipses."""

import re

import pytest

from outreach.activities.models import Status
from tests.factories import ActivityFactory, activity_photo

pytestmark = pytest.mark.django_db


def test_a_gallery_photo_link_is_named_without_repeating_the_caption(client):
    activity = ActivityFactory(title="Sosialisasi di Desa Bakung", status=Status.PUBLISHED)
    activity_photo(activity, caption="Warga bertanya tentang paspor")
    html = client.get(f"/en/kegiatan/{activity.slug}/").text
    alt = re.search(r'<figure[^>]*>\s*<a [^>]*><img [^>]*alt="([^"]*)"', html).group(1)
    assert alt == "Photo 1 of “Sosialisasi di Desa Bakung”, full size"
    assert "Warga bertanya tentang paspor" in re.search(r"<figcaption[^>]*>(.*?)</figcaption>", html).group(1)


def test_a_gallery_photo_without_caption_still_names_its_link(client):
    activity = ActivityFactory(title="Sosialisasi di Desa Bakung", status=Status.PUBLISHED)
    activity_photo(activity, caption="")
    html = client.get(f"/kegiatan/{activity.slug}/").text
    alt = re.search(r'<figure[^>]*>\s*<a [^>]*><img [^>]*alt="([^"]*)"', html).group(1)
    assert alt.strip()
    assert "<figcaption" not in html


def test_english_pages_mark_indonesian_titles_and_summaries(client):
    activity = ActivityFactory(title="Sosialisasi di Desa Bakung", summary="Warga belajar tentang paspor.")
    html = client.get(f"/en/kegiatan/{activity.slug}/").text
    assert '<h1 lang="id">Sosialisasi di Desa Bakung</h1>' in html
    assert re.search(r'<div class="mb-4" lang="id">\s*<p>Warga belajar tentang paspor.</p>', html)
    assert 'lang="id">Sosialisasi di Desa Bakung</a>' in client.get("/en/kegiatan/").text


def test_indonesian_pages_do_not_repeat_the_page_language(client):
    activity = ActivityFactory(title="Sosialisasi di Desa Bakung")
    html = client.get(f"/kegiatan/{activity.slug}/").text
    assert "<h1>Sosialisasi di Desa Bakung</h1>" in html
    assert 'lang="id">Sosialisasi' not in html


def test_pagination_puts_an_ellipsis_between_distant_pages(client):
    ActivityFactory.create_batch(12 * 11)
    html = client.get("/kegiatan/", {"page": 6}).text
    pagination = re.search(r'<ul class="pagination.*?</ul>', html, re.S).group(0)
    numbers = re.findall(r">(\d+|…)</(?:a|span)>", pagination)
    assert numbers == ["1", "…", "4", "5", "6", "7", "8", "…", "11"]
    assert pagination.count('aria-hidden="true"') == 2


def test_pagination_has_no_ellipsis_when_pages_are_adjacent(client):
    ActivityFactory.create_batch(12 * 3)
    html = client.get("/kegiatan/").text
    assert "…</span>" not in re.search(r'<ul class="pagination.*?</ul>', html, re.S).group(0)
