"""PostgreSQL advisory locks: one holder at a time across every process of every app server.

A lock is named by a text (hashed to PostgreSQL's 64-bit lock key). ``hold`` waits for the lock until the end of
the caller's transaction (the admin log-in takes one per username and client); ``alone`` tries a lock held by the
database session until its block ends, for the scheduled commands: a second server that starts the same command
while the first still runs it does nothing.
"""

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection


def lock_key(name: str) -> int:
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big", signed=True)


def hold(name: str) -> None:
    """Wait for the lock ``name``; it is released when the current transaction ends (call inside ``atomic``)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock_key(name)])


@contextmanager
def alone(name: str) -> Iterator[bool]:
    """Try to take the lock ``name`` without waiting: yields True when this process has it for the block, False
    when another holds it (then the block must do nothing)."""
    key = lock_key(name)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        taken = cursor.fetchone()[0]
    try:
        yield taken
    finally:
        if taken:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
