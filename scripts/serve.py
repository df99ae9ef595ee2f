"""A production-like run on 127.0.0.1 for trials and the benchmark: `make serve`.

DEBUG off with local-only settings generated for the trial (a random SECRET_KEY kept in `.serve.env`,
ALLOWED_HOSTS=127.0.0.1, SITE_URL, DATABASE_URL pointing at the embedded PostgreSQL, plain HTTP so no SSL
redirect or HSTS), gunicorn with 2 × cores + 1 workers (or WEB_CONCURRENCY), static files from whitenoise
(compressed, hashed names, far-future caching). Never for a real deployment: see the README's Production.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV_FILE = ROOT / ".serve.env"
VENV_BIN = Path(sys.executable).parent


def workers() -> int:
    """gunicorn's rule for synchronous workers: two per core plus one."""
    if os.environ.get("WEB_CONCURRENCY"):
        return int(os.environ["WEB_CONCURRENCY"])
    return 2 * len(os.sched_getaffinity(0)) + 1


def embedded_database_url() -> str:
    """The URI of the embedded PostgreSQL server, started when it is not running."""
    sys.path.insert(0, str(ROOT))
    from portal.database import embedded_server

    return embedded_server().get_uri()


def trial_settings(port: int = 8000) -> dict[str, str]:
    """The environment of a local production-like run; the SECRET_KEY is generated once and kept."""
    stored = {}
    if ENV_FILE.exists():
        stored = dict(line.split("=", 1) for line in ENV_FILE.read_text().splitlines() if "=" in line)
    secret_key = stored.get("SECRET_KEY") or secrets.token_urlsafe(50)
    values = {
        "DEBUG": "false",
        "SECRET_KEY": secret_key,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "CSRF_TRUSTED_ORIGINS": f"http://127.0.0.1:{port}",
        "DATABASE_URL": os.environ.get("DATABASE_URL") or embedded_database_url(),
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on the loopback; TLS belongs to the proxy in production
        "SECURE_HSTS_SECONDS": "0",
        "SECURE_HSTS_PRELOAD": "false",
        "LOG_LEVEL": "WARNING",
    }
    ENV_FILE.write_text("".join(f"{key}={value}\n" for key, value in values.items()))
    ENV_FILE.chmod(0o600)
    return values


def gunicorn_command(app: str = "portal.wsgi:application", port: int = 8000, *extra: str) -> list[str]:
    return [
        str(VENV_BIN / "gunicorn"),
        app,
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers()}",
        "--worker-tmp-dir=/dev/shm" if Path("/dev/shm").is_dir() else "--worker-tmp-dir=/tmp",
        # A worker silent for this long is killed and replaced: long enough for a streamed 100,000-row CSV
        # export (about 70 s on a busy 2-core machine, docs/benchmark.md), short enough to free a stuck worker.
        "--timeout=180",
        "--graceful-timeout=10",
        "--no-control-socket",  # several servers (make serve, make bench) may run side by side
        # Workers are recycled now and then (a slow leak cannot grow for ever), forked from a master that loaded
        # the portal once (--preload), so a new worker answers at once. At 5,000 requests a worker serving cached
        # pages at 400 requests/s restarted every 12 s, which showed as 1.5 s p95 spikes in make bench.
        "--preload",
        "--max-requests=100000",
        "--max-requests-jitter=10000",
        f"--chdir={ROOT}",
        *extra,
    ]


def granian_command(app: str = "portal.wsgi:application", port: int = 8000, workers_count: int | None = None):
    """granian serving the same WSGI application, one request at a time per worker as gunicorn's sync workers
    (``make bench`` measures it beside gunicorn; see docs/benchmark.md)."""
    return [
        str(VENV_BIN / "granian"),
        "--interface=wsgi",
        "--host=127.0.0.1",
        f"--port={port}",
        f"--workers={workers_count or workers()}",
        "--blocking-threads=1",
        "--no-ws",
        "--respawn-failed-workers",
        "--log-level=warning",
        f"--working-dir={ROOT}",
        app,
    ]


def server_environment(port: int = 8000) -> dict[str, str]:
    return {**os.environ, **trial_settings(port), "DJANGO_SETTINGS_MODULE": "portal.settings"}


def main():
    env = server_environment()
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True)
    subprocess.run([*manage, "check", "--deploy", "--fail-level", "ERROR"], env=env, check=True)
    print(f"Serving the portal (DEBUG off, {workers()} gunicorn workers) at http://127.0.0.1:8000/ (Ctrl+C stops)")
    command = gunicorn_command("portal.wsgi:application", 8000, "--access-logfile=-")
    os.execvpe(command[0], command, env)


if __name__ == "__main__":
    main()
