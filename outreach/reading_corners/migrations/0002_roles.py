from django.db import migrations

from outreach.office import roles

PERMISSIONS = {
    roles.SUPERVISOR: [f"reading_corners.{action}_readingcorner" for action in ("add", "change", "delete", "view")],
    roles.OFFICER: ["reading_corners.view_readingcorner"],
    roles.CONTENT_EDITOR: ["reading_corners.view_readingcorner", "reading_corners.change_readingcorner"],
}


def grant_permissions(apps, schema_editor):
    for role, permissions in PERMISSIONS.items():
        roles.grant(apps, role, permissions)


def revoke_permissions(apps, schema_editor):
    for role, permissions in PERMISSIONS.items():
        roles.revoke(apps, role, permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("reading_corners", "0001_initial"),
        ("office", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant_permissions, revoke_permissions)]
