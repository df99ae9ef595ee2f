from django.contrib.syndication.views import Feed
from django.core.files.storage import default_storage
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed, Enclosure
from django.utils.translation import gettext_lazy as _

from .models import Activity

FEED_LENGTH = 30


class ActivityFeed(Feed):
    """Published activities that took place, dated by when they took place, each with its first public photo."""

    feed_type = Atom1Feed
    title = _("Outreach activities of the immigration office")
    subtitle = _("Visits to villages, schools, campuses and reading corners.")
    link = reverse_lazy("activities:index")

    def get_object(self, request, *args, **kwargs):
        return request  # the photos' URLs are made absolute with it (a Feed instance is shared by requests)

    def items(self, request):
        activities = Activity.objects.published().started().with_places().with_public_photos()
        activities = list(activities.order_by("-starts_at")[:FEED_LENGTH])
        for activity in activities:
            activity.feed_photo = self.enclosure(request, activity.public_photos)
        return activities

    @staticmethod
    def enclosure(request, photos):
        """The first public photo as an Atom enclosure (None when the activity has none)."""
        for photo in photos:
            name = photo.public_files.get("original")
            try:
                length = default_storage.size(name)
            except OSError:
                continue  # a copy that went missing: the next photo, or none
            return Enclosure(request.build_absolute_uri(photo.public_url), str(length), "image/jpeg")
        return None

    def item_title(self, activity):
        return activity.title

    def item_description(self, activity):
        return activity.summary

    def item_pubdate(self, activity):
        return activity.starts_at  # when it took place, not when the record was stored or published

    def item_updateddate(self, activity):
        return activity.starts_at

    def item_enclosures(self, activity):
        return [activity.feed_photo] if activity.feed_photo else []

    def item_categories(self, activity):
        return [activity.get_kind_display()]
