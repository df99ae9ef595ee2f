from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Village


class VillageIndexSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return ["villages:index"]

    def location(self, item):
        return reverse(item)


class VillageSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Village.objects.desa_binaan().order_by("name")

    def lastmod(self, village):
        return village.updated_at


SITEMAPS = {"villages-index": VillageIndexSitemap, "villages": VillageSitemap}
