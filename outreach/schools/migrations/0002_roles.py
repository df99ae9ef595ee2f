from django.db import migrations

from outreach.office import roles

MODELS = ["institution", "visitrequest"]
PERMISSIONS = {
    roles.SUPERVISOR: [
        f"schools.{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")
    ],
    roles.OFFICER: ["schools.view_institution", "schools.view_visitrequest"],
    roles.CONTENT_EDITOR: ["schools.view_institution", "schools.view_visitrequest"],
}


def grant_permissions(apps, schema_editor):
    for role, permissions in PERMISSIONS.items():
        roles.grant(apps, role, permissions)


def revoke_permissions(apps, schema_editor):
    for role, permissions in PERMISSIONS.items():
        roles.revoke(apps, role, permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("schools", "0001_initial"),
        ("office", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant_permissions, revoke_permissions)]
