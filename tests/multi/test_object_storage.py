"""Media on S3-compatible object storage (moto's server on the loopback): activity photo originals and report
photos in the private bucket, never reachable without the permission-checked view; public copies public."""

from io import StringIO

import pytest
import requests
from django.apps import apps
from django.core.files.storage import storages
from django.core.management import call_command
from django.db.models import FileField

from outreach.activities.models import Status
from portal import object_storage
from tests.factories import ActivityFactory, activity_photo, content_editor
from tests.multi.helpers import PRIVATE_BUCKET, PUBLIC_BUCKET, S3_KEY_ID, S3_SECRET, bucket_keys, s3_client

pytestmark = [pytest.mark.multi_server, pytest.mark.django_db]


def use_s3(settings, monkeypatch, endpoint: str, private_bucket: str):
    """This process's storages on the S3 server, as settings.py configures them when S3_BUCKET is set."""
    settings.STORAGES = {
        **settings.STORAGES,
        **object_storage.s3_storages(
            bucket=PUBLIC_BUCKET,
            private_bucket=private_bucket,
            endpoint_url=endpoint,
            region="us-east-1",
            access_key=S3_KEY_ID,
            secret_key=S3_SECRET,
        ),
    }
    for model in apps.get_models():
        for field in model._meta.fields:
            if isinstance(field, FileField) and getattr(field, "_storage_callable", None):
                monkeypatch.setattr(field, "storage", field._storage_callable())


@pytest.fixture
def emptied_buckets(s3_endpoint):
    yield s3_endpoint
    for bucket in (PUBLIC_BUCKET, PRIVATE_BUCKET):
        for key in bucket_keys(s3_endpoint, bucket):
            s3_client(s3_endpoint).delete_object(Bucket=bucket, Key=key)


@pytest.fixture
def on_s3(settings, emptied_buckets, monkeypatch):
    use_s3(settings, monkeypatch, emptied_buckets, PRIVATE_BUCKET)
    return emptied_buckets


def test_a_public_photo_is_copied_to_the_public_bucket_and_readable_by_anyone(on_s3):
    photo = activity_photo(ActivityFactory(status=Status.PUBLISHED))
    assert photo.public_url.startswith(f"{on_s3}/{PUBLIC_BUCKET}/activities/")
    response = requests.get(photo.public_url, timeout=10)
    assert response.status_code == 200 and response.content[:2] == b"\xff\xd8"


def test_the_original_and_its_thumbnails_stay_in_the_private_bucket_unreachable_by_url(on_s3):
    photo = activity_photo(ActivityFactory(status=Status.PUBLISHED))
    private = bucket_keys(on_s3, PRIVATE_BUCKET)
    assert private == sorted([photo.image.name, *photo.thumbnails.values()])
    for key in private:
        assert requests.get(f"{on_s3}/{PRIVATE_BUCKET}/{key}", timeout=10).status_code == 403
    assert photo.image.url.startswith("/private-media-is-not-served/")  # no signed URL to leak


def test_withdrawn_consent_removes_the_public_copies_from_the_bucket(on_s3):
    photo = activity_photo(ActivityFactory(status=Status.PUBLISHED))
    old_url = photo.public_url
    photo.consent_to_publish = False
    photo.save()
    assert [key for key in bucket_keys(on_s3, PUBLIC_BUCKET) if key.startswith("activities/")] == []
    assert requests.get(old_url, timeout=10).status_code in (403, 404)


def test_staff_get_the_private_photo_streamed_from_the_bucket(on_s3, client):
    photo = activity_photo(ActivityFactory(status=Status.DRAFT))
    client.force_login(content_editor())
    response = client.get(photo.admin_url("320"))
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"


def test_a_private_photo_gone_from_the_bucket_is_a_404(on_s3, client):
    photo = activity_photo(ActivityFactory(status=Status.DRAFT))
    storages["private"].delete(photo.image.name)
    client.force_login(content_editor())
    assert client.get(photo.admin_url()).status_code == 404


def test_the_daily_sync_lists_and_keeps_the_public_copies_in_the_bucket(on_s3):
    photo = activity_photo(ActivityFactory(status=Status.PUBLISHED))
    out = StringIO()
    call_command("sync_public_photos", stdout=out)
    assert out.getvalue() == "Synced 0 photos, removed 0 orphan public files.\n"
    assert requests.get(photo.public_url, timeout=10).status_code == 200


def test_with_one_bucket_private_files_stay_private_under_their_prefix(settings, emptied_buckets, monkeypatch):
    use_s3(settings, monkeypatch, emptied_buckets, private_bucket="")
    photo = activity_photo(ActivityFactory(status=Status.PUBLISHED))
    assert f"private/{photo.image.name}" in bucket_keys(emptied_buckets, PUBLIC_BUCKET)
    assert requests.get(f"{emptied_buckets}/{PUBLIC_BUCKET}/private/{photo.image.name}", timeout=10).status_code == 403
    assert requests.get(photo.public_url, timeout=10).status_code == 200
