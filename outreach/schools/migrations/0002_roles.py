"""Formerly gave the roles the schools' permissions.

The roles' permissions are declared once in ``outreach.office.roles.ROLE_PERMISSIONS`` and synced after
every migrate; this migration no longer does anything (it stays because later migrations depend on it).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("schools", "0001_initial"),
        ("office", "0002_roles"),
    ]

    operations = []
