"""The Atom feed of /kegiatan/feed/: entries dated by the activity, with its first public photo."""

from datetime import datetime
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.utils import timezone

from outreach.activities.models import Status
from tests.activities.helpers import queries_for
from tests.factories import ActivityFactory, activity_photo

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
URL = "/kegiatan/feed/"


def entries(client):
    feed = ElementTree.fromstring(client.get(URL).content)
    return {entry.find(f"{ATOM}title").text: entry for entry in feed.iter(f"{ATOM}entry")}


def enclosures(entry):
    return [link for link in entry.iter(f"{ATOM}link") if link.get("rel") == "enclosure"]


def test_an_entry_is_dated_by_when_the_activity_took_place(client):
    took_place = timezone.make_aware(datetime(2025, 3, 10, 9, 0))
    activity = ActivityFactory(title="Sosialisasi Maret", starts_at=took_place)
    assert activity.created_at.date() != took_place.date()
    entry = entries(client)["Sosialisasi Maret"]
    for element in ("published", "updated"):
        stamp = datetime.fromisoformat(entry.find(f"{ATOM}{element}").text)
        assert stamp == took_place, element


def test_an_entry_encloses_the_first_public_photo_by_its_absolute_url(client):
    activity = ActivityFactory(title="Dengan foto", status=Status.PUBLISHED)
    first = activity_photo(activity, order=0)
    activity_photo(activity, order=1)
    [link] = enclosures(entries(client)["Dengan foto"])
    assert link.get("href") == "http://testserver" + first.public_url
    assert link.get("type") == "image/jpeg"
    assert int(link.get("length")) == (settings.MEDIA_ROOT / first.public_files["original"]).stat().st_size


def test_an_entry_without_a_consented_photo_has_no_enclosure(client):
    activity = ActivityFactory(title="Tanpa izin", status=Status.PUBLISHED)
    activity_photo(activity, consent=False)
    assert enclosures(entries(client)["Tanpa izin"]) == []


def test_the_feed_runs_a_fixed_number_of_queries_with_photos(client, django_assert_num_queries):
    activity_photo(ActivityFactory())
    few = queries_for(client, URL)
    for _ in range(5):
        activity_photo(ActivityFactory())
    with django_assert_num_queries(few):
        client.get(URL)
