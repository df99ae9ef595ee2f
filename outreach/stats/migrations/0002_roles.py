from django.db import migrations

from outreach.office import roles

MODELS = ["series", "figure"]
PERMISSIONS = {
    roles.SUPERVISOR: [
        *(f"stats.{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")),
        "stats.publish_figure",
        "stats.view_yearly_report",
    ],
}


def grant_permissions(apps, schema_editor):
    for role, permissions in PERMISSIONS.items():
        roles.grant(apps, role, permissions)


def revoke_permissions(apps, schema_editor):
    for role, permissions in PERMISSIONS.items():
        roles.revoke(apps, role, permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("stats", "0001_initial"),
        ("office", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant_permissions, revoke_permissions)]
