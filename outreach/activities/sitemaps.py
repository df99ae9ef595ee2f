from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Activity


class ActivityPagesSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return ["activities:index", "activities:schedule"]

    def location(self, item):
        return reverse(item)


class ActivitySitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Activity.objects.published().order_by("-starts_at")

    def lastmod(self, activity):
        return activity.updated_at


SITEMAPS = {"activity-pages": ActivityPagesSitemap, "activities": ActivitySitemap}
