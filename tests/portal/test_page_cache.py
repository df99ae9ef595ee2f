import gc
import io
import socket

import brotli
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from outreach import generations
from outreach.activities.models import Status
from portal import page_cache
from tests.factories import ActivityFactory, FigureFactory, PageFactory, StaffFactory, officer, public_page_paths

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def stored_pages(settings) -> int:
    """Entries of the page cache's folder (its generation and counters are entries too, of the same count)."""
    return len(list(settings.CACHES[settings.PAGE_CACHE_ALIAS]["LOCATION"].glob("*.djcache")))


def cache_generation() -> str:
    return generations.current(page_cache.page_cache(), page_cache.GENERATION_KEY)


def queries_of(client, path, **headers) -> int:
    with CaptureQueriesContext(connection) as context:
        client.get(path, **headers)
    return len(context.captured_queries)


def made_for_them(client, path) -> bool:
    """Was the page rendered for this visitor (not the stored copy)? The frame's parts and the figures may come
    from the cache all the same, with no SQL query."""
    return bool(client.get(path).templates)


def visit_twice(path) -> int:
    """Two anonymous visitors (no cookies) one after the other: the second one's SQL queries."""
    Client().get(path)
    return queries_of(Client(), path)


# --- hits -------------------------------------------------------------------------------------------


def test_a_second_visitor_gets_the_stored_page_without_any_sql_query(client, django_assert_num_queries):
    ActivityFactory(title="Sosialisasi di Bakung")
    first = client.get("/kegiatan/")
    with django_assert_num_queries(0):
        second = Client().get("/kegiatan/")
    assert second.status_code == 200
    assert second.content == first.content
    assert "Sosialisasi di Bakung" in second.text


def test_the_first_visitor_is_not_served_from_an_empty_cache(client):
    ActivityFactory()
    assert queries_of(client, "/kegiatan/") > 0


@pytest.mark.parametrize("path", ["/", "/informasi/", "/jadwal/", "/statistik/", "/cari/?q=paspor", "/sitemap.xml"])
def test_public_pages_are_stored(path):
    PageFactory(title_ind="Paspor untuk pekerja migran")
    assert visit_twice(path) == 0


def test_every_public_page_type_of_the_guard_list_is_stored_except_forms_and_errors():
    forms = {"/program/sekolah/minta-kunjungan/", "/lapor/", "/lapor/cek/"}
    for path in public_page_paths():
        answered = Client().get(path).status_code
        served_from_cache = not Client().get(path).templates  # a stored page is not rendered (nor queried)
        assert served_from_cache == (answered == 200 and path not in forms), path


def test_an_information_page_with_its_feedback_form_is_stored_without_a_csrf_token():
    page = PageFactory()
    response = Client().get(page.get_absolute_url())
    assert "csrfmiddlewaretoken" not in response.text
    assert "csrftoken" not in response.cookies
    assert queries_of(Client(), page.get_absolute_url()) == 0


def test_head_is_answered_from_the_cache_with_the_length_of_the_page():
    page = Client().get("/informasi/")
    with CaptureQueriesContext(connection) as context:
        head = Client().head("/informasi/")
    assert len(context.captured_queries) == 0
    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Length"] == str(len(page.content))


def test_a_head_request_stores_the_page_for_the_next_get():
    Client().head("/informasi/")
    response = Client().get("/informasi/")
    assert queries_of(Client(), "/informasi/") == 0
    assert response.status_code == 200 and "<html" in response.text


# --- who never gets a stored page -------------------------------------------------------------------


def test_a_logged_in_officer_never_gets_the_stored_page():
    Client().get("/kegiatan/")
    staff = Client()
    staff.force_login(officer())
    assert made_for_them(staff, "/kegiatan/")


def test_a_page_made_for_a_logged_in_officer_is_not_stored(settings):
    Client().get("/")  # the cache's generation exists
    staff = Client()
    staff.force_login(StaffFactory())
    before = stored_pages(settings)
    staff.get("/kegiatan/")
    assert stored_pages(settings) == before
    assert made_for_them(Client(), "/kegiatan/")


@pytest.mark.parametrize("cookie", ["sessionid", "csrftoken", "messages"])
def test_a_visitor_with_a_session_csrf_or_message_cookie_gets_a_fresh_page(cookie):
    Client().get("/kegiatan/")
    visitor = Client()
    visitor.cookies[cookie] = "x"
    assert made_for_them(visitor, "/kegiatan/")


def test_a_visitor_without_those_cookies_but_with_another_one_gets_the_stored_page():
    Client().get("/kegiatan/")
    visitor = Client()
    visitor.cookies["_ga"] = "tracking"
    assert not made_for_them(visitor, "/kegiatan/")


@pytest.mark.parametrize(
    "path",
    [
        "/lapor/",
        "/lapor/cek/",
        "/program/sekolah/minta-kunjungan/",
        "/program/sekolah/minta-kunjungan/cek/",
        "/admin/login/",
        "/petugas/",
        "/healthz",
        "/tidak-ada/",
    ],
)
def test_forms_reports_the_admin_the_field_app_and_errors_are_never_stored(settings, path):
    Client().get("/")  # the cache's generation exists
    before = stored_pages(settings)
    Client().get(path)
    Client().get(path)
    assert stored_pages(settings) == before


def test_a_report_status_page_is_never_stored(settings):
    from tests.factories import ReportFactory

    report = ReportFactory()
    report.set_pin("123456")
    report.save()
    Client().get("/")  # the cache's generation exists
    visitor = Client()
    visitor.post("/lapor/cek/", {"reference": report.reference, "pin": "123456"})
    before = stored_pages(settings)
    assert visitor.get("/lapor/cek/laporan/").status_code == 200
    assert stored_pages(settings) == before


# --- keys -------------------------------------------------------------------------------------------


def test_english_and_indonesian_are_stored_separately():
    indonesian = Client().get("/informasi/")
    english = Client().get("/en/informasi/")
    assert 'lang="id"' in indonesian.text and 'lang="en"' in english.text
    assert queries_of(Client(), "/en/informasi/") == 0
    assert 'lang="en"' in Client().get("/en/informasi/").text
    assert 'lang="id"' in Client().get("/informasi/").text


def test_an_unknown_query_parameter_bypasses_the_cache(settings):
    Client().get("/")
    before = stored_pages(settings)
    for n in range(5):
        Client().get(f"/?utm_source=random{n}")
    assert stored_pages(settings) == before


def test_a_known_query_parameter_is_part_of_the_key():
    ActivityFactory(title="Kegiatan unik")
    Client().get("/cari/?q=paspor")
    assert "Kegiatan unik" in Client().get("/cari/?q=unik").text


def test_random_searches_store_at_most_the_budget_of_query_pages(settings):
    settings.PAGE_CACHE_QUERY_VARIANTS = 3
    Client().get("/")
    before = stored_pages(settings)
    for n in range(10):
        Client().get(f"/cari/?q=acak{n}")
    # three pages (an entry for each encoding) and the budget's counter
    assert stored_pages(settings) == before + 3 * 3 + 1


def test_a_long_query_value_is_not_stored(settings):
    Client().get("/")
    before = stored_pages(settings)
    Client().get("/cari/?q=" + "a" * 101)
    assert stored_pages(settings) == before


# --- invalidation -------------------------------------------------------------------------------------


def test_publishing_an_activity_refreshes_the_stored_list():
    draft = ActivityFactory(title="Kunjungan baru", status=Status.DRAFT)
    assert "Kunjungan baru" not in Client().get("/kegiatan/").text
    draft.status = Status.PUBLISHED
    draft.save()
    assert "Kunjungan baru" in Client().get("/kegiatan/").text


def test_linking_a_partner_to_an_activity_refreshes_its_stored_page():
    from outreach.office.models import PartnerAgency

    activity = ActivityFactory()
    partner = PartnerAgency.objects.create(name="Dinas Tenaga Kerja Kabupaten Blitar")
    assert partner.name not in Client().get(activity.get_absolute_url()).text
    activity.partners.add(partner)  # an m2m change, no save of the activity
    assert partner.name in Client().get(activity.get_absolute_url()).text


def test_without_a_change_the_stored_list_stays():
    ActivityFactory(title="Kunjungan lama")
    Client().get("/kegiatan/")
    assert queries_of(Client(), "/kegiatan/") == 0


def test_an_editor_changing_an_information_page_refreshes_it():
    page = PageFactory(title_ind="Judul lama")
    assert "Judul lama" in Client().get(page.get_absolute_url()).text
    page.title_ind = "Judul baru"
    page.save()
    assert "Judul baru" in Client().get(page.get_absolute_url()).text


def test_deleting_an_activity_refreshes_the_stored_list():
    activity = ActivityFactory(title="Akan dihapus")
    assert "Akan dihapus" in Client().get("/kegiatan/").text
    activity.delete()
    assert "Akan dihapus" not in Client().get("/kegiatan/").text


def test_publishing_through_the_admin_action_refreshes_the_stored_list(admin_client):
    draft = ActivityFactory(title="Diterbitkan lewat admin", status=Status.DRAFT)
    assert "Diterbitkan lewat admin" not in Client().get("/kegiatan/").text
    admin_client.post("/admin/activities/activity/", {"action": "publish", "_selected_action": [draft.pk]})
    assert "Diterbitkan lewat admin" in Client().get("/kegiatan/").text


def test_an_admin_action_that_updates_rows_without_signals_refreshes_the_stored_pages(admin_client):
    figure = FigureFactory(series__name="Paspor terbit")
    assert "Paspor terbit" in Client().get("/statistik/").text
    # Unpublishing figures is a queryset update(): no model signal, the staff write itself renews the cache.
    admin_client.post("/admin/stats/figure/", {"action": "unpublish", "_selected_action": [figure.pk]})
    assert "Paspor terbit" not in Client().get("/statistik/").text


def test_a_staff_write_in_the_reports_admin_does_not_empty_the_cache(admin_client):
    from tests.factories import ReportFactory

    report = ReportFactory()
    Client().get("/informasi/")
    response = admin_client.post(
        "/admin/reports/report/", {"action": "erase_reporter_identity", "_selected_action": [report.pk]}
    )
    assert response.status_code == 200  # the confirmation step: a successful staff POST
    assert not made_for_them(Client(), "/informasi/")


def test_every_public_content_model_in_the_admin_renews_the_cache_on_a_staff_write():
    from django.contrib import admin
    from django.urls import reverse

    registered = [model for model in admin.site._registry if model._meta.label in page_cache.CONTENT_MODELS]
    assert len(registered) >= 10
    for model in registered:
        changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        assert changelist.startswith(page_cache.CONTENT_ADMIN_PATHS), model


def test_a_staff_read_does_not_empty_the_cache(admin_client):
    Client().get("/informasi/")
    admin_client.get("/admin/stats/figure/")
    assert queries_of(Client(), "/informasi/") == 0


def test_a_public_answer_does_not_empty_the_cache():
    page = PageFactory()
    Client().get("/informasi/")
    Client().post(f"{page.get_absolute_url()}masukan/", {"helpful": "yes"})
    assert queries_of(Client(), "/informasi/") == 0


# --- what a stored page carries -------------------------------------------------------------------------


def test_a_stored_page_never_carries_a_csp_nonce():
    Client().get("/")
    policy = Client().get("/")["Content-Security-Policy"]
    assert "'nonce-" not in policy


def test_a_page_that_used_its_csp_nonce_is_not_stored(settings):
    settings.ROOT_URLCONF = "tests.portal.nonce_urls"
    first, second = Client().get("/"), Client().get("/")
    assert "'nonce-" in first["Content-Security-Policy"]
    assert first["Content-Security-Policy"] != second["Content-Security-Policy"]
    assert first.content != second.content


@pytest.mark.parametrize(
    ("accept", "encoding"), [("gzip, deflate, br", "br"), ("gzip", "gzip"), ("br;q=0, gzip", "gzip")]
)
def test_a_stored_page_is_sent_compressed_as_the_browser_accepts(accept, encoding):
    plain = Client().get("/informasi/").content
    response = Client().get("/informasi/", HTTP_ACCEPT_ENCODING=accept)
    assert response["Content-Encoding"] == encoding
    assert "Accept-Encoding" in response["Vary"]
    assert len(response.content) < len(plain) / 2
    if encoding == "br":
        assert brotli.decompress(response.content) == plain


def test_a_stored_page_is_sent_plain_to_a_browser_that_accepts_no_compression():
    Client().get("/informasi/", HTTP_ACCEPT_ENCODING="br")
    response = Client().get("/informasi/")
    assert not response.has_header("Content-Encoding")
    assert "<html" in response.text


def test_a_stored_page_keeps_the_security_headers():
    Client().get("/informasi/")
    response = Client().get("/informasi/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Permissions-Policy" in response
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_the_page_cache_is_off_with_zero_seconds(settings):
    settings.PAGE_CACHE_SECONDS = 0
    Client().get("/informasi/")
    assert queries_of(Client(), "/informasi/") > 0


# --- the lean path: the WSGI layer in front of Django ---------------------------------------------------------


class Behind:
    """What stands behind the WSGI layer in these tests: a WSGI application that records each request it gets
    (Django's own handler behind it is tried by tests/multi, through gunicorn)."""

    def __init__(self):
        self.environs = []

    def __call__(self, environ, start_response):
        self.environs.append(environ)
        start_response("204 No Content", [])
        return [b""]


def wsgi_environ(path, method="GET", **extra):
    path, _sep, query = path.partition("?")
    return {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        **extra,
    }


def through_the_wsgi_layer(path, method="GET", **extra):
    """The status, headers and body the WSGI layer sends, and what reached the application behind it."""
    behind, sent = Behind(), {}
    body = b"".join(
        page_cache.PageCacheApplication(behind)(
            wsgi_environ(path, method, **extra), lambda status, headers: sent.update(status=status, headers=headers)
        )
    )
    return sent["status"], dict(sent["headers"]), body, behind.environs


def test_the_portal_is_served_behind_the_wsgi_layer():
    from django.core.handlers.wsgi import WSGIHandler

    from portal import wsgi

    gc.unfreeze()  # importing portal.wsgi froze this test process's objects: a server's choice only
    assert isinstance(wsgi.application, page_cache.PageCacheApplication)
    assert isinstance(wsgi.application.application, WSGIHandler)


def test_the_wsgi_layer_answers_a_stored_page_without_django(django_assert_num_queries):
    page = Client().get("/informasi/")
    with django_assert_num_queries(0):
        status, headers, body, reached = through_the_wsgi_layer("/informasi/")
    assert reached == []
    assert status == "200 OK"
    assert body == page.content
    assert headers["Content-Length"] == str(len(page.content))
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_the_wsgi_layer_passes_a_page_not_stored_yet_to_django_with_the_generation_it_looked_in():
    _status, _headers, _body, reached = through_the_wsgi_layer("/informasi/")
    assert len(reached) == 1
    assert reached[0][page_cache.MISSED_IN] == cache_generation()


@pytest.mark.parametrize("cookie", ["sessionid=x", "csrftoken=x", "messages=x"])
def test_the_wsgi_layer_passes_a_visitor_with_a_session_csrf_or_message_cookie_to_django(cookie):
    Client().get("/informasi/")
    _status, _headers, _body, reached = through_the_wsgi_layer("/informasi/", HTTP_COOKIE=cookie)
    assert len(reached) == 1
    assert page_cache.MISSED_IN not in reached[0]


def test_the_wsgi_layer_serves_a_visitor_with_another_cookie():
    Client().get("/informasi/")
    _status, _headers, _body, reached = through_the_wsgi_layer("/informasi/", HTTP_COOKIE="_ga=tracking")
    assert reached == []


def test_the_wsgi_layer_sends_a_stored_page_compressed_as_the_browser_accepts():
    plain = Client().get("/informasi/").content
    _status, headers, body, _reached = through_the_wsgi_layer("/informasi/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert headers["Content-Encoding"] == "br"
    assert brotli.decompress(body) == plain


def test_the_wsgi_layer_answers_head_with_the_headers_of_the_stored_page_and_no_body():
    page = Client().get("/informasi/")
    status, headers, body, reached = through_the_wsgi_layer("/informasi/", method="HEAD")
    assert (status, body, reached) == ("200 OK", b"", [])
    assert headers["Content-Length"] == str(len(page.content))


def test_the_wsgi_layer_passes_a_post_to_django():
    Client().get("/informasi/")
    _status, _headers, _body, reached = through_the_wsgi_layer("/informasi/", method="POST")
    assert len(reached) == 1


def test_a_page_missed_by_the_wsgi_layer_is_made_once_and_stored_under_the_generation_it_looked_in():
    looked_in = cache_generation()
    ActivityFactory(title="Kunjungan baru")  # renews the generation after the WSGI layer looked
    Client().get("/kegiatan/", **{page_cache.MISSED_IN: looked_in})
    # Stored under the generation read before the page was made, where the next visitor does not look.
    assert made_for_them(Client(), "/kegiatan/")


def test_a_page_missed_by_the_wsgi_layer_in_the_current_generation_is_stored_for_the_next_visitor():
    Client().get("/kegiatan/", **{page_cache.MISSED_IN: cache_generation()})
    assert not made_for_them(Client(), "/kegiatan/")


@pytest.mark.parametrize(
    ("proxy_header", "meta", "scheme"),
    [
        (None, {}, "http"),
        (None, {"wsgi.url_scheme": "https"}, "https"),
        (("HTTP_X_FORWARDED_PROTO", "https"), {"HTTP_X_FORWARDED_PROTO": "https"}, "https"),
        (("HTTP_X_FORWARDED_PROTO", "https"), {"HTTP_X_FORWARDED_PROTO": "https, http"}, "https"),
        (("HTTP_X_FORWARDED_PROTO", "https"), {"HTTP_X_FORWARDED_PROTO": "http", "wsgi.url_scheme": "https"}, "http"),
        (("HTTP_X_FORWARDED_PROTO", "https"), {"wsgi.url_scheme": "https"}, "https"),
    ],
)
def test_the_scheme_from_the_environ_is_the_one_django_sees(settings, proxy_header, meta, scheme):
    from django.core.handlers.wsgi import WSGIRequest

    settings.SECURE_PROXY_SSL_HEADER = proxy_header
    environ = wsgi_environ("/", **meta)
    assert page_cache.request_scheme(environ) == WSGIRequest(environ).scheme == scheme


@pytest.mark.parametrize(
    ("script_name", "path_info"), [("", "/informasi/"), ("/portal", "/informasi/"), ("", ""), ("/portal/", "/en/")]
)
def test_the_path_from_the_environ_is_the_one_django_sees(script_name, path_info):
    from django.core.handlers.wsgi import WSGIRequest

    environ = {**wsgi_environ(path_info), "SCRIPT_NAME": script_name}
    assert page_cache.request_path(environ) == WSGIRequest(environ).path


# --- a cache that fails -----------------------------------------------------------------------------------


@pytest.fixture
def unreachable_page_cache(settings):
    """The page cache in a Redis that is not there (a closed loopback port), as when Redis goes away."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.CACHES = {
        **settings.CACHES,
        settings.PAGE_CACHE_ALIAS: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    }
    # Changing CACHES makes Django's test signals forget the cache connections made so far.


def test_a_page_is_served_when_the_page_cache_fails(unreachable_page_cache, caplog):
    response = Client().get("/informasi/")
    assert response.status_code == 200
    assert "<html" in response.text
    assert "The page cache failed" in caplog.text


def test_the_wsgi_layer_passes_the_page_to_django_when_the_cache_fails(unreachable_page_cache):
    _status, _headers, _body, reached = through_the_wsgi_layer("/informasi/")
    assert len(reached) == 1
    assert page_cache.MISSED_IN not in reached[0]


def test_an_activity_is_saved_when_the_page_cache_fails(unreachable_page_cache):
    activity = ActivityFactory(title="Tersimpan walau cache mati")
    assert type(activity).objects.filter(title="Tersimpan walau cache mati").exists()
