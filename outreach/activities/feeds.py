from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import Activity


class ActivityFeed(Feed):
    feed_type = Atom1Feed
    title = _("Outreach activities of the immigration office")
    subtitle = _("Visits to villages, schools, campuses and reading corners.")
    link = reverse_lazy("activities:index")

    def items(self):
        return Activity.objects.published().started().with_places().order_by("-starts_at")[:30]

    def item_title(self, activity):
        return activity.title

    def item_description(self, activity):
        return activity.summary

    def item_pubdate(self, activity):
        return activity.published_at or activity.created_at

    def item_updateddate(self, activity):
        return activity.updated_at

    def item_categories(self, activity):
        return [activity.get_kind_display()]
