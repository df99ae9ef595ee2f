"""Load benchmark of the production server: `make bench` (not part of `make test`; its smoke run is).

1. Seeds a database of its own (`portal_bench` in the embedded PostgreSQL, dropped and made again each run):
   the demo data and a supervisor with an authenticator app (TOTP), then, after timing the pages at demo
   size, BENCH_VILLAGES desa binaan, BENCH_SCHOOLS schools, BENCH_ACTIVITIES activities and BENCH_REPORTS
   reports with their history, in batches that print their progress.
2. Times each page in-process with single uncached requests (a fresh cache and a session cookie, which the
   page cache never serves) at demo size and at large size, and counts its SQL queries (production settings).
3. Starts the production server (`scripts/serve.py`'s gunicorn, DEBUG off) on a free loopback port, serving
   the portal and the baseline: a bare Django view with no middleware (`scripts/bench_wsgi.py`). Its rate
   limits are raised and its minimum form fill time is 0 s (environment variables of portal/settings.py):
   the load comes from one address.
4. Drives load at each public page, then at the admin change lists as the supervisor (logged in through the
   real log-in form and its second factor), for BENCH_SECONDS with BENCH_CONNECTIONS connections: `wrk`
   (Debian's package) when installed, otherwise a small pure-Python load generator. Then the admin CSV
   exports (one download at a time; the largest worker's memory is sampled throughout), report submission (the real
   /lapor/ flow: form, CSRF token, 3 photos, review step, confirmation; BENCH_CLIENTS processes) with a count
   afterwards that every accepted report is stored once with its 3 photos, and status lookups (/lapor/cek/
   with a right code and PIN, then the status page). Last, granian (when installed) serves the baseline and
   a few pages with the same workers, beside gunicorn's figures.
5. Prints, and writes to docs/benchmark.md (or --output), requests/s, p50/p95/p99, errors, the ratio to the
   baseline's requests/s in the same run, SQL queries per page, page weight and the largest worker's peak
   memory; the in-process p50 at demo and large size; the server comparison.

Only 127.0.0.1, bounded in time: each load phase lasts BENCH_SECONDS. `--smoke` runs it on tiny data with
the Python generator for a second per page (the test suite does), in the database `portal_bench_smoke`.
"""

import argparse
import contextlib
import datetime
import http.client
import http.cookies
import json
import multiprocessing
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from io import BytesIO
from pathlib import Path
from urllib.parse import urlencode, urlparse, urlunparse
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
sys.path.insert(0, str(SCRIPTS))

import serve  # noqa: E402

BASELINE = "/__baseline__"
SUBMIT = "/lapor/ (3 photos)"
LOOKUP = "/lapor/cek/ (right PIN)"
# What every browser sends: public pages are loaded as visitors load them (compressed where the portal compresses).
BROWSER = {"Accept-Encoding": "gzip, deflate, br"}
SUPERVISOR = "bench-supervisor"
PORTAL_TIME_ZONE = ZoneInfo("Asia/Jakarta")  # settings.TIME_ZONE: the date in the heading is the office's
LOOKUP_PIN = "123456"
PHOTO_SIZE = (1600, 1200)
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %f %f %f\\n", summary.requests,
    e.connect + e.read + e.write + e.status + e.timeout, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


def log(message: str):
    print(message, flush=True)


# --- the database -----------------------------------------------------------------------------------


def bench_database_url(name: str) -> str:
    base = urlparse(serve.embedded_database_url())
    return urlunparse(base._replace(path=f"/{name}"))


def recreate_database(name: str):
    import psycopg2

    connection = psycopg2.connect(serve.embedded_database_url())
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def drop_database(name: str):
    import psycopg2

    connection = psycopg2.connect(serve.embedded_database_url())
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    connection.close()


def child(command: str, env: dict, *args: str) -> str:
    """Run a step of this script in a fresh Django process (its output passes through; the RESULT line is kept)."""
    process = subprocess.Popen(
        [sys.executable, __file__, command, *args], env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    last = ""
    for line in process.stdout:
        if line.startswith("RESULT "):
            last = line.removeprefix("RESULT ")
        else:
            print("  " + line, end="", flush=True)
    if process.wait():
        sys.exit(f"bench: the step {command!r} failed")
    return last


def django_setup():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()


def seed_demo(password: str):
    """Demo data, information pages and the supervisor; prints the pages to load and the TOTP key."""
    django_setup()
    import io

    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from outreach.activities.models import Activity
    from outreach.office import roles
    from outreach.reports.models import Report
    from outreach.villages.models import Village

    call_command("migrate", "--noinput", verbosity=0)
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_information", stdout=io.StringIO())
    supervisor = User.objects.create_user(SUPERVISOR, password=password, is_staff=True)
    supervisor.groups.add(Group.objects.get(name=roles.SUPERVISOR))
    device = TOTPDevice.objects.create(user=supervisor, name="bench", confirmed=True)
    log("demo data, information pages and a supervisor with an authenticator app seeded")
    activity = Activity.objects.published().started().order_by("-starts_at").first()
    village = Village.objects.desa_binaan().order_by("pk").first()
    pages = [
        BASELINE,
        "/",
        "/en/",
        "/kegiatan/",
        "DEEP",  # a deep page of /kegiatan/, known once the large data is in
        activity.get_absolute_url() if activity else None,
        "/jadwal/",
        "/program/desa-binaan/",
        village.get_absolute_url() if village else None,
        "/program/sekolah/",
        "/pojok-baca/",
        "/statistik/",
        "/informasi/",
        "/cari/?q=paspor",
        "/lapor/cek/",
        "/sitemap.xml",
        "/sitemap-activities.xml",
    ]
    admin = [
        "/admin/activities/activity/",
        "/admin/activities/activity/?q=desa",
        "/admin/reports/report/",
        "/admin/reports/report/?status__exact=new",
        # Part of a demo report's reference, as an officer types it: the same few reports at demo size and large.
        f"/admin/reports/report/?q={Report.objects.order_by('pk').values_list('reference', flat=True)[0][4:8].lower()}",
        "/admin/schools/institution/",
        "/admin/villages/village/",
    ]
    exports = ["/admin/activities/activity/export.csv", "/admin/reports/report/export.csv"]
    result = {"pages": [page for page in pages if page], "admin": admin, "exports": exports, "key": device.key}
    print("RESULT " + json.dumps(result))


def seed_large(villages: int, schools: int, activities: int, reports: int):
    """Generated rows in batches, with progress; prints the deep /kegiatan/ page as the RESULT line."""
    django_setup()
    from django.db import connection
    from django.utils import timezone

    from outreach.activities.models import Activity, Kind, Status
    from outreach.reports.models import Report, ReportEvent
    from outreach.reports.models import Status as ReportStatus
    from outreach.schools.models import Institution, InstitutionLevel
    from outreach.villages.models import Village

    batch = 5000
    now, today = timezone.now(), timezone.localdate()
    made = [
        Village(
            name=f"Desa Uji {n}",
            slug=f"desa-uji-{n}",
            kecamatan="srengat",
            program_status="active",
            program_since=datetime.date(2024, 1, 1),
            selection_reason="Data uji benchmark.",
        )
        for n in range(villages)
    ]
    made = Village.objects.bulk_create(made, batch_size=batch)
    log(f"villages: {len(made)}")
    levels = InstitutionLevel.values
    institutions = Institution.objects.bulk_create(
        (
            Institution(name=f"Sekolah Uji {n}", slug=f"sekolah-uji-{n}", kecamatan="srengat", level=levels[n % 4])
            for n in range(schools)
        ),
        batch_size=batch,
    )
    log(f"schools: {len(institutions)}")
    places = made or list(Village.objects.all()[:1])
    for start in range(0, activities, batch):
        rows = []
        for n in range(start, min(start + batch, activities)):
            starts_at = now - datetime.timedelta(days=1 + n % 3650, minutes=n % 1440)
            school = institutions[n % len(institutions)] if institutions and n % 4 == 0 else None
            if school is None:
                kind = Kind.IMIGRASI_MASUK_DESA
            else:
                kind = Kind.CAMPUS_VISIT if school.level == InstitutionLevel.UNIVERSITY else Kind.SCHOOL_VISIT
            rows.append(
                Activity(
                    kind=kind,
                    title=f"Sosialisasi uji {n}",
                    slug=f"sosialisasi-uji-{n}",
                    village=None if school else places[n % len(places)],
                    institution=school,
                    starts_at=starts_at,
                    ends_at=starts_at + datetime.timedelta(hours=2),
                    summary="Sosialisasi pencegahan TPPO (data uji benchmark).",
                    male_18_59=n % 40,
                    female_18_59=n % 35,
                    status=Status.PUBLISHED if n % 20 else Status.DRAFT,
                )
            )
        Activity.objects.bulk_create(rows)
        log(f"activities: {start + len(rows)} / {activities}")
    pin = Report()
    pin.set_pin(LOOKUP_PIN)
    for start in range(0, reports, batch):
        rows = [
            Report(
                reference=f"LPR-{n % 10_000:04d}-{n // 10_000:04d}",
                category="overstay",
                description="Data uji benchmark.",
                kecamatan="srengat",
                village="Togogan",
                status=ReportStatus.CLOSED if n % 10 else ReportStatus.NEW,
                first_response_due=today - datetime.timedelta(days=n % 900),
                pin_hash=pin.pin_hash,
            )
            for n in range(start, min(start + batch, reports))
        ]
        Report.objects.bulk_create(rows)
        history = [ReportEvent(report=r, kind=ReportEvent.Kind.SUBMITTED, to_status=ReportStatus.NEW) for r in rows]
        history += [
            ReportEvent(report=r, kind=ReportEvent.Kind.TRANSITION, to_status=r.status, public_message="Selesai.")
            for r in rows
            if r.status == ReportStatus.CLOSED
        ]
        ReportEvent.objects.bulk_create(history)
        log(f"reports with their history: {start + len(rows)} / {reports}")
    # As autovacuum would have long done on a live database: otherwise it vacuums the freshly loaded tables (and
    # their visibility maps) in the middle of the load phases, on the same 2 cores. The CHECKPOINT then writes
    # the loaded pages out now, not spread over the next minutes of measurements as checkpoints are.
    log("VACUUM ANALYZE of the whole database, then a CHECKPOINT")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
        cursor.execute("CHECKPOINT")
    deep = max(1, Activity.objects.published().started().count() // 12 // 2)
    print("RESULT " + json.dumps(f"/kegiatan/?page={deep}"))


def time_pages(pages: list[str]):
    """One uncached GET after another of each page, in-process: the p50 of BENCH_TIMING_REPEATS and the SQL
    queries of one. Anonymous pages carry a session cookie and start from empty caches, which no page cache
    serves; admin pages are the supervisor's (second factor given)."""
    django_setup()
    from django.contrib.auth.models import User
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from portal.two_factor import VERIFIED_AT

    repeats = int(os.environ.get("BENCH_TIMING_REPEATS") or 5)
    anonymous = Client(HTTP_HOST="127.0.0.1")
    anonymous.cookies["sessionid"] = "bench-uncached"
    staff = Client(HTTP_HOST="127.0.0.1")
    staff.force_login(User.objects.get(username=SUPERVISOR))
    session = staff.session
    session[VERIFIED_AT] = time.time()
    session.save()
    result = {}
    for page in pages:
        if page == BASELINE:
            continue
        client = staff if page.startswith("/admin/") else anonymous
        times, queries, status = [], 0, 0
        for number in range(repeats + 1):
            for cache in caches.all():
                cache.clear()
            with CaptureQueriesContext(connection) as context:
                started = time.perf_counter()
                response = client.get(page)
                elapsed = (time.perf_counter() - started) * 1000
                if getattr(response, "streaming", False):
                    b"".join(response.streaming_content)
            status = response.status_code
            if number:  # the first one warms templates and connections up
                times.append(elapsed)
            queries = len(context.captured_queries)
        result[page] = {"p50": statistics.median(times), "queries": queries, "status": status}
    print("RESULT " + json.dumps(result))


def count_submitted(marker: str, references: list[str]):
    """After the submission phase: is every accepted report stored once, with its 3 photo files?"""
    django_setup()
    from django.db.models import Count

    from outreach.reports.models import Report, ReportPhoto

    stored = Report.objects.filter(description__contains=marker).annotate(photos_count=Count("photos"))
    by_reference = {report.reference: report.photos_count for report in stored}
    accepted = set(references)
    files = ReportPhoto.objects.filter(report__description__contains=marker)
    storage = ReportPhoto._meta.get_field("image").storage
    result = {
        "accepted": len(references),
        "accepted_unique": len(accepted),
        "stored": len(by_reference),
        "accepted_and_stored": len(accepted & set(by_reference)),
        "with_3_photos": sum(1 for reference in accepted if by_reference.get(reference) == 3),
        "photo_files": sum(1 for photo in files if storage.exists(photo.image.name) and storage.size(photo.image.name)),
    }
    print("RESULT " + json.dumps(result))


# --- an HTTP client with cookies, and the forms ---------------------------------------------------------


class Browser:
    """One keep-alive connection with a cookie jar, as a browser would send the forms."""

    def __init__(self, port: int, timeout: float = 60):
        self.port, self.timeout = port, timeout
        self.cookies: dict[str, str] = {}
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)

    def request(self, method: str, page: str, body: bytes | None = None, headers: dict | None = None):
        headers = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        if method == "POST":
            headers.setdefault("Origin", f"http://127.0.0.1:{self.port}")
            headers.setdefault("Referer", f"http://127.0.0.1:{self.port}{page}")
        try:
            self.connection.request(method, page, body=body, headers=headers)
            response = self.connection.getresponse()
            content = response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()
            raise
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(header).items():
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        if response.getheader("Connection", "").lower() == "close":
            self.connection.close()
        return response.status, response.getheader("Location", ""), content

    def post(self, page: str, fields: dict, files: list | None = None):
        if files is None:
            body = urlencode(fields, doseq=True).encode()
            return self.request("POST", page, body, {"Content-Type": "application/x-www-form-urlencoded"})
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in fields.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        for name, filename, content in files:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                f"Content-Type: image/jpeg\r\n\r\n".encode()
                + content
                + b"\r\n"
            )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request("POST", page, body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})

    def close(self):
        self.connection.close()


def hidden(html: bytes, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"'.encode(), html)
    return match.group(1).decode() if match else ""


def admin_session(port: int, password: str, key: str) -> str:
    """Log the supervisor in through the admin's log-in form and the second factor; returns the session id."""
    from django_otp.oath import totp

    browser = Browser(port)
    _status, _location, page = browser.request("GET", "/admin/login/?next=/admin/")
    fields = {"csrfmiddlewaretoken": hidden(page, "csrfmiddlewaretoken"), "next": "/admin/"}
    status, location, _page = browser.post(
        "/admin/login/?next=/admin/", {**fields, "username": SUPERVISOR, "password": password}
    )
    if status != 302 or "two-factor" not in location:
        sys.exit(f"bench: the supervisor's log-in answered {status} {location}")
    _status, _location, page = browser.request("GET", location)
    code = f"{totp(bytes.fromhex(key)):06d}"
    status, location, _page = browser.post(
        location, {"csrfmiddlewaretoken": hidden(page, "csrfmiddlewaretoken"), "token": code}
    )
    if status != 302 or "two-factor" in location:
        sys.exit(f"bench: the supervisor's second factor answered {status} {location}")
    browser.close()
    return browser.cookies["sessionid"]


def photo_jpeg(width: int, height: int, seed: int) -> bytes:
    """A photo-like JPEG (noise at several scales in three channels: shapes and texture), never a flat colour,
    whose decoding and encoding cost what a real photo's does."""
    from PIL import Image, ImageChops

    channels = []
    for channel in range(3):
        layer = Image.new("L", (width, height), 100 + 30 * channel + seed % 20)
        for scale, sigma in ((64, 80), (16, 40), (4, 16), (1, 6)):
            size = (max(1, width // scale), max(1, height // scale))
            noise = Image.effect_noise(size, sigma).resize((width, height), Image.Resampling.BICUBIC)
            layer = ImageChops.add(layer, noise, offset=-128)
        channels.append(layer)
    buffer = BytesIO()
    Image.merge("RGB", channels).save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def submit_one(browser: Browser, photos: list[bytes], marker: str) -> str | None:
    """The whole /lapor/ flow of one reporter; the reference shown on the confirmation, or None."""
    _status, _location, form = browser.request("GET", "/lapor/")
    fields = {
        "csrfmiddlewaretoken": hidden(form, "csrfmiddlewaretoken"),
        "started": hidden(form, "started"),
        "category": "overstay",
        "description": f"Seorang warga asing tinggal di penginapan dekat pasar sejak tahun lalu. {marker}",
        "identity": "anonymous",
        "kecamatan": "srengat",
        "extra_remarks": "",
    }
    files = [("photos", f"foto-{number}.jpg", photo) for number, photo in enumerate(photos, 1)]
    status, location, _body = browser.post("/lapor/", fields, files)
    if status != 302 or not location.endswith("/lapor/periksa/"):
        return None
    _status, _location, review = browser.request("GET", location)
    fields = {"csrfmiddlewaretoken": hidden(review, "csrfmiddlewaretoken"), "token": hidden(review, "token")}
    status, location, _body = browser.post("/lapor/periksa/", fields)
    if status != 302:
        return None
    status, _location, done = browser.request("GET", location)
    match = re.search(rb"LPR-[0-9A-Z]{4}-[0-9A-Z]{4}", done)
    return match.group().decode() if status == 200 and match else None


def lookup_one(browser: Browser, reference: str) -> bool:
    """A status lookup: the form, the code and the PIN posted, then the status page it opens."""
    _status, _location, page = browser.request("GET", "/lapor/cek/")
    fields = {"csrfmiddlewaretoken": hidden(page, "csrfmiddlewaretoken"), "reference": reference, "pin": LOOKUP_PIN}
    status, location, _body = browser.post("/lapor/cek/", fields)
    if status != 302:
        return False
    status, _location, page = browser.request("GET", location)
    return status == 200 and reference.encode() in page


def flow_client(job: dict) -> dict:
    """One load-generator process: from the common start, flows one after the other until the deadline (or its
    quota). A flow under way at the deadline is finished (and checked), but it is not in ``in_window``."""
    latencies, errors, accepted, in_window = [], 0, [], 0
    done = 0
    time.sleep(max(0.0, job["start"] - time.time()))
    while time.time() < job["deadline"] and done < job["quota"]:
        browser = Browser(job["port"])
        started = time.perf_counter()
        try:
            if job["kind"] == "submit":
                reference = submit_one(browser, job["photos"], job["marker"])
                ok = reference is not None
                if ok:
                    accepted.append(reference)
            else:
                ok = lookup_one(browser, job["references"][done % len(job["references"])])
        except (OSError, http.client.HTTPException):
            ok = False
        finally:
            browser.close()
        latencies.append((time.perf_counter() - started) * 1000)
        errors += not ok
        in_window += ok and time.time() <= job["deadline"]
        done += 1
    return {"latencies": latencies, "errors": errors, "accepted": accepted, "in_window": in_window}


def load_flows(port: int, kind: str, seconds: float, clients: int, quota: int, **extra) -> dict:
    """Processes (multiprocessing) each running ``kind`` flows for ``seconds`` from a common start; requests/s
    are flows/s. As wrk counts requests, the rate is the flows completed within the window over its length; a
    window too short for any flow to complete in it (the smoke run) counts every flow over the time taken."""
    start = time.time() + 0.5  # every client process is forked and waiting by then
    deadline = start + seconds
    jobs = [
        {"kind": kind, "port": port, "start": start, "deadline": deadline, "quota": quota, **extra}
        for _ in range(clients)
    ]
    if kind == "lookup":
        references = extra["references"]
        jobs = [{**job, "references": references[number::clients]} for number, job in enumerate(jobs)]
    with multiprocessing.get_context("fork").Pool(clients) as pool:
        outcomes = pool.map(flow_client, jobs)
    elapsed = time.time() - start
    latencies = sorted(latency for outcome in outcomes for latency in outcome["latencies"])
    result = summary(latencies, sum(outcome["errors"] for outcome in outcomes), elapsed)
    result["accepted"] = [reference for outcome in outcomes for reference in outcome["accepted"]]
    in_window = sum(outcome["in_window"] for outcome in outcomes)
    result["rps"] = in_window / seconds if in_window else (len(latencies) - result["errors"]) / elapsed
    return result


# --- the server and the load ------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(server: subprocess.Popen, port: int, name: str) -> subprocess.Popen:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"bench: {name} did not start")
        try:
            status, _headers, _body = get(port, "/healthz")
            if status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.3)
    server.terminate()
    sys.exit(f"bench: {name} did not answer within 60 s")


def start_server(env: dict, port: int, workers: int) -> subprocess.Popen:
    command = serve.gunicorn_command("bench_wsgi:application", port, f"--pythonpath={SCRIPTS}")
    command = [part if not part.startswith("--workers=") else f"--workers={workers}" for part in command]
    server = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return wait_for(server, port, "gunicorn")


def start_granian(env: dict, port: int, workers: int) -> subprocess.Popen:
    command = serve.granian_command("bench_wsgi:application", port, workers)
    env = {**env, "PYTHONPATH": os.pathsep.join([str(SCRIPTS), str(ROOT)])}
    server = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return wait_for(server, port, "granian")


def get(port: int, page: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        connection.request("GET", page, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


class MemorySampler:
    """The largest worker's resident memory, sampled every 0.1 s while a phase runs (its peak)."""

    def __init__(self, server: subprocess.Popen):
        import psutil

        self.process = psutil.Process(server.pid)
        self.peak = 0.0
        self.running = True
        self.thread = threading.Thread(target=self.run, daemon=True)

    def sample(self):
        import psutil

        for worker in self.process.children(recursive=True):
            with contextlib.suppress(psutil.Error):
                self.peak = max(self.peak, worker.memory_info().rss / 2**20)

    def run(self):
        while self.running:
            self.sample()
            time.sleep(0.1)

    def __enter__(self):
        self.sample()
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()
        self.sample()


def load_with_wrk(port: int, page: str, seconds: int, connections: int, headers: dict | None = None) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    header_options = [option for name, value in (headers or {}).items() for option in ("-H", f"{name}: {value}")]
    try:
        threads = min(connections, len(os.sched_getaffinity(0)))
        output = subprocess.run(
            ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", script.name]
            + header_options
            + [f"http://127.0.0.1:{port}{page}"],
            capture_output=True,
            text=True,
            timeout=seconds + 30,
            check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    requests, errors, duration_us, p50, p95, p99 = (float(value) for value in line.split()[1:])
    return {
        "rps": requests / (duration_us / 1e6),
        "p50": p50 / 1000,
        "p95": p95 / 1000,
        "p99": p99 / 1000,
        "errors": int(errors),
        "requests": int(requests),
    }


def summary(latencies: list[float], errors: int, elapsed: float) -> dict:
    latencies = sorted(latencies)

    def percentile(share):
        return latencies[min(len(latencies) - 1, int(len(latencies) * share))] if latencies else 0.0

    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) if latencies else 0.0,
        "p95": percentile(0.95),
        "p99": percentile(0.99),
        "errors": errors,
        "requests": len(latencies),
    }


def load_with_python(port: int, page: str, seconds: float, connections: int, headers: dict | None = None) -> dict:
    """Keep-alive connections in threads, each sending the next request when the last one answered (at least
    one request each, however long it takes); with the size and lines of the last complete answer."""
    latencies, errors, last = [], [0], {"bytes": 0, "lines": 0}
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def run():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        mine, failed = [], 0
        while not mine or time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                connection.request("GET", page, headers=headers or {})
                response = connection.getresponse()
                size = lines = 0
                while chunk := response.read(65536):
                    size, lines = size + len(chunk), lines + chunk.count(b"\n")
                if response.status >= 400:
                    failed += 1
                else:
                    last.update(bytes=size, lines=lines)
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except (OSError, http.client.HTTPException):
                failed += 1
                connection.close()
            mine.append((time.perf_counter() - start) * 1000)
        connection.close()
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    started = time.perf_counter()
    threads = [threading.Thread(target=run) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {**summary(latencies, errors[0], time.perf_counter() - started), **last}


# --- the report ---------------------------------------------------------------------------------------


def table(results: list[dict]) -> list[str]:
    """Each row's ratio is to the mean of the baseline runs around it (public pages), else to the first one."""
    baseline = next((row["rps"] for row in results if row["page"] == BASELINE), 0) or 1
    lines = [
        "| page | requests/s | ratio to baseline | p50 ms | p95 ms | p99 ms | errors | SQL queries | KB | worker MiB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in results:
        lines.append(
            f"| `{row['page']}` | {row['rps']:.1f} | {row['rps'] / (row.get('baseline_rps') or baseline):.1%} | "
            f"{row['p50']:.1f} | "
            f"{row['p95']:.1f} | {row['p99']:.1f} | {row['errors'] if row['requests'] else 'all timed out'} | "
            f"{row['queries']} | "
            f"{row['bytes'] / 1024:.1f} | {row['memory']:.0f} |"
        )
    return lines


def size_table(demo: dict, large: dict) -> list[str]:
    lines = [
        "| page | p50 ms at demo size | p50 ms at large size | large / demo | SQL queries demo / large |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for page, measured in large.items():
        before = demo.get(page)
        ratio = f"{measured['p50'] / before['p50']:.1f}×" if before else "–"
        lines.append(f"| `{page}` | {before['p50']:.1f} | " if before else f"| `{page}` | – | ")
        lines[-1] += (
            f"{measured['p50']:.1f} | {ratio} | {before['queries'] if before else '–'} / {measured['queries']} |"
        )
    return lines


def server_table(rows: list[dict]) -> list[str]:
    lines = [
        "| page | gunicorn requests/s | granian requests/s | gunicorn p95 ms | granian p95 ms | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        gunicorn, granian = row["gunicorn"], row["granian"]
        lines.append(
            f"| `{row['page']}` | {gunicorn['rps']:.0f} | {granian['rps']:.0f} | {gunicorn['p95']:.1f} | "
            f"{granian['p95']:.1f} | {gunicorn['errors']} / {granian['errors']} |"
        )
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny data, one second per page, Python load")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmark.md")
    options = parser.parse_args()
    env_int = lambda name, default: int(os.environ.get(name) or default)  # noqa: E731
    if options.smoke:
        sizes = {"villages": 3, "schools": 3, "activities": 30, "reports": 20}
        seconds, connections, clients, database = 1, 4, 2, "portal_bench_smoke"
        staff_connections = 2
        quota, photo_size = 1, (64, 48)
        os.environ["BENCH_TIMING_REPEATS"] = "1"
    else:
        sizes = {
            "villages": env_int("BENCH_VILLAGES", 500),
            "schools": env_int("BENCH_SCHOOLS", 2000),
            "activities": env_int("BENCH_ACTIVITIES", 100_000),
            "reports": env_int("BENCH_REPORTS", 100_000),
        }
        seconds = env_int("BENCH_SECONDS", 10)
        connections = env_int("BENCH_CONNECTIONS", 32)
        staff_connections = env_int("BENCH_STAFF_CONNECTIONS", 4)
        clients = env_int("BENCH_CLIENTS", 8)
        database, quota = "portal_bench", 10**9
        photo_size = tuple(int(side) for side in (os.environ.get("BENCH_PHOTO") or "1600x1200").split("x"))
    use_wrk = not options.smoke and shutil.which("wrk") is not None
    # granian beside gunicorn: in the full run only, when installed (requirements-dev.txt).
    use_granian = not options.smoke and shutil.which("granian", path=str(Path(sys.executable).parent)) is not None
    workers = serve.workers()
    started = time.monotonic()
    media = Path(tempfile.mkdtemp(prefix="bench-media-"))
    password, pin_key = secrets.token_urlsafe(20), secrets.token_urlsafe(40)
    common = {
        "MEDIA_ROOT": str(media / "public"),
        "PRIVATE_MEDIA_ROOT": str(media / "private"),
        "REPORT_PIN_KEY": pin_key,
        "CACHE_DIR": str(media / "page-cache"),  # the page cache of this run only
    }

    log(f"[1/6] seeding the database {database} with the demo data")
    recreate_database(database)
    url = bench_database_url(database)
    seed_env = {**os.environ, **common, "DEBUG": "true", "DATABASE_URL": url, "LOG_LEVEL": "WARNING"}
    seed_env.pop("DJANGO_SETTINGS_MODULE", None)
    seeded = json.loads(child("_seed_demo", seed_env, password))
    if options.smoke:  # one of each kind is enough to prove the phases work
        seeded["admin"], seeded["exports"] = seeded["admin"][:1], seeded["exports"][:1]
    port = free_port()
    server_env = {
        **serve.server_environment(port),
        **common,
        "DATABASE_URL": url,
        # One address sends everything: the per-client limits would stop the load, not measure it.
        "REPORT_RATE_LIMIT_PER_HOUR": "1000000",
        "REPORT_DRAFT_PHOTOS_PER_HOUR": "1000000",
        "REPORT_LOOKUPS_PER_HOUR": "1000000",
        "FORM_MIN_FILL_SECONDS": "0",
    }
    timed = [page for page in seeded["pages"] + seeded["admin"] if page not in (BASELINE, "DEEP")]
    log(f"[2/6] timing {len(timed)} pages in-process at demo size (single uncached requests)")
    uncached = {**server_env, "PAGE_CACHE_SECONDS": "0"}  # timings and query counts of rendering, not of hits
    at_demo = json.loads(child("_time", uncached, *timed))

    log(f"[3/6] seeding the large data set: {sizes}")
    deep = json.loads(child("_seed_large", seed_env, *(str(sizes[key]) for key in sizes)))
    pages = [deep if page == "DEEP" else page for page in seeded["pages"]]
    log("[4/6] timing the pages in-process at large size, counting their SQL queries")
    at_large = json.loads(child("_time", uncached, *timed, deep))

    log(f"[5/6] starting gunicorn ({workers} workers, DEBUG off) on 127.0.0.1:{port}")
    server = start_server(server_env, port, workers)
    load_average = [os.getloadavg()[0]]
    results, servers = [], []
    baselines = []  # the baseline's requests/s, measured first and again after each public page
    tool = "wrk" if use_wrk else "a Python load generator"
    load = load_with_wrk if use_wrk else load_with_python
    marker = f"[bench {secrets.token_hex(4)}]"
    try:
        session = admin_session(port, password, seeded["key"])
        cookie = {"Cookie": f"sessionid={session}"}
        # The back office has a few officers at once, not a crowd: its lists get BENCH_STAFF_CONNECTIONS.
        phases = [(page, BROWSER, connections) for page in pages]
        phases += [(page, {**BROWSER, **cookie}, staff_connections) for page in seeded["admin"]]
        log(
            f"[6/6] load: {len(phases)} pages × {seconds} s, {connections} connections "
            f"({staff_connections} for admin pages), {tool}"
        )
        for number, (page, headers, concurrency) in enumerate(phases, 1):
            status, _headers, body = get(port, page, headers)
            if status != 200:
                log(f"  warning: {page} answered {status}")
            if not options.smoke:
                load(port, page, 1, concurrency, headers)  # warm every worker up (templates, connections) first
            with MemorySampler(server) as memory:
                measured = load(port, page, seconds, concurrency, headers)
            queries = at_large.get(page, {}).get("queries", 0)
            row = {"page": page, "queries": queries, "bytes": len(body), "memory": memory.peak, **measured}
            if page == BASELINE:
                baselines.append(measured["rps"])
            elif concurrency == connections:
                # The machine's load drifts: each public page is compared with the baseline run just before it
                # and the one right after it.
                after = load(port, BASELINE, seconds, connections, BROWSER)
                row["baseline_rps"] = (baselines[-1] + after["rps"]) / 2
                baselines.append(after["rps"])
            results.append(row)
            ratio = f", {measured['rps'] / row['baseline_rps']:.0%} of the baseline" if "baseline_rps" in row else ""
            log(f"  {number}/{len(phases)} {page}: {measured['rps']:.0f} req/s{ratio}, p95 {measured['p95']:.1f} ms")
            load_average.append(os.getloadavg()[0])

        for page in seeded["exports"]:
            log(f"  export {page}: one whole download at a time for at least {seconds} s")
            with MemorySampler(server) as memory:
                measured = load_with_python(port, page, seconds, 1, cookie)
            rows = measured["lines"] - 1
            results.append(
                {"page": page, "queries": "–", "bytes": measured["bytes"], "memory": memory.peak, **measured}
            )
            log(
                f"  export {page}: {rows} rows, {measured['bytes'] / 2**20:.1f} MiB, {measured['rps']:.2f} req/s, "
                f"p50 {measured['p50'] / 1000:.1f} s, {measured['errors']} errors, largest worker "
                f"{memory.peak:.0f} MiB (limit 150)"
            )

        log(f"  report submission: {clients} processes × {seconds} s, 3 photos of {photo_size[0]}×{photo_size[1]}")
        photos = [photo_jpeg(*photo_size, seed) for seed in range(3)]
        if not options.smoke:  # warm every worker up first, as for the pages (reports of their own marker)
            load_flows(port, "submit", 2, clients, quota, photos=photos, marker=f"{marker[:-1]} warm-up]")
        with MemorySampler(server) as memory:
            measured = load_flows(port, "submit", seconds, clients, quota, photos=photos, marker=marker)
        weight = sum(len(photo) for photo in photos)
        results.append({"page": SUBMIT, "queries": "–", "bytes": weight, "memory": memory.peak, **measured})
        count = json.loads(child("_count", server_env, marker, *measured["accepted"]))
        lost = count["accepted"] - count["with_3_photos"]
        log(
            f"  submitted: {measured['rps']:.1f} reports/s (target ≥ 20), p95 {measured['p95']:.0f} ms per "
            f"report (5 requests), {measured['errors']} errors; accepted {count['accepted']}, stored "
            f"{count['stored']} ({count['accepted_and_stored']} of the accepted, {count['with_3_photos']} with 3 "
            f"photos, {count['photo_files']} photo files): {'no loss' if not lost else f'{lost} LOST'}"
        )
        load_average.append(os.getloadavg()[0])

        references = [f"LPR-{n % 10_000:04d}-{n // 10_000:04d}" for n in range(sizes["reports"])]
        if not options.smoke:
            load_flows(port, "lookup", 1, clients, quota * 2, references=references)
        with MemorySampler(server) as memory:
            looked = load_flows(port, "lookup", seconds, clients, quota * 2, references=references)
        results.append({"page": LOOKUP, "queries": "–", "bytes": 0, "memory": memory.peak, **looked})
        log(
            f"  status lookups: {looked['rps']:.1f}/s (target ≥ 50), p95 {looked['p95']:.0f} ms, "
            f"{looked['errors']} errors"
        )
        load_average.append(os.getloadavg()[0])
        _status, static_headers, _body = get(port, static_page(ROOT))
    finally:
        server.terminate()
        server.wait(timeout=30)

    if use_granian:
        compared = [BASELINE, "/", "/kegiatan/", "/informasi/"]
        granian_port = free_port()
        log(f"  granian ({workers} workers, WSGI) on 127.0.0.1:{granian_port}: {', '.join(compared)}")
        granian = start_granian(
            {**server_env, **serve.trial_settings(granian_port), **common, "DATABASE_URL": url}, granian_port, workers
        )
        try:
            for page in compared:
                if not options.smoke:
                    load(granian_port, page, 1, connections)
                measured = load(granian_port, page, seconds, connections)
                servers.append(
                    {"page": page, "gunicorn": next(row for row in results if row["page"] == page), "granian": measured}
                )
                log(f"  granian {page}: {measured['rps']:.0f} req/s, p95 {measured['p95']:.1f} ms")
        finally:
            granian.terminate()
            granian.wait(timeout=30)
        serve.trial_settings(8000)  # the trial's .serve.env points at make serve's port again

    shutil.rmtree(media, ignore_errors=True)
    if options.smoke:
        drop_database(database)

    minutes = (time.monotonic() - started) / 60
    today = datetime.datetime.now(PORTAL_TIME_ZONE).date()
    heading = [
        "# Benchmark",
        "",
        f"`make bench` ({'smoke run' if options.smoke else 'full run'}), {today:%Y-%m-%d}: "
        f"{sizes['villages']} extra desa binaan, {sizes['schools']} schools, {sizes['activities']} activities and "
        f"{sizes['reports']} reports with their history (plus the demo data); gunicorn with {workers} sync "
        f"workers, DEBUG off; {tool}, {connections} connections, {seconds} s per page, on "
        f"{len(os.sched_getaffinity(0))} cores shared with the load generator and PostgreSQL. Baseline: "
        f'`{BASELINE}`, a bare Django view (`HttpResponse("hello")`, no middleware) served by the same workers, '
        f"measured first and again after each public page ({len(baselines)} runs, {min(baselines):.0f} to "
        f"{max(baselines):.0f} requests/s): a public page's ratio is to the mean of the runs just before and after "
        "it, the other rows' to the first run. "
        "Every page is requested as a browser does (`Accept-Encoding: gzip, deflate, br`); KB is the page as sent. "
        f"Load average (1 min) during the load: {min(load_average):.1f} to {max(load_average):.1f} (the machine "
        f"may be shared: compare ratios, not absolute figures). Whole run: {minutes:.1f} minutes.",
        "",
        f"Admin pages as a supervisor logged in through the log-in form and the authenticator app (TOTP), with "
        f"{staff_connections} connections. Exports: one whole CSV download after the other. "
        f"`{SUBMIT}`: {clients} processes each sending whole reports one after the other (GET the form, POST "
        f"it with 3 photo-like {photo_size[0]}×{photo_size[1]} JPEGs of {weight / 3 / 1024:.0f} KB on average, "
        "GET the review, POST it, GET the confirmation): requests/s are reports/s, the reports completed within "
        f"the {seconds} s window (as wrk counts requests; a report under way at its end is finished and checked "
        "but not counted), latencies per report. "
        f"Accepted {count['accepted']}, stored {count['stored']}, of them with their 3 photos "
        f"{count['with_3_photos']}: {'no loss' if not lost else f'{lost} LOST'}. `{LOOKUP}`: the form, the code and "
        "PIN posted, then the status page (3 requests; a different report each time). Rate limits raised and "
        "minimum fill time 0 s for the run. "
        f"Hashed static file: `Cache-Control: {static_headers.get('Cache-Control', '')}`.",
        "",
        *table(results),
        "",
        "## p50 at demo size vs at large size",
        "",
        "Single uncached requests in-process (fresh caches, a session cookie), production settings; the target is "
        "within 2× of demo size.",
        "",
        *size_table(at_demo, at_large),
    ]
    if servers:
        heading += ["", f"## gunicorn and granian ({workers} workers each, same run)", "", *server_table(servers)]
    print("\n".join(heading[2:]))
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text("\n".join(heading) + "\n")
    log(f"written to {options.output}")


def static_page(root: Path) -> str:
    """The hashed name of the portal's stylesheet (from collectstatic's manifest)."""
    manifest = json.loads((root / "staticfiles" / "staticfiles.json").read_text())
    name = next(name for name in manifest["paths"] if name.endswith(".css"))
    return "/static/" + manifest["paths"][name]


if __name__ == "__main__":
    steps = {
        "_seed_demo": lambda args: seed_demo(*args),
        "_seed_large": lambda args: seed_large(*(int(value) for value in args)),
        "_time": time_pages,
        "_count": lambda args: count_submitted(args[0], args[1:]),
    }
    if len(sys.argv) > 1 and sys.argv[1] in steps:
        steps[sys.argv[1]](sys.argv[2:])
    else:
        main()
