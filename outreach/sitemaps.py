"""The sitemap base classes of the portal's apps: every page in both languages, with hreflang alternates.

An app's ``sitemaps.py`` declares what it lists, e.g.::

    class VillageIndexSitemap(PageSitemap):
        url_names = ["villages:index"]

    class VillageSitemap(ObjectSitemap):
        def items(self):
            return Village.objects.desa_binaan().order_by("name")
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "monthly"
    priority = 0.5


class PageSitemap(PortalSitemap):
    """Fixed pages, listed by URL name in ``url_names``."""

    url_names: tuple[str, ...] = ()
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return list(self.url_names)

    def location(self, item):
        return reverse(item)


class ObjectSitemap(PortalSitemap):
    """Public objects with ``get_absolute_url`` and ``updated_at``; subclasses give ``items()``."""

    def lastmod(self, item):
        return item.updated_at
