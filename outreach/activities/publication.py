"""Which copies of activity photos are public: the one place that decides it and acts on it.

A photo and its thumbnails live in the private storage, never served. While a photo is public (its
people consented and its activity is published) copies with an unguessable name exist in the public
media storage; otherwise they do not exist at all, so that a withdrawn consent or an unpublished
activity also kills the old public URL. A new name is chosen at every publication: an old URL never
comes back.

Every write that can change the answer calls ``sync``: saving a photo, saving an activity whose status
changed, the querysets' ``update()`` of a status or a consent, and deleting (``withdraw``). Callers
need not (and should not) publish or withdraw copies themselves.

Files are not transactional: a copy published inside a transaction that is then rolled back stays in the
public storage, named nowhere. ``reconcile`` (the daily ``sync_public_photos`` command) removes such
orphans and re-syncs every photo.
"""

from datetime import timedelta
from uuid import uuid4

from django.core.files.storage import default_storage
from django.utils import timezone

PUBLIC_FOLDER = "activities"
ORPHAN_MIN_AGE = timedelta(hours=1)  # younger copies may belong to a publication not yet committed


def should_be_public(photo) -> bool:
    """The rule (``ActivityPhoto.objects.public()`` is the same rule in SQL)."""
    return bool(photo.consent_to_publish and photo.activity.is_published and photo.image)


def sync(photo) -> None:
    """Publish copies while the photo is public; remove them otherwise (stores ``public_files``)."""
    before = dict(photo.public_files)
    if should_be_public(photo):
        if not (photo.public_files and default_storage.exists(photo.public_files.get("original", ""))):
            _remove_copies(photo)
            _publish_copies(photo)
    else:
        _remove_copies(photo)
    if photo.public_files != before and photo.pk:
        type(photo).objects.filter(pk=photo.pk).update(public_files=photo.public_files)


def sync_all(photos) -> None:
    """``sync`` every photo of an iterable (pass ``select_related("activity")`` querysets)."""
    for photo in photos:
        sync(photo)


def withdraw(photo) -> None:
    """Remove the public copies at once (the photo is being deleted; the caller saves nothing)."""
    _remove_copies(photo)


def _publish_copies(photo):
    storage = photo.image.storage
    stem = uuid4().hex
    sources = {"original": photo.image.name, **photo.thumbnails}
    files = {}
    for key, name in sources.items():
        suffix = "" if key == "original" else f"-{key}w"
        with storage.open(name, "rb") as source:
            files[key] = default_storage.save(f"{PUBLIC_FOLDER}/{stem}{suffix}.jpg", source)
    photo.public_files = files


def _remove_copies(photo):
    for name in photo.public_files.values():
        default_storage.delete(name)
    photo.public_files = {}


def reconcile(photos, now=None) -> tuple[int, int]:
    """Sync every photo, then remove the public files no photo names (older than ORPHAN_MIN_AGE).

    Returns (photos whose copies changed, orphan files removed).
    """
    changed = 0
    named = set()
    for photo in photos:
        before = dict(photo.public_files)
        sync(photo)
        changed += photo.public_files != before
        named.update(photo.public_files.values())
    now = now or timezone.now()
    removed = 0
    try:
        _folders, files = default_storage.listdir(PUBLIC_FOLDER)
    except FileNotFoundError:
        return changed, 0
    for filename in files:
        name = f"{PUBLIC_FOLDER}/{filename}"
        if name not in named and now - default_storage.get_modified_time(name) >= ORPHAN_MIN_AGE:
            default_storage.delete(name)
            removed += 1
    return changed, removed
