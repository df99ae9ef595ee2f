"""Role permissions are declared in ``outreach.office.roles.ROLE_PERMISSIONS`` and synced after migrate."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("office", "0006_partner_agency"),
        ("office", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = []
