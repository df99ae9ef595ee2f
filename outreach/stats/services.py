"""Writes on published figures: publishing checks each figure's source, in one transaction."""

from django.db import transaction
from django.utils import timezone

from .models import Figure, Status


def publish(figures) -> tuple[int, list[Figure]]:
    """Publish ``figures``; those without a source stay drafts. Returns (how many published, those refused)."""
    refused = []
    published = 0
    with transaction.atomic():
        for figure in figures.select_for_update().select_related("series"):
            if figure.is_published:
                continue
            if not (figure.source.strip() or figure.source_url.strip()):
                refused.append(figure)
                continue
            figure.status, figure.published_at = Status.PUBLISHED, timezone.now()
            figure.save(update_fields=["status", "published_at", "updated_at"])
            published += 1
    return published, refused


def unpublish(figures) -> int:
    return figures.filter(status=Status.PUBLISHED).update(
        status=Status.DRAFT, published_at=None, updated_at=timezone.now()
    )
