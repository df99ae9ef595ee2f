"""The ``CACHES`` setting: each alias in the process's memory, or all of them in one Redis when ``REDIS_URL`` is set.

Several app servers share what they cache only through Redis (Django's built-in ``RedisCache``): a page cached
by one server and invalidated by another must live in one place. Every alias gets its own ``KEY_PREFIX`` so that
aliases sharing the Redis database never read each other's keys. Nothing that defends against abuse lives in a
cache (see ``outreach.abuse``): Redis may evict.
"""

REDIS_BACKEND = "django.core.cache.backends.redis.RedisCache"
# A Redis that stops answering must not hold a request for long.
REDIS_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 2}


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
