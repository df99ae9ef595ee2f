"""Load benchmark of the production server: `make bench` (not part of `make test`; its smoke run is).

1. Seeds a database of its own (`portal_bench` in the embedded PostgreSQL, dropped and made again each run):
   the demo data plus BENCH_VILLAGES desa binaan, BENCH_ACTIVITIES activities and BENCH_REPORTS reports with
   their history, in batches that print their progress.
2. Counts the SQL queries of each page (in-process, production settings).
3. Starts the production server (`scripts/serve.py`'s gunicorn, DEBUG off) on a free loopback port, serving
   the portal and the baseline: a bare Django view with no middleware (`scripts/bench_wsgi.py`).
4. Drives load at each page for BENCH_SECONDS with BENCH_CONNECTIONS connections: `wrk` (Debian's package)
   when installed, otherwise a small pure-Python load generator (threads with keep-alive connections).
5. Prints, and writes to docs/benchmark.md (or --output), requests/s, p50/p95/p99, errors, the ratio to the
   baseline's requests/s in the same run, SQL queries per page, page weight and the largest worker's memory.

Only 127.0.0.1, bounded in time: each load phase lasts BENCH_SECONDS. `--smoke` runs it on tiny data with
the Python generator for a second per page (the test suite does), in the database `portal_bench_smoke`.
"""

import argparse
import datetime
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
sys.path.insert(0, str(SCRIPTS))

import serve  # noqa: E402

BASELINE = "/__baseline__"
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
    """Run a step of this script in a fresh Django process (its output passes through; the last line is kept)."""
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


def seed(villages: int, activities: int, reports: int):
    """Demo data plus generated rows, in batches; prints the pages to load as the RESULT line."""
    django_setup()
    import io

    from django.core.management import call_command
    from django.utils import timezone

    from outreach.activities.models import Activity, Kind, Status
    from outreach.reports.models import Report, ReportEvent
    from outreach.reports.models import Status as ReportStatus
    from outreach.villages.models import Village

    call_command("migrate", "--noinput", verbosity=0)
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_information", stdout=io.StringIO())
    log("demo data and information pages seeded")
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
    places = made or list(Village.objects.all()[:1])
    for start in range(0, activities, batch):
        rows = []
        for n in range(start, min(start + batch, activities)):
            starts_at = now - datetime.timedelta(days=1 + n % 3650, minutes=n % 1440)
            rows.append(
                Activity(
                    kind=Kind.IMIGRASI_MASUK_DESA,
                    title=f"Sosialisasi uji {n}",
                    slug=f"sosialisasi-uji-{n}",
                    village=places[n % len(places)],
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
    pin.set_pin("123456")
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
        ReportEvent.objects.bulk_create(ReportEvent(report=r, kind=ReportEvent.Kind.SUBMITTED) for r in rows)
        log(f"reports with their history: {start + len(rows)} / {reports}")
    call_command("migrate", "--noinput", verbosity=0)  # nothing to do; keeps the statistics fresh below
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    published = Activity.objects.published().started()
    activity = published.order_by("-starts_at").first()
    village = Village.objects.desa_binaan().order_by("pk").first()
    deep = max(1, published.count() // 12 // 2)
    pages = [
        BASELINE,
        "/",
        "/en/",
        "/kegiatan/",
        f"/kegiatan/?page={deep}",
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
    print("RESULT " + json.dumps([page for page in pages if page]))


def count_queries(pages: list[str]):
    """SQL queries of one GET of each page, under the production settings (the baseline runs none)."""
    django_setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for page in pages:
        if page == BASELINE:
            counts[page] = 0
            continue
        client.get(page)
        with CaptureQueriesContext(connection) as context:
            client.get(page)
        counts[page] = len(context.captured_queries)
    print("RESULT " + json.dumps(counts))


# --- the server and the load ------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(env: dict, port: int, workers: int) -> subprocess.Popen:
    command = serve.gunicorn_command("bench_wsgi:application", port, f"--pythonpath={SCRIPTS}")
    command = [part if not part.startswith("--workers=") else f"--workers={workers}" for part in command]
    server = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("bench: the server did not start")
        try:
            status, _body = get(port, "/healthz")
            if status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.3)
    server.terminate()
    sys.exit("bench: the server did not answer within 60 s")


def get(port: int, page: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", page)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def worker_memory_mib(server: subprocess.Popen) -> float:
    import psutil

    children = psutil.Process(server.pid).children()
    return max((child.memory_info().rss for child in children), default=0) / 2**20


def load_with_wrk(port: int, page: str, seconds: int, connections: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    try:
        threads = min(connections, len(os.sched_getaffinity(0)))
        output = subprocess.run(
            ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", script.name]
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


def load_with_python(port: int, page: str, seconds: float, connections: int) -> dict:
    """Keep-alive connections in threads, each sending the next request when the last one answered."""
    latencies, errors = [], [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def run():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, failed = [], 0
        while time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                connection.request("GET", page)
                response = connection.getresponse()
                response.read()
                if response.status >= 400:
                    failed += 1
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
    elapsed = time.perf_counter() - started
    latencies.sort()

    def percentile(share):
        return latencies[min(len(latencies) - 1, int(len(latencies) * share))] if latencies else 0.0

    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) if latencies else 0.0,
        "p95": percentile(0.95),
        "p99": percentile(0.99),
        "errors": errors[0],
        "requests": len(latencies),
    }


# --- the report ---------------------------------------------------------------------------------------


def table(results: list[dict]) -> list[str]:
    baseline = next((row["rps"] for row in results if row["page"] == BASELINE), 0) or 1
    lines = [
        "| page | requests/s | ratio to baseline | p50 ms | p95 ms | p99 ms | errors | SQL queries | KB | worker MiB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in results:
        lines.append(
            f"| `{row['page']}` | {row['rps']:.0f} | {row['rps'] / baseline:.0%} | {row['p50']:.1f} | "
            f"{row['p95']:.1f} | {row['p99']:.1f} | {row['errors']} | {row['queries']} | "
            f"{row['bytes'] / 1024:.1f} | {row['memory']:.0f} |"
        )
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny data, one second per page, Python load")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmark.md")
    options = parser.parse_args()
    env_int = lambda name, default: int(os.environ.get(name) or default)  # noqa: E731
    if options.smoke:
        sizes = {"villages": 3, "activities": 30, "reports": 20}
        seconds, connections, database = 1, 4, "portal_bench_smoke"
    else:
        sizes = {
            "villages": env_int("BENCH_VILLAGES", 500),
            "activities": env_int("BENCH_ACTIVITIES", 100_000),
            "reports": env_int("BENCH_REPORTS", 100_000),
        }
        seconds = env_int("BENCH_SECONDS", 10)
        connections = env_int("BENCH_CONNECTIONS", 32)
        database = "portal_bench"
    use_wrk = not options.smoke and shutil.which("wrk") is not None
    workers = serve.workers()
    started = time.monotonic()

    log(f"[1/4] seeding the database {database}: {sizes}")
    recreate_database(database)
    url = bench_database_url(database)
    seed_env = {**os.environ, "DEBUG": "true", "DATABASE_URL": url, "LOG_LEVEL": "WARNING"}
    seed_env.pop("DJANGO_SETTINGS_MODULE", None)
    pages = json.loads(child("_seed", seed_env, *(str(sizes[key]) for key in ("villages", "activities", "reports"))))

    log("[2/4] counting the SQL queries of each page")
    port = free_port()
    # The page cache in a folder of this run's own; the queries counted are those of rendering (cache off).
    cache_dir = tempfile.mkdtemp(prefix="bench-page-cache-")
    server_env = {**serve.server_environment(port), "DATABASE_URL": url, "CACHE_DIR": cache_dir}
    queries = json.loads(child("_queries", {**server_env, "PAGE_CACHE_SECONDS": "0"}, *pages))

    log(f"[3/4] starting gunicorn ({workers} workers, DEBUG off) on 127.0.0.1:{port}")
    server = start_server(server_env, port, workers)
    load_average = os.getloadavg()[0]
    results = []
    try:
        tool = "wrk" if use_wrk else "a Python load generator"
        log(f"[4/4] load: {len(pages)} pages × {seconds} s, {connections} connections, {tool}")
        for number, page in enumerate(pages, 1):
            status, body = get(port, page)
            if status != 200:
                log(f"  warning: {page} answered {status}")
            load = load_with_wrk if use_wrk else load_with_python
            if not options.smoke:
                load(port, page, 2, connections)  # warm every worker up (templates, connections) first
            measured = load(port, page, seconds, connections)
            row = {"page": page, "queries": queries.get(page, 0), "bytes": len(body), **measured}
            row["memory"] = worker_memory_mib(server)
            results.append(row)
            log(f"  {number}/{len(pages)} {page}: {row['rps']:.0f} req/s, p95 {row['p95']:.1f} ms")
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(cache_dir, ignore_errors=True)
    if options.smoke:
        drop_database(database)

    minutes = (time.monotonic() - started) / 60
    heading = [
        "# Benchmark",
        "",
        f"`make bench` ({'smoke run' if options.smoke else 'full run'}), {datetime.date.today():%Y-%m-%d}: "
        f"{sizes['villages']} extra desa binaan, {sizes['activities']} activities and {sizes['reports']} reports "
        f"(plus the demo data); gunicorn with {workers} sync workers, DEBUG off; {tool}, {connections} "
        f"connections, {seconds} s per page, on {len(os.sched_getaffinity(0))} cores shared with the load "
        f'generator and PostgreSQL. Baseline: `{BASELINE}`, a bare Django view (`HttpResponse("hello")`, no '
        f"middleware) served by the same workers. Load average when the load began: {load_average:.1f} (the "
        f"machine may be shared: compare ratios, not absolute figures). Whole run: {minutes:.1f} minutes.",
        "",
    ]
    lines = heading + table(results)
    print("\n".join(table(results)))
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text("\n".join(lines) + "\n")
    log(f"written to {options.output}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_seed":
        seed(*(int(value) for value in sys.argv[2:5]))
    elif len(sys.argv) > 1 and sys.argv[1] == "_queries":
        count_queries(sys.argv[2:])
    else:
        main()
