"""Role permissions are declared in ``outreach.office.roles.ROLE_PERMISSIONS`` and synced after migrate."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_information_pages"),
        ("office", "0002_roles"),
    ]

    operations = []
