"""The partner agencies of the Blitar office.

This migration also gave the roles their activity permissions; those are now declared once in
``outreach.office.roles.ROLE_PERMISSIONS`` and synced after every migrate.
"""

from django.db import migrations

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


def seed_partners(apps, schema_editor):
    PartnerAgency = apps.get_model("activities", "PartnerAgency")
    for name, short_name in PARTNERS:
        PartnerAgency.objects.get_or_create(name=name, defaults={"short_name": short_name})


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0001_initial"),
        ("office", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("schools", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(seed_partners, migrations.RunPython.noop),
    ]
