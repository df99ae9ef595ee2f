"""Activities' partners become the office's one list of partner agencies (office.PartnerAgency).

Agencies an administrator added to the old list are copied (by name), then every activity's links.
"""

from django.db import migrations, models


def copy_partners(apps, schema_editor):
    Old = apps.get_model("activities", "PartnerAgency")
    New = apps.get_model("office", "PartnerAgency")
    Activity = apps.get_model("activities", "Activity")
    agencies = {}
    for old in Old.objects.all():
        agencies[old.pk], _created = New.objects.get_or_create(name=old.name, defaults={"short_name": old.short_name})
    for activity in Activity.objects.prefetch_related("partners"):
        links = [agencies[old.pk] for old in activity.partners.all()]
        if links:
            activity.office_partners.add(*links)


def copy_partners_back(apps, schema_editor):
    Old = apps.get_model("activities", "PartnerAgency")
    New = apps.get_model("office", "PartnerAgency")
    Activity = apps.get_model("activities", "Activity")
    agencies = {}
    for new in New.objects.all():
        agencies[new.pk], _created = Old.objects.get_or_create(name=new.name, defaults={"short_name": new.short_name})
    for activity in Activity.objects.prefetch_related("office_partners"):
        links = [agencies[new.pk] for new in activity.office_partners.all()]
        if links:
            activity.partners.add(*links)


def remove_stale_content_types(apps, schema_editor):
    """The former list and the former dashboard proxy: their permissions would linger in the group editor."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="activities", model__in=["partneragency", "dashboard"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0006_drop_dashboard_proxy"),
        ("office", "0006_partner_agency"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="activity",
            name="office_partners",
            field=models.ManyToManyField(blank=True, related_name="+", to="office.partneragency"),
        ),
        migrations.RunPython(copy_partners, copy_partners_back),
        migrations.RemoveField(model_name="activity", name="partners"),
        migrations.DeleteModel(name="PartnerAgency"),
        migrations.RenameField(model_name="activity", old_name="office_partners", new_name="partners"),
        migrations.AlterField(
            model_name="activity",
            name="partners",
            field=models.ManyToManyField(
                blank=True, related_name="activities", to="office.partneragency", verbose_name="partner agencies"
            ),
        ),
        migrations.RunPython(remove_stale_content_types, migrations.RunPython.noop),
    ]
