"""One place that checks and sanitises uploaded images (activity photos, report photos).

Uploads are judged by their content, never their name: only JPEG, PNG and WebP pass, within a size
cap and a pixel cap (against decompression bombs). A passing image is decoded, turned upright from
its EXIF orientation, shrunk to a sensible size and re-encoded as a fresh JPEG, so that nothing of
the original file survives: no EXIF (GPS included), no XMP, no comments, no ICC or trailing data.

A photo only staff open (``compact=False``, report evidence) that is a JPEG already upright, RGB or greyscale
and within the size (a photo resized on the phone, as the report form does) takes a fast path: its segments
are rewritten without every APPn and comment segment and without trailing bytes, keeping only what decodes
the picture (quantisation and Huffman tables, one frame, scans). The walk over the segments is the proof that
the file is whole: every segment's length within the file, one Huffman-coded frame, each scan's bytes ending
at a marker and the file at its end-of-image marker, so an upload cut short anywhere is refused (it goes to the
full path, whose decoder says it is damaged). The entropy-coded bytes are not decoded: over HTTP they arrive
as they were sent, and decoding them (even at 1/8 scale, about 6 ms a photo) was a quarter of the server's
time per report. The pixels stay as they were, losslessly. Any other upload takes the full path below.

A large JPEG is decoded at a reduced scale (``Image.draft``: the decoder's own 1/2, 1/4 or 1/8 scaling,
never below the target size), which spares decoding every pixel and most of the slow resize after it.
Photos shown on public pages are encoded once and downloaded many times, so they get optimised Huffman
tables and progressive scans; a photo only staff open (report evidence, ``compact=False``) is encoded
plainly: the same pixels and quality, a few per cent more bytes, several times less CPU.
"""

import mimetypes
import re
import warnings
from dataclasses import dataclass
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = frozenset({"JPEG", "PNG", "WEBP"})
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 2000
JPEG_QUALITY = 85
ACCEPT_ATTRIBUTE = "image/jpeg,image/png,image/webp"
# What a private file may be served as; anything else is served as bytes to download, never rendered.
SAFE_IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/webp"})

ERRORS = {
    "too_large": _("The file is too large (%(size)s). The maximum is %(max)s."),
    "not_an_image": _("This file is not a photo we can accept. Choose a JPEG, PNG or WebP image."),
    "format": _("Photos must be JPEG, PNG or WebP; this file is %(format)s."),
    "too_many_pixels": _("The image has too many pixels. Choose one of at most %(max)s megapixels."),
    "damaged": _("The image file is damaged or incomplete. Choose another photo."),
}


@dataclass(frozen=True)
class CleanImage:
    """A re-encoded JPEG that carries no metadata of the upload it came from."""

    content: bytes
    width: int
    height: int

    def as_file(self, name: str) -> ContentFile:
        return ContentFile(self.content, name=name)


def _error(code: str, **params) -> ValidationError:
    return ValidationError(ERRORS[code], code=code, params=params)


def _encode(image: Image.Image, *, compact: bool = True) -> CleanImage:
    buffer = BytesIO()
    options = {"optimize": True, "progressive": True} if compact else {}
    image.save(buffer, format="JPEG", quality=JPEG_QUALITY, **options)
    return CleanImage(buffer.getvalue(), image.width, image.height)


def _fitted(size: tuple[int, int], max_side: int) -> tuple[int, int]:
    """``size`` shrunk (never grown) to fit a square of ``max_side``, keeping its shape."""
    width, height = size
    scale = min(1.0, max_side / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def _flatten(image: Image.Image) -> Image.Image:
    """RGB pixels only: transparency over white, palettes and other modes converted."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def open_checked(upload, *, max_bytes: int = MAX_UPLOAD_BYTES, max_pixels: int = MAX_PIXELS) -> Image.Image:
    """Open an uploaded file as an image after checking its size, format and pixel count.

    Raises ValidationError with a translated message and a code naming the problem.
    """
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes:
        raise _error("too_large", size=filesizeformat(size), max=filesizeformat(max_bytes))
    upload.seek(0)
    too_many_pixels = _error("too_many_pixels", max=max_pixels // 1_000_000)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(upload)
    except Image.DecompressionBombError:
        raise too_many_pixels from None
    except UnidentifiedImageError:
        raise _error("not_an_image") from None
    except OSError:
        raise _error("damaged") from None
    if image.format not in ALLOWED_FORMATS:
        raise _error("format", format=image.format)
    if image.width * image.height > max_pixels:
        raise too_many_pixels
    return image


# Markers of the segments a clean JPEG keeps: the Huffman-coded frames Pillow decodes (baseline, extended,
# progressive), their tables, restart interval and scans. Anything else (APP0-APP15, COM, arithmetic coding,
# hierarchical frames) is dropped or sends the file to the full path.
_FRAME_MARKERS = frozenset({0xC0, 0xC1, 0xC2})
_KEPT_MARKERS = _FRAME_MARKERS | {0xC4, 0xDB, 0xDD, 0xDA}
_DROPPED_MARKERS = frozenset(range(0xE0, 0xF0)) | {0xFE}
# Where the entropy-coded bytes of a scan end: at a marker, that is 0xFF followed by neither a stuffed zero
# nor a restart marker.
_SCAN_END = re.compile(rb"\xff[^\x00\xd0-\xd7]")
# A plain JFIF header (version 1.1, no density, no thumbnail) for the rewritten file.
_JFIF = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"


def _jpeg_without_metadata(data: bytes) -> bytes | None:
    """``data`` rewritten with only the segments that decode the picture; None when it has anything else
    (or is malformed), for the caller to take the full path."""
    if not data.startswith(b"\xff\xd8"):
        return None
    out = [b"\xff\xd8", _JFIF]
    position, end = 2, len(data)
    frames = 0
    while position + 2 <= end:
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker == 0xD9:
            return b"".join(out) + b"\xff\xd9" if frames == 1 else None
        length = int.from_bytes(data[position + 2 : position + 4])
        segment_end = position + 2 + length
        if length < 2 or segment_end > end:  # also a length cut off at the end
            return None
        if marker in _DROPPED_MARKERS:
            position = segment_end
            continue
        if marker not in _KEPT_MARKERS:
            return None
        frames += marker in _FRAME_MARKERS
        if marker != 0xDA:
            out.append(data[position:segment_end])
            position = segment_end
            continue
        # A scan: its header, then entropy-coded bytes up to the next marker (_SCAN_END).
        scan_end = _SCAN_END.search(data, segment_end)
        if scan_end is None:
            return None
        scan_end = scan_end.start()
        out.append(data[position:scan_end])
        position = scan_end
    return None


def _clean_jpeg_as_is(image: Image.Image, upload, max_side: int) -> CleanImage | None:
    """The fast path (see the module's note) for an opened JPEG, or None when it does not apply."""
    if image.mode not in ("RGB", "L") or max(image.size) > max_side:
        return None
    if "adobe" in image.info or image.getexif().get(ExifTags.Base.Orientation, 1) != 1:
        return None
    upload.seek(0)
    content = _jpeg_without_metadata(upload.read())
    if content is None:
        return None
    return CleanImage(content, image.width, image.height)


def clean_image(
    upload,
    *,
    max_bytes: int = MAX_UPLOAD_BYTES,
    max_pixels: int = MAX_PIXELS,
    max_side: int = MAX_SIDE,
    compact: bool = True,
) -> CleanImage:
    """Check an upload and return it re-encoded: upright, at most ``max_side`` pixels, without metadata.

    ``compact=False`` for photos that are stored rather than served to the public (see the module's note).
    """
    image = open_checked(upload, max_bytes=max_bytes, max_pixels=max_pixels)
    if image.format == "JPEG" and not compact:
        fast = _clean_jpeg_as_is(image, upload, max_side)
        if fast is not None:
            return fast
    try:
        if image.format == "JPEG":
            image.draft(None, _fitted(image.size, max_side))  # a no-op unless it can halve the size at least
        image.load()
        image = ImageOps.exif_transpose(image)
        image = _flatten(image)
    except (OSError, ValueError, SyntaxError):
        raise _error("damaged") from None
    image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    image.info = {}
    return _encode(image, compact=compact)


def resized(clean: CleanImage, width: int) -> CleanImage:
    """A smaller copy (for thumbnails and srcset), never wider than the original."""
    image = Image.open(BytesIO(clean.content))
    if image.width <= width:
        return clean
    height = max(1, round(image.height * width / image.width))
    return _encode(image.resize((width, height), Image.Resampling.LANCZOS))


def private_file_response(storage, name: str) -> FileResponse:
    """A file of the private storage, for a view that has checked the staff user's permission first.

    Shown inline as the image it is (anything else only as bytes), never cached, never sniffed; Http404 when
    the file is gone.
    """
    try:
        handle = storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    filename = name.rsplit("/", 1)[-1]
    content_type = mimetypes.guess_type(filename)[0]
    if content_type not in SAFE_IMAGE_TYPES:
        content_type = "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
