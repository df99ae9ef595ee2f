import pytest

from outreach.search.engine import correct_spelling, search, similarity
from tests.factories import (
    ActivityFactory,
    InstitutionFactory,
    PageFactory,
    ReadingCornerFactory,
    VillageFactory,
)

pytestmark = pytest.mark.django_db


def kinds(results):
    return {group.kind: [result.title for result in group.results] for group in results.groups if group.total}


def test_it_finds_an_indonesian_word_in_indonesian_content_whatever_its_affixes(client):
    PageFactory(title_ind="Paspor untuk pekerja migran", body_ind="Yang akan bekerja di luar negeri mendaftar dulu.")
    response = client.get("/cari/", {"q": "pekerjaan"})  # pekerja, bekerja, pekerjaan: one stem, kerja
    assert "Paspor untuk pekerja migran" in response.text


def test_an_exact_title_match_comes_first():
    PageFactory(title_ind="Persyaratan umum", body_ind="Paspor paspor paspor untuk bepergian: syarat paspor.")
    PageFactory(title_ind="Paspor")
    results = search("paspor")
    assert kinds(results)["pages"][0] == "Paspor"


def test_it_tolerates_a_typo():
    PageFactory(title_ind="Membuat paspor lewat M-Paspor")
    results = search("pasport")
    assert results.corrected_query == "paspor"
    assert kinds(results)["pages"] == ["Membuat paspor lewat M-Paspor"]


def test_a_correct_word_is_not_corrected():
    assert correct_spelling("paspor desa", {"paspor", "desa", "pasar"}) == "paspor desa"


def test_similarity_is_pg_trgm_s():
    assert similarity("word", "word") == 1.0
    assert similarity("pasport", "paspor") > 0.5
    assert similarity("abc", "xyz") == 0.0


def test_it_never_returns_unpublished_or_private_content():
    PageFactory(title_ind="Rahasia paspor", status="draft")
    ActivityFactory(title="Rahasia kegiatan paspor", status="draft")
    VillageFactory(name="Rahasia Desa Paspor")  # not in the desa binaan program: no public page
    ReadingCornerFactory(name="Rahasia pojok paspor", status="closed")
    results = search("rahasia")
    assert results.total == 0
    assert search("rahasai").total == 0  # nor through the typo fallback


def test_it_searches_every_kind_of_public_content_with_a_count_per_kind(client):
    PageFactory(title_ind="Bakung dan paspor")
    ActivityFactory.create_batch(2, title="Sosialisasi di Bakung")
    VillageFactory(name="Bakung", desa_binaan=True)
    InstitutionFactory(name="SMA Negeri 1 Bakung")
    ReadingCornerFactory(name="Pojok Baca Bakung")
    results = search("bakung")
    assert {group.kind: group.total for group in results.groups} == {
        "pages": 1,
        "activities": 2,
        "villages": 1,
        "schools": 1,
        "reading_corners": 1,
    }
    html = client.get("/cari/", {"q": "bakung"}).text
    assert "Kegiatan (2)" in html


def test_snippets_highlight_the_words_and_escape_the_content(client):
    PageFactory(title_ind="Peringatan", body_ind='Awas <script>alert(1)</script> calo: gaji > 5 juta & "gratis".')
    html = client.get("/cari/", {"q": "calo"}).text
    assert "<mark>calo</mark>: gaji &gt; 5 juta &amp; &quot;gratis" in html
    assert "<script>alert(1)" not in html


def test_english_pages_are_searched_in_english(client):
    PageFactory(title_ind="Paspor", title_en="Passports", body_en="Applying for passports in the app.")
    html = client.get("/en/cari/", {"q": "applied"}).text  # the English stemmer: applied ~ applying
    assert "Passports" in html


def test_an_empty_search_explains_what_to_type(client):
    html = client.get("/cari/").text
    assert "Ketik yang Anda cari" in html


def test_a_search_without_results_suggests_what_to_do(client):
    html = client.get("/cari/", {"q": "xqzv"}).text
    assert "Tidak ada hasil untuk “xqzv”." in html
    assert 'href="/cek-tawaran-kerja/"' in html


def test_the_search_runs_the_same_number_of_queries_with_few_and_many_results(client, django_assert_num_queries):
    PageFactory(title_ind="Paspor 1")
    ActivityFactory(title="Paspor di desa")
    from tests.activities.helpers import queries_for

    few = queries_for(client, "/cari/", q="paspor")
    PageFactory.create_batch(12, title_ind="Paspor lagi")
    ActivityFactory.create_batch(12, title="Paspor di desa lain")
    with django_assert_num_queries(few):
        client.get("/cari/", {"q": "paspor"})


def test_the_activity_search_can_use_its_gin_index():
    """The index is on the stored column the search filters on (so PostgreSQL can use it at 100,000 rows)."""
    from django.contrib.postgres.search import SearchQuery
    from django.db import connection
    from django.db.models import F

    from outreach.activities.models import Activity

    query = SearchQuery("paspor", config="indonesian", search_type="websearch")
    matches = Activity.objects.order_by().annotate(matched=F("search_vector")).filter(matched=query).values("pk")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = matches.explain()
    assert "activity_search" in plan


def test_the_vocabulary_holds_the_words_of_titles_but_not_numbers():
    from outreach.search.engine import vocabulary

    ActivityFactory(title="Sosialisasi keimigrasian 2025 ke-104")
    words = vocabulary("id")
    assert "keimigrasian" in words
    assert "2025" not in words and "104" not in words


def test_the_vocabulary_is_read_once_between_two_saves(django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    PageFactory(title_ind="Membuat paspor lewat M-Paspor")
    with CaptureQueriesContext(connection) as first:
        search("pasport")
    with django_assert_max_num_queries(len(first.captured_queries) - 1):
        assert search("pasport").corrected_query == "paspor"
