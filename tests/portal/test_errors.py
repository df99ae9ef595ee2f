import pytest

pytestmark = pytest.mark.django_db


def test_not_found_page_is_in_indonesian(client):
    response = client.get("/tidak-ada/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.text
    assert '<html lang="id">' in response.text


def test_not_found_page_is_in_english_under_en(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert '<html lang="en">' in response.text


@pytest.mark.parametrize(("language", "heading"), [("id", "Terjadi kesalahan"), ("en", "Something went wrong")])
def test_server_error_page_is_friendly_in_the_visitors_language(language, heading):
    from django.utils import translation

    from portal.views import server_error

    # The locale middleware has activated the visitor's language when the error handler runs.
    with translation.override(language):
        response = server_error(None)
    assert response.status_code == 500
    assert heading in response.content.decode()


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Disallow: /admin/" in response.text
    assert "Sitemap: http://testserver/sitemap.xml" in response.text
