"""The POST data of a field-app entry, as the phone (or the plain form) sends it."""

from uuid import uuid4

from outreach.activities.models import ATTENDANCE_FIELD_NAMES, Kind

SYNC_URL = "/petugas/kirim/"
NEW_URL = "/petugas/baru/"


def entry_data(village, *, photos=(), client_id=None, **overrides):
    """An Imigrasi Masuk Desa visit at ``village``; ``photos``: list of (upload, caption, consent)."""
    data = {
        "client_id": str(client_id or uuid4()),
        "kind": Kind.IMIGRASI_MASUK_DESA,
        "village": village.pk,
        "title": "Imigrasi Masuk Desa Bakung",
        "date": "2026-03-10",
        "starts_at": "09:00",
        "ends_at": "11:00",
        "audience_types": ["general_public"],
        **dict.fromkeys(ATTENDANCE_FIELD_NAMES, "0"),
        "male_18_59": "20",
        "female_18_59": "25",
        "topics": ["passports", "tppo"],
        "leaflets": "50",
        "summary": "Sosialisasi paspor dan pencegahan TPPO di balai desa.",
        "internal_notes": "",
        "photos-TOTAL_FORMS": str(len(photos)),
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "1000",
    }
    for index, (upload, caption, consent) in enumerate(photos):
        data[f"photos-{index}-image"] = upload
        data[f"photos-{index}-caption"] = caption
        if consent:
            data[f"photos-{index}-consent_to_publish"] = "on"
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
