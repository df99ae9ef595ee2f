"""`make serve` and `make bench`: the production-like trial settings, the baseline view and a smoke run."""

import gc
import os
import subprocess
import sys
from pathlib import Path
from wsgiref.util import setup_testing_defaults

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import bench_wsgi  # noqa: E402
import serve  # noqa: E402

gc.unfreeze()  # portal.wsgi (imported by bench_wsgi) froze this test process's objects: a server's choice only


def wsgi_get(path: str) -> tuple[str, dict, bytes]:
    environ = {"PATH_INFO": path, "HTTP_HOST": "127.0.0.1"}
    setup_testing_defaults(environ)
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(headers)

    body = b"".join(bench_wsgi.application(environ, start_response))
    return answer["status"], answer["headers"], body


def test_the_trial_runs_without_debug_on_the_loopback_and_keeps_its_secret_key(tmp_path, monkeypatch):
    monkeypatch.setattr(serve, "ENV_FILE", tmp_path / ".serve.env")
    monkeypatch.setenv("DATABASE_URL", "postgres://portal@127.0.0.1/portal")
    first = serve.trial_settings(8000)
    assert first["DEBUG"] == "false"
    assert first["ALLOWED_HOSTS"] == "127.0.0.1"
    assert first["SITE_URL"] == "http://127.0.0.1:8000"
    assert first["SECURE_SSL_REDIRECT"] == "false"
    assert len(first["SECRET_KEY"]) >= 50
    assert serve.trial_settings(8000)["SECRET_KEY"] == first["SECRET_KEY"]
    assert oct((tmp_path / ".serve.env").stat().st_mode & 0o777) == "0o600"


def test_a_new_trial_gets_a_new_secret_key(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://portal@127.0.0.1/portal")
    monkeypatch.setattr(serve, "ENV_FILE", tmp_path / "one.env")
    one = serve.trial_settings()["SECRET_KEY"]
    monkeypatch.setattr(serve, "ENV_FILE", tmp_path / "two.env")
    assert serve.trial_settings()["SECRET_KEY"] != one


def test_gunicorn_workers_follow_the_cores_unless_web_concurrency_says(monkeypatch):
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    assert serve.workers() == 2 * len(__import__("os").sched_getaffinity(0)) + 1
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    assert serve.workers() == 3
    assert "--workers=3" in serve.gunicorn_command()


def test_gunicorn_gives_a_streamed_export_three_minutes_before_it_replaces_a_silent_worker(monkeypatch):
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    command = serve.gunicorn_command()
    assert "--timeout=180" in command


def test_gunicorn_workers_fork_from_a_loaded_master_and_are_recycled_rarely(monkeypatch):
    command = serve.gunicorn_command()
    assert "--preload" in command
    assert "--max-requests=100000" in command


def test_granian_is_measured_with_the_same_workers_one_request_at_a_time_each(monkeypatch):
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    command = serve.granian_command("bench_wsgi:application", 8123)
    assert {"--interface=wsgi", "--workers=3", "--blocking-threads=1", "--port=8123"} <= set(command)
    assert command[-1] == "bench_wsgi:application"


# A request through the WSGI handler ends with Django's close_old_connections, which needs database access.
@pytest.mark.django_db
def test_the_baseline_is_a_bare_view_without_middleware():
    status, headers, body = wsgi_get("/__baseline__")
    assert (status, body) == ("200 OK", b"hello")
    assert "X-Frame-Options" not in headers  # no middleware ran


@pytest.mark.django_db
def test_every_other_path_is_the_portal_with_its_middleware():
    status, headers, body = wsgi_get("/robots.txt")
    assert status == "200 OK" and b"Sitemap:" in body
    assert headers["X-Frame-Options"] == "DENY"


def test_a_smoke_run_of_the_benchmark_loads_every_phase_without_errors_or_loss(tmp_path):
    output = tmp_path / "benchmark.md"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench.py"), "--smoke", "--output", str(output)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    report = output.read_text()
    load_table = report.split("\n## ")[0]
    rows = [line.split("|") for line in load_table.splitlines() if line.startswith("| `")]
    pages = [row[1].strip(" `") for row in rows]
    assert pages[0] == "/__baseline__" and "/kegiatan/" in pages and "/sitemap.xml" in pages
    assert "/admin/activities/activity/" in pages and "/admin/activities/activity/export.csv" in pages
    assert "/lapor/ (3 photos)" in pages and "/lapor/cek/ (right PIN)" in pages
    assert all(row[7].strip() == "0" for row in rows), "errors"
    assert all(float(row[2]) > 0 for row in rows), "requests per second"
    assert "warning" not in result.stdout
    assert "Accepted 2, stored 2, of them with their 3 photos 2: no loss" in report
    assert "## p50 at demo size vs at large size" in report
    public = [page for page in pages[1:] if page.startswith("/") and not page.startswith(("/admin/", "/lapor/ ("))]
    public = [page for page in public if "(right PIN)" not in page]
    assert f"measured first and again after each public page ({1 + len(public)} runs" in report


def frozen_objects_after(code: str) -> int:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings"}
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return int(run.stdout)


def test_the_loaded_portal_is_kept_out_of_the_garbage_collectors_sight():
    assert frozen_objects_after("import gc, portal.wsgi; print(gc.get_freeze_count())") > 10_000


def test_nothing_is_frozen_before_the_portal_is_loaded():
    assert frozen_objects_after("import gc, django; django.setup(); print(gc.get_freeze_count())") == 0
