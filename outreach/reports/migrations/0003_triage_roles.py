from django.db import migrations

from outreach.office import roles

PERMISSIONS = {
    roles.OFFICER: ["reports.view_report", "reports.change_report"],
    roles.SUPERVISOR: [
        "reports.view_report",
        "reports.change_report",
        "reports.view_reporter_identity",
        "reports.manage_reporter_data",
        "reports.view_identityaccess",
    ],
}


def grant(apps, schema_editor):
    for role, permissions in PERMISSIONS.items():
        roles.grant(apps, role, permissions)


def revoke(apps, schema_editor):
    for role, permissions in PERMISSIONS.items():
        roles.revoke(apps, role, permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0002_identity_access_reason"),
        ("office", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
