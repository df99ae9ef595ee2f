"""Two app servers behind one address: the same PostgreSQL, one Redis, one S3-compatible object storage.

Real parts, all on the loopback and started by the test: Debian's redis-server, moto's S3 server, and two
gunicorn servers as `make serve` runs them (DEBUG off). What one server does, the other sees: a report sent
through A is triaged through B with its photo, which lives in the private bucket only; the rate limit counts
both servers' requests; a page read on A is fresh after content is published through B. Selected with
``-m multi_server``.
"""

import io
import os
import re
import subprocess
import sys

import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from PIL import Image

from outreach.activities.models import Activity, Status
from outreach.reports.models import Report
from outreach.reports.models import Status as ReportStatus
from tests.factories import ActivityFactory, OfficeProfileFactory, app_code, authenticator_app, supervisor
from tests.multi.helpers import (
    PRIVATE_BUCKET,
    PUBLIC_BUCKET,
    ROOT,
    S3_KEY_ID,
    S3_SECRET,
    Browser,
    app_server,
    bucket_keys,
    database_url,
    free_port,
    hidden_input,
    serve,
    server_environment,
)

pytestmark = pytest.mark.multi_server

LOOKUPS_PER_HOUR = 3
PASSWORD = "two servers, one portal"


@pytest.fixture
def servers(transactional_db, redis_url, s3_endpoint, tmp_path, monkeypatch):
    """Servers A and B: the trial settings of `make serve`, every shared part configured."""
    monkeypatch.setattr(serve, "ENV_FILE", tmp_path / ".serve.env")
    ports = [free_port(), free_port()]
    env = server_environment(
        ports,
        DATABASE_URL=database_url(connection.settings_dict),
        REDIS_URL=redis_url,
        S3_BUCKET=PUBLIC_BUCKET,
        S3_PRIVATE_BUCKET=PRIVATE_BUCKET,
        S3_ENDPOINT_URL=s3_endpoint,
        S3_REGION="us-east-1",
        S3_ACCESS_KEY_ID=S3_KEY_ID,
        S3_SECRET_ACCESS_KEY=S3_SECRET,
        MEDIA_ROOT=str(tmp_path / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "private_media"),
        STAFF_REQUIRE_2FA="false",
        FORM_MIN_FILL_SECONDS="0",
        REPORT_LOOKUPS_PER_HOUR=str(LOOKUPS_PER_HOUR),
    )
    with (
        app_server(ports[0], env, tmp_path / "server-a.log") as a,
        app_server(ports[1], env, tmp_path / "server-b.log") as b,
    ):
        yield a, b
    # Nothing went to the servers' disks: every file is in the object storage.
    assert not (tmp_path / "media").exists()
    assert not (tmp_path / "private_media").exists()


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (30, 120, 60)).save(buffer, format="JPEG")
    return buffer.getvalue()


def send_report(browser: Browser, server: str) -> tuple[str, str]:
    """A resident's report with a photo, form and review step on ``server``. Returns (reference, PIN)."""
    form = browser.get(f"{server}/lapor/")
    answers = {
        "category": "tppo",
        "description": "Three young women were promised work abroad by a broker without papers.",
        "kecamatan": "sananwetan",
        "village": "Bendogerit",
        "occurred_approximately": "last week",
        "identity": "anonymous",
        "started": hidden_input(form.text, "started"),
    }
    files = {"photos": ("rumah.jpg", jpeg(), "image/jpeg")}
    response = browser.post(f"{server}/lapor/", answers, files=files)
    assert response.status_code == 302, response.text[:2000]
    review = browser.get(f"{server}/lapor/periksa/")
    response = browser.post(f"{server}/lapor/periksa/", {"token": hidden_input(review.text, "token")})
    assert response.status_code == 302, response.text[:2000]
    done = browser.get(f"{server}{response.headers['Location']}")
    reference = re.search(r'id="report-reference">([^<]+)<', done.text).group(1)
    pin = re.search(r'id="report-pin">(\d{6})<', done.text).group(1)
    return reference, pin


def log_in(server: str, user) -> Browser:
    """A staff member's log-in on ``server``: password, then the authenticator app's code."""
    device = authenticator_app(user)
    browser = Browser()
    browser.get(f"{server}/admin/login/")
    response = browser.post(f"{server}/admin/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302 and "two-factor" in response.headers["Location"], response.text[:2000]
    response = browser.post(f"{server}/admin/two-factor/", {"token": app_code(device)})
    assert response.status_code == 302, response.text[:2000]
    return browser


def staff_supervisor():
    """A supervisor whose password the servers can check (the tests' own hasher is not theirs)."""
    user = supervisor()
    hasher = PBKDF2PasswordHasher()
    user.password = hasher.encode(PASSWORD, hasher.salt())
    user.save(update_fields=["password"])
    return user


def test_a_report_sent_through_one_server_is_triaged_with_its_photo_through_the_other(servers, s3_endpoint):
    a, b = servers
    OfficeProfileFactory()
    reference, _pin = send_report(Browser(), a)
    report = Report.objects.get(reference=reference)
    photo = report.photos.get()

    officer = log_in(b, staff_supervisor())
    change = officer.get(f"{b}/admin/reports/report/{report.pk}/change/")
    assert change.status_code == 200 and reference in change.text
    photo_url = f"{b}/admin/reports/report/{report.pk}/photo/{photo.pk}/"
    shown = officer.get(photo_url)
    assert shown.status_code == 200 and shown.headers["Content-Type"] == "image/jpeg"
    assert shown.content[:3] == b"\xff\xd8\xff"
    triage = {"priority": report.priority, "assigned_to": "", "new_status": "verified", "internal_note": "Dicek."}
    assert officer.post(f"{b}/admin/reports/report/{report.pk}/change/", triage).status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.VERIFIED

    assert bucket_keys(s3_endpoint, PRIVATE_BUCKET) == [photo.image.name]
    assert bucket_keys(s3_endpoint, PUBLIC_BUCKET) == []
    assert requests.get(f"{s3_endpoint}/{PRIVATE_BUCKET}/{photo.image.name}", timeout=10).status_code == 403
    assert Browser().get(photo_url).status_code == 302  # to the log-in


def test_the_rate_limit_counts_the_requests_to_both_servers(servers):
    a, b = servers
    browser = Browser()
    browser.get(f"{a}/lapor/cek/")
    lookup = {"reference": "LPR-AAAA-BBBB", "pin": "123456"}
    answers = [browser.post(f"{(a, b)[n % 2]}/lapor/cek/", lookup).status_code for n in range(LOOKUPS_PER_HOUR + 1)]
    assert answers == [200] * LOOKUPS_PER_HOUR + [429]


def test_a_page_read_on_one_server_is_fresh_after_publishing_through_the_other(servers):
    a, b = servers
    activity = ActivityFactory(status=Status.DRAFT, title="Sosialisasi dua server di Desa Contoh")
    assert activity.title not in Browser().get(f"{a}/kegiatan/").text
    # Written behind the servers' backs (this process's signals reach its own cache, not their Redis): server A
    # still answers from the shared page cache, which proves the page is cached.
    unseen = ActivityFactory(status=Status.PUBLISHED, title="Kegiatan yang belum terlihat server")
    assert unseen.title not in Browser().get(f"{a}/kegiatan/").text

    officer = log_in(b, staff_supervisor())
    officer.get(f"{b}/admin/activities/activity/")
    action = {"action": "publish", "_selected_action": activity.pk, "index": 0, "select_across": 0}
    assert officer.post(f"{b}/admin/activities/activity/", action).status_code == 302
    assert Activity.objects.get(pk=activity.pk).status == Status.PUBLISHED

    fresh = Browser().get(f"{a}/kegiatan/").text
    assert activity.title in fresh and unseen.title in fresh


def django_process(code: str, **env) -> str:
    """Run ``code`` in a new process with the project's settings and ``env``; return what it printed."""
    environment = {**os.environ, "DEBUG": "true", "DATABASE_URL": database_url(connection.settings_dict), **env}
    command = [sys.executable, "manage.py", "shell", "--no-imports", "-c", code]
    result = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.django_db
def test_with_redis_url_a_value_cached_by_one_process_is_read_by_another(redis_url):
    django_process("from django.core.cache import cache; cache.set('shared', 'from A', 60)", REDIS_URL=redis_url)
    read = "from django.core.cache import cache; print(cache.get('shared'))"
    assert django_process(read, REDIS_URL=redis_url) == "from A"
    assert django_process(read) == "None"  # without REDIS_URL: this machine's cache files, which it never reached


@pytest.mark.django_db
def test_without_redis_the_workers_of_one_machine_share_the_cache_files(tmp_path):
    """Figures and pages invalidated by one gunicorn worker are invalidated for its siblings too."""
    django_process("from django.core.cache import cache; cache.set('shared', 'from A', 60)", CACHE_DIR=str(tmp_path))
    read = "from django.core.cache import cache; print(cache.get('shared'))"
    assert django_process(read, CACHE_DIR=str(tmp_path)) == "from A"
    assert django_process(read, CACHE_DIR=str(tmp_path / "another-machine")) == "None"
