# The outbox moved from the reports app (EmailNotification) to this app. Its rows are copied here, pending
# and sent alike, their report link turned into the generic ``about`` link; reports 0009 then drops the
# old table. A copy rather than a renamed table (SeparateDatabaseAndState): the foreign key to Report
# becomes a generic link, so the table's shape changes anyway, and a copy is plain to read and to reverse.

from django.db import migrations

FIELDS = ["to", "subject", "body_text", "body_html", "created_at", "sent_at", "claimed_at", "attempts", "last_error"]


def report_type(apps):
    content_type, _created = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="reports", model="report"
    )
    return content_type


def copy_to_outbox(apps, schema_editor):
    old = apps.get_model("reports", "EmailNotification").objects.order_by("pk")
    if not old.exists():
        return
    about_type = report_type(apps)
    apps.get_model("outbox", "Email").objects.bulk_create(
        apps.get_model("outbox", "Email")(
            **{field: getattr(email, field) for field in FIELDS},
            about_type=about_type if email.report_id else None,
            about_id=email.report_id,
        )
        for email in old.iterator()
    )


def copy_back(apps, schema_editor):
    Email = apps.get_model("outbox", "Email")
    about_type = report_type(apps)
    reports = set(apps.get_model("reports", "Report").objects.values_list("pk", flat=True))
    apps.get_model("reports", "EmailNotification").objects.bulk_create(
        apps.get_model("reports", "EmailNotification")(
            **{field: getattr(email, field) for field in FIELDS},
            report_id=email.about_id if email.about_type_id == about_type.pk and email.about_id in reports else None,
        )
        for email in Email.objects.order_by("pk").iterator()
    )
    Email.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("outbox", "0001_initial"),
        ("reports", "0008_report_language_choices"),
    ]

    operations = [migrations.RunPython(copy_to_outbox, copy_back)]
