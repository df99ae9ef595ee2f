import csv
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import FigureFactory, ReportFactory, SeriesFactory
from tests.stats.helpers import activity_log

pytestmark = pytest.mark.django_db
SOURCE_ID = "Berita media, 18 November 2024, mengutip Kepala Kantor Imigrasi Kelas II Non TPI Blitar"
SOURCE_EN = "News report, 18 November 2024, quoting the head of the Kantor Imigrasi Kelas II Non TPI Blitar"


def page_cells(html) -> dict[str, str]:
    """Every keyed figure cell of the page: key -> the text shown."""
    return dict(re.findall(r'data-key="([^"]+)">(?:<a [^>]*>)?([^<]*)<', html))


def digits(text) -> str:
    return text if text == "< 5" else re.sub(r"\D", "", text)


def test_it_shows_the_2024_figures_with_their_period_and_source_in_indonesian(client):
    html = client.get("/statistik/").text
    assert "2024, per 18 November 2024" in html
    assert '<td class="text-end" data-key="published/passports-issued/2024">31.871</td>' in html
    assert 'data-key="published/refused-non-procedural/2024">160<' in html
    assert 'data-key="published/deportations/2024/singapura">1<' in html
    assert 'data-key="published/deportations/2024/pakistan">2<' in html
    assert SOURCE_ID in html and "Sebagian besar untuk jemaah haji" in html


def test_it_shows_the_2024_figures_with_their_period_and_source_in_english(client):
    html = client.get("/en/statistik/").text
    assert "2024, as of 18 November 2024" in html
    assert 'data-key="published/passports-issued/2024">31,871<' in html
    assert "Singapore" in html and "Passports issued" in html
    assert SOURCE_EN in html and SOURCE_ID not in html


def test_the_page_draws_accessible_charts_without_scripts(client):
    activity_log()
    html = client.get("/statistik/").text
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert '<title id="chart-activities-title">Kegiatan yang terlaksana, per program</title>' in main
    assert re.search(r'<desc id="chart-activities-desc">[^<]*2024: 3\.', main)
    assert '<table class="table table-sm table-striped stats-table mb-1" id="table-activities">' in main
    assert "<script" not in main


def test_the_page_links_its_open_data_and_licence(client):
    html = client.get("/statistik/").text
    assert 'href="/statistik/data.csv"' in html and 'href="/statistik/data.json"' in html
    assert "CC BY 4.0" in html


def test_small_report_counts_are_shown_as_under_five(client):
    for _ in range(6):
        ReportFactory(category="tppo")
    ReportFactory(category="overstay")
    cells = page_cells(client.get("/statistik/").text)
    year = next(key for key in cells if key.startswith("reports-by-category/tppo/")).rsplit("/", 1)[1]
    assert cells[f"reports-by-category/tppo/{year}"] == "6"
    assert cells[f"reports-by-category/overstay/{year}"] == "&lt; 5"
    assert cells[f"reports/total/{year}"] == "7"


def test_the_page_never_shows_report_content(client):
    ReportFactory(description="Rahasia: nama calo Pak Joko di Srengat")
    assert "Pak Joko" not in client.get("/statistik/").text


def test_real_figures_carry_no_example_marker(client):
    assert "Data contoh" not in client.get("/statistik/").text


def test_example_figures_carry_the_example_marker(client):
    FigureFactory(series=SeriesFactory(), example_data=True, source="Data contoh (demo)")
    html = client.get("/statistik/").text
    assert '<div class="alert alert-warning example-data" role="note">' in html and "Data contoh" in html


def read_csv(response):
    lines = response.content.decode("utf-8").removeprefix("\ufeff").splitlines()
    comments = [line for line in lines if line.startswith("# ")]
    rows = list(csv.DictReader(io.StringIO("\n".join(line for line in lines if not line.startswith("# ")))))
    return comments, rows


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_csv_and_json_match_the_page(client, prefix):
    activity_log()
    for _ in range(6):
        ReportFactory(category="tppo")
    ReportFactory(category="overstay")
    shown = {
        key: digits(text.replace("&lt;", "<"))
        for key, text in page_cells(client.get(f"{prefix}/statistik/").text).items()
    }
    _comments, rows = read_csv(client.get(f"{prefix}/statistik/data.csv"))
    figures = client.get(f"{prefix}/statistik/data.json").json()["figures"]
    assert len(shown) > 40
    assert {row["key"]: row["value_display"] for row in rows} == shown
    assert {figure["key"]: figure["value_display"] for figure in figures} == shown
    assert {row["key"]: row["source"] for row in rows} == {figure["key"]: figure["source"] for figure in figures}


def test_the_open_data_describes_its_fields_and_licence_and_cites_each_source(client):
    comments, rows = read_csv(client.get("/statistik/data.csv"))
    assert any("CC BY 4.0" in line for line in comments)
    assert any(line.startswith("# value_display:") for line in comments)
    passports = next(row for row in rows if row["key"] == "published/passports-issued/2024")
    assert passports["value"] == "31871" and passports["as_of"] == "2024-11-18"
    assert passports["source"] == SOURCE_ID and passports["example_data"] == "false"
    data = client.get("/statistik/data.json").json()
    assert "CC BY 4.0" in data["licence"]["name"]
    assert set(data["fields"]) == set(rows[0])
    assert all(figure["source"] for figure in data["figures"])


def test_a_hidden_cell_has_no_value_in_the_open_data(client):
    ReportFactory(category="overstay")
    rows = client.get("/statistik/data.json").json()["figures"]
    overstay = next(row for row in rows if row["key"].startswith("reports-by-category/overstay/"))
    assert overstay["value"] is None and overstay["value_display"] == "< 5"


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url", ["/statistik/", "/statistik/data.csv", "/statistik/data.json"])
def test_query_count_does_not_grow_with_the_data(client, url):
    FigureFactory(series=SeriesFactory(slug="one"), year=2023)
    ReportFactory()
    activity_log()
    small = queries(client, url)
    for year in (2020, 2021, 2022):
        FigureFactory(series=SeriesFactory(slug=f"more-{year}"), year=year)
        FigureFactory(series=SeriesFactory(slug="one"), year=year)
    for _ in range(8):
        ReportFactory(category="tppo")
    activity_log()
    assert queries(client, url) == small


def test_computed_figures_of_a_development_install_are_marked_as_example_data(client, settings):
    activity_log()
    settings.DEBUG = True
    html = client.get("/statistik/").text
    assert '<div class="alert alert-warning example-data" role="note">' in html
    figures = client.get("/statistik/data.json").json()["figures"]
    assert all(figure["example_data"] for figure in figures if figure["dataset"] != "published")
    assert not any(figure["example_data"] for figure in figures if figure["dataset"] == "published")


def test_figures_of_one_series_with_different_sources_each_show_their_own(client):
    series = SeriesFactory(slug="other-sources")
    FigureFactory(series=series, year=2022, source="Rilis akhir tahun 2022")
    FigureFactory(series=series, year=2023, source="Rilis akhir tahun 2023", source_url="https://example.go.id/2023")
    html = client.get("/statistik/").text
    table = html.split('id="table-published-other-sources"', 1)[1].split("</table>", 1)[0]
    assert "Rilis akhir tahun 2022" in table
    assert '<a href="https://example.go.id/2023" rel="noopener">Rilis akhir tahun 2023</a>' in table


def test_a_chart_labels_its_bars_as_the_table_writes_the_numbers(client):
    indonesian, english = client.get("/statistik/").text, client.get("/en/statistik/").text
    assert ">31.871</text>" in indonesian and ">31871</text>" not in indonesian
    assert ">31,871</text>" in english
