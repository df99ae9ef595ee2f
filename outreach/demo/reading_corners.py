"""Demo reading corners in Blitar, with photos drawn by Pillow (development only; no downloads)."""

from datetime import date
from io import BytesIO
from uuid import uuid4

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from outreach.places import Kecamatan
from outreach.reading_corners.models import CornerStatus, HostKind, ReadingCorner

MATERIALS = "Leaflet paspor dan M-Paspor\nBuku saku pekerja migran prosedural\nPoster cegah TPPO"

# name, host, kind, kecamatan, address, latitude, longitude, opening hours, status, since, colour
CORNERS = [
    (
        "Pojok Baca Kantor Imigrasi Blitar",
        "Kantor Imigrasi Kelas II Non TPI Blitar (lobi pelayanan)",
        HostKind.OFFICE,
        Kecamatan.SUKOREJO,
        "Jl. Raya Ngadirejo No. 1, Kota Blitar",
        "-8.098100",
        "112.168900",
        "Senin–Kamis 07.30–16.00 WIB\nJumat 07.30–16.30 WIB",
        CornerStatus.ACTIVE,
        date(2023, 8, 17),
        (11, 58, 102),
    ),
    (
        "Pojok Baca Balai Desa Bakung",
        "Pemerintah Desa Bakung",
        HostKind.VILLAGE_HALL,
        Kecamatan.BAKUNG,
        "Balai Desa Bakung, Jl. Raya Bakung",
        "-8.253200",
        "112.146200",
        "Senin–Jumat 08.00–14.00 WIB",
        CornerStatus.ACTIVE,
        date(2024, 3, 1),
        (25, 135, 84),
    ),
    (
        "Pojok Baca Perpustakaan Proklamator Bung Karno",
        "Perpustakaan Proklamator Bung Karno",
        HostKind.LIBRARY,
        Kecamatan.SANANWETAN,
        "Jl. Kalasan No. 1, Kota Blitar",
        "-8.083700",
        "112.176300",
        "Selasa–Minggu 08.00–16.00 WIB",
        CornerStatus.ACTIVE,
        date(2024, 9, 2),
        (176, 42, 55),
    ),
    (
        "Pojok Baca SMA Negeri 1 Kademangan",
        "SMA Negeri 1 Kademangan",
        HostKind.SCHOOL,
        Kecamatan.KADEMANGAN,
        "Jl. Raya Kademangan",
        "-8.151200",
        "112.156400",
        "Hari sekolah 07.00–14.00 WIB",
        CornerStatus.ACTIVE,
        date(2025, 1, 20),
        (242, 194, 48),
    ),
    (
        "Pojok Baca Balai Desa Wonotirto",
        "Pemerintah Desa Wonotirto",
        HostKind.VILLAGE_HALL,
        Kecamatan.WONOTIRTO,
        "Balai Desa Wonotirto",
        "-8.266200",
        "112.253100",
        "",
        CornerStatus.CLOSED,
        date(2025, 4, 7),
        (108, 117, 125),
    ),
]


def demo_photo(colour: tuple[int, int, int]) -> bytes:
    """A simple drawing of a bookshelf on a coloured wall."""
    image = Image.new("RGB", (1200, 800), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((150, 200, 1050, 720), fill=(120, 85, 50))
    for shelf, top in enumerate((230, 400, 570)):
        x = 180
        while x < 1010:
            width = 28 + (x * 7 + shelf * 13) % 30
            shade = (x * 3 + shelf * 50) % 200 + 40
            draw.rectangle((x, top, x + width, top + 130), fill=(shade, 255 - shade, (shade * 2) % 255))
            x += width + 6
        draw.rectangle((150, top + 132, 1050, top + 145), fill=(90, 60, 35))
    draw.text((160, 120), "POJOK BACA IMIGRASI", fill=(255, 255, 255))
    buffer = BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def seed():
    for name, host, kind, kecamatan, address, lat, lng, hours, status, since, colour in CORNERS:
        corner, _ = ReadingCorner.objects.update_or_create(
            name=name,
            defaults={
                "host_institution": host,
                "host_kind": kind,
                "kecamatan": kecamatan,
                "address": address,
                "latitude": lat,
                "longitude": lng,
                "opening_hours_ind": hours,
                "materials_ind": MATERIALS,
                "status": status,
                "since": since,
            },
        )
        if not corner.photo:
            corner.photo.save(f"{uuid4().hex}.jpg", ContentFile(demo_photo(colour)), save=True)
    return [f"{len(CORNERS)} reading corners"]
