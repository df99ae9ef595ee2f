"""Every public page's first load (HTML, stylesheets, scripts and fonts, compressed as sent) stays under 100 KB."""

import gzip
import re

import brotli
import pytest
from django.conf import settings
from django.test import Client

from tests.factories import PageFactory, ReadingCornerFactory, public_page_paths

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

LIMIT = 100 * 1024
ACCEPT = "gzip, deflate, br"
ASSETS = re.compile(r'<link rel="stylesheet" href="([^"]+)"|<script[^>]* src="([^"]+)"')
FONTS = re.compile(r"url\(['\"]?([^'\")]+\.(?:woff2?|ttf|otf|eot))", re.IGNORECASE)


def decoded(response) -> bytes:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    encoding = response.get("Content-Encoding", "")
    return brotli.decompress(body) if encoding == "br" else gzip.decompress(body) if encoding == "gzip" else body


def static_file(url: str):
    return settings.STATIC_ROOT / url.split("?")[0].removeprefix(settings.STATIC_URL)


def sent_size(url: str) -> int:
    """A static file as whitenoise sends it to a browser that accepts brotli: .br, else .gz, else the file."""
    path = static_file(url)
    for variant in (path.with_name(path.name + ".br"), path.with_name(path.name + ".gz"), path):
        if variant.exists():
            return variant.stat().st_size
    raise AssertionError(f"{url} is not a static file")


def first_load(path: str) -> tuple[int, list[str]]:
    """The bytes sent for the page and everything it loads before showing (images aside), and those files."""
    response = Client().get(path, HTTP_ACCEPT_ENCODING=ACCEPT)
    assert response.status_code in (200, 404), path
    total = len(response.content)
    html = decoded(response).decode()
    files = [stylesheet or script for stylesheet, script in ASSETS.findall(html)]
    for url in list(files):
        total += sent_size(url)
        if url.endswith(".css"):
            folder = url.rsplit("/", 1)[0]
            for font in FONTS.findall(static_file(url).read_text()):
                files.append(f"{folder}/{font}")
                total += sent_size(f"{folder}/{font}")
    return total, files


def pages() -> list[str]:
    page = PageFactory()
    return [
        *public_page_paths(),
        "/en/",
        "/informasi/",
        page.get_absolute_url(),
        "/cari/?q=paspor",
        "/cek-tawaran-kerja/",
        "/statistik/",
        "/statistik/peta/",
    ]


def test_every_public_page_loads_in_under_100_kb_compressed():
    weights = {path: first_load(path)[0] for path in pages()}
    too_heavy = {path: size for path, size in weights.items() if size >= LIMIT}
    assert not too_heavy


def test_the_weight_counts_the_pages_stylesheets_and_scripts():
    ReadingCornerFactory()  # the map of the corners: its stylesheet and scripts
    total, files = first_load("/pojok-baca/")
    assert any("bootstrap" in url for url in files)
    assert any(url.endswith(".js") for url in files)
    assert total > sum(sent_size(url) for url in files)


def test_the_html_counted_is_the_compressed_html():
    response = Client().get("/informasi/", HTTP_ACCEPT_ENCODING=ACCEPT)
    assert response["Content-Encoding"] == "br"
    assert len(response.content) < len(decoded(response)) / 2
