"""Generations: the one way a cache drops many entries at once (the page cache, the remembered figures).

Every key of such entries carries the current generation, a random token kept in the same cache; renewing the
token makes every entry unreachable (they expire on their own). A fresh token, not a counter, so that
concurrent renewals never clash; kept in the shared cache, so every worker and server sees the same one.
"""

import logging
from functools import partial
from uuid import uuid4

from django.db import transaction

logger = logging.getLogger(__name__)


def current(cache, key: str) -> str:
    """The generation stored at ``key`` in ``cache``, made on first use."""
    value = cache.get(key)
    if value is None:
        cache.add(key, uuid4().hex, timeout=None)
        value = cache.get(key, "")
    return value


def renew(cache, key: str) -> None:
    """A new generation. A cache that fails (Redis away) is logged, not raised: the change that renews it is
    saved all the same, and what the old generation holds expires on its own timeout."""
    try:
        cache.set(key, uuid4().hex, timeout=None)
    except Exception:
        logger.exception("Could not renew the cache generation %s", key)


def renew_now_and_at_commit(cache, key: str) -> None:
    """Now, and once more when the current transaction commits: an entry computed meanwhile from the rows as
    they were before the change is not stored under the generation that readers use after the commit."""
    renew(cache, key)
    transaction.on_commit(partial(renew, cache, key))
