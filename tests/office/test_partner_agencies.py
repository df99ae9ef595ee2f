"""Partner agencies are one list (office.PartnerAgency) for activities and for forwarding reports."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from outreach.activities.models import Activity
from outreach.office.models import PartnerAgency
from outreach.reports import triage
from outreach.reports.models import ReportEvent, Status
from tests.factories import ActivityFactory, ReportFactory, officer, supervisor


def forwarding(report, partner):
    """The report's change form as sent to forward it to ``partner`` (an agency's id)."""
    return {"priority": report.priority, "assigned_to": "", "new_status": "forwarded", "partner": partner}


@pytest.mark.django_db
def test_an_agency_added_once_serves_activities_and_reports(client):
    agency = PartnerAgency.objects.create(name="Badan Narkotika Nasional Kabupaten Blitar", short_name="BNNK")
    activity = ActivityFactory()
    activity.partners.add(agency)
    report = ReportFactory(status=Status.VERIFIED)
    client.force_login(officer())
    form = client.get(f"/admin/reports/report/{report.pk}/change/").text
    assert f'<option value="{agency.pk}">BNNK</option>' in form
    client.post(f"/admin/reports/report/{report.pk}/change/", forwarding(report, agency.pk))
    assert ReportEvent.objects.get(report=report, to_status=Status.FORWARDED).partner == agency
    assert list(agency.activities.all()) == [activity]


@pytest.mark.django_db
def test_a_report_cannot_be_forwarded_to_an_agency_that_does_not_exist(client):
    report = ReportFactory(status=Status.VERIFIED)
    client.force_login(officer())
    response = client.post(f"/admin/reports/report/{report.pk}/change/", forwarding(report, 999999))
    assert response.status_code == 200
    assert "partner" in response.context["adminform"].form.errors
    report.refresh_from_db()
    assert report.status == Status.VERIFIED


@pytest.mark.django_db
def test_the_report_history_names_the_agency(client):
    report = ReportFactory(status=Status.VERIFIED)
    triage.change_status(report, Status.FORWARDED, by=officer(), partner=PartnerAgency.objects.get(short_name="Dinsos"))
    client.force_login(supervisor())
    assert "(Dinsos)" in client.get(f"/admin/reports/report/{report.pk}/change/").text


@pytest.mark.django_db
def test_officers_pick_partner_agencies_and_supervisors_manage_them(client):
    client.force_login(officer())
    assert client.get("/admin/office/partneragency/").status_code == 200
    assert client.get("/admin/office/partneragency/add/").status_code == 403
    client.force_login(supervisor())
    assert client.get("/admin/office/partneragency/add/").status_code == 200


BEFORE = [
    ("office", "0005_office_logo"),
    ("activities", "0006_drop_dashboard_proxy"),
    ("reports", "0010_report_drop_lookup_fields"),
]


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_both_former_lists_onto_the_one_list():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    former_list = old.get_model("activities", "PartnerAgency").objects
    added = former_list.create(name="Lembaga Baru", short_name="LB")
    bp3mi, _created = former_list.get_or_create(
        name="Balai Pelayanan Pelindungan Pekerja Migran Indonesia (BP3MI) Jawa Timur", defaults={"short_name": "BP3MI"}
    )
    village = old.get_model("villages", "Village").objects.create(name="Bakung", slug="bakung", kecamatan="bakung")
    starts = timezone.now() - datetime.timedelta(days=3)
    activity = old.get_model("activities", "Activity").objects.create(
        kind="imigrasi_masuk_desa",
        title="Sosialisasi",
        slug="sosialisasi",
        village=village,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
    )
    activity.partners.add(added, bp3mi)
    Report = old.get_model("reports", "Report")
    report = Report.objects.create(
        reference="LPR-TEST-0001",
        category="overstay",
        description="Uraian",
        kecamatan="srengat",
        first_response_due=timezone.localdate(),
    )
    events = old.get_model("reports", "ReportEvent").objects
    events.create(report=report, kind="transition", to_status="forwarded", partner="dinsos")
    events.create(report=report, kind="transition", to_status="forwarded", partner="kanim")
    events.create(report=report, kind="note", partner="")

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    migrated = Activity.objects.get(slug="sosialisasi")
    assert sorted(agency.short_name for agency in migrated.partners.all()) == ["BP3MI", "LB"]
    assert PartnerAgency.objects.filter(short_name="BP3MI").count() == 1
    partners = ReportEvent.objects.filter(report__reference="LPR-TEST-0001").order_by("pk")
    assert [event.partner.short_name if event.partner else None for event in partners] == [
        "Dinsos",
        "Kanim lain",
        None,
    ]
