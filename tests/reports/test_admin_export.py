import csv
import datetime
import io

import pytest
from django.utils import timezone, translation

from outreach.reports.models import Status
from tests.factories import ReportFactory, content_editor, officer

pytestmark = pytest.mark.django_db

EXPORT = "/admin/reports/report/export.csv"
COLUMNS = [
    "Reference",
    "Received",
    "Category",
    "Priority",
    "Status",
    "Assigned to",
    "First response due",
    "Overdue",
    "Closed on",
    "Kecamatan",
    "Village / kelurahan",
    "Nationality of the people involved",
    "Identity",
]


def rows(response):
    text = response.getvalue().decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def in_indonesian(text):
    with translation.override("id"):
        return translation.gettext(text)


def secret_report(**kwargs):
    return ReportFactory(
        with_contact=True,
        description="Rahasia: pelaku tinggal di rumah nomor 12",
        location_details="Gang Mawar belakang masjid",
        involved_name="Mr. John Doe",
        involved_description="Tinggi, berkacamata",
        **kwargs,
    )


def test_it_exports_the_list_as_utf8_csv_with_a_bom(client):
    report = secret_report(involved_nationality="Malaysia")
    client.force_login(officer())
    response = client.get(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="reports-')
    header, *data = rows(response)
    assert header == [in_indonesian(column) for column in COLUMNS]
    assert len(data) == 1
    assert data[0][0] == report.reference
    assert data[0][9] == "Srengat"
    assert data[0][11] == "Malaysia"


def test_the_export_holds_no_personal_data(client):
    secret_report()
    client.force_login(officer())
    text = client.get(EXPORT).getvalue().decode("utf-8")
    for secret in [
        "Siti Rahayu",
        "0812 3456 0001",
        "siti.rahayu@example.org",
        "Mr. John Doe",
        "Rahasia",
        "Gang Mawar",
        "berkacamata",
    ]:
        assert secret not in text


def test_the_export_follows_the_filters_of_the_list(client):
    wanted = ReportFactory(status=Status.VERIFIED)
    other = ReportFactory()
    late = ReportFactory(created_at=timezone.now() - datetime.timedelta(days=10))
    client.force_login(officer())
    references = [row[0] for row in rows(client.get(EXPORT, {"status__exact": "verified"}))[1:]]
    assert references == [wanted.reference]
    references = [row[0] for row in rows(client.get(EXPORT, {"overdue": "yes"}))[1:]]
    assert references == [late.reference]
    assert other.reference not in references


def test_the_list_links_to_the_export_with_its_filters(client):
    client.force_login(officer())
    response = client.get("/admin/reports/report/", {"status__exact": "new"})
    assert f"{EXPORT}?status__exact=new" in response.text


def test_cells_cannot_become_spreadsheet_formulas(client):
    ReportFactory(village='=HYPERLINK("http://example.com")')
    client.force_login(officer())
    assert rows(client.get(EXPORT))[1][10] == '\'=HYPERLINK("http://example.com")'


def test_content_editors_cannot_export(client):
    client.force_login(content_editor())
    assert client.get(EXPORT).status_code == 403


def test_anonymous_visitors_cannot_export(client):
    response = client.get(EXPORT)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_an_export_with_filters_that_are_not_valid_goes_back_to_the_list_with_a_message(client):
    client.force_login(officer())
    response = client.get(EXPORT, {"created_at__gte": "not-a-date"}, follow=True)
    assert response.redirect_chain == [("/admin/reports/report/", 302)]
    assert [str(message) for message in response.context["messages"]] == [
        in_indonesian("The filters of this export are not valid.")
    ]


def test_the_export_streams(client):
    ReportFactory.create_batch(2)
    client.force_login(officer())
    response = client.get(EXPORT)
    assert response.streaming
    assert len(rows(response)) == 3
