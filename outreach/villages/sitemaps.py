from outreach.sitemaps import ObjectSitemap, PageSitemap

from .models import Village


class VillageIndexSitemap(PageSitemap):
    url_names = ("villages:index",)
    priority = 0.8


class VillageSitemap(ObjectSitemap):
    priority = 0.6

    def items(self):
        return Village.objects.desa_binaan().order_by("name")


SITEMAPS = {"villages-index": VillageIndexSitemap, "villages": VillageSitemap}
