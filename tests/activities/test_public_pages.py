from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone

from outreach.activities.models import Activity, Kind, Status
from outreach.office.models import PartnerAgency
from tests.activities.helpers import queries_for
from tests.factories import (
    ActivityFactory,
    InstitutionFactory,
    OfficeProfileFactory,
    ReadingCornerFactory,
    VillageFactory,
    activity_photo,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def office():
    return OfficeProfileFactory()


def in_days(days):
    return timezone.now() + timedelta(days=days)


# --- /kegiatan/ -------------------------------------------------------------------------------------


def test_the_index_lists_published_activities_newest_first(client):
    older = ActivityFactory(title="Sosialisasi lama", starts_at=in_days(-30))
    newer = ActivityFactory(title="Sosialisasi baru", starts_at=in_days(-3))
    ActivityFactory(title="Masih draf", status=Status.DRAFT)
    response = client.get("/kegiatan/")
    assert response.status_code == 200
    assert list(response.context["activities"]) == [newer, older]
    assert "Masih draf" not in response.text


def test_the_index_filters_by_program_and_year_without_javascript(client):
    school = ActivityFactory(kind=Kind.SCHOOL_VISIT, village=None, institution=InstitutionFactory())
    ActivityFactory()
    response = client.get("/kegiatan/", {"program": "sekolah-kampus", "year": school.starts_at.year})
    assert list(response.context["activities"]) == [school]
    assert '<form method="get" action="/kegiatan/"' in response.text


def test_the_index_ignores_invalid_filters(client):
    activity = ActivityFactory()
    response = client.get("/kegiatan/", {"program": "nonsense", "year": "abc"})
    assert response.status_code == 200
    assert list(response.context["activities"]) == [activity]


def test_the_index_has_an_empty_state(client):
    response = client.get("/kegiatan/")
    assert "Belum ada kegiatan yang diterbitkan." in response.text
    response = client.get("/kegiatan/", {"program": "pojok-baca"})
    assert "Tidak ada kegiatan terbit yang cocok" in response.text


def test_the_index_is_paginated_by_twelve_keeping_the_filters(client):
    ActivityFactory.create_batch(13)
    first = client.get("/kegiatan/", {"program": "imigrasi-masuk-desa"})
    assert len(first.context["activities"]) == 12
    assert "?program=imigrasi-masuk-desa&amp;page=2" in first.text
    assert len(client.get("/kegiatan/", {"page": 2}).context["activities"]) == 1


def test_activities_that_start_together_are_each_listed_once_across_pages(client):
    starts_at = in_days(-3)
    made = {activity.pk for activity in ActivityFactory.create_batch(13, starts_at=starts_at)}
    pages = [client.get("/kegiatan/", {"page": number}).context["activities"] for number in (1, 2)]
    listed = [activity.pk for page in pages for activity in page]
    assert len(listed) == 13
    assert set(listed) == made


def test_an_old_link_to_a_page_past_the_end_shows_the_last_page(client):
    ActivityFactory.create_batch(13)
    response = client.get("/kegiatan/", {"page": 3960})
    assert response.status_code == 200
    assert response.context["page_obj"].number == 2
    assert len(response.context["activities"]) == 1


def test_a_page_that_is_not_a_number_shows_the_first_page(client):
    ActivityFactory.create_batch(13)
    response = client.get("/kegiatan/", {"page": "x"})
    assert response.context["page_obj"].number == 1


def test_a_newly_published_activity_is_counted_at_once(client):
    ActivityFactory.create_batch(12)
    assert "page=2" not in client.get("/kegiatan/").text
    ActivityFactory()
    assert "page=2" in client.get("/kegiatan/").text


def test_the_years_and_the_count_are_remembered_between_two_saves(client):
    ActivityFactory.create_batch(3)
    first = queries_for(client, "/kegiatan/")
    assert queries_for(client, "/kegiatan/") == first - 2  # the years (one query, see outreach.years) and the count


def test_each_filter_has_its_own_remembered_count(client):
    ActivityFactory.create_batch(13)
    assert "page=2" in client.get("/kegiatan/").text
    assert "page=2" not in client.get("/kegiatan/", {"program": "pojok-baca"}).text


def test_the_index_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    activity = ActivityFactory()
    activity_photo(activity)
    few = queries_for(client, "/kegiatan/")
    for activity in ActivityFactory.create_batch(14):
        activity_photo(activity, width=400)
    with django_assert_num_queries(few):
        client.get("/kegiatan/")
    # The years (one query a year, plus one), the count, the page with its places, the photos; the frame reads
    # the office profile and the site notices.
    assert few <= 7


# --- /kegiatan/<slug>/ ------------------------------------------------------------------------------


def test_the_detail_shows_place_topics_attendance_partners_and_consented_photos(client):
    activity = ActivityFactory(
        village=VillageFactory(name="Desa Bakung", slug="bakung"),
        topics=["tppo"],
        male_under_18=3,
        female_60_plus=4,
        internal_notes="Catatan internal rahasia",
    )
    activity.partners.add(PartnerAgency.objects.get(short_name="BP3MI"))
    shown = activity_photo(activity, caption="Warga mendengarkan", width=1200)
    activity_photo(activity, caption="Belum ada persetujuan", consent=False)
    response = client.get(activity.get_absolute_url())
    assert response.status_code == 200
    html = response.text
    assert "Desa Bakung" in html
    assert "Pencegahan tindak pidana perdagangan orang" in html or "TPPO" in html
    assert "BP3MI" in html
    assert "<td><strong>34</strong></td>" in html
    assert f'srcset="{shown.srcset}"' in html
    assert 'loading="lazy"' in html and f'alt="Foto 1 dari “{activity.title}”, ukuran penuh"' in html
    assert ">Warga mendengarkan</figcaption>" in html
    assert "Belum ada persetujuan" not in html
    assert "Catatan internal rahasia" not in html


def test_drafts_are_not_found(client):
    draft = ActivityFactory(status=Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_the_detail_links_a_village_and_a_reading_corner_to_their_pages():
    village_visit = ActivityFactory(village=VillageFactory(slug="bakung"))
    corner_visit = ActivityFactory(
        kind=Kind.READING_CORNER, village=None, reading_corner=ReadingCornerFactory(slug="pojok-bakung")
    )
    assert village_visit.place_url == reverse("villages:detail", kwargs={"slug": "bakung"})
    assert corner_visit.place_url == reverse("reading_corners:detail", kwargs={"slug": "pojok-bakung"})


def test_the_detail_skips_the_place_link_when_the_place_has_no_page(client):
    activity = ActivityFactory(kind=Kind.SCHOOL_VISIT, village=None, institution=InstitutionFactory(name="SMAN 9"))
    assert activity.place_url is None
    assert "SMAN 9" in client.get(activity.get_absolute_url()).text


def test_the_detail_is_served_in_english_too(client):
    activity = ActivityFactory()
    response = client.get(f"/en{activity.get_absolute_url()}")
    assert response.status_code == 200
    assert "Imigrasi Masuk Desa visit" in response.text


# --- feed, schedule, home, sitemap ------------------------------------------------------------------


def test_the_feed_is_atom_with_published_activities_only(client, django_assert_num_queries):
    ActivityFactory(title="Sudah terbit")
    ActivityFactory(title="Draf", status=Status.DRAFT)
    response = client.get("/kegiatan/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    titles = [node.text for node in ElementTree.fromstring(response.content).iter("{http://www.w3.org/2005/Atom}title")]
    assert "Sudah terbit" in titles and "Draf" not in titles
    few = queries_for(client, "/kegiatan/feed/")
    ActivityFactory.create_batch(10)
    with django_assert_num_queries(few):
        client.get("/kegiatan/feed/")


def test_the_schedule_groups_upcoming_published_activities_by_month(client):
    soon = ActivityFactory(title="Kunjungan mendatang", starts_at=in_days(3))
    ActivityFactory(title="Sudah lewat", starts_at=in_days(-3))
    ActivityFactory(title="Draf mendatang", starts_at=in_days(4), status=Status.DRAFT)
    response = client.get("/jadwal/")
    assert list(response.context["activities"]) == [soon]
    assert "Kunjungan mendatang" in response.text
    assert f"{timezone.localtime(soon.starts_at):%Y}" in response.text


def test_the_schedule_has_an_empty_state(client):
    assert "Belum ada kegiatan yang dijadwalkan saat ini." in client.get("/jadwal/").text


def test_the_schedule_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    ActivityFactory(starts_at=in_days(2))
    few = queries_for(client, "/jadwal/")
    for days in range(3, 20):
        ActivityFactory(starts_at=in_days(days))
    with django_assert_num_queries(few):
        client.get("/jadwal/")


def test_the_home_page_shows_next_scheduled_and_latest_activities(client):
    ActivityFactory(title="Agenda berikutnya", starts_at=in_days(5))
    ActivityFactory(title="Kegiatan kemarin", starts_at=in_days(-1))
    ActivityFactory(title="Draf tersembunyi", starts_at=in_days(-1), status=Status.DRAFT)
    html = client.get("/").text
    assert "Agenda berikutnya" in html and "Kegiatan kemarin" in html
    assert "Draf tersembunyi" not in html


def test_the_home_page_has_empty_states(client):
    html = client.get("/").text
    assert "Belum ada kegiatan yang dijadwalkan saat ini." in html
    assert "Belum ada kegiatan yang diterbitkan." in html


def test_the_home_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    ActivityFactory(starts_at=in_days(3))
    ActivityFactory(starts_at=in_days(-3))  # the latest activities' photos are fetched once there is one
    few = queries_for(client, "/")
    for days in range(-10, 10):
        ActivityFactory(starts_at=in_days(days))
    with django_assert_num_queries(few):
        client.get("/")


def test_the_timeline_include_lists_a_places_activities(client):
    from django.template.loader import render_to_string

    activity = ActivityFactory(male_18_59=5, female_18_59=0)
    html = render_to_string(
        "activities/includes/timeline.html",
        {"activities": Activity.objects.published().for_place(activity.village)},
    )
    assert activity.title in html and "5 orang terjangkau" in html


def test_the_sitemap_lists_published_activities_and_the_list_pages(client, read_sitemap):
    published = ActivityFactory()
    draft = ActivityFactory(status=Status.DRAFT)
    xml = read_sitemap()
    assert f"http://testserver{published.get_absolute_url()}" in xml
    assert f"http://testserver/en{published.get_absolute_url()}" in xml
    assert "http://testserver/kegiatan/" in xml and "http://testserver/jadwal/" in xml
    assert draft.get_absolute_url() not in xml


def test_the_activity_list_and_feed_leave_future_activities_to_the_schedule(client):
    from datetime import timedelta

    from django.utils import timezone

    from tests.factories import ActivityFactory

    next_week = timezone.now() + timedelta(days=7)
    ActivityFactory(title="Sosialisasi yang sudah berlangsung")
    ActivityFactory(title="Kunjungan minggu depan", starts_at=next_week, ends_at=next_week + timedelta(hours=2))
    listed = client.get("/kegiatan/").text
    feed = client.get("/kegiatan/feed/").text
    assert "Sosialisasi yang sudah berlangsung" in listed and "Sosialisasi yang sudah berlangsung" in feed
    assert "Kunjungan minggu depan" not in listed and "Kunjungan minggu depan" not in feed
    assert "Kunjungan minggu depan" in client.get("/jadwal/").text
