"""Which copies of activity photos are public: the one place that decides it and acts on it.

A photo and its thumbnails live in the private storage, never served. While a photo is public (its
people consented and its activity is published) copies with an unguessable name exist in the public
media storage; otherwise they do not exist at all, so that a withdrawn consent or an unpublished
activity also kills the old public URL. A new name is chosen at every publication: an old URL never
comes back.

Every write that can change the answer calls ``sync``: saving a photo, saving an activity whose status
changed, the querysets' ``update()`` of a status or a consent, and deleting (``withdraw``). Callers
need not (and should not) publish or withdraw copies themselves.
"""

from uuid import uuid4

from django.core.files.storage import default_storage

PUBLIC_FOLDER = "activities"


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
