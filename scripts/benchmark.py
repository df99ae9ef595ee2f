"""Benchmark the public pages: `make benchmark`.

Seeds the demo data into the development database (embedded PostgreSQL unless DATABASE_URL is set),
then requests every public page through Django's full request stack (middleware, templates, real
PostgreSQL queries; no network) and prints, per page: SQL queries, median and 95th-percentile
latency, and the process's peak memory. Figures only, no pass/fail: compare them between changes.
"""

import io
import os
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("DEBUG", "true")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402

ROUNDS = int(os.environ.get("BENCHMARK_ROUNDS", "50"))
PAGES = [
    "home",
    "villages:index",
    "schools:index",
    "schools:request",
    "reading_corners:index",
    "activities:index",
    "activities:schedule",
    "activities:feed",
    "reports:start",
    "stats:index",
    "stats:data_csv",
    "stats:data_json",
    "stats:map",
    "pages:index",
    "pages:job_offer_check",
    "sitemap",
    "healthz",
]


def urls():
    for name in PAGES:
        try:
            yield reverse(name)
        except NoReverseMatch:
            continue
    # One detail page of each kind, from the demo data.
    from outreach.activities.models import Activity
    from outreach.pages.models import Page
    from outreach.villages.models import Village

    village = Village.objects.desa_binaan().order_by("pk").first()
    activity = Activity.objects.published().past().first()
    page = Page.objects.published().order_by("pk").first()
    for obj in (village, activity, page):
        if obj is not None:
            yield obj.get_absolute_url()
    yield reverse("search:index") + "?q=paspor"
    yield reverse("search:index") + "?q=pasport"  # a misspelling: the corrected search runs too


def measure(client, url):
    client.get(url)  # warm up caches and the connection
    executed = []
    with connection.execute_wrapper(lambda execute, sql, *args: executed.append(sql) or execute(sql, *args)):
        response = client.get(url)
    timings = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    return response.status_code, len(executed), statistics.median(timings), p95


def main():
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_information", stdout=io.StringIO())
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{'page':<60} {'status':>6} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8}")
    for url in urls():
        status, queries, median, p95 = measure(client, url)
        print(f"{url:<60} {status:>6} {queries:>7} {median:>8.1f} {p95:>8.1f}")
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{ROUNDS} requests per page; peak memory of the process: {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
