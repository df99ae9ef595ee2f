from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class ReportFormSitemap(Sitemap):
    """Only the report form itself: reports are never public, and the status lookup is not indexed."""

    i18n = True
    alternates = True
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return ["reports:start"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {"reports": ReportFormSitemap}
