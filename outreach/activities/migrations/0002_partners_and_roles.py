from django.db import migrations

from outreach.office import roles

PARTNERS = [
    ("Dinas Tenaga Kerja (Disnaker) Kabupaten Blitar", "Disnaker"),
    ("Balai Pelayanan Pelindungan Pekerja Migran Indonesia (BP3MI) Jawa Timur", "BP3MI"),
    ("Badan Pelindungan Pekerja Migran Indonesia (BP2MI)", "BP2MI"),
    ("Kepolisian Resor (Polres) Blitar", "Polres Blitar"),
    ("Kepolisian Resor Kota (Polres) Blitar Kota", "Polres Blitar Kota"),
    ("Pemerintah Desa", "Pemdes"),
    ("Dinas Pendidikan Kabupaten Blitar", "Dinas Pendidikan"),
    ("Kantor Kementerian Agama Kabupaten Blitar", "Kemenag"),
    ("Komando Distrik Militer (Kodim) 0808 Blitar", "Kodim 0808"),
]

VIEW_PLACES = ["villages.view_village", "schools.view_institution", "reading_corners.view_readingcorner"]
PERMISSIONS = {
    # Officers log visits: add, and change/delete their own drafts (row rule in the admin).
    # auth.view_user lets them pick fellow officers in the autocomplete.
    roles.OFFICER: [
        "activities.view_activity",
        "activities.add_activity",
        "activities.change_activity",
        "activities.delete_activity",
        "activities.view_partneragency",
        "auth.view_user",
        *VIEW_PLACES,
    ],
    roles.SUPERVISOR: [
        "activities.view_activity",
        "activities.add_activity",
        "activities.change_activity",
        "activities.delete_activity",
        "activities.publish_activity",
        "activities.view_partneragency",
        "activities.add_partneragency",
        "activities.change_partneragency",
        "activities.delete_partneragency",
        "auth.view_user",
        *VIEW_PLACES,
        # Needed to turn a scheduled visit request into an activity (the schools app grants it too).
        "schools.view_visitrequest",
        "schools.change_visitrequest",
    ],
    roles.CONTENT_EDITOR: ["activities.view_activity", "activities.edit_activity_text"],
}


def seed_partners(apps, schema_editor):
    PartnerAgency = apps.get_model("activities", "PartnerAgency")
    for name, short_name in PARTNERS:
        PartnerAgency.objects.get_or_create(name=name, defaults={"short_name": short_name})


def grant_roles(apps, schema_editor):
    for role, permissions in PERMISSIONS.items():
        roles.grant(apps, role, permissions)


def revoke_roles(apps, schema_editor):
    for role, permissions in PERMISSIONS.items():
        # Leave the place and visit-request permissions: the place apps grant them too.
        roles.revoke(apps, role, [name for name in permissions if name.startswith(("activities.", "auth."))])


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0001_initial"),
        ("office", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("schools", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(seed_partners, migrations.RunPython.noop),
        migrations.RunPython(grant_roles, revoke_roles),
    ]
