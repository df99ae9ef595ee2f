from django.db import migrations

from outreach.office import roles

MODELS = ["village", "villageindicator"]
PERMISSIONS = {
    roles.SUPERVISOR: [
        f"villages.{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")
    ],
    roles.OFFICER: [
        "villages.view_village",
        "villages.view_villageindicator",
        "villages.add_villageindicator",
        "villages.change_villageindicator",
    ],
    roles.CONTENT_EDITOR: ["villages.view_village", "villages.view_villageindicator"],
}


def grant_permissions(apps, schema_editor):
    for role, permissions in PERMISSIONS.items():
        roles.grant(apps, role, permissions)


def revoke_permissions(apps, schema_editor):
    for role, permissions in PERMISSIONS.items():
        roles.revoke(apps, role, permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("villages", "0001_initial"),
        ("office", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant_permissions, revoke_permissions)]
