"""The POST data of the activity admin form, with its photo inline."""

from outreach.activities.models import ATTENDANCE_FIELD_NAMES, Kind

ADD_URL = "/admin/activities/activity/add/"
CHANGELIST_URL = "/admin/activities/activity/"


def change_url(activity):
    return f"/admin/activities/activity/{activity.pk}/change/"


def activity_form(village, *, photos=(), **overrides):
    """Form data for an Imigrasi Masuk Desa visit at ``village``; ``photos``: list of (upload, caption, consent)."""
    data = {
        "kind": Kind.IMIGRASI_MASUK_DESA,
        "title": "Imigrasi Masuk Desa Bakung",
        "starts_at_0": "2026-03-10",
        "starts_at_1": "09:00",
        "ends_at_0": "2026-03-10",
        "ends_at_1": "11:00",
        "village": village.pk,
        "summary": "Sosialisasi paspor dan pencegahan TPPO di balai desa.",
        "topics": ["passports", "tppo"],
        "audience_types": ["general_public"],
        "leaflets": "50",
        **dict.fromkeys(ATTENDANCE_FIELD_NAMES, "0"),
        "male_18_59": "20",
        "female_18_59": "25",
        "follow_up": "",
        "follow_up_due": "",
        "slug": "",
        "status": "draft",
        "internal_notes": "",
        "photos-TOTAL_FORMS": str(len(photos)),
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "1000",
    }
    for index, (upload, caption, consent) in enumerate(photos):
        data[f"photos-{index}-image"] = upload
        data[f"photos-{index}-caption"] = caption
        data[f"photos-{index}-order"] = str(index)
        if consent:
            data[f"photos-{index}-consent_to_publish"] = "on"
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def queries_for(client, url, **params) -> int:
    """How many SQL queries a GET of ``url`` runs."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def public_media_files() -> list:
    """Every file in the public media storage (where the public copies of photos go)."""
    from django.conf import settings

    root = settings.MEDIA_ROOT
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []
