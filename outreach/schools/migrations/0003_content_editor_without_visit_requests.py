"""Formerly took visit requests away from content editors.

The roles' permissions are declared once in ``outreach.office.roles.ROLE_PERMISSIONS`` and synced after
every migrate; this migration no longer does anything (it stays because later migrations depend on it).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("schools", "0002_roles"),
    ]

    operations = []
