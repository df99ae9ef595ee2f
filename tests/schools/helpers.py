"""Test data for the school program's tests."""

from datetime import timedelta

from django.utils import timezone

from outreach.abuse.forms import started_value

URL = "/program/sekolah/minta-kunjungan/"


def form_data(**overrides):
    today = timezone.localdate()
    data = {
        "institution_name": "SMA Negeri 1 Srengat",
        "institution_level": "sma",
        "kecamatan": "srengat",
        "address": "Jl. Raya Srengat",
        "contact_name": "Wahyu Widodo",
        "contact_role": "Guru BK",
        "contact_phone": "0812 5555 6666",
        "contact_email": "",
        "preferred_date": (today + timedelta(days=20)).isoformat(),
        "alternative_date": (today + timedelta(days=27)).isoformat(),
        "audience": "Siswa kelas XII",
        "audience_size": "180",
        "topics": ["tppo", "safe_migration"],
        "message": "",
        "extra_remarks": "",
        "started": started_value(),
    }
    return data | overrides
