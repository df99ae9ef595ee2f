"""p50 of chosen pages at demo size and at large size, in the same run: `make bench`'s in-process timing
(scripts/bench.py's `_time` step: single uncached requests, production settings) without its load phases.

    .venv/bin/python scripts/bench_sizes.py seed          # once: two databases, demo and demo + large data
    .venv/bin/python scripts/bench_sizes.py time PAGE...  # migrate both, then time the pages on each, in turns

The databases (`portal_sizes_demo`, `portal_sizes_large` in the embedded PostgreSQL) are kept between runs,
so a change can be timed again in a minute. BENCH_SIZES_ROUNDS (default 3) alternates demo and large timings
so that the machine's load hits both alike; each round is BENCH_TIMING_REPEATS requests (default 5) of each
page, as `make bench` makes them (bench.py's `time_pages`), timed both as wall-clock time and as the CPU time
of the Django process (which other sessions on a shared machine disturb less; PostgreSQL's time is not in it).
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench
import serve

DATABASES = {"demo": "portal_sizes_demo", "large": "portal_sizes_large"}
SIZES = ("500", "2000", "100000", "100000")  # villages, schools, activities, reports (make bench's defaults)
STATE = Path(tempfile.gettempdir()) / "bench-sizes"


def environment(name: str) -> dict:
    STATE.mkdir(exist_ok=True)
    return {
        **serve.server_environment(bench.free_port()),
        "MEDIA_ROOT": str(STATE / "public"),
        "PRIVATE_MEDIA_ROOT": str(STATE / "private"),
        "REPORT_PIN_KEY": "bench-sizes-" + "k" * 40,
        "CACHE_DIR": str(STATE / "page-cache"),
        "DATABASE_URL": bench.bench_database_url(name),
        "PAGE_CACHE_SECONDS": "0",
    }


def seed():
    for size, name in DATABASES.items():
        bench.recreate_database(name)
        env = {**environment(name), "DEBUG": "true", "LOG_LEVEL": "WARNING"}
        env.pop("DJANGO_SETTINGS_MODULE", None)
        bench.child("_seed_demo", env, "bench-sizes-password")
        if size == "large":
            bench.child("_seed_large", env, *SIZES)


def time_pages(pages: list[str]):
    """bench.py's `time_pages` (single uncached requests, the supervisor for admin pages), with CPU time too."""
    import time

    bench.django_setup()
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
    staff.force_login(User.objects.get(username=bench.SUPERVISOR))
    session = staff.session
    session[VERIFIED_AT] = time.time()
    session.save()
    result = {}
    for page in pages:
        client = staff if page.startswith("/admin/") else anonymous
        wall, cpu = [], []
        for _number in range(repeats + 1):
            for cache in caches.all():
                cache.clear()
            with CaptureQueriesContext(connection) as context:
                started, started_cpu = time.perf_counter(), time.process_time()
                response = client.get(page)
                wall.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
            assert response.status_code == 200, (page, response.status_code)
        queries = len(context.captured_queries)
        result[page] = {"p50": statistics.median(wall[1:]), "cpu": statistics.median(cpu[1:]), "queries": queries}
    print("RESULT " + json.dumps(result))


def timed_in_child(env: dict, pages: list[str]) -> str:
    """``time_pages`` in a fresh Django process (as bench.py's ``child``, for this script)."""
    command = [sys.executable, __file__, "_time_cpu", *pages]
    output = subprocess.run(command, env=env, cwd=bench.ROOT, stdout=subprocess.PIPE, text=True, check=True).stdout
    return next(line.removeprefix("RESULT ") for line in output.splitlines() if line.startswith("RESULT "))


def time(pages: list[str]):
    rounds = int(os.environ.get("BENCH_SIZES_ROUNDS") or 3)
    times = {size: {page: [] for page in pages} for size in DATABASES}
    cpu = {size: {page: [] for page in pages} for size in DATABASES}
    queries = {size: {} for size in DATABASES}
    for name in DATABASES.values():
        manage = [sys.executable, str(bench.ROOT / "manage.py"), "migrate", "--noinput", "-v", "0"]
        subprocess.run(manage, env=environment(name), check=True)
    for _ in range(rounds):
        for size, name in DATABASES.items():
            result = json.loads(timed_in_child(environment(name), pages))
            for page, row in result.items():
                times[size][page].append(row["p50"])
                cpu[size][page].append(row["cpu"])
                queries[size][page] = row["queries"]
    print(f"{rounds} rounds; each figure the median of the rounds' p50")
    print("| page | p50 demo → large (ms) | ratio | CPU demo → large (ms) | ratio | queries demo → large |")
    print("|---|---|---|---|---|---|")
    for page in pages:
        demo, large = statistics.median(times["demo"][page]), statistics.median(times["large"][page])
        demo_cpu, large_cpu = statistics.median(cpu["demo"][page]), statistics.median(cpu["large"][page])
        print(
            f"| `{page}` | {demo:.1f} → {large:.1f} | {large / demo:.2f}× | {demo_cpu:.1f} → {large_cpu:.1f} | "
            f"{large_cpu / demo_cpu:.2f}× | {queries['demo'][page]} → {queries['large'][page]} |"
        )


if __name__ == "__main__":
    if sys.argv[1:2] == ["seed"]:
        seed()
    elif sys.argv[1:2] == ["time"]:
        time(sys.argv[2:])
    elif sys.argv[1:2] == ["_time_cpu"]:
        time_pages(sys.argv[2:])
    else:
        sys.exit(__doc__)
