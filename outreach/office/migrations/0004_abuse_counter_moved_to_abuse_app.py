# The counters moved to the abuse app (outreach.abuse), which creates its own table. They are ephemeral
# (an hour's rate limits and pauses), so the old table is dropped rather than copied.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("office", "0003_abuse_counter"),
    ]

    operations = [
        migrations.DeleteModel(
            name="AbuseCounter",
        ),
    ]
