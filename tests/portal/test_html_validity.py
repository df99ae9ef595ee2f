"""The Nu Html Checker (vnu.jar from npm, run with Java) finds no error on any public page type."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.factories import public_page_paths

VNU = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = pytest.mark.django_db


def html_errors(pages: dict[str, str], folder: Path) -> list[str]:
    """Checks every page in one run of the checker; returns "path: line: message" for each error."""
    assert VNU.exists(), "vnu.jar is missing: run `make test` (npm install of vnu-jar)"
    assert shutil.which("java"), "Java is missing: install default-jre-headless (.ci/run does)"
    files = {}
    for index, (path, html) in enumerate(pages.items()):
        file = folder / f"page-{index}.html"
        file.write_text(html)
        files[file.resolve().as_uri()] = path
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            *[folder / f"page-{i}.html" for i in range(len(files))],
        ],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [f"{files.get(m.get('url'), m.get('url'))}:{m.get('lastLine')}: {m['message']}" for m in messages]


def test_public_pages_are_valid_html(client, tmp_path):
    paths = public_page_paths()
    pages = {prefix + path: client.get(prefix + path).text for path in paths for prefix in ("", "/en")}
    pages["/lapor/ (errors)"] = client.post("/lapor/", {}).text
    pages["/program/sekolah/minta-kunjungan/ (errors)"] = client.post("/program/sekolah/minta-kunjungan/", {}).text
    assert html_errors(pages, tmp_path) == []


def test_the_checker_finds_an_error(tmp_path):
    """The check itself works: a page with an invalid datetime is reported."""
    page = (
        '<!doctype html><html lang="id"><head><title>x</title></head>'
        '<body><time datetime="kemarin">x</time></body></html>'
    )
    assert len(html_errors({"/broken": page}, tmp_path)) == 1
