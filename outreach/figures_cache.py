"""Figures computed from every activity or report, kept for a short while in Django's default cache.

The yearly report and the activity admin's totals aggregate every row of a year or of a filter: at 100,000
activities and reports that is hundreds of milliseconds a request. /statistik/, its open data and the officer
dashboard read tallies PostgreSQL keeps (outreach/activities/tallies.py, outreach/reports/tallies.py), a few
milliseconds, and are remembered too. ``remembered``
keeps such a result for ``FIGURES_CACHE_SECONDS`` under a key naming the figures, today's date (the figures
say "as of today") and what else they depend on (a year, the language of translated captions).

Every key also carries a generation, which ``forget`` replaces: the activity and report apps call it (at once
and after the commit) whenever one of theirs is saved or deleted, so figures are never older than the last
change. Changes that bypass ``save()`` (a queryset ``update()``) show within ``FIGURES_CACHE_SECONDS``. The
default cache is shared by every worker of a machine (files under ``CACHE_DIR``) or by every server (Redis),
so all of them see the same generation.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from outreach import generations

GENERATION_KEY = "figures:generation"


def remembered(name: str, compute, *depends_on):
    """``compute()``, or its result of an earlier call with the same ``name`` and ``depends_on`` today."""
    key = ":".join(
        [
            "figures",
            generations.current(cache, GENERATION_KEY),
            name,
            timezone.localdate().isoformat(),
            *map(str, depends_on),
        ]
    )
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, settings.FIGURES_CACHE_SECONDS)
    return value


def forget(**kwargs):
    """Drop every remembered figure, now and again when the current transaction commits (figures computed
    meanwhile by another request could not see the change yet). A signal receiver."""
    generations.renew_now_and_at_commit(cache, GENERATION_KEY)
