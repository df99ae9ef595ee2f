"""The statements a report and a status lookup cost: each step asks the database a fixed, small number of
times, however many photos a report has (the load a traffic spike puts on PostgreSQL)."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone

from outreach.abuse import counters
from outreach.abuse.clients import key_for
from outreach.reports import one_time_pin
from outreach.reports.models import PinToShow, Report
from outreach.reports.services import LOOKUP_MAX_FAILURES
from tests.factories import ReportFactory

from .helpers import form_data, jpeg_bytes, upload

pytestmark = pytest.mark.django_db


def drafted(client, photos: int) -> str:
    """A draft with ``photos`` photos, ready to send; its submission token."""
    uploads = [upload(jpeg_bytes(color=(10 * n, 0, 0))) for n in range(photos)]
    assert client.post("/lapor/", {**form_data(), "photos": uploads}).status_code == 302
    return client.session["report_draft"]["token"]


@pytest.mark.parametrize("photos", [1, 3])
def test_sending_a_report_runs_the_same_queries_with_one_photo_and_with_three(
    client, django_assert_num_queries, photos
):
    token = drafted(client, photos)
    ContentType.objects.get_for_model(Report)  # known to every worker after its first report
    # The session, the report with this token (none yet); then in one transaction (2): a reference not in use,
    # the report, the sender's count, the PIN to show, the photos (one INSERT), the first history entry and the
    # email to the duty officer; then the session saved (3 in the test's transaction, 1 in production).
    with django_assert_num_queries(14):
        response = client.post("/lapor/periksa/", {"token": token})
    assert response.status_code == 302
    assert Report.objects.get().photos.count() == photos


def test_sending_the_same_draft_again_stores_nothing_and_asks_only_for_the_report(client, django_assert_num_queries):
    token = drafted(client, 3)
    session = dict(client.session.items())
    client.post("/lapor/periksa/", {"token": token})
    restored = client.session  # the second click of a double-click, with the draft still in its session
    restored.update(session)
    restored.save()
    with django_assert_num_queries(5):  # the session, the report with this token, the session saved (3)
        response = client.post("/lapor/periksa/", {"token": token})
    assert response.status_code == 302
    assert Report.objects.count() == 1


def test_the_confirmation_takes_the_pin_with_one_statement(client, django_assert_num_queries):
    client.post("/lapor/periksa/", {"token": drafted(client, 1)})
    with django_assert_num_queries(4):  # the session, the PIN taken (DELETE … RETURNING), the frame (2)
        response = client.get("/lapor/terkirim/")
    assert response.context["pin"] and not PinToShow.objects.exists()


def test_a_pin_kept_past_its_window_is_deleted_but_never_shown():
    one_time_pin.keep("token", "123456")
    PinToShow.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert one_time_pin.take("token") is None
    assert not PinToShow.objects.exists()


def test_keeping_a_pin_for_the_same_token_again_replaces_it():
    one_time_pin.keep("token", "111111")
    one_time_pin.keep("token", "222222")
    assert PinToShow.objects.count() == 1
    assert one_time_pin.take("token") == "222222"
    assert one_time_pin.take("token") is None


def test_a_lookup_with_the_right_pin_runs_seven_queries(django_assert_num_queries):
    report = ReportFactory()
    client = Client()
    # The client's lookup count, the code's failure count (unless paused), the report, the failure count
    # cleared; a new session for the visitor who had none (3 in the test's transaction, 1 in production).
    with django_assert_num_queries(7):
        response = client.post("/lapor/cek/", {"reference": report.reference, "pin": "123456"})
    assert response.status_code == 302


def test_a_lookup_with_a_wrong_pin_writes_no_session(django_assert_num_queries):
    report = ReportFactory()
    client = Client()
    with django_assert_num_queries(5):  # the two counts, the report, and the page's frame (2)
        response = client.post("/lapor/cek/", {"reference": report.reference, "pin": "000000"})
    assert response.status_code == 200 and "sessionid" not in response.cookies


def test_a_visitor_with_a_session_gets_a_new_session_key_when_a_lookup_opens_a_report(client):
    report = ReportFactory()
    client.post("/lapor/", form_data())  # the visitor's session exists before the lookup
    before = client.session.session_key
    client.post("/lapor/cek/", {"reference": report.reference, "pin": "123456"})
    assert client.session.session_key != before and client.session["report_status"]["report"] == report.pk


def test_a_paused_code_counts_no_more_failures():
    report = ReportFactory()
    for _ in range(LOOKUP_MAX_FAILURES):
        Client().post("/lapor/cek/", {"reference": report.reference, "pin": "000000"})
    failures = key_for("lookup-failures", report.reference)
    assert counters.current(key_for("lookup-pause", report.reference)) == 1
    Client().post("/lapor/cek/", {"reference": report.reference, "pin": "123456"})
    assert counters.current(failures) == 0
