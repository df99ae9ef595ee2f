"""Shared helpers of the portal tests."""

import threading

from django.contrib.auth.hashers import PBKDF2PasswordHasher


class RealisticHasher(PBKDF2PasswordHasher):
    """A password check that takes real time (as in production), so parallel log-ins overlap; counts its checks."""

    iterations = 100_000
    checks = 0
    _lock = threading.Lock()

    def verify(self, password, encoded):
        with RealisticHasher._lock:
            RealisticHasher.checks += 1
        return super().verify(password, encoded)
