"""Single-request timings of the list, detail and admin pages, in-process and uncached (issue 11, "flat at
100,000 rows"): not part of `make test` nor of `make bench`, run by hand.

    .venv/bin/python scripts/page_timings.py seed small 0 0 0          # demo data only
    .venv/bin/python scripts/page_timings.py seed large 500 100000 100000
    .venv/bin/python scripts/page_timings.py time small large           # p50 of each page in both, and the ratio

`seed` makes the database `portal_pages_<name>` in the embedded PostgreSQL with `scripts/bench.py`'s seeding
(the demo data plus the generated rows). `time` requests each page REPEAT times (after one warm-up) through
Django's test client under the production settings of `make serve` (DEBUG off), as a superuser for the admin
pages, with the cache cleared before every request, so no page or figure comes from a cache. With
PAGES_WARM_FIGURES=1 the cache is cleared only before each page's warm-up request: the figures that
outreach/figures_cache.py remembers (statistics, counts, years) then come from the cache, as they do between
two saves of an activity or report (meaningful only while no page cache middleware is installed).
"""

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench  # noqa: E402
import serve  # noqa: E402

REPEAT = int(os.environ.get("PAGES_REPEAT") or 15)
WARM_FIGURES = os.environ.get("PAGES_WARM_FIGURES") == "1"
ADMIN_PAGES = [
    "/admin/",
    "/admin/activities/dashboard/",
    "/admin/activities/activity/",
    "/admin/activities/activity/?q=desa",
    "/admin/activities/activity/?starts_at__year=2024",
    "/admin/activities/activity/?status__exact=draft",
    "/admin/reports/report/",
    "/admin/reports/report/?q=LPR-0001-0001",
    "/admin/reports/report/?status__exact=new",
    "/admin/schools/institution/",
    "/admin/villages/village/",
    "/admin/stats/yearlyreport/",
]


def database(name: str) -> str:
    return f"portal_pages_{name}"


def seed(name: str, villages: str, activities: str, reports: str):
    bench.recreate_database(database(name))
    env = {**os.environ, "DEBUG": "true", "DATABASE_URL": bench.bench_database_url(database(name))}
    env["LOG_LEVEL"] = "WARNING"
    env.pop("DJANGO_SETTINGS_MODULE", None)
    pages = bench.child("_seed", env, villages, activities, reports)
    (ROOT / f".pages-{name}.json").write_text(pages)
    print(f"seeded {database(name)}: {villages} villages, {activities} activities, {reports} reports")


def time_pages(pages: list[str]) -> dict:
    """In a child process with the database's URL: {page: [status, p50 ms, queries]}."""
    bench.django_setup()
    from django.contrib.auth import get_user_model
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    user = get_user_model().objects.filter(is_superuser=True).first()
    if user is None:
        user = get_user_model().objects.create_superuser("pages-timer", "pages@example.invalid", "unused-0")
    anonymous, staff = Client(HTTP_HOST="127.0.0.1"), Client(HTTP_HOST="127.0.0.1")
    staff.force_login(user)
    from django.conf import settings

    if "django_otp" in " ".join(settings.INSTALLED_APPS):
        session = staff.session
        session["otp_device_id"] = ""
        session.save()
    results = {}
    for page in pages:
        client = staff if page.startswith("/admin/") else anonymous
        durations = []
        for request in range(REPEAT + 1):
            if request == 0 or not WARM_FIGURES:
                for alias in caches:
                    caches[alias].clear()
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(page)
                if getattr(response, "streaming", False):
                    b"".join(response.streaming_content)
                durations.append((time.perf_counter() - started) * 1000)
        results[page] = [response.status_code, statistics.median(durations[1:]), len(queries.captured_queries)]
        print(f"  {page}: {response.status_code} p50 {results[page][1]:.1f} ms", file=sys.stderr, flush=True)
    print("RESULT " + json.dumps(results))


def run_timings(name: str) -> dict:
    pages = [page for page in json.loads((ROOT / f".pages-{name}.json").read_text()) if page != bench.BASELINE]
    env = {**serve.server_environment(), "DATABASE_URL": bench.bench_database_url(database(name))}
    process = subprocess.run(
        [sys.executable, __file__, "_time", *pages, *ADMIN_PAGES], env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    if process.returncode:
        sys.exit(f"timing {name} failed")
    return json.loads(process.stdout.split("RESULT ", 1)[1])


def compare(small: str, large: str):
    cache = "figures cached, pages not" if WARM_FIGURES else "uncached"
    print(f"load average {os.getloadavg()[0]:.1f}; {REPEAT} requests a page, {cache}")
    first, second = run_timings(small), run_timings(large)
    print(f"| page | {small} p50 ms | {large} p50 ms | ratio | queries |")
    print("|---|---:|---:|---:|---:|")
    for (page, (_status, p50, queries)), (other_page, other) in zip(first.items(), second.items(), strict=True):
        name = page if page == other_page else f"{page} · {other_page}"  # an activity's slug, the deep page
        print(f"| `{name}` | {p50:.1f} | {other[1]:.1f} | {other[1] / p50:.2f} | {queries} / {other[2]} |")


if __name__ == "__main__":
    command, *arguments = sys.argv[1:] or ["help"]
    if command == "seed":
        seed(*arguments)
    elif command == "_time":
        time_pages(arguments)
    elif command == "time":
        compare(*arguments)
    else:
        sys.exit(__doc__)
