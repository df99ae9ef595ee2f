from django.db import migrations

from outreach.office import roles

PERMISSIONS = {roles.SUPERVISOR: ["villages.publish_villageindicator"]}


def grant_permissions(apps, schema_editor):
    for role, permissions in PERMISSIONS.items():
        roles.grant(apps, role, permissions)


def revoke_permissions(apps, schema_editor):
    for role, permissions in PERMISSIONS.items():
        roles.revoke(apps, role, permissions)


class Migration(migrations.Migration):
    dependencies = [("villages", "0003_indicator_source_and_publication")]

    operations = [migrations.RunPython(grant_permissions, revoke_permissions)]
