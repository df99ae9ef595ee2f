"""Formerly created the staff roles.

The roles' permissions are declared once in ``outreach.office.roles.ROLE_PERMISSIONS`` and synced after
every migrate; this migration no longer does anything (it stays because later migrations depend on it).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("office", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = []
