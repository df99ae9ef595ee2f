"""Role permissions are declared in ``outreach.office.roles.ROLE_PERMISSIONS`` and synced after migrate."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("stats", "0001_initial"),
        ("office", "0002_roles"),
    ]

    operations = []
