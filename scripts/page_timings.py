"""Single-request timings of the list, detail and admin pages, in-process and uncached (issue 11, "flat at
100,000 rows"): not part of `make test` nor of `make bench`, run by hand.

    .venv/bin/python scripts/page_timings.py seed small 0 0 0 0                # demo data only
    .venv/bin/python scripts/page_timings.py seed large 500 2000 100000 100000  # villages schools activities reports
    .venv/bin/python scripts/page_timings.py time small large           # p50 of each page in both, and the ratio
    .venv/bin/python scripts/page_timings.py time small large /sitemap.xml /admin/villages/village/  # these only

`seed` makes the database `portal_pages_<name>` in the embedded PostgreSQL with `scripts/bench.py`'s seeding
(its `_seed_demo` step, then `_seed_large` with the sizes unless they are all 0). `time` migrates both
databases, then requests each page PAGES_REPEAT times at each size, the two sizes alternating (after one
warm-up each), through Django's test client under the production settings of `make serve` (DEBUG off), as a
superuser for the admin pages, with the cache cleared before every request, so no page or figure comes from
a cache. Each request is timed as wall-clock time and as the CPU time of the Django process (which the other
work on a shared machine disturbs less; PostgreSQL's own time is not in it). With
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


def seed(name: str, villages: str, schools: str, activities: str, reports: str):
    bench.recreate_database(database(name))
    env = {**os.environ, "DEBUG": "true", "DATABASE_URL": bench.bench_database_url(database(name))}
    env["LOG_LEVEL"] = "WARNING"
    env.pop("DJANGO_SETTINGS_MODULE", None)
    pages = json.loads(bench.child("_seed_demo", env, "unused-0"))["pages"]
    deep = "/kegiatan/?page=2"
    if {villages, schools, activities, reports} != {"0"}:
        deep = json.loads(bench.child("_seed_large", env, villages, schools, activities, reports))
    pages = [deep if page == "DEEP" else page for page in pages]
    (ROOT / f".pages-{name}.json").write_text(json.dumps(pages))
    print(
        f"seeded {database(name)}: {villages} villages, {schools} schools, {activities} activities, {reports} reports"
    )


def serve_timings():
    """In a child process with the database's URL: for each page read from stdin, one timed GET (``warm-up ``
    first: a GET after the cache is cleared, not timed), answered on stdout as ``[status, ms, queries]``."""
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
    for line in sys.stdin:
        warm_up, page = line.startswith("warm-up "), line.strip().removeprefix("warm-up ")
        client = staff if page.startswith("/admin/") else anonymous
        if warm_up or not WARM_FIGURES:
            for cache in caches.all():
                cache.clear()
        with CaptureQueriesContext(connection) as queries:
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(page)
            if getattr(response, "streaming", False):
                b"".join(response.streaming_content)
            milliseconds = (time.perf_counter() - started) * 1000
            cpu = (time.process_time() - started_cpu) * 1000
        print(json.dumps([response.status_code, milliseconds, len(queries.captured_queries), cpu]), flush=True)


class Timer:
    """A ``_serve`` child on one database."""

    def __init__(self, name: str, only: list[str]):
        env = {**serve.server_environment(), "DATABASE_URL": bench.bench_database_url(database(name))}
        self.pages = [page for page in json.loads((ROOT / f".pages-{name}.json").read_text()) if page != bench.BASELINE]
        self.pages += ADMIN_PAGES
        if only:
            self.pages = [page for page in self.pages if page in only]
        manage = [sys.executable, str(ROOT / "manage.py"), "migrate", "--noinput", "-v", "0"]
        subprocess.run(manage, env=env, cwd=ROOT, check=True)
        self.process = subprocess.Popen(
            [sys.executable, __file__, "_serve"],
            env=env,
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def get(self, page: str, warm_up=False) -> list:
        self.process.stdin.write(("warm-up " if warm_up else "") + page + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self):
        self.process.stdin.close()
        self.process.wait()


def compare(small: str, large: str, *only: str):
    """Each page at both sizes, the requests of the two sizes alternating (the machine's load hits both alike)."""
    cache = "figures cached, pages not" if WARM_FIGURES else "uncached"
    print(f"load average {os.getloadavg()[0]:.1f}; {REPEAT} requests a page at each size, alternating, {cache}")
    print(f"| page | p50 ms {small} → {large} | ratio | CPU ms {small} → {large} | ratio | queries |")
    print("|---|---:|---:|---:|---:|---:|")
    timers = Timer(small, list(only)), Timer(large, list(only))
    try:
        for pages in zip(timers[0].pages, timers[1].pages, strict=True):
            for timer, page in zip(timers, pages, strict=True):
                timer.get(page, warm_up=True)
            samples = [[], []]
            for _round in range(REPEAT):
                for timer, page, sample in zip(timers, pages, samples, strict=True):
                    sample.append(timer.get(page))
            (status, _ms, few, _cpu), (other_status, _other_ms, many, _other_cpu) = samples[0][-1], samples[1][-1]
            p50s = [statistics.median(ms for _status, ms, _queries, _cpu in sample) for sample in samples]
            cpus = [statistics.median(cpu for _status, _ms, _queries, cpu in sample) for sample in samples]
            name = pages[0] if pages[0] == pages[1] else " · ".join(pages)  # an activity's slug, the deep page
            if {status, other_status} != {200}:
                name += f" ({status} / {other_status})"
            print(
                f"| `{name}` | {p50s[0]:.1f} → {p50s[1]:.1f} | {p50s[1] / p50s[0]:.2f} | "
                f"{cpus[0]:.1f} → {cpus[1]:.1f} | {cpus[1] / cpus[0]:.2f} | {few} / {many} |",
                flush=True,
            )
    finally:
        for timer in timers:
            timer.close()


if __name__ == "__main__":
    command, *arguments = sys.argv[1:] or ["help"]
    if command == "seed":
        seed(*arguments)
    elif command == "_serve":
        serve_timings()
    elif command == "time":
        compare(*arguments)
    else:
        sys.exit(__doc__)
