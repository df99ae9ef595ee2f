from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class SchoolPagesSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return ["schools:index", "schools:request"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {"schools": SchoolPagesSitemap}
