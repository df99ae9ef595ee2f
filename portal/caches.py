"""The ``CACHES`` setting: each alias in the process's memory, or all of them in one Redis when ``REDIS_URL`` is set.

Several app servers share what they cache only through Redis (Django's built-in ``RedisCache``): a page cached
by one server and invalidated by another must live in one place. Every alias gets its own ``KEY_PREFIX`` so that
aliases sharing the Redis database never read each other's keys. Nothing that defends against abuse lives in a
cache (see ``outreach.abuse``): Redis may evict.

A cache is an accelerator, never a dependency. ``TolerantRedisCache`` answers as an empty cache while Redis does
not: a report can still be sent and every page still shows, only slower. After a failure it leaves Redis alone
for ``REST_SECONDS``, so a Redis that has gone away costs a request a look at the clock, not a timeout per read.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

REDIS_BACKEND = "portal.caches.TolerantRedisCache"
# A Redis that stops answering must not hold a request for long.
REDIS_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 2}
# After a failure, this process does not ask Redis again for this long.
REST_SECONDS = 10.0


class TolerantRedisCache(RedisCache):
    """Django's ``RedisCache``; while its Redis fails, a cache that keeps nothing (reads miss, writes are
    dropped, ``incr`` finds no key), with one warning per failure and no new attempt for ``REST_SECONDS``."""

    _resting_until: dict[str, float] = {}  # per Redis location, for every thread of the process
    _lock = threading.Lock()

    def _ask(self, operation: str, unanswered, *args):
        """``RedisCache.<operation>(*args)``, or ``unanswered`` while Redis fails or rests after a failure."""
        location = ",".join(self._servers)
        if self._resting_until.get(location, 0.0) > time.monotonic():
            return unanswered
        try:
            return getattr(super(), operation)(*args)
        except RedisError as error:
            with self._lock:
                self._resting_until[location] = time.monotonic() + REST_SECONDS
            logger.warning(
                "Redis failed (%s in %s); the cache is bypassed for %.0f s",
                type(error).__name__,
                operation,
                REST_SECONDS,
            )
            return unanswered

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._ask("add", False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._ask("get", default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._ask("set", None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._ask("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._ask("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._ask("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._ask("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        value = self._ask("incr", None, key, delta, version)
        if value is None:  # Redis's INCR always answers a number
            raise ValueError(f"Key '{key}' not found")  # what Django's caches raise for a key they do not have
        return value

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._ask("set_many", list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        self._ask("delete_many", None, keys, version)

    def clear(self):
        return self._ask("clear", False)


def cache_config(redis_url: str, local: dict[str, dict]) -> dict[str, dict]:
    """``local`` (the aliases as configured without Redis) unchanged when ``redis_url`` is empty; otherwise the
    same aliases, each a ``RedisCache`` at ``redis_url`` with the alias as its key prefix (``TIMEOUT`` kept)."""
    if not redis_url:
        return local
    return {
        alias: {
            "BACKEND": REDIS_BACKEND,
            "LOCATION": redis_url,
            "KEY_PREFIX": alias,
            "OPTIONS": REDIS_OPTIONS,
            **({"TIMEOUT": config["TIMEOUT"]} if "TIMEOUT" in config else {}),
        }
        for alias, config in local.items()
    }
