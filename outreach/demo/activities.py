"""Demo activities of the Blitar office: Jan 2024 up to about two months ahead (development only).

Runs after the places' demo modules and looks places up by slug; it creates the few it needs when they
are missing, so that it also works alone.

Idempotent, also across days: the plan is fixed (past activities every 20 days from FIRST_DAY, keyed by
kind and date, e.g. ``desa-binaan-2024-01-10``; upcoming ones keyed ``agenda-1`` … ``agenda-8``), and
everything about an entry (kind, place, title, attendance) is drawn from a random generator seeded with its
own key, so that adding days never shifts the draws of other entries. Seeding again moves the agenda entries
ahead of ``today`` but keeps the status and follow-up of rows that exist; photos are only added to
activities that have none.
"""

import random
from datetime import date, datetime, time, timedelta
from io import BytesIO

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from outreach.activities.models import Activity, ActivityPhoto, AudienceType, Kind, Status
from outreach.media import clean_image
from outreach.office.models import PartnerAgency
from outreach.reading_corners.models import ReadingCorner
from outreach.schools.models import Institution
from outreach.topics import Topic
from outreach.villages.models import Village

VILLAGES = [
    ("desa-bakung", "Desa Bakung", "bakung", {"program_status": "active", "program_since": date(2024, 2, 5)}),
    ("desa-wonotirto", "Desa Wonotirto", "wonotirto", {"program_status": "active", "program_since": date(2025, 1, 6)}),
    ("desa-kademangan", "Desa Kademangan", "kademangan", {}),
    ("desa-togogan", "Desa Togogan", "srengat", {}),
    ("desa-tegalasri", "Desa Tegalasri", "wlingi", {}),
]
INSTITUTIONS = [
    ("sma-negeri-1-srengat", "SMA Negeri 1 Srengat", "srengat", "sma"),
    ("sma-negeri-1-kademangan", "SMA Negeri 1 Kademangan", "kademangan", "sma"),
    ("smp-negeri-2-wlingi", "SMP Negeri 2 Wlingi", "wlingi", "smp"),
    ("smk-negeri-1-blitar", "SMK Negeri 1 Blitar", "sananwetan", "sma"),
    ("universitas-islam-balitar", "Universitas Islam Balitar", "sananwetan", "university"),
]
READING_CORNERS = [
    ("pojok-baca-kantor-imigrasi-blitar", "Pojok Baca Kantor Imigrasi Blitar", "kepanjenkidul", "office"),
    ("pojok-baca-balai-desa-bakung", "Pojok Baca Balai Desa Bakung", "bakung", "village_hall"),
    (
        "pojok-baca-perpustakaan-proklamator-bung-karno",
        "Pojok Baca Perpustakaan Proklamator Bung Karno",
        "sananwetan",
        "library",
    ),
]

# kind, title patterns (one is drawn per activity), summary pattern, audience, topics, partner short names
PLANS = [
    (
        Kind.IMIGRASI_MASUK_DESA,
        [
            "Imigrasi Masuk Desa di {place}",
            "Imigrasi Masuk Desa: konsultasi paspor di balai {place}",
            "Imigrasi Masuk Desa: kenali tawaran kerja ilegal, warga {place}",
        ],
        "Petugas Kantor Imigrasi Blitar menyapa warga {place} di balai desa: cara membuat paspor lewat M-Paspor, "
        "ciri-ciri tawaran kerja ke luar negeri yang tidak resmi, dan ke mana melapor bila ada perekrutan ilegal.",
        [AudienceType.GENERAL_PUBLIC, AudienceType.PROSPECTIVE_MIGRANT_WORKERS, AudienceType.MIGRANT_FAMILIES],
        [Topic.PASSPORTS, Topic.SAFE_MIGRATION, Topic.TPPO_PREVENTION],
        ["Pemdes", "Disnaker"],
    ),
    (
        Kind.DESA_BINAAN,
        [
            "Pembinaan Desa Binaan: pencegahan TPPO di {place}",
            "Desa binaan {place}: kelas migrasi aman untuk keluarga pekerja migran",
            "Desa binaan {place}: pendampingan calon pekerja migran",
            "Desa binaan {place}: forum warga bersama BP3MI dan perangkat desa",
            "Desa binaan {place}: pelatihan kader desa anti perdagangan orang",
            "Desa binaan {place}: evaluasi program bersama pemerintah desa",
        ],
        "Sesi rutin desa binaan bersama perangkat desa dan keluarga pekerja migran di {place}: membahas modus "
        "perdagangan orang, syarat bekerja ke luar negeri secara prosedural, dan pendampingan calon pekerja migran.",
        [AudienceType.VILLAGE_OFFICIALS, AudienceType.MIGRANT_FAMILIES, AudienceType.PROSPECTIVE_MIGRANT_WORKERS],
        [Topic.TPPO_PREVENTION, Topic.SAFE_MIGRATION],
        ["Pemdes", "BP3MI", "Polres Blitar"],
    ),
    (
        Kind.SCHOOL_VISIT,
        [
            "Imigrasi Goes to School di {place}",
            "Sosialisasi paspor dan bahaya TPPO untuk siswa {place}",
            "Kelas keimigrasian untuk siswa kelas akhir {place}",
        ],
        "Siswa kelas akhir {place} belajar tentang paspor, bahaya tawaran kerja ke luar negeri lewat media sosial, "
        "dan jalur resmi untuk kuliah atau bekerja di luar negeri.",
        [AudienceType.STUDENTS, AudienceType.TEACHERS],
        [Topic.TPPO_PREVENTION, Topic.PASSPORTS, Topic.IMMIGRATION_SERVICES],
        ["Dinas Pendidikan"],
    ),
    (
        Kind.CAMPUS_VISIT,
        [
            "Imigrasi Goes to Campus di {place}",
            "Kuliah umum keimigrasian di {place}",
            "Diskusi magang dan studi ke luar negeri bersama mahasiswa {place}",
            "Seminar pencegahan perdagangan orang di {place}",
        ],
        "Kuliah umum keimigrasian di {place}: paspor untuk studi dan magang ke luar negeri, pengawasan orang asing, "
        "dan peran mahasiswa dalam mencegah perdagangan orang.",
        [AudienceType.STUDENTS, AudienceType.TEACHERS],
        [Topic.PASSPORTS, Topic.FOREIGNER_SUPERVISION, Topic.TPPO_PREVENTION],
        [],
    ),
    (
        Kind.READING_CORNER,
        [
            "Kegiatan Pojok Baca: mengenal paspor di {place}",
            "Membaca bersama tentang layanan keimigrasian di {place}",
            "Dongeng dan kuis paspor untuk anak di {place}",
        ],
        "Membaca bersama dan tanya jawab tentang paspor dan layanan keimigrasian di {place}, "
        "dengan buku saku dan leaflet untuk dibawa pulang.",
        [AudienceType.GENERAL_PUBLIC, AudienceType.STUDENTS],
        [Topic.PASSPORTS, Topic.IMMIGRATION_SERVICES],
        [],
    ),
    (
        Kind.OTHER,
        [
            "Sosialisasi keimigrasian di Car Free Day Kota Blitar",
            "Stan layanan keimigrasian di Alun-Alun Blitar",
        ],
        "Stan informasi Kantor Imigrasi Blitar di Car Free Day Jalan Merdeka: konsultasi paspor, "
        "pembagian leaflet pencegahan TPPO, dan pengenalan kanal pengaduan.",
        [AudienceType.GENERAL_PUBLIC],
        [Topic.PASSPORTS, Topic.TPPO_PREVENTION, Topic.IMMIGRATION_SERVICES],
        ["Polres Blitar Kota"],
    ),
]
FOLLOW_UPS = [
    "Kirim materi sosialisasi dan kontak pengaduan ke perangkat desa.",
    "Jadwalkan layanan paspor keliling (Eazy Passport) untuk warga yang berminat.",
    "Koordinasi dengan BP3MI tentang dua warga yang ditawari kerja tanpa prosedur.",
    "Serahkan buku saku keimigrasian tambahan ke perpustakaan sekolah.",
]
FIRST_DAY = date(2024, 1, 10)
STEP = timedelta(days=20)
UPCOMING = 8
PHOTO_CAPTIONS = [
    "Petugas menjelaskan materi kepada peserta",
    "Peserta bertanya tentang paspor dan tawaran kerja ke luar negeri",
    "Foto bersama setelah kegiatan",
]
PHOTO_COLORS = [(46, 125, 50), (21, 101, 192), (198, 40, 40), (239, 108, 0), (106, 27, 154)]


def places():
    villages = []
    for slug, name, kecamatan, extra in VILLAGES:
        village, _ = Village.objects.get_or_create(slug=slug, defaults={"name": name, "kecamatan": kecamatan, **extra})
        villages.append(village)
    institutions = [
        Institution.objects.get_or_create(slug=slug, defaults={"name": name, "kecamatan": kecamatan, "level": level})[0]
        for slug, name, kecamatan, level in INSTITUTIONS
    ]
    corners = [
        ReadingCorner.objects.get_or_create(
            slug=slug, defaults={"name": name, "kecamatan": kecamatan, "host_kind": kind, "host_institution": name}
        )[0]
        for slug, name, kecamatan, kind in READING_CORNERS
    ]
    return {
        Kind.IMIGRASI_MASUK_DESA: villages,
        # The desa binaan pilot gets most sessions.
        Kind.DESA_BINAAN: [villages[0], villages[0], villages[0], villages[1]],
        Kind.SCHOOL_VISIT: [place for place in institutions if not place.is_campus],
        Kind.CAMPUS_VISIT: [place for place in institutions if place.is_campus],
        Kind.READING_CORNER: corners,
        Kind.OTHER: [None],
    }


def photo_upload(title: str, color, number: int) -> SimpleUploadedFile:
    """A simple generated scene: sky, ground, a banner and a few people (no downloads)."""
    image = Image.new("RGB", (960, 720), (200, 225, 245))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 450, 960, 720), fill=(120, 160, 90))
    draw.rectangle((120, 90, 840, 240), fill=color)
    draw.text((150, 150), title[:60], fill=(255, 255, 255))
    for index in range(9):
        x = 90 + index * 88 + number * 7
        draw.ellipse((x, 380, x + 40, 420), fill=(90, 60, 40))
        draw.rectangle((x - 4, 420, x + 44, 540), fill=PHOTO_COLORS[(index + number) % len(PHOTO_COLORS)])
    buffer = BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return SimpleUploadedFile(f"demo-{number}.jpg", buffer.getvalue(), content_type="image/jpeg")


def add_photos(activity, count: int):
    for number in range(count):
        photo = ActivityPhoto(
            activity=activity,
            caption=PHOTO_CAPTIONS[number % len(PHOTO_CAPTIONS)],
            consent_to_publish=number < 2,  # the third photo of a set waits for consent
            order=number,
        )
        photo.set_image(clean_image(photo_upload(activity.title, PHOTO_COLORS[activity.pk % 5], number)))
        photo.save()


def plan(today: date) -> list[tuple[str, date, bool]]:
    """[(key, day, upcoming)]: past entries every STEP days from FIRST_DAY, then UPCOMING agenda entries."""
    entries = []
    day = FIRST_DAY
    while day < today - timedelta(days=2):
        entries.append((f"{day:%Y-%m-%d}", day, False))
        day += STEP
    entries += [(f"agenda-{number + 1}", today + timedelta(days=6 + 7 * number), True) for number in range(UPCOMING)]
    return entries


def slug_for(key: str, kind: str) -> str:
    """The natural key of a demo activity: its kind and its date (or its agenda number)."""
    return key if key.startswith("agenda-") else f"{kind.replace('_', '-')}-{key}"


def seed(today: date | None = None):
    today = today or timezone.localdate()
    by_kind = places()
    partners = {partner.short_name: partner for partner in PartnerAgency.objects.all()}
    staff = {
        user.username: user
        for user in get_user_model().objects.filter(username__in=["petugas", "petugas2", "supervisor"])
    }
    officers = list(staff.values())
    entries = plan(today)
    past = len(entries) - UPCOMING
    kinds = [entry[0] for entry in PLANS]
    weights = [5, 4, 3, 2, 2, 1]

    def draws(key):
        rng = random.Random(f"demo-activity-{key}")  # this entry's own draws, whatever the other entries
        return rng, PLANS[kinds.index(rng.choices(kinds, weights)[0])]

    # Drafts when first created: the two latest past entries and the last agenda entry.
    drafts = {past - 1, past - 2, len(entries) - 1}
    created = photos = 0
    for index, (key, day, upcoming) in enumerate(entries):
        rng, (kind, titles, summary, audience, topics, partner_names) = draws(key)
        place = rng.choice(by_kind[kind])
        place_name = place.name if place else ""
        title = rng.choice(titles).format(place=place_name)
        starts_at = timezone.make_aware(datetime.combine(day, time(rng.choice([8, 9, 13]), 0)))
        young = kind in (Kind.SCHOOL_VISIT, Kind.READING_CORNER)
        attendance = {
            "male_under_18": rng.randint(20, 90) if young else rng.randint(0, 8),
            "female_under_18": rng.randint(20, 95) if young else rng.randint(0, 8),
            "male_18_59": rng.randint(2, 8) if young else rng.randint(15, 70),
            "female_18_59": rng.randint(2, 10) if young else rng.randint(15, 80),
            "male_60_plus": 0 if young else rng.randint(0, 12),
            "female_60_plus": 0 if young else rng.randint(0, 10),
        }
        hours, leaflets = rng.choice([2, 3]), rng.randint(30, 200)
        follow_up = {}
        if not upcoming and (index % 6 == 0 or index >= past - 4):
            due = day + timedelta(days=21)
            follow_up = {
                "follow_up": FOLLOW_UPS[index % len(FOLLOW_UPS)],
                "follow_up_due": due,
                "follow_up_done": due < today - timedelta(days=45),  # the recent ones are overdue or due
            }
        author = officers[index % len(officers)] if officers else None
        slug = slug_for(key, kind)
        fields = {
            "kind": kind,
            "title": title,
            "summary": summary.format(place=place_name),
            "starts_at": starts_at,
            "ends_at": starts_at + timedelta(hours=hours),
            "village": place if isinstance(place, Village) else None,
            "institution": place if isinstance(place, Institution) else None,
            "reading_corner": place if isinstance(place, ReadingCorner) else None,
            "audience_types": [str(value) for value in audience],
            "topics": [str(value) for value in topics],
            **(dict.fromkeys(attendance, 0) if upcoming else attendance),
            "leaflets": 0 if upcoming else leaflets,
            "internal_notes": "" if upcoming else "Dokumentasi lengkap ada di folder bersama seksi Inteldakim.",
        }
        activity, was_created = Activity.objects.update_or_create(
            slug=slug,
            defaults=fields,
            # Status, author and follow-up are set once: seeding again never overwrites them.
            create_defaults={
                **fields,
                "status": Status.DRAFT if index in drafts else Status.PUBLISHED,
                "created_by": author,
                **follow_up,
            },
        )
        created += was_created
        if was_created:
            activity.officers.set(officers[: 1 + index % 2] if officers else [])
            activity.partners.set([partners[name] for name in partner_names if name in partners])
        if not upcoming and index % 5 == 1 and not activity.photos.exists():
            count = 1 + index % 3
            add_photos(activity, count)
            photos += count
    return [f"{len(entries)} activities ({UPCOMING} upcoming)", f"{photos} activity photos added"]
