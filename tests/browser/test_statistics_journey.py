import csv
import datetime
import io
from pathlib import Path

from playwright.sync_api import expect

from outreach.stats.models import Figure
from tests.factories import OfficeProfileFactory, SeriesFactory
from tests.stats.helpers import activity_log


def test_a_journalist_reads_a_chart_and_its_table_and_downloads_the_csv(page, transactional_db):
    OfficeProfileFactory()
    activity_log()
    # Transactional tests empty the database, the seeded figures too: publish the 2024 figure again.
    series = SeriesFactory(slug="passports-issued", name="Paspor diterbitkan", name_en="Passports issued")
    Figure.objects.update_or_create(
        series=series,
        year=2024,
        breakdown="",
        defaults={
            "value": 31871,
            "as_of": datetime.date(2024, 11, 18),
            "source": "Berita media, 18 November 2024, mengutip Kepala Kantor Imigrasi Kelas II Non TPI Blitar",
            "status": "published",
        },
    )
    page.goto("/statistik/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Statistik")

    # The published 2024 figure, its period and its source.
    passports = page.locator("#table-published-passports-issued")
    expect(passports.get_by_role("row", name="2024, per 18 November 2024")).to_contain_text("31.871")
    expect(passports.locator("xpath=following::p[1]")).to_contain_text("Berita media, 18 November 2024")

    # The activities chart is an image with a text alternative, and its table beside it has the same numbers.
    chart = page.get_by_role("img", name="Kegiatan yang terlaksana, per program")
    expect(chart).to_be_visible()
    assert "2024: 3." in chart.locator("desc").text_content()
    table = page.get_by_role("table", name="Kegiatan yang terlaksana, per program")
    row_2024 = table.get_by_role("row").filter(has=page.get_by_role("rowheader", name="2024, per 31 Desember 2024"))
    expect(row_2024.locator('td[data-key="activities/total/2024"]')).to_have_text("3")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="unduh CSV").click()
    download = download_info.value
    assert download.suggested_filename.startswith("statistik-") and download.suggested_filename.endswith(".csv")
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = csv.DictReader(io.StringIO("\n".join(line for line in text.splitlines() if not line.startswith("#"))))
    values = {row["key"]: row["value"] for row in rows}
    assert values["activities/total/2024"] == "3"
    assert values["published/passports-issued/2024"] == "31871"
