import re
from datetime import date

import pytest

from tests.factories import ActivityFactory, OfficeProfileFactory, StaffFactory, VillageFactory, VillageIndicatorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bakung():
    pimpasa = StaffFactory(username="agus", first_name="Agus", last_name="Prasetyo")
    village = VillageFactory(
        name="Desa Bakung",
        desa_binaan=True,
        pimpasa=pimpasa,
        contact_name="Sutrisno",
        contact_phone="0813 3500 1122",
        program_since=date(2024, 2, 5),
    )
    for year, applicants, refused in [(2023, 412, 37), (2024, 468, 29), (2025, 521, 14)]:
        VillageIndicatorFactory(village=village, year=year, passport_applicants=applicants, refused_applicants=refused)
    return village


def test_it_explains_the_program_and_lists_the_desa_binaan(client, bakung):
    VillageFactory(name="Desa Wonotirto", program_status="planned", kecamatan="wonotirto")
    VillageFactory(name="Desa Togogan")
    response = client.get("/program/desa-binaan/")
    assert response.status_code == 200
    assert "Apa itu PIMPASA?" in response.text
    assert "Petugas Imigrasi Pembina Desa" in response.text
    assert 'href="/program/desa-binaan/desa-bakung/"' in response.text
    assert "Agus Prasetyo" in response.text and "Februari 2024" in response.text
    assert "Direncanakan" in response.text and "Wonotirto" in response.text
    assert "Desa Togogan" not in response.text


def test_it_shows_a_helpful_empty_state_without_desa_binaan(client):
    VillageFactory(name="Desa Togogan")
    OfficeProfileFactory()
    response = client.get("/program/desa-binaan/")
    assert "Belum ada desa yang mengikuti program." in response.text
    assert "mailto:kanim.blitar@example.go.id" in response.text


def test_the_village_page_shows_pimpasa_reason_since_and_contact(client, bakung):
    response = client.get(bakung.get_absolute_url())
    assert response.status_code == 200
    assert "Agus Prasetyo" in response.text
    assert "Peringkat pertama permohonan paspor" in response.text
    assert "5 Februari 2024" in response.text
    assert "Sutrisno" in response.text and 'href="tel:081335001122"' in response.text


def test_the_village_page_draws_an_accessible_chart_and_a_table(client, bakung):
    html = client.get(bakung.get_absolute_url()).text
    assert html.count('<svg role="img" aria-labelledby=') == 2
    assert '<title id="chart-applicants-title">Pemohon paspor</title>' in html
    assert re.search(r'<desc id="chart-applicants-desc">[^<]*2023: 412\.', html)
    assert "<caption>Angka tahunan Desa Bakung</caption>" in html
    assert re.search(r"<th scope=\"row\">2023</th>\s*<td>sebelum program</td>", html)
    assert re.search(r"<th scope=\"row\">2024</th>\s*<td>dengan program</td>", html)
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]


def test_the_village_page_says_when_there_are_no_figures_yet(client):
    village = VillageFactory(desa_binaan=True)
    html = client.get(village.get_absolute_url()).text
    assert "Belum ada angka tahunan untuk desa ini." in html
    assert "<svg" not in html


def test_only_villages_in_the_program_have_a_page(client):
    village = VillageFactory(name="Desa Togogan")
    assert client.get("/program/desa-binaan/desa-togogan/").status_code == 404
    village.program_status = "planned"
    village.save()
    assert client.get("/program/desa-binaan/desa-togogan/").status_code == 200


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("/program/desa-binaan/", "Desa Binaan"),
        ("/en/program/desa-binaan/", "What is a PIMPASA?"),
        ("/program/desa-binaan/desa-bakung/", "Sebelum dan sesudah: angka tahunan"),
        ("/en/program/desa-binaan/desa-bakung/", "Before and after: the yearly figures"),
    ],
)
def test_every_page_renders_in_both_languages(client, bakung, url, text):
    response = client.get(url)
    assert response.status_code == 200
    assert text in response.text


def test_the_list_runs_the_same_queries_with_few_and_many_villages(client, django_assert_num_queries):
    VillageFactory(desa_binaan=True, pimpasa=StaffFactory())
    with django_assert_num_queries(4):  # the count, the page, the frame's office profile and site notices
        client.get("/program/desa-binaan/")
    for _ in range(40):
        VillageFactory(desa_binaan=True, pimpasa=StaffFactory())
    with django_assert_num_queries(4):
        client.get("/program/desa-binaan/")
    with django_assert_num_queries(4):
        client.get("/program/desa-binaan/", {"page": 2})


def test_the_list_shows_thirty_villages_a_page(client):
    VillageFactory.create_batch(31, desa_binaan=True)
    first = client.get("/program/desa-binaan/")
    assert len(first.context["villages"]) == 30
    assert "?page=2" in first.text
    assert len(client.get("/program/desa-binaan/", {"page": 2}).context["villages"]) == 1


def test_a_short_list_has_no_page_links(client):
    VillageFactory.create_batch(3, desa_binaan=True)
    assert "?page=2" not in client.get("/program/desa-binaan/").text


def test_the_village_page_runs_the_same_queries_with_few_and_many_figures(client, bakung, django_assert_num_queries):
    ActivityFactory(village=bakung)
    with django_assert_num_queries(6):
        client.get(bakung.get_absolute_url())
    for year in range(2010, 2020):
        VillageIndicatorFactory(village=bakung, year=year)
    ActivityFactory.create_batch(5, village=bakung)
    with django_assert_num_queries(6):
        client.get(bakung.get_absolute_url())


def test_the_village_page_lists_its_published_activities_only(client, bakung):
    ActivityFactory(village=bakung, title="Imigrasi Masuk Desa Bakung Maret")
    ActivityFactory(village=bakung, title="Draf kunjungan", status="draft")
    ActivityFactory(title="Kunjungan ke desa lain")
    html = client.get(bakung.get_absolute_url()).text
    assert "Imigrasi Masuk Desa Bakung Maret" in html
    assert "Draf kunjungan" not in html
    assert "Kunjungan ke desa lain" not in html


def test_the_sitemap_lists_the_desa_binaan_pages_only(client, bakung, read_sitemap):
    VillageFactory(name="Desa Togogan")
    xml = read_sitemap()
    assert "http://testserver/program/desa-binaan/" in xml
    assert "http://testserver/program/desa-binaan/desa-bakung/" in xml
    assert "http://testserver/en/program/desa-binaan/desa-bakung/" in xml
    assert "desa-togogan" not in xml


def test_the_english_village_page_marks_the_selection_reason_as_indonesian(client):
    village = VillageFactory(desa_binaan=True, slug="desa-bakung")
    html = client.get("/en/program/desa-binaan/desa-bakung/").text
    assert f'<p lang="id">{village.selection_reason}</p>' in html
    assert f"<p>{village.selection_reason}</p>" in client.get("/program/desa-binaan/desa-bakung/").text


def test_the_village_page_shows_the_source_of_each_figure(client, bakung):
    html = client.get(bakung.get_absolute_url()).text
    assert html.count('<td class="small">Data SIMKIM Kantor Imigrasi Blitar</td>') == 3
    assert "Sumber: Data SIMKIM Kantor Imigrasi Blitar" in html


def test_proposed_figures_are_neither_shown_nor_drawn(client, bakung):
    VillageIndicatorFactory(village=bakung, year=2026, passport_applicants=999, status="draft", source="")
    html = client.get(bakung.get_absolute_url()).text
    assert "999" not in html and "2026:" not in html


def test_real_figures_carry_no_example_marker(client, bakung):
    assert "Data contoh" not in client.get(bakung.get_absolute_url()).text


def test_example_figures_carry_the_example_marker(client, bakung):
    VillageIndicatorFactory(village=bakung, year=2026, example_data=True, source="Data contoh (demo)")
    html = client.get(bakung.get_absolute_url()).text
    assert '<div class="alert alert-warning example-data" role="note">' in html


def test_the_english_village_page_shows_the_english_selection_reason_when_written(client):
    VillageFactory(desa_binaan=True, slug="desa-bakung", selection_reason_en="First in passport applications.")
    html = client.get("/en/program/desa-binaan/desa-bakung/").text
    assert "<p>First in passport applications.</p>" in html
    assert "Peringkat pertama" not in html
    assert (
        "<p>Peringkat pertama permohonan paspor di Kabupaten Blitar.</p>"
        in client.get("/program/desa-binaan/desa-bakung/").text
    )
