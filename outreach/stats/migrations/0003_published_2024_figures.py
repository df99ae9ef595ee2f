"""The office's figures published so far, with their source (real figures: they belong in production too).

A news report of 18 November 2024 quoted the head of the Kantor Imigrasi Kelas II Non TPI Blitar: in 2024, up
to that date, the office issued 31,871 passports (mostly to hajj pilgrims), refused 160 applicants suspected
of being non-procedural migrant workers and deported 3 foreigners (1 to Singapore, 2 to Pakistan). The
article's outlet and address could not be verified when this was written, so the source is cited as it is
known; a supervisor adds the link in the admin.
"""

import datetime

from django.db import migrations
from django.utils import timezone

AS_OF = datetime.date(2024, 11, 18)
SOURCE = "Berita media, 18 November 2024, mengutip Kepala Kantor Imigrasi Kelas II Non TPI Blitar"
SOURCE_EN = "News report, 18 November 2024, quoting the head of the Kantor Imigrasi Kelas II Non TPI Blitar"

# slug, name, name (English), breakdown title, breakdown title (English), order
SERIES = [
    ("passports-issued", "Paspor diterbitkan", "Passports issued", "", "", 10),
    (
        "refused-non-procedural",
        "Pemohon paspor ditolak karena diduga pekerja migran nonprosedural",
        "Passport applicants refused as suspected non-procedural migrant workers",
        "",
        "",
        20,
    ),
    ("deportations", "Deportasi", "Deportations", "Negara tujuan", "Destination country", 30),
]
# slug, part, part (English), value, note, note (English)
FIGURES_2024 = [
    ("passports-issued", "", "", 31871, "Sebagian besar untuk jemaah haji", "Mostly for hajj pilgrims"),
    ("refused-non-procedural", "", "", 160, "", ""),
    ("deportations", "", "", 3, "", ""),
    ("deportations", "Singapura", "Singapore", 1, "", ""),
    ("deportations", "Pakistan", "Pakistan", 2, "", ""),
]


def seed(apps, schema_editor):
    Series = apps.get_model("stats", "Series")
    Figure = apps.get_model("stats", "Figure")
    series = {}
    for slug, name, name_en, breakdown, breakdown_en, order in SERIES:
        series[slug], _ = Series.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "name_en": name_en,
                "breakdown_title": breakdown,
                "breakdown_title_en": breakdown_en,
                "order": order,
            },
        )
    for slug, part, part_en, value, note, note_en in FIGURES_2024:
        Figure.objects.get_or_create(
            series=series[slug],
            year=2024,
            breakdown=part,
            defaults={
                "breakdown_en": part_en,
                "value": value,
                "as_of": AS_OF,
                "note": note,
                "note_en": note_en,
                "source": SOURCE,
                "source_en": SOURCE_EN,
                "status": "published",
                "published_at": timezone.now(),
            },
        )


def unseed(apps, schema_editor):
    Figure = apps.get_model("stats", "Figure")
    Figure.objects.filter(year=2024, as_of=AS_OF, source=SOURCE).delete()


class Migration(migrations.Migration):
    dependencies = [("stats", "0002_roles")]

    operations = [migrations.RunPython(seed, unseed)]
