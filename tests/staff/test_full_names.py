"""Staff are shown by full name in every picker, list and history of the back office (outreach.staff)."""

import pytest

from outreach.reports import triage
from outreach.staff import full_name
from tests.factories import ActivityFactory, ReportFactory, UserFactory, VillageFactory, officer, supervisor

pytestmark = pytest.mark.django_db


def rina():
    return officer(username="petugas2", first_name="Rina", last_name="Wulandari")


def test_full_name_is_the_first_and_last_name():
    assert full_name(UserFactory(username="petugas2", first_name="Rina", last_name="Wulandari")) == "Rina Wulandari"


def test_full_name_falls_back_to_the_username_without_a_name():
    assert full_name(UserFactory(username="petugas3", first_name="", last_name="")) == "petugas3"


def test_full_name_of_nobody_is_empty():
    assert full_name(None) == ""


def test_the_report_assignee_picker_shows_full_names(client):
    rina()
    report = ReportFactory()
    client.force_login(supervisor())
    html = client.get(f"/admin/reports/report/{report.pk}/change/").text
    assert ">Rina Wulandari</option>" in html
    assert ">petugas2</option>" not in html


def test_the_report_list_and_its_filter_show_the_assignee_by_full_name(client):
    report = ReportFactory()
    triage.assign(report, rina(), by=None)
    client.force_login(supervisor())
    html = client.get("/admin/reports/report/").text
    assert html.count("Rina Wulandari") >= 2  # the column and the filter
    assert "petugas2" not in html


def test_the_report_history_names_the_actor_by_full_name(client):
    report = ReportFactory()
    boss = supervisor(username="supervisor9", first_name="Budi", last_name="Santoso")
    triage.assign(report, rina(), by=boss)
    client.force_login(boss)
    html = client.get(f"/admin/reports/report/{report.pk}/change/").text
    assert "Budi Santoso" in html
    assert "supervisor9" not in html


def test_the_pimpasa_picker_and_the_village_list_show_full_names(client):
    VillageFactory(pimpasa=rina())
    client.force_login(supervisor())
    listing = client.get("/admin/villages/village/").text
    assert "Rina Wulandari" in listing and "petugas2" not in listing
    form = client.get("/admin/villages/village/add/").text
    assert ">Rina Wulandari</option>" in form and ">petugas2</option>" not in form


def test_the_identity_audit_trail_names_the_staff_member_by_full_name(client):
    boss = supervisor(username="supervisor9", first_name="Budi", last_name="Santoso")
    triage.reveal_identity(ReportFactory(with_contact=True), by=boss, reason="Tindak lanjut kepolisian")
    triage.reveal_identity(ReportFactory(with_contact=True), by=supervisor(), reason="Tindak lanjut BP3MI")
    client.force_login(boss)
    html = client.get("/admin/reports/identityaccess/").text
    assert html.count("Budi Santoso") >= 2  # the column and the filter
    assert "supervisor9" not in html


def test_the_activity_form_shows_who_created_it_by_full_name(client):
    author = rina()
    activity = ActivityFactory(created_by=author)
    client.force_login(supervisor())
    html = client.get(f"/admin/activities/activity/{activity.pk}/change/").text
    assert "Rina Wulandari" in html
    assert "petugas2" not in html
