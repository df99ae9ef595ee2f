"""A report photo as stored: checked as a real image, without anything that identifies the reporter, upright.

A JPEG a phone already resized (the report form does so before uploading) keeps its coded pixels losslessly,
with every metadata segment removed; anything else is decoded and re-encoded (``outreach.media``)."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from PIL import Image

from outreach.reports.services import clean_photo

from .helpers import jpeg_bytes, phone_jpeg, upload

IDENTIFYING = [b"SecretCam", b"PhoneMaker", b"Siti", b"xmpmeta", b"TRAILING-SECRET"]


def stored(content: bytes) -> tuple[bytes, Image.Image]:
    clean = clean_photo(upload(content))
    image = Image.open(io.BytesIO(clean.content))
    image.load()  # the whole picture decodes
    return clean.content, image


def pixels(content: bytes) -> bytes:
    return Image.open(io.BytesIO(content)).tobytes()


def test_a_resized_phone_photo_keeps_its_pixels_and_loses_every_identifying_segment():
    original = phone_jpeg()
    content, image = stored(original)
    assert image.format == "JPEG" and image.size == (800, 600)
    assert pixels(content) == pixels(original)  # not re-encoded
    assert not any(secret in content for secret in IDENTIFYING)
    assert not image.getexif() and "comment" not in image.info and "xmp" not in image.info
    assert content.endswith(b"\xff\xd9")


def test_a_progressive_jpeg_keeps_its_pixels_too():
    buffer = io.BytesIO()
    Image.open(io.BytesIO(phone_jpeg())).save(buffer, format="JPEG", progressive=True, comment=b"Siti")
    content, image = stored(buffer.getvalue())
    assert image.info.get("progressive")
    assert pixels(content) == pixels(buffer.getvalue())
    assert b"Siti" not in content


def test_a_photo_with_an_orientation_is_turned_upright_and_loses_its_metadata():
    content, image = stored(phone_jpeg(orientation=6))  # "rotate 90° clockwise"
    assert image.size == (600, 800)
    assert not any(secret in content for secret in IDENTIFYING)
    assert not image.getexif()


def test_a_photo_larger_than_the_size_cap_is_shrunk_and_loses_its_metadata():
    content, image = stored(phone_jpeg(size=(2400, 1800)))
    assert image.size == (2000, 1500)
    assert not any(secret in content for secret in IDENTIFYING)


def error_code(content: bytes) -> ValidationError:
    with pytest.raises(ValidationError) as raised:
        clean_photo(upload(content))
    return raised.value


@pytest.mark.parametrize("keep", [0.5, 0.98], ids=["half", "end-missing"])
def test_a_truncated_jpeg_is_refused_as_damaged_in_the_reporters_language(keep):
    data = phone_jpeg()
    with translation.override("id"):
        error = error_code(data[: int(len(data) * keep)])
        assert error.code == "damaged"
        assert "rusak" in error.messages[0]


def test_a_jpeg_with_garbage_in_its_picture_data_is_refused():
    data = phone_jpeg()
    middle = len(data) // 2
    assert error_code(data[:middle] + b"\xff\xc8" * 500 + data[middle + 1000 :]).code == "damaged"


def test_text_named_like_a_photo_is_refused():
    assert error_code(b"this is not a photo at all").code == "not_an_image"


def test_a_jpeg_claiming_too_many_pixels_is_refused_before_decoding():
    data = bytearray(phone_jpeg())
    frame = data.index(b"\xff\xc0")
    data[frame + 5 : frame + 9] = (30_000).to_bytes(2) + (30_000).to_bytes(2)  # height, width: 900 megapixels
    assert error_code(bytes(data)).code == "too_many_pixels"


def test_a_photo_cut_off_just_before_its_end_marker_is_refused():
    data = jpeg_bytes(size=(320, 240))
    assert error_code(data[:-2]).code == "damaged"


def test_a_whole_photo_resized_on_the_phone_is_kept_byte_for_byte_in_its_picture_data():
    data = jpeg_bytes(size=(320, 240))
    scan = data.index(b"\xff\xda")
    assert clean_photo(upload(data)).content.endswith(data[scan:])
