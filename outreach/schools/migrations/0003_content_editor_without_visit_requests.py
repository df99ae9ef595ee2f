"""Content editors edit public text only: visit requests (with the contact person's phone and email) are not theirs."""

from django.db import migrations

from outreach.office import roles

PERMISSIONS = ["schools.view_visitrequest"]


def revoke_visit_requests(apps, schema_editor):
    roles.revoke(apps, roles.CONTENT_EDITOR, PERMISSIONS)


def grant_visit_requests(apps, schema_editor):
    roles.grant(apps, roles.CONTENT_EDITOR, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("schools", "0002_roles")]

    operations = [migrations.RunPython(revoke_visit_requests, grant_visit_requests)]
