"""A double-click on "Send": two real requests with the same submission token, at the same moment, against the
live server. The reporter sees their PIN whichever answer the browser shows, and one report is counted once."""

import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.db import connection, transaction
from django.test import Client

from outreach.abuse import counters
from outreach.abuse.clients import key_for
from outreach.abuse.models import AbuseCounter
from outreach.reports.models import Report

from .helpers import form_data

CSRF_SECRET = "x" * 32


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def post(url: str, data: dict, cookies: str) -> int:
    request = urllib.request.Request(url, data=urllib.parse.urlencode(data).encode(), headers={"Cookie": cookies})
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:  # a redirect or an error status
        return error.code


def wait_for_blocked_requests(count: int):
    """Until ``count`` other database sessions wait for a lock (bounded: the assertions decide)."""
    deadline = time.monotonic() + 30
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE wait_event_type = 'Lock' AND datname = current_database() AND pid <> pg_backend_pid()"
            )
            if cursor.fetchone()[0] >= count:
                return
            time.sleep(0.05)


@pytest.fixture
def reporter(settings):
    """A reporter whose answers wait on the review step, as the live server's session knows them."""
    settings.REPORT_RATE_LIMIT_PER_HOUR = 1
    client = Client()
    client.post("/lapor/", form_data())
    client.cookies["csrftoken"] = CSRF_SECRET
    return client


def test_both_requests_of_a_double_click_answer_with_the_confirmation_and_count_once(
    live_server, transactional_db, reporter
):
    token = reporter.session["report_draft"]["token"]
    cookies = f"sessionid={reporter.cookies['sessionid'].value}; csrftoken={CSRF_SECRET}"
    data = {"token": token, "csrfmiddlewaretoken": CSRF_SECRET}
    statuses = []

    def click():
        statuses.append(post(f"{live_server.url}/lapor/periksa/", data, cookies))

    clicks = [threading.Thread(target=click) for _ in range(2)]
    # Hold the rate limit counters until both requests are under way, so that neither finishes before the other
    # has started: the worst moment of a double-click, made certain.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {AbuseCounter._meta.db_table} IN SHARE ROW EXCLUSIVE MODE")
        for thread in clicks:
            thread.start()
        wait_for_blocked_requests(2)
    for thread in clicks:
        thread.join()

    assert statuses == [302, 302]  # both answers lead to the confirmation, neither to "too many reports"
    assert Report.objects.count() == 1
    assert counters.current(key_for("report", "127.0.0.1")) == 1
    pin = reporter.get("/lapor/terkirim/").context["pin"]
    assert pin and Report.objects.get().check_pin(pin)
