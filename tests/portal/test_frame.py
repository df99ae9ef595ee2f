"""portal/frame.py: the header, notices, footer and office profile kept for every visitor (page cache on)."""

import pickle
import re
import zlib

import pytest
from django.test import Client

from outreach.office.models import OfficeProfile
from outreach.pages.models import SiteNotice
from tests.factories import OfficeProfileFactory, ReportFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

HEADER, NOTICE, FOOTER = "includes/header.html", "includes/notice.html", "includes/footer.html"


def rendered(response) -> set[str]:
    return {template.name for template in response.templates}


def kept_values(settings) -> list[str]:
    """Every text held in the default cache's folder, where the parts are kept (Django's file cache: the expiry,
    then the value pickled and compressed)."""
    values = []
    for path in settings.CACHES["default"]["LOCATION"].glob("*.djcache"):
        with open(path, "rb") as file:
            pickle.load(file)
            value = pickle.loads(zlib.decompress(file.read()))
        if isinstance(value, str):
            values.append(value)
    return values


def test_the_second_visitor_gets_the_header_notices_and_footer_without_rendering_them():
    OfficeProfileFactory()
    first = Client().get("/lapor/cek/")
    second = Client().get("/lapor/cek/")
    assert {HEADER, NOTICE, FOOTER} <= rendered(first)
    assert not {HEADER, NOTICE, FOOTER} & rendered(second)
    token = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"')
    assert token.sub(b"", first.content) == token.sub(b"", second.content)


def test_with_the_page_cache_off_every_page_renders_its_frame(settings):
    settings.PAGE_CACHE_SECONDS = 0
    Client().get("/lapor/cek/")
    assert {HEADER, NOTICE, FOOTER} <= rendered(Client().get("/lapor/cek/"))


def test_a_page_takes_the_office_profile_and_the_notices_from_the_cache(django_assert_num_queries):
    OfficeProfileFactory()
    Client().get("/lapor/cek/")
    with django_assert_num_queries(0):
        response = Client().get("/lapor/cek/")
    assert "Imigrasi Blitar" in response.text


def test_without_the_page_cache_a_page_asks_for_the_office_profile_and_the_notices(settings, django_assert_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    Client().get("/lapor/cek/")
    with django_assert_num_queries(2):
        Client().get("/lapor/cek/")


def test_each_language_gets_its_own_frame():
    Client().get("/lapor/cek/")
    english = Client().get("/en/lapor/cek/")
    assert {HEADER, NOTICE, FOOTER} <= rendered(english)
    assert "Skip to main content" in english.text and "In danger right now? Call the police on 110." in english.text
    assert "Dalam bahaya sekarang?" not in english.text


def test_the_footer_is_shared_by_every_page_but_the_header_is_kept_per_page():
    Client().get("/lapor/cek/")
    form = Client().get("/lapor/")
    assert HEADER in rendered(form) and FOOTER not in rendered(form)
    assert 'href="/en/lapor/"' in form.text and 'href="/en/lapor/cek/"' not in form.text


def test_a_page_with_a_query_string_renders_its_own_header():
    Client().get("/lapor/")
    prefilled = Client().get("/lapor/", {"category": "recruitment"})
    assert HEADER in rendered(prefilled)
    assert 'href="/en/lapor/?category=recruitment"' in prefilled.text


def test_a_page_with_an_argument_in_its_address_renders_its_own_header():
    Client().get("/informasi/")
    Client().get("/informasi/tidak-ada/")
    assert HEADER in rendered(Client().get("/informasi/tidak-ada/"))


def test_no_csrf_token_or_personal_data_is_kept_in_a_part(client, settings):
    report = ReportFactory()
    client.post("/lapor/cek/", {"reference": report.reference, "pin": "123456"})
    page = client.get("/lapor/cek/laporan/")
    token = client.cookies["csrftoken"].value
    assert report.reference in page.text and "csrfmiddlewaretoken" in page.text  # what a part must not hold
    kept = "\n".join(kept_values(settings))
    assert 'class="site-header"' in kept  # the header is among the kept parts
    assert report.reference not in kept and "csrfmiddlewaretoken" not in kept and token not in kept


def test_messages_are_never_kept_in_a_part(client, settings):
    client.get("/lapor/cek/laporan/")  # no lookup first: a message sends the visitor to the lookup form
    page = client.get("/lapor/cek/")
    assert "masukkan kode dan PIN sekali lagi" in page.text
    assert "masukkan kode dan PIN sekali lagi" not in "\n".join(kept_values(settings))


def test_a_change_to_the_office_profile_shows_on_the_next_page():
    office = OfficeProfileFactory()
    assert "Jl. Contoh No. 1" in Client().get("/lapor/cek/").text
    office.address = "Jl. Baru No. 9, Kota Blitar"
    office.save()
    page = Client().get("/lapor/cek/").text
    assert "Jl. Baru No. 9" in page and "Jl. Contoh No. 1" not in page


def test_a_notice_switched_on_shows_on_the_next_page():
    Client().get("/lapor/cek/")
    SiteNotice.objects.create(text_ind="Kantor tutup 17 Agustus", is_active=True)
    assert "Kantor tutup 17 Agustus" in Client().get("/lapor/cek/").text


def test_an_office_deleted_leaves_the_frame_without_it():
    OfficeProfileFactory()
    Client().get("/lapor/cek/")
    OfficeProfile.objects.get().delete()
    assert "Imigrasi Blitar" not in Client().get("/lapor/cek/").text
