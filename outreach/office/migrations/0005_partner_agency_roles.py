"""The roles' rights on the office's partner agencies (what they had on the activities' former list)."""

from django.db import migrations

from outreach.office import roles

PERMISSIONS = {
    roles.OFFICER: ["office.view_partneragency"],
    roles.SUPERVISOR: [
        "office.view_partneragency",
        "office.add_partneragency",
        "office.change_partneragency",
        "office.delete_partneragency",
    ],
}


def grant_roles(apps, schema_editor):
    for role, permissions in PERMISSIONS.items():
        roles.grant(apps, role, permissions)


def revoke_roles(apps, schema_editor):
    for role, permissions in PERMISSIONS.items():
        roles.revoke(apps, role, permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("office", "0004_partner_agency"),
        ("office", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant_roles, revoke_roles)]
