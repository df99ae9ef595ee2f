"""The one shape of a workflow transition (reports, school visit requests): inside one transaction, with the
row locked and its status read as stored, so that a stale copy in memory can never make a forbidden move and
two officers at once cannot both move the same record."""

from contextlib import contextmanager

from django.db import transaction


@contextmanager
def locked(instance, *fields: str):
    """One transaction in which the row of ``instance`` is locked and ``fields`` are re-read from it."""
    with transaction.atomic():
        manager = type(instance)._default_manager
        instance.refresh_from_db(from_queryset=manager.select_for_update(), fields=list(fields))
        yield instance
