"""Demo data for the office: its profile and one staff account per role (development only)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from outreach.office import roles
from outreach.office.models import OfficeProfile

BLITAR_OFFICE = {
    "name": "Kantor Imigrasi Kelas II Non TPI Blitar",
    "short_name": "Imigrasi Blitar",
    "parent_agency": "Direktorat Jenderal Imigrasi",
    "address": "Jl. Raya Ngadirejo No. 1, Kota Blitar, Jawa Timur 66137",
    "phone": "(0342) 801 234",
    "whatsapp": "0812 3456 7890",
    "email": "kanim.blitar@example.go.id",
    "opening_hours_ind": "Senin–Kamis 07.30–16.00 WIB\nJumat 07.30–16.30 WIB\nSabtu, Minggu dan hari libur: tutup",
    "latitude": "-8.098100",
    "longitude": "112.168900",
    "opening_hours_en": (
        "Monday–Thursday 07.30–16.00 WIB\nFriday 07.30–16.30 WIB\nSaturday, Sunday and holidays: closed"
    ),
    "about_ind": (
        "Kantor Imigrasi Kelas II Non TPI Blitar melayani paspor dan izin tinggal di Kota dan Kabupaten Blitar, "
        "dan turun langsung ke desa, sekolah dan kampus untuk mencegah tindak pidana perdagangan orang (TPPO) "
        "dan pekerja migran nonprosedural."
    ),
    "about_en": (
        "The Kantor Imigrasi Kelas II Non TPI Blitar serves passports and stay permits in the city and regency of "
        "Blitar, and goes out to villages, schools and campuses to prevent human trafficking (TPPO) and "
        "non-procedural migrant work."
    ),
}

# username, role (None for the superuser), full name. The password is shown by seed_demo.
DEMO_PASSWORD = "imigrasi-demo"
DEMO_STAFF = [
    ("admin", None, "Administrator Portal"),
    ("supervisor", roles.SUPERVISOR, "Rina Kusumawati"),
    ("petugas", roles.OFFICER, "Agus Prasetyo"),
    ("petugas2", roles.OFFICER, "Dewi Lestari"),
    ("editor", roles.CONTENT_EDITOR, "Budi Santoso"),
]


def seed():
    profile = OfficeProfile.current()
    if profile is None:
        OfficeProfile.objects.create(**BLITAR_OFFICE)
    User = get_user_model()
    for username, role, full_name in DEMO_STAFF:
        first_name, _, last_name = full_name.partition(" ")
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@example.go.id",
                "is_staff": True,
                "is_superuser": role is None,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        if role:
            user.groups.add(Group.objects.get(name=role))
    return ["office profile", f"{len(DEMO_STAFF)} staff accounts"]


def logins():
    return [(username, DEMO_PASSWORD, role or "superuser") for username, role, _ in DEMO_STAFF]
