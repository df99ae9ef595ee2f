"""Measure the officer's field app: `.venv/bin/python scripts/field_benchmark.py`.

Seeds the demo data into the development database (embedded PostgreSQL unless DATABASE_URL is set), then
1. weighs the app shell a phone keeps (start page, form, place list, manifest, service worker, CSS, JS,
   icons), as served and gzip-compressed (what a phone receives from a proxy that compresses);
2. sends 5 visits with 3 photos each to the sync endpoint, as the demo officer "petugas", through Django's
   full request stack (real PostgreSQL, real re-encoding of every photo; no network) and prints the time,
   then deletes the activities it made. The photos are 1600 × 1200 JPEGs with noise, like a phone's
   resized camera photo (about 0.5 MB each). Figures only, no pass/fail.
"""

import gzip
import io
import os
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("DEBUG", "true")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from PIL import Image  # noqa: E402

from outreach.activities.models import ATTENDANCE_FIELD_NAMES, Activity, Kind  # noqa: E402
from outreach.villages.models import Village  # noqa: E402

VISITS = 5
PHOTOS_PER_VISIT = 3
SHELL_PAGES = ["field:start", "field:new", "field:places", "field:manifest", "field:service_worker"]
SHELL_STATIC = [
    "vendor/bootstrap-5.3.9/bootstrap.min.css",
    "field/field.css",
    "field/field.js",
    "field/icon.svg",
    "field/icon-192.png",
]


def phone_photo(seed: int) -> bytes:
    # Noise enlarged fourfold: detail a JPEG cannot squeeze away, but not the worst case of pure noise.
    image = Image.effect_noise((400, 300), 60 + seed).convert("RGB").resize((1600, 1200), Image.Resampling.BICUBIC)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def weigh_shell(client) -> None:
    total = total_gzip = 0
    print(f"{'app shell part':<52} {'bytes':>9} {'gzip':>9}")
    parts = [(reverse(name), client.get(reverse(name)).content) for name in SHELL_PAGES]
    parts += [(f"/static/{name}", Path(finders.find(name)).read_bytes()) for name in SHELL_STATIC]
    for name, content in parts:
        packed = len(gzip.compress(content))
        total, total_gzip = total + len(content), total_gzip + packed
        print(f"{name:<52} {len(content):>9} {packed:>9}")
    print(f"{'total':<52} {total:>9} {total_gzip:>9}")


def entry(village, number, photos) -> dict:
    data = {
        "client_id": str(uuid.uuid4()),
        "kind": Kind.IMIGRASI_MASUK_DESA,
        "village": village.pk,
        "title": f"Benchmark visit {number}",
        "date": "2026-11-20",
        "starts_at": "09:00",
        "ends_at": "11:00",
        **dict.fromkeys(ATTENDANCE_FIELD_NAMES, "3"),
        "leaflets": "20",
        "summary": "",
        "internal_notes": "",
        "photos-TOTAL_FORMS": str(len(photos)),
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "1000",
    }
    for index, content in enumerate(photos):
        data[f"photos-{index}-image"] = SimpleUploadedFile(f"photo-{index}.jpg", content, "image/jpeg")
        data[f"photos-{index}-caption"] = f"Photo {index + 1}"
    return data


def time_sync(client) -> None:
    village = Village.objects.order_by("pk").first()
    photos = [phone_photo(seed) for seed in range(PHOTOS_PER_VISIT)]
    entries = [entry(village, number, photos) for number in range(1, VISITS + 1)]
    upload = sum(len(content) for content in photos) * VISITS
    made = []
    start = time.perf_counter()
    for data in entries:
        response = client.post(reverse("field:sync"), data)
        assert response.status_code == 201, response.content
        made.append(response.json()["activity"]["id"])
    seconds = time.perf_counter() - start
    print(
        f"sync of {VISITS} visits with {PHOTOS_PER_VISIT} photos each ({upload / 1_000_000:.1f} MB of photos): "
        f"{seconds:.2f} s in all, {seconds / VISITS:.2f} s per visit (server side, no network)"
    )
    for activity in Activity.objects.filter(pk__in=made):
        activity.delete()


def main():
    call_command("seed_demo", stdout=io.StringIO())
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username="petugas"))
    weigh_shell(client)
    time_sync(client)


if __name__ == "__main__":
    main()
