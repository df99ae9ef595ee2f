"""Shared helpers of the report tests: images made with Pillow, form answers, the public form flow, and real
parts that fail (a storage whose disk fills up)."""

import io
import uuid

from django.core.files.storage import FileSystemStorage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from outreach.abuse.forms import started_value
from outreach.reports.models import ReportPhoto


def jpeg_bytes(size=(64, 48), color=(200, 30, 30), exif=None) -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", size, color)
    image.save(buffer, format="JPEG", **({"exif": exif} if exif is not None else {}))
    return buffer.getvalue()


def upload(content: bytes | None = None, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content if content is not None else jpeg_bytes(), content_type=content_type)


def gps_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0131] = "SecretCam 1.0"  # Software
    exif.get_ifd(0x8825)[2] = (7.0, 5.0, 30.0)  # GPSLatitude
    return exif.tobytes()


def phone_jpeg(size=(800, 600), orientation=None) -> bytes:
    """A JPEG as a phone sends it after resizing: noisy pixels, EXIF with GPS (and, when given, an orientation),
    an XMP packet, a comment and bytes trailing the picture."""
    exif = Image.Exif()
    exif.load(gps_exif())
    if orientation:
        exif[0x0112] = orientation
    image = Image.effect_noise(size, 40).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90, exif=exif.tobytes(), comment=b"Taken by Siti at home")
    data = buffer.getvalue()
    xmp = b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator>Siti Rahayu</dc:creator></x:xmpmeta>"
    segment = b"\xff\xe1" + (len(xmp) + 2).to_bytes(2) + xmp
    return data[:2] + segment + data[2:] + b"TRAILING-SECRET"


def bomb_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("1", (9000, 9000)).save(buffer, format="PNG")
    return buffer.getvalue()


def answers(**overrides) -> dict:
    data = {
        "category": "overstay",
        "description": "A foreign man has stayed at the guest house near the market since last year.",
        "kecamatan": "sananwetan",
        "village": "Bendogerit",
        "location_details": "Jl. Contoh 5, behind the mosque",
        "occurred_on": None,
        "occurred_approximately": "since last year",
        "involved_name": "",
        "involved_nationality": "unknown",
        "involved_description": "",
        "identity": "anonymous",
        "reporter_name": "",
        "reporter_phone": "",
        "reporter_email": "",
        "consent": False,
    }
    return {**data, **overrides}


def contact_answers(**overrides) -> dict:
    contact = {
        "identity": "contact",
        "reporter_name": "Siti Rahayu",
        "reporter_phone": "0812 3456 7890",
        "reporter_email": "siti.rahayu@example.com",
        "consent": True,
    }
    return answers(**{**contact, **overrides})


def new_token():
    return uuid.uuid4()


def private_files(settings) -> list[str]:
    root = settings.PRIVATE_MEDIA_ROOT
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()) if root.exists() else []


# --- the public form ------------------------------------------------------------------------------


def form_data(**overrides):
    data = {
        "category": "overstay",
        "description": "A foreign man has stayed at the guest house near the market since last year.",
        "kecamatan": "sananwetan",
        "village": "Bendogerit",
        "location_details": "",
        "occurred_on": "",
        "occurred_approximately": "since last year",
        "involved_name": "",
        "involved_nationality": "",
        "involved_description": "",
        "identity": "anonymous",
        "reporter_name": "",
        "reporter_phone": "",
        "reporter_email": "",
        "extra_remarks": "",
        "started": started_value(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def with_contact(**overrides):
    contact = {
        "identity": "contact",
        "reporter_name": "Siti Rahayu",
        "reporter_phone": "0812 3456 7890",
        "reporter_email": "siti.rahayu@example.com",
        "consent": "on",
    }
    return form_data(**{**contact, **overrides})


def send(client, **overrides):
    """Fill in the form, go to the review step and send. Returns the confirmation response."""
    response = client.post("/lapor/", form_data(**overrides))
    assert response.status_code == 302, response.content.decode()[:3000]
    response = client.post("/lapor/periksa/", {"token": client.session["report_draft"]["token"]})
    assert response.status_code == 302
    return client.get(response.url)


# --- real parts that fail -------------------------------------------------------------------------


class FailOnSecondSaveStorage(FileSystemStorage):
    """A file system whose disk is full after the first file this storage saved."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.saves = 0

    def _save(self, name, content):
        self.saves += 1
        if self.saves > 1:
            raise OSError(28, "No space left on device")
        return super()._save(name, content)


def follow_private_storage():
    """After a test replaces the private storage: point ReportPhoto.image at the new one."""
    ReportPhoto._meta.get_field("image").storage = storages["private"]
