"""The sync_public_photos command: public copies left by a rolled-back publication are removed."""

import os
import time
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction

from outreach.activities.models import ActivityPhoto, Status
from tests.activities.helpers import public_media_files
from tests.factories import ActivityFactory, activity_photo

pytestmark = pytest.mark.django_db


class Interrupted(Exception):
    pass


def rolled_back_publication():
    """A consent given inside a transaction that fails afterwards: the copies are written, the row is not."""
    photo = activity_photo(ActivityFactory(status=Status.PUBLISHED), consent=False)
    with pytest.raises(Interrupted), transaction.atomic():
        photo.consent_to_publish = True
        photo.save()
        raise Interrupted
    assert ActivityPhoto.objects.get().public_files == {}
    orphans = public_media_files()
    assert orphans
    return orphans


def age(paths, hours):
    past = time.time() - hours * 3600
    for path in paths:
        os.utime(path, (past, past))


def sync():
    out = StringIO()
    call_command("sync_public_photos", stdout=out)
    return out.getvalue()


def test_it_removes_public_copies_no_photo_names():
    orphans = rolled_back_publication()
    age(orphans, hours=2)
    assert sync() == f"Synced 0 photos, removed {len(orphans)} orphan public files.\n"
    assert public_media_files() == []


def test_it_leaves_recent_copies_that_may_belong_to_a_publication_in_progress():
    orphans = rolled_back_publication()
    sync()
    assert public_media_files() == orphans


def test_it_keeps_the_copies_of_public_photos():
    photo = activity_photo(ActivityFactory(status=Status.PUBLISHED))
    copies = public_media_files()
    age(copies, hours=2)
    sync()
    assert public_media_files() == copies
    assert (settings.MEDIA_ROOT / photo.public_files["original"]).is_file()


def test_it_publishes_again_a_public_photo_whose_copy_went_missing():
    photo = activity_photo(ActivityFactory(status=Status.PUBLISHED))
    (settings.MEDIA_ROOT / photo.public_files["original"]).unlink()
    assert sync().startswith("Synced 1 photos")
    photo.refresh_from_db()
    assert (settings.MEDIA_ROOT / photo.public_files["original"]).is_file()
