"""A database outage, answered calmly: a translated 503 page, and one log line per interval.

When PostgreSQL is down every request fails the same way; a traceback for each of them (thousands a
minute) buries everything else in the log. The first failure is logged at once, later ones are counted
and summed up in one line per ``LOG_INTERVAL``. Django reconnects by itself when the database is back.
"""

import logging
import threading
import time

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger("portal.outage")

RETRY_AFTER_SECONDS = 30
LOG_INTERVAL = 60.0  # seconds
DATABASE_ERRORS = (OperationalError, InterfaceError)


class OutageLog:
    """Logs the first database failure, then at most one summary line per interval."""

    def __init__(self, interval: float = LOG_INTERVAL):
        self.interval = interval
        self.lock = threading.Lock()
        self.last_logged = None
        self.unlogged = 0

    def record(self, error: Exception, now: float | None = None):
        now = time.monotonic() if now is None else now
        with self.lock:
            if self.last_logged is not None and now - self.last_logged < self.interval:
                self.unlogged += 1
                return
            more, self.unlogged, self.last_logged = self.unlogged, 0, now
        reason = f"{type(error).__name__}: {(str(error).strip().splitlines() or [''])[0]}"
        if more:
            logger.error(
                "Database still unavailable (%s); %d more failed request(s) since the last message", reason, more
            )
        else:
            logger.error("Database unavailable (%s)", reason)


outage_log = OutageLog()


def is_database_outage(error: BaseException | None) -> bool:
    return isinstance(error, DATABASE_ERRORS)


def unavailable_response(error: Exception) -> HttpResponse:
    """The 503 page (no context processors: they read the database), logged through ``outage_log`` only."""
    outage_log.record(error)
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    # Django logs every 5xx response ("Service Unavailable: /path"); this one has been counted above.
    response._has_been_logged = True
    return response
