"""The activity lists that grow with the data read an index, not the whole table (EXPLAIN on a few thousand rows)."""

import datetime
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from outreach.activities.models import Activity, Status
from outreach.activities.sitemaps import ActivitySitemap
from tests.factories import ActivityFactory, VillageFactory

pytestmark = pytest.mark.django_db
ROWS = 3000


@pytest.fixture
def many_past_activities():
    """Thousands of past activities without follow-up, a few upcoming ones and one overdue follow-up."""
    village = VillageFactory()
    now = timezone.now()
    rows = []
    for number in range(ROWS):
        starts_at = now - datetime.timedelta(days=30 + number % 3000, hours=number % 7)
        rows.append(
            Activity(
                kind="imigrasi_masuk_desa",
                title=f"Kegiatan {number}",
                slug=f"kegiatan-{number}",
                village=village,
                starts_at=starts_at,
                ends_at=starts_at + datetime.timedelta(hours=2),
                status=Status.PUBLISHED if number % 4 else Status.DRAFT,
            )
        )
    Activity.objects.bulk_create(rows)
    ActivityFactory.create_batch(3, starts_at=now + datetime.timedelta(days=3), village=village)
    ActivityFactory(follow_up="Kirim brosur", follow_up_due=now.date() - datetime.timedelta(days=2), village=village)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE activities_activity")


def test_upcoming_reads_the_status_and_end_index(many_past_activities):
    plan = Activity.objects.published().upcoming()[:100].explain()
    assert "activity_status_ends" in plan, plan


def test_the_admin_order_reads_the_descending_start_and_id_index(many_past_activities):
    plan = Activity.objects.order_by("-starts_at", "-id")[:100].explain()
    assert "activity_starts_id_desc" in plan, plan


def test_overdue_follow_ups_read_the_partial_index(many_past_activities):
    plan = Activity.objects.overdue_follow_ups().explain()
    assert "activity_follow_up_open" in plan, plan


@pytest.fixture
def busy_villages_and_a_quiet_one():
    """Thousands of recent activities in thirty villages, and a village whose few activities are old (at 100,000
    activities in 500 villages, PostgreSQL expected 187 for Desa Bakung and walked 6,800 recent activities of
    other villages to find its six)."""
    villages = [VillageFactory() for _ in range(30)]
    quiet = VillageFactory()
    now = timezone.now()
    rows = []
    for number in range(ROWS):
        village = quiet if number < 4 else villages[number % 30]
        starts_at = now - datetime.timedelta(days=3000 - number if number < 4 else 1 + number % 700)
        rows.append(
            Activity(
                kind="imigrasi_masuk_desa",
                title=f"Kegiatan {number}",
                slug=f"kegiatan-{number}",
                village=village,
                starts_at=starts_at,
                ends_at=starts_at + datetime.timedelta(hours=2),
                status=Status.PUBLISHED,
            )
        )
    Activity.objects.bulk_create(rows)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE activities_activity")
    return quiet


def test_a_quiet_villages_latest_activities_are_read_from_its_own_index(busy_villages_and_a_quiet_one):
    plan = Activity.objects.published().for_place(busy_villages_and_a_quiet_one).order_by("-starts_at")[:6]
    plan = plan.explain()
    assert "activity_village_published" in plan, plan
    assert "activity_public_list" not in plan, plan


def test_the_latest_activities_of_every_place_are_read_from_the_published_list(busy_villages_and_a_quiet_one):
    plan = Activity.objects.published().order_by("-starts_at")[:6].explain()
    assert "activity_village_published" not in plan, plan


def test_a_query_without_an_index_scans_the_table(many_past_activities):
    plan = Activity.objects.filter(attendance_total__gt=1000).explain()
    assert "Seq Scan" in plan, plan


@pytest.fixture
def vacuumed_past_activities(many_past_activities):
    """The same rows, vacuumed as autovacuum would have done: PostgreSQL then knows the index alone answers
    (index-only scans need the visibility map, which only VACUUM writes, outside a transaction). VACUUM cannot
    mark pages all-visible while another backend holds an older snapshot (autovacuum analysing the tally
    tables the triggers just filled): it is repeated until every page is, for a few seconds at most."""
    with connection.cursor() as cursor:
        for _attempt in range(40):
            cursor.execute("VACUUM ANALYZE activities_activity")
            cursor.execute("SELECT relpages, relallvisible FROM pg_class WHERE relname = 'activities_activity'")
            pages, visible = cursor.fetchone()
            if visible >= pages:
                return
            time.sleep(0.25)


@pytest.mark.django_db(transaction=True)
def test_a_page_of_the_public_list_reads_the_covering_index_alone(vacuumed_past_activities):
    ids = Activity.objects.published().started().newest_first().values_list("pk", flat=True)
    plan = ids[120:132].explain()
    assert "Index Only Scan Backward using activity_public_list" in plan, plan


@pytest.mark.django_db(transaction=True)
def test_a_program_of_the_public_list_is_counted_from_an_index_alone(vacuumed_past_activities):
    plan = Activity.objects.published().started().for_program("imigrasi-masuk-desa").values("pk").explain()
    assert "Index Only Scan" in plan, plan


def test_the_years_are_walked_on_an_index(many_past_activities):
    newest = Activity.objects.published().started().order_by("-starts_at").values_list("starts_at", flat=True)
    plan = newest.filter(starts_at__lt=timezone.now() - datetime.timedelta(days=900))[:1].explain()
    assert "Seq Scan" not in plan, plan
    assert "Sort" not in plan, plan  # read in index order: the first row is the answer


def test_the_latest_activities_of_a_program_read_the_kind_index(many_past_activities):
    plan = Activity.objects.published().for_program("sekolah-kampus").past()[:3].explain()
    assert "activity_kind_status_starts" in plan, plan


def test_the_officers_search_reads_the_full_text_index(many_past_activities):
    plan = Activity.objects.search("kegiatan 1234").explain()
    assert "activity_search" in plan, plan
    assert "Seq Scan on activities_activity" not in plan, plan


def test_the_sitemap_date_reads_the_status_and_update_index(many_past_activities):
    plan = Activity.objects.published().order_by("-updated_at").values_list("updated_at")[:1].explain()
    assert "activity_status_updated" in plan, plan


def test_a_sitemap_page_reads_its_range_of_the_primary_key(many_past_activities):
    pages = ActivitySitemap().paginator
    assert pages.num_pages > 3
    plan = pages.objects(pages.num_pages - 1).explain()  # a deep page: no rows skipped on the way
    assert "activities_activity_pkey" in plan, plan
    assert "Seq Scan" not in plan and "Sort" not in plan, plan


def test_the_sitemap_index_learns_the_pages_from_two_probes_of_the_primary_key(many_past_activities):
    pages = ActivitySitemap().paginator
    with CaptureQueriesContext(connection) as context:
        assert pages.num_pages == (pages.bounds[1] - pages.bounds[0]) // pages.span + 1
    [query] = context.captured_queries
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + query["sql"])
        plan = "\n".join(row for (row,) in cursor.fetchall())
    # MIN and MAX each as the first row of the primary key index, read forwards and backwards.
    assert plan.count("Limit") == 2 and "Index Scan Backward using activities_activity_pkey" in plan, plan
    assert "Seq Scan" not in plan and "Aggregate" not in plan, plan


def test_a_search_for_a_common_word_walks_the_admin_order_and_tests_the_stored_words(many_past_activities):
    """Every activity's title holds "kegiatan": PostgreSQL reads the list's order and stops after a page, testing
    each row's stored words (no to_tsvector of every row, no sort of every match)."""
    plan = Activity.objects.search("kegiatan").order_by("-starts_at", "-id")[:100].explain()
    assert "activity_starts_id_desc" in plan, plan
    assert "to_tsvector" not in plan and "Sort" not in plan, plan


def test_a_search_for_a_rare_word_reads_the_full_text_index_instead(many_past_activities):
    plan = Activity.objects.search("kegiatan 1234").order_by("-starts_at", "-id")[:100].explain()
    assert "activity_search" in plan and "activity_starts_id_desc" not in plan, plan


def test_the_years_are_one_recursive_walk_of_an_index(many_past_activities):
    with CaptureQueriesContext(connection) as context:
        assert len(Activity.objects.published().started().years()) >= 8
    [query] = context.captured_queries
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + query["sql"])
        plan = "\n".join(row for (row,) in cursor.fetchall())
    assert "Recursive Union" in plan and "Index" in plan, plan
    assert "Seq Scan on activities_activity" not in plan and "Sort" not in plan, plan
