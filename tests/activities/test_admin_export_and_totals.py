import csv
import io

import pytest
from django.contrib.messages import get_messages

from outreach.activities.models import Kind
from outreach.office.models import PartnerAgency
from tests.activities.helpers import CHANGELIST_URL, queries_for
from tests.factories import ActivityFactory, InstitutionFactory, StaffFactory, officer, supervisor

pytestmark = pytest.mark.django_db
EXPORT_URL = "/admin/activities/activity/export.csv"


def rows(response):
    text = response.getvalue().decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def test_it_exports_the_filtered_list_as_utf8_csv_with_a_bom(client):
    visit = ActivityFactory(title="Imigrasi Masuk Desa Bakung — sesi 1", male_18_59=10, female_18_59=5)
    visit.partners.add(PartnerAgency.objects.get(short_name="Disnaker"))
    visit.officers.add(officer(first_name="Agus", last_name="Prasetyo"))
    ActivityFactory(kind=Kind.SCHOOL_VISIT, village=None, institution=InstitutionFactory(), internal_notes="Rahasia")
    client.force_login(supervisor())
    response = client.get(EXPORT_URL, {"kind__exact": Kind.IMIGRASI_MASUK_DESA})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    header, *body = rows(response)
    assert header[:3] == ["judul", "jenis", "mulai"]
    assert len(body) == 1
    row = dict(zip(header, body[0], strict=True))
    assert row["judul"] == "Imigrasi Masuk Desa Bakung — sesi 1"
    assert row["jenis"] == "Kunjungan Imigrasi Masuk Desa"
    assert row["mitra"].startswith("Dinas Tenaga Kerja")
    assert row["petugas"] == "Agus Prasetyo"
    assert row["orang terjangkau"] == "15"
    assert "Rahasia" not in response.getvalue().decode()


def test_the_export_link_carries_the_current_filters(client):
    client.force_login(supervisor())
    response = client.get(CHANGELIST_URL, {"status__exact": "published"})
    assert f'href="{EXPORT_URL}?status__exact=published"' in response.text


def test_staff_without_the_view_permission_cannot_export(client):
    client.force_login(StaffFactory())
    assert client.get(EXPORT_URL).status_code == 403


def test_anonymous_export_goes_to_the_login(client):
    assert client.get(EXPORT_URL)["Location"].startswith("/admin/login/")


def test_the_change_list_shows_attendance_totals_of_the_filtered_list(client):
    ActivityFactory(male_18_59=10, female_18_59=5)
    ActivityFactory(male_18_59=1, female_18_59=2)
    ActivityFactory(kind=Kind.SCHOOL_VISIT, village=None, institution=InstitutionFactory(), male_under_18=100)
    client.force_login(supervisor())
    response = client.get(CHANGELIST_URL, {"kind__exact": Kind.IMIGRASI_MASUK_DESA})
    assert response.context["attendance_sums"]["attendance_total"] == 18
    assert '<strong class="attendance-sum">18</strong>' in response.text


def test_the_change_list_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    user = supervisor()
    client.force_login(user)
    ActivityFactory.create_batch(2)
    few = queries_for(client, CHANGELIST_URL)
    ActivityFactory.create_batch(15)
    with django_assert_num_queries(few):
        client.get(CHANGELIST_URL)


def test_it_neutralises_formulas_in_exported_cells(client):
    ActivityFactory(title='=HYPERLINK("http://evil.example","klik")', follow_up="+62 812 0000")
    client.force_login(supervisor())
    header, body = rows(client.get(EXPORT_URL))
    row = dict(zip(header, body, strict=True))
    assert row["judul"] == '\'=HYPERLINK("http://evil.example","klik")'
    assert row["tindak lanjut yang diperlukan"].startswith("'+62")


def test_it_keeps_plain_cells_and_numbers_as_they_are(client):
    activity = ActivityFactory(title="Sosialisasi di Desa Bakung")
    client.force_login(supervisor())
    header, body = rows(client.get(EXPORT_URL))
    row = dict(zip(header, body, strict=True))
    assert row["judul"] == "Sosialisasi di Desa Bakung"
    assert row["orang terjangkau"] == str(activity.attendance_total)


def test_it_redirects_with_a_message_on_bad_filter_parameters(client):
    client.force_login(supervisor())
    response = client.get(EXPORT_URL, {"starts_at__gte": "not-a-date"})
    assert response.status_code == 302
    assert response.url == CHANGELIST_URL
    assert any("filter" in str(message) or "Filter" in str(message) for message in get_messages(response.wsgi_request))


def test_the_export_streams(client):
    ActivityFactory.create_batch(3)
    client.force_login(supervisor())
    response = client.get(EXPORT_URL)
    assert response.streaming
    assert len(rows(response)) == 4
