from outreach.sitemaps import ObjectSitemap, PageSitemap

from .models import ReadingCorner


class ReadingCornerIndexSitemap(PageSitemap):
    url_names = ("reading_corners:index",)


class ReadingCornerSitemap(ObjectSitemap):
    def items(self):
        return ReadingCorner.objects.for_public_list()


SITEMAPS = {"reading-corners-index": ReadingCornerIndexSitemap, "reading-corners": ReadingCornerSitemap}
