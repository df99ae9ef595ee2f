import datetime

import pytest
from django.utils import timezone

from tests.factories import ActivityFactory, InstitutionFactory

pytestmark = pytest.mark.django_db


def test_it_explains_the_program_lists_institutions_and_invites_a_request(client):
    InstitutionFactory(name="Universitas Islam Balitar", level="university", kecamatan="sananwetan")
    InstitutionFactory(name="SMP Negeri 1 Bakung", level="smp", kecamatan="bakung")
    response = client.get("/program/sekolah/")
    assert response.status_code == 200
    assert "<h1" in response.text and "Imigrasi Goes to School and Campus" in response.text
    assert 'href="/program/sekolah/minta-kunjungan/"' in response.text
    assert "Ajukan kunjungan" in response.text
    text = response.text
    assert text.index("SMP Negeri 1 Bakung") < text.index("Universitas Islam Balitar")
    assert "Universitas atau perguruan tinggi" in text
    assert "Sananwetan, Kota Blitar" in text and "Bakung, Kabupaten Blitar" in text


def test_it_invites_the_first_request_when_no_institution_is_listed(client):
    response = client.get("/program/sekolah/")
    assert "Belum ada sekolah atau kampus yang tercantum." in response.text


def test_a_long_list_is_paginated(client):
    InstitutionFactory.create_batch(31)
    first = client.get("/program/sekolah/")
    assert 'href="?page=2"' in first.text
    second = client.get("/program/sekolah/", {"page": 2})
    assert second.status_code == 200
    assert second.text.count('<th scope="row">') == 1
    assert client.get("/program/sekolah/", {"page": 9}).status_code == 404


@pytest.mark.parametrize(
    ("url", "text"),
    [("/program/sekolah/", "Cara mengajukan kunjungan"), ("/en/program/sekolah/", "How to ask for a visit")],
)
def test_it_renders_in_both_languages(client, url, text):
    InstitutionFactory()
    response = client.get(url)
    assert response.status_code == 200
    assert text in response.text


def test_the_list_runs_the_same_queries_with_few_and_many_institutions(client, django_assert_num_queries):
    InstitutionFactory()
    with django_assert_num_queries(6):  # with the frame's office profile and site notices
        client.get("/program/sekolah/")
    InstitutionFactory.create_batch(40)
    for institution in InstitutionFactory.create_batch(6):
        ActivityFactory(kind="school_visit", village=None, institution=institution)
    with django_assert_num_queries(6):  # with the frame's office profile and site notices
        client.get("/program/sekolah/")


def test_the_sitemap_lists_the_program_and_the_request_form(client, read_sitemap):
    xml = read_sitemap()
    assert "http://testserver/program/sekolah/</loc>" in xml
    assert "http://testserver/en/program/sekolah/minta-kunjungan/</loc>" in xml


def test_it_shows_upcoming_visits_and_schools_reached_recently(client):
    school = InstitutionFactory(name="SMA Negeri 1 Srengat")
    next_week = timezone.now() + datetime.timedelta(days=7)
    ActivityFactory(kind="school_visit", village=None, institution=school, title="Sosialisasi TPPO kelas XII")
    ActivityFactory(
        kind="school_visit",
        village=None,
        institution=school,
        title="Kunjungan minggu depan",
        starts_at=next_week,
        ends_at=next_week + datetime.timedelta(hours=2),
    )
    ActivityFactory(kind="school_visit", village=None, institution=school, title="Draf", status="draft")
    html = client.get("/program/sekolah/").text
    upcoming, _, recent = html.partition('id="schools-recent"')
    assert "Kunjungan minggu depan" in upcoming.split('id="schools-upcoming"')[1]
    assert "Sosialisasi TPPO kelas XII" in recent
    assert "Draf" not in html
