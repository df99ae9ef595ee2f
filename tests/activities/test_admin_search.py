"""The officers' search of the activity list: word beginnings of the title or summary (the full-text index), or
part of the place's name; and the list's queries, the same with few and with many activities."""

import pytest

from outreach.activities.models import Kind
from tests.activities.helpers import CHANGELIST_URL, queries_for
from tests.factories import ActivityFactory, InstitutionFactory, VillageFactory, supervisor

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(supervisor())
    return client


def found(client, term) -> set[str]:
    response = client.get(CHANGELIST_URL, {"q": term})
    assert response.status_code == 200
    return {activity.title for activity in response.context["cl"].result_list}


def test_an_officer_finds_an_activity_by_the_beginning_of_a_title_word(staff_client):
    ActivityFactory(title="Sosialisasi paspor di Bakung", summary="")
    ActivityFactory(title="Pojok baca dibuka", summary="")
    assert found(staff_client, "sosial") == {"Sosialisasi paspor di Bakung"}


def test_every_word_searched_must_begin_a_word_of_the_activity(staff_client):
    ActivityFactory(title="Sosialisasi paspor di Bakung", summary="")
    ActivityFactory(title="Sosialisasi TPPO di Wonodadi", summary="")
    assert found(staff_client, "sosialisasi wono") == {"Sosialisasi TPPO di Wonodadi"}


def test_an_officer_finds_an_activity_by_a_word_of_its_summary(staff_client):
    ActivityFactory(title="Kunjungan", summary="Pembagian brosur pekerja migran")
    ActivityFactory(title="Kunjungan lain", summary="Tanya jawab paspor")
    assert found(staff_client, "brosur") == {"Kunjungan"}


def test_an_officer_finds_the_activities_of_a_place_by_part_of_its_name(staff_client):
    ActivityFactory(title="Sesi satu", village=VillageFactory(name="Desa Karanggayam"))
    school = InstitutionFactory(name="SMA Negeri 1 Srengat")
    ActivityFactory(title="Sesi dua", kind=Kind.SCHOOL_VISIT, village=None, institution=school)
    ActivityFactory(title="Sesi tiga", village=VillageFactory(name="Desa Bakung"))
    assert found(staff_client, "ranggay") == {"Sesi satu"}
    assert found(staff_client, "negeri 1 sreng") == {"Sesi dua"}


def test_a_word_in_no_title_summary_or_place_finds_nothing(staff_client):
    ActivityFactory(title="Sosialisasi paspor", summary="Di balai desa")
    assert found(staff_client, "kapal") == set()


def test_a_search_of_punctuation_only_lists_every_activity(staff_client):
    ActivityFactory.create_batch(2)
    assert len(found(staff_client, "!!! --")) == 2


def test_a_search_with_tsquery_operators_is_taken_as_words(staff_client):
    ActivityFactory(title="Sosialisasi paspor", summary="")
    assert found(staff_client, "paspor & | ! :* (") == {"Sosialisasi paspor"}


def test_the_list_runs_the_same_queries_with_few_and_many_activities(staff_client):
    ActivityFactory(village=VillageFactory(name="Desa Awal"))
    few = queries_for(staff_client, CHANGELIST_URL)
    ActivityFactory.create_batch(30)
    assert queries_for(staff_client, CHANGELIST_URL) == few


def test_a_filtered_list_does_not_count_every_activity_again(staff_client):
    ActivityFactory.create_batch(3)
    response = staff_client.get(CHANGELIST_URL, {"status__exact": "draft"})
    assert response.context["cl"].full_result_count is None
