from django.db import migrations

from outreach.office import roles

MANAGED = ["page", "pagetopic", "pagelink", "sitenotice"]
PERMISSIONS = {
    # Editors write the pages, their links and sources, and the site notice; they read readers' feedback.
    roles.CONTENT_EDITOR: [
        f"pages.{action}_{model}" for model in MANAGED for action in ("add", "change", "delete", "view")
    ]
    + ["pages.view_pagefeedback", "pages.delete_pagefeedback"],
    # Supervisors read pages and feedback; officers have no access (they cannot edit public information).
    roles.SUPERVISOR: [f"pages.view_{model}" for model in [*MANAGED, "pagefeedback"]],
}


def grant_permissions(apps, schema_editor):
    for role, permissions in PERMISSIONS.items():
        roles.grant(apps, role, permissions)


def revoke_permissions(apps, schema_editor):
    for role, permissions in PERMISSIONS.items():
        roles.revoke(apps, role, permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_information_pages"),
        ("office", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant_permissions, revoke_permissions)]
