"""Role permissions are declared in ``outreach.office.roles.ROLE_PERMISSIONS`` and synced after migrate."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("villages", "0003_indicator_source_and_publication")]

    operations = []
