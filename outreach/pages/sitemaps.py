from outreach.sitemaps import ObjectSitemap, PageSitemap

from .models import Page


class InformationIndexSitemap(PageSitemap):
    url_names = ("pages:index", "pages:job_offer_check")
    priority = 0.8


class InformationPageSitemap(ObjectSitemap):
    priority = 0.7

    def items(self):
        return Page.objects.published().order_by("pk")


SITEMAPS = {"information-index": InformationIndexSitemap, "information-pages": InformationPageSitemap}
