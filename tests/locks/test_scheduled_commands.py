"""The scheduled commands on several servers at once: while one server runs a command, the same command started
on another (another process with its own database connection) does nothing."""

import datetime
import threading
from contextlib import contextmanager
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from outreach import locks
from outreach.reports.models import Status
from tests.factories import ReportFactory

pytestmark = pytest.mark.django_db


@contextmanager
def another_server_running(command: str):
    """The lock the command takes, held by another database session for the block."""
    holding, done = threading.Event(), threading.Event()
    outcome = {}

    def other_server():
        try:
            with locks.alone(f"command:{command}") as taken:
                outcome["taken"] = taken
                holding.set()
                done.wait(30)
        finally:
            holding.set()
            connection.close()

    thread = threading.Thread(target=other_server)
    thread.start()
    holding.wait(30)
    try:
        assert outcome["taken"]
        yield
    finally:
        done.set()
        thread.join()


def run(command: str) -> str:
    out = StringIO()
    call_command(command, stdout=out)
    return out.getvalue()


def old_closed_report():
    closed_at = timezone.now() - datetime.timedelta(days=400)
    return ReportFactory(with_contact=True, status=Status.CLOSED, closed_at=closed_at)


def test_the_purge_does_nothing_while_another_server_runs_it():
    report = old_closed_report()
    with another_server_running("purge_reporter_data"):
        output = run("purge_reporter_data")
    assert output == "purge_reporter_data is already running on another server: nothing done.\n"
    report.refresh_from_db()
    assert report.reporter_name != ""


def test_the_purge_runs_once_the_other_server_has_finished():
    report = old_closed_report()
    with another_server_running("purge_reporter_data"):
        pass
    assert run("purge_reporter_data").startswith("Purged 1 reports")
    report.refresh_from_db()
    assert report.reporter_name == ""


def test_the_photo_sync_does_nothing_while_another_server_runs_it():
    with another_server_running("sync_public_photos"):
        output = run("sync_public_photos")
    assert output == "sync_public_photos is already running on another server: nothing done.\n"


def test_the_photo_sync_runs_when_no_other_server_runs_it():
    with another_server_running("purge_reporter_data"):  # another command's lock does not stop it
        output = run("sync_public_photos")
    assert output.startswith("Synced 0 photos")


@pytest.mark.django_db(transaction=True)
def test_two_servers_purging_at_once_purge_each_report_once():
    old_closed_report()
    start = threading.Barrier(2)
    outputs = []

    def server():
        try:
            start.wait()
            outputs.append(run("purge_reporter_data"))
        finally:
            connection.close()

    servers = [threading.Thread(target=server) for _ in range(2)]
    for thread in servers:
        thread.start()
    for thread in servers:
        thread.join()
    assert sum(output.startswith("Purged 1 reports") for output in outputs) == 1
