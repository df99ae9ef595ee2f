# A visit request gets a reference code (shown to the teacher, used with their email on the status page)
# and the language it was made in. Requests made before get a code now.

import secrets

from django.db import migrations, models

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # as outreach/references.py, frozen here


def new_reference(prefix):
    chars = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"{prefix}-{chars[:4]}-{chars[4:]}"


def give_references(apps, schema_editor):
    VisitRequest = apps.get_model("schools", "VisitRequest")
    taken = set()
    for visit_request in VisitRequest.objects.filter(reference__isnull=True).only("pk"):
        reference = new_reference("KNJ")
        while reference in taken:
            reference = new_reference("KNJ")
        taken.add(reference)
        VisitRequest.objects.filter(pk=visit_request.pk).update(reference=reference)


class Migration(migrations.Migration):
    dependencies = [
        ("schools", "0003_content_editor_without_visit_requests"),
    ]

    operations = [
        migrations.AddField(
            model_name="visitrequest",
            name="language",
            field=models.CharField(
                choices=[("id", "Indonesian"), ("en", "English")], default="id", max_length=8, verbose_name="language"
            ),
        ),
        migrations.AddField(
            model_name="visitrequest",
            name="reference",
            field=models.CharField(editable=False, max_length=13, null=True, verbose_name="reference"),
        ),
        migrations.RunPython(give_references, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="visitrequest",
            name="reference",
            field=models.CharField(editable=False, max_length=13, unique=True, verbose_name="reference"),
        ),
    ]
