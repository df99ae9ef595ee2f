from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import ReadingCorner


class ReadingCornerIndexSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return ["reading_corners:index"]

    def location(self, item):
        return reverse(item)


class ReadingCornerSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return ReadingCorner.objects.for_public_list()

    def lastmod(self, corner):
        return corner.updated_at


SITEMAPS = {"reading-corners-index": ReadingCornerIndexSitemap, "reading-corners": ReadingCornerSitemap}
