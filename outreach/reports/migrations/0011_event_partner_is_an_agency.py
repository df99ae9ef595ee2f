"""The agency a report was forwarded to is a row of the office's one list (office.PartnerAgency), not a choice."""

import django.db.models.deletion
from django.db import migrations, models

# The former choices and the agency each one is in office/0004's list (by short name).
CHOICES = {
    "polres": "Polres Blitar",
    "disnaker": "Disnaker",
    "bp3mi": "BP3MI",
    "dinsos": "Dinsos",
    "kanim": "Kanim lain",
    "other": "Lainnya",
}


def link_agencies(apps, schema_editor):
    ReportEvent = apps.get_model("reports", "ReportEvent")
    PartnerAgency = apps.get_model("office", "PartnerAgency")
    for code, short_name in CHOICES.items():
        agency = PartnerAgency.objects.filter(short_name=short_name).order_by("pk").first()
        if agency is None:  # renamed or deleted by an administrator since: keep the event's meaning
            agency = PartnerAgency.objects.create(name=short_name, short_name=short_name)
        ReportEvent.objects.filter(partner=code).update(partner_agency=agency)


def unlink_agencies(apps, schema_editor):
    ReportEvent = apps.get_model("reports", "ReportEvent")
    codes = {short_name: code for code, short_name in CHOICES.items()}
    for event in ReportEvent.objects.exclude(partner_agency=None).select_related("partner_agency"):
        event.partner = codes.get(event.partner_agency.short_name, "other")
        event.save(update_fields=["partner"])


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0010_report_drop_lookup_fields"),
        ("office", "0006_partner_agency"),
    ]

    operations = [
        migrations.AddField(
            model_name="reportevent",
            name="partner_agency",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="office.partneragency",
            ),
        ),
        migrations.RunPython(link_agencies, unlink_agencies),
        migrations.RemoveField(model_name="reportevent", name="partner"),
        migrations.RenameField(model_name="reportevent", old_name="partner_agency", new_name="partner"),
        migrations.AlterField(
            model_name="reportevent",
            name="partner",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="office.partneragency",
                verbose_name="forwarded to",
            ),
        ),
    ]
