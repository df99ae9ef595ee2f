"""Officers no longer browse the user list (every staff member's email, groups and last login).

The officers field of an activity offers active staff by full name without ``auth.view_user``.
"""

from django.db import migrations

from outreach.office import roles

PERMISSIONS = ["auth.view_user"]


def revoke_user_list(apps, schema_editor):
    roles.revoke(apps, roles.OFFICER, PERMISSIONS)


def grant_user_list(apps, schema_editor):
    roles.grant(apps, roles.OFFICER, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("activities", "0003_private_photos")]

    operations = [migrations.RunPython(revoke_user_list, grant_user_list)]
