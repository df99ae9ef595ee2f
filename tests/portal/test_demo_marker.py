"""A development install (DEBUG on, where seed_demo runs) marks every page as showing example data."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/kegiatan/", "/lapor/", "/en/jadwal/"])
def test_every_page_of_a_development_install_says_it_shows_example_data(client, settings, url):
    settings.DEBUG = True
    assert "Data contoh / Example data" in client.get(url).text


def test_a_production_install_shows_no_example_data_marker(client, settings):
    settings.DEBUG = False
    assert "Data contoh / Example data" not in client.get("/").text
