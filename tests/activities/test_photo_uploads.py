import struct
import zlib
from io import BytesIO

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from outreach.activities.models import Activity, ActivityPhoto
from outreach.media import MAX_UPLOAD_BYTES
from tests.activities.helpers import ADD_URL, activity_form
from tests.factories import VillageFactory, jpeg_bytes, jpeg_upload, supervisor

pytestmark = pytest.mark.django_db


def gps_jpeg() -> bytes:
    image = Image.new("RGB", (1600, 1200), (10, 120, 60))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "KameraDesa"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "S"
    gps[ExifTags.GPS.GPSLatitude] = (8.0, 14.0, 30.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (112.0, 20.0, 10.0)
    buffer = BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG that claims enormous dimensions: a decompression bomb."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    )


def stored_files(root=None):
    root = root or settings.MEDIA_ROOT
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


@pytest.fixture
def logged_in(client):
    client.force_login(supervisor())
    return client


def post_with_photo(client, upload):
    return client.post(ADD_URL, activity_form(VillageFactory(), photos=[(upload, "Warga di balai desa", True)]))


def test_it_saves_a_photo_with_responsive_thumbnails(logged_in):
    response = post_with_photo(logged_in, jpeg_upload(width=1600, height=1200))
    assert response.status_code == 302
    photo = ActivityPhoto.objects.get()
    assert (photo.width, photo.height) == (1600, 1200)
    assert sorted(photo.thumbnails, key=int) == ["320", "640", "1024"]
    private = photo.image.storage
    for name in [photo.image.name, *photo.thumbnails.values()]:
        assert private.exists(name)
    assert Image.open(private.path(photo.thumbnails["320"])).width == 320
    assert stored_files() == []  # a draft's photos have no public copy
    assert photo.srcset == ""


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("not-a-photo.jpg", b"%PDF-1.4 not an image at all", "image/jpeg"), "bukan foto"),
        (SimpleUploadedFile("huge.jpg", b"\xff\xd8" + b"\0" * MAX_UPLOAD_BYTES, "image/jpeg"), "terlalu besar"),
        (SimpleUploadedFile("bomb.png", png_header_only(30_000, 30_000), "image/png"), "terlalu banyak piksel"),
    ],
    ids=["renamed-non-image", "oversize", "pixel-bomb"],
)
def test_a_bad_upload_gives_a_clear_error_and_nothing_is_saved(logged_in, upload, message):
    response = post_with_photo(logged_in, upload)
    assert response.status_code == 200
    assert message in response.text.lower()
    assert not Activity.objects.exists()
    assert not ActivityPhoto.objects.exists()
    assert stored_files() == []


def test_gps_and_other_metadata_are_removed(logged_in):
    original = gps_jpeg()
    assert Image.open(BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    post_with_photo(logged_in, SimpleUploadedFile("gps.jpg", original, "image/jpeg"))
    photo = ActivityPhoto.objects.get()
    for name in [photo.image.name, *photo.thumbnails.values()]:
        content = photo.image.storage.open(name).read()
        assert b"Exif" not in content
        assert not Image.open(BytesIO(content)).getexif()


def test_the_upload_field_accepts_only_photo_types(logged_in):
    response = logged_in.get(ADD_URL)
    assert 'accept="image/jpeg,image/png,image/webp"' in response.text


def test_deleting_a_photo_removes_its_files(logged_in, django_capture_on_commit_callbacks):
    post_with_photo(logged_in, SimpleUploadedFile("p.jpg", jpeg_bytes(width=1200, height=900), "image/jpeg"))
    with django_capture_on_commit_callbacks(execute=True):
        ActivityPhoto.objects.get().delete()
    assert stored_files() == []
    assert stored_files(settings.PRIVATE_MEDIA_ROOT) == []


def test_deleting_an_activity_in_the_admin_removes_its_photo_files(logged_in, django_capture_on_commit_callbacks):
    post_with_photo(logged_in, SimpleUploadedFile("p.jpg", jpeg_bytes(width=1200, height=900), "image/jpeg"))
    activity = Activity.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        logged_in.post(
            "/admin/activities/activity/",
            {"action": "delete_selected", "_selected_action": [activity.pk], "post": "yes"},
        )
    assert not Activity.objects.exists()
    assert stored_files() == []
