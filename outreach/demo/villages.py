"""Demo villages of Kabupaten Blitar: Desa Bakung as the desa binaan pilot, and a few more (development only)."""

from datetime import date

from django.contrib.auth import get_user_model

from outreach.places import Kecamatan
from outreach.villages.models import IndicatorStatus, ProgramStatus, Village, VillageIndicator

BAKUNG_REASON = (
    "Desa Bakung menempati peringkat pertama permohonan paspor di Kabupaten Blitar. Banyak warganya berangkat "
    "bekerja ke Hong Kong, Taiwan dan Malaysia, dan beberapa pemohon ditolak karena diduga akan bekerja secara "
    "nonprosedural. Desa ini menjadi desa binaan percontohan (pilot) Kantor Imigrasi Blitar."
)

# name, kecamatan, latitude, longitude, status, since, PIMPASA username, reason, contact name, contact phone
VILLAGES = [
    (
        "Desa Bakung",
        Kecamatan.BAKUNG,
        "-8.253000",
        "112.146000",
        ProgramStatus.ACTIVE,
        date(2024, 2, 5),
        "petugas",
        BAKUNG_REASON,
        "Sutrisno (Kepala Desa)",
        "0813 3500 1122",
    ),
    (
        "Desa Wonotirto",
        Kecamatan.WONOTIRTO,
        "-8.266000",
        "112.253000",
        ProgramStatus.ACTIVE,
        date(2025, 3, 10),
        "petugas2",
        "Peringkat ketiga permohonan paspor di Kabupaten Blitar, dengan banyak calon pekerja migran ke Malaysia.",
        "Siti Aminah (Sekretaris Desa)",
        "0812 4900 3344",
    ),
    (
        "Desa Panggungrejo",
        Kecamatan.PANGGUNGREJO,
        "-8.275000",
        "112.333000",
        ProgramStatus.PLANNED,
        None,
        "petugas",
        "Permohonan paspor naik tajam sejak 2024; diusulkan oleh pemerintah kecamatan.",
        "",
        "",
    ),
    (
        "Desa Binangun",
        Kecamatan.BINANGUN,
        "-8.200000",
        "112.330000",
        ProgramStatus.PLANNED,
        None,
        None,
        "Banyak keluarga pekerja migran; diusulkan bersama Disnaker Kabupaten Blitar.",
        "",
        "",
    ),
    (
        "Desa Kembangarum",
        Kecamatan.SUTOJAYAN,
        "-8.172000",
        "112.224000",
        ProgramStatus.PLANNED,
        None,
        None,
        "Banyak pemohon paspor muda lulusan SMK.",
        "",
        "",
    ),
    ("Desa Kademangan", Kecamatan.KADEMANGAN, "-8.148000", "112.153000", "", None, None, "", "", ""),
    ("Desa Togogan", Kecamatan.SRENGAT, "-8.080000", "112.070000", "", None, None, "", "", ""),
    ("Desa Tegalasri", Kecamatan.WLINGI, "-8.090000", "112.320000", "", None, None, "", "", ""),
]

# Invented figures to show the charts: every one is marked as example data, never as the office's.
EXAMPLE_SOURCE = "Data contoh (demo): angka karangan untuk pengembangan, bukan data Kantor Imigrasi Blitar"

# village name -> [(year, passport applicants, refused as suspected non-procedural migrant workers)]
INDICATORS = {
    "Desa Bakung": [(2023, 412, 37), (2024, 468, 29), (2025, 521, 14), (2026, 548, 9)],
    "Desa Wonotirto": [(2024, 236, 19), (2025, 251, 12), (2026, 263, 8)],
}


def seed():
    users = {user.username: user for user in get_user_model().objects.filter(username__in=["petugas", "petugas2"])}
    for name, kecamatan, lat, lng, status, since, pimpasa, reason, contact, phone in VILLAGES:
        village, _ = Village.objects.get_or_create(name=name, defaults={"kecamatan": kecamatan})
        village.kecamatan = kecamatan
        village.address = f"{name}, Kecamatan {Kecamatan(kecamatan).label}, Kabupaten Blitar"
        village.latitude, village.longitude = lat, lng
        village.program_status, village.program_since = status, since
        village.pimpasa = users.get(pimpasa) if pimpasa else None
        village.selection_reason_ind, village.contact_name, village.contact_phone = reason, contact, phone
        village.save()
        for year, applicants, refused in INDICATORS.get(name, []):
            VillageIndicator.objects.update_or_create(
                village=village,
                year=year,
                defaults={
                    "passport_applicants": applicants,
                    "refused_applicants": refused,
                    "source": EXAMPLE_SOURCE,
                    "status": IndicatorStatus.PUBLISHED,
                    "example_data": True,
                },
            )
    enrolled = Village.objects.desa_binaan().count()
    return [f"{len(VILLAGES)} villages ({enrolled} desa binaan)"]
