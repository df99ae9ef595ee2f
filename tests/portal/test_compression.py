import gzip

import brotli
import pytest
from django.conf import settings
from django.templatetags.static import static
from django.test import Client

from portal.compression import preferred_encoding
from tests.factories import ReportFactory, second_factor_just_given, supervisor

pytestmark = pytest.mark.django_db


def test_the_report_form_is_sent_gzipped_when_the_browser_accepts_it(client):
    response = client.get("/lapor/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response["Content-Encoding"] == "gzip"
    html = gzip.decompress(response.content)
    assert b"csrfmiddlewaretoken" in html
    assert len(response.content) < len(html) / 3


def test_the_report_form_is_sent_plain_to_a_browser_without_gzip(client):
    response = client.get("/lapor/")
    assert not response.has_header("Content-Encoding")
    assert "csrfmiddlewaretoken" in response.text


def test_a_status_page_with_a_report_is_never_compressed(client):
    report = ReportFactory()
    report.set_pin("123456")
    report.save()
    client.post("/lapor/cek/", {"reference": report.reference, "pin": "123456"})
    response = client.get("/lapor/cek/laporan/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
    assert report.reference in response.text


def test_the_admin_page_of_a_report_is_never_compressed(client):
    report = ReportFactory(with_contact=True)
    client.force_login(supervisor())
    second_factor_just_given(client)
    response = client.get(f"/admin/reports/report/{report.pk}/change/", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")


def test_other_admin_pages_are_compressed(client):
    client.force_login(supervisor())
    second_factor_just_given(client)
    response = client.get("/admin/activities/activity/", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"


def test_the_activities_export_is_never_compressed(client):
    client.force_login(supervisor())
    second_factor_just_given(client)
    response = client.get("/admin/activities/activity/export.csv", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")


def test_a_static_stylesheet_is_sent_with_brotli_when_asked():
    url = static("css/portal.css")
    response = Client().get(url, HTTP_ACCEPT_ENCODING="gzip, br")
    assert response["Content-Encoding"] == "br"
    css = brotli.decompress(b"".join(response.streaming_content))
    assert css == (settings.STATIC_ROOT / url.removeprefix(settings.STATIC_URL)).read_bytes()


def test_a_static_stylesheet_is_sent_plain_without_accept_encoding():
    response = Client().get(static("css/portal.css"))
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        ("gzip, deflate, br, zstd", "br"),
        ("gzip", "gzip"),
        ("br;q=0, gzip;q=0.8", "gzip"),
        ("BR", "br"),
        ("identity", "identity"),
        ("", "identity"),
        ("gzip;q=bad", "identity"),
    ],
)
def test_the_encoding_is_chosen_from_accept_encoding(accept, chosen):
    assert preferred_encoding(accept, {"identity", "gzip", "br"}) == chosen
