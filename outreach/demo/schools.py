"""Demo schools, a pesantren and a campus in Blitar, and a few visit requests (development only)."""

from datetime import timedelta

from django.utils import timezone

from outreach.places import Kecamatan
from outreach.schools.models import Institution, InstitutionLevel, VisitRequest, VisitRequestStatus
from outreach.topics import Topic

# name, level, kecamatan, address, latitude, longitude, contact name, contact phone
INSTITUTIONS = [
    (
        "SMP Negeri 1 Bakung",
        InstitutionLevel.SMP,
        Kecamatan.BAKUNG,
        "Jl. Raya Bakung",
        "-8.250500",
        "112.142800",
        "Drs. Sugeng Riyadi",
        "0342 551 100",
    ),
    (
        "SMP Negeri 2 Wlingi",
        InstitutionLevel.SMP,
        Kecamatan.WLINGI,
        "Jl. Urip Sumoharjo, Wlingi",
        "-8.078900",
        "112.325600",
        "Endah Wulandari, S.Pd.",
        "0342 691 210",
    ),
    (
        "SMA Negeri 1 Kademangan",
        InstitutionLevel.SMA,
        Kecamatan.KADEMANGAN,
        "Jl. Raya Kademangan",
        "-8.151200",
        "112.156400",
        "Hariyanto, M.Pd.",
        "0342 561 300",
    ),
    (
        "SMA Negeri 1 Srengat",
        InstitutionLevel.SMA,
        Kecamatan.SRENGAT,
        "Jl. Raya Srengat",
        "-8.077800",
        "112.062300",
        "Wahyu Widodo, S.Pd.",
        "0342 551 400",
    ),
    (
        "SMK Negeri 1 Blitar",
        InstitutionLevel.SMA,
        Kecamatan.KEPANJENKIDUL,
        "Jl. Kenari, Kota Blitar",
        "-8.104600",
        "112.160100",
        "Rahmat Hidayat, S.T.",
        "0342 801 500",
    ),
    (
        "MA Negeri 1 Blitar",
        InstitutionLevel.SMA,
        Kecamatan.SANANWETAN,
        "Jl. Jend. Sudirman, Kota Blitar",
        "-8.096300",
        "112.176500",
        "Nur Laila, S.Ag.",
        "0342 801 600",
    ),
    (
        "Pondok Pesantren Al-Hikmah Sutojayan",
        InstitutionLevel.PESANTREN,
        Kecamatan.SUTOJAYAN,
        "Desa Kembangarum, Sutojayan",
        "-8.170100",
        "112.221900",
        "KH. Abdul Mujib",
        "0813 3300 7788",
    ),
    (
        "Universitas Islam Balitar",
        InstitutionLevel.UNIVERSITY,
        Kecamatan.SANANWETAN,
        "Jl. Majapahit No. 4, Kota Blitar",
        "-8.100300",
        "112.175700",
        "Dr. Ratna Sari, M.Si.",
        "0342 813 145",
    ),
]

# institution, days from today, audience, size, topics, status
REQUESTS = [
    (
        "SMA Negeri 1 Srengat",
        21,
        "Siswa kelas XII dan guru BK",
        180,
        [Topic.SAFE_MIGRATION, Topic.TPPO_PREVENTION],
        VisitRequestStatus.NEW,
    ),
    (
        "Universitas Islam Balitar",
        35,
        "Mahasiswa semester akhir",
        250,
        [Topic.PASSPORTS, Topic.SAFE_MIGRATION],
        VisitRequestStatus.SCHEDULED,
    ),
    ("SMP Negeri 2 Wlingi", -40, "Siswa kelas IX", 120, [Topic.TPPO_PREVENTION], VisitRequestStatus.DONE),
]


def seed():
    institutions = {}
    for name, level, kecamatan, address, lat, lng, contact, phone in INSTITUTIONS:
        institutions[name], _ = Institution.objects.update_or_create(
            name=name,
            defaults={
                "level": level,
                "kecamatan": kecamatan,
                "address": address,
                "latitude": lat,
                "longitude": lng,
                "contact_name": contact,
                "contact_phone": phone,
            },
        )
    today = timezone.localdate()
    for name, days, audience, size, topics, status in REQUESTS:
        institution = institutions[name]
        if VisitRequest.objects.filter(institution_name=name).exists():
            continue
        VisitRequest.objects.create(
            institution=institution,
            institution_name=name,
            institution_level=institution.level,
            kecamatan=institution.kecamatan,
            address=institution.address,
            contact_name=institution.contact_name,
            contact_role="Wakil Kepala Sekolah bidang Kesiswaan" if institution.level != "university" else "Dekan",
            contact_phone=institution.contact_phone,
            preferred_date=today + timedelta(days=days),
            audience=audience,
            audience_size=size,
            topics=list(topics),
            status=status,
        )
    return [f"{len(INSTITUTIONS)} schools and campuses", f"{len(REQUESTS)} visit requests"]
