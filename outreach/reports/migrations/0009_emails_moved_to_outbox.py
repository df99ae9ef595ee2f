# The report emails live in the outbox app now (outbox 0002 copied them there).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0008_report_language_choices"),
        ("outbox", "0002_copy_report_emails"),
    ]

    operations = [
        migrations.DeleteModel(
            name="EmailNotification",
        ),
    ]
