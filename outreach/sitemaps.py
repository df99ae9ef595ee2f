"""The sitemap base classes of the portal's apps: every page in both languages, with hreflang alternates.

An app's ``sitemaps.py`` declares what it lists, e.g.::

    class VillageIndexSitemap(PageSitemap):
        url_names = ["villages:index"]

    class VillageSitemap(ObjectSitemap):
        def items(self):
            return Village.objects.desa_binaan().order_by("name")

``/sitemap.xml`` is an index of these sections; an object section is read a page at a time from the database
(one count and one slice), so no request loads every object.
"""

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Max
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


class TranslatedItems:
    """The ``(object, language)`` pairs of an ordered queryset, sliced in the database, for a ``Paginator``."""

    def __init__(self, queryset, languages):
        self.queryset = queryset
        self.languages = list(languages)

    def count(self):
        return self.queryset.count() * len(self.languages)

    def __getitem__(self, index: slice):
        size = len(self.languages)
        first = index.start // size
        objects = self.queryset[first : -(-index.stop // size)]
        pairs = [(obj, language) for obj in objects for language in self.languages]
        offset = index.start - first * size
        return pairs[offset : offset + index.stop - index.start]


class ObjectSitemap(PortalSitemap):
    """Public objects with ``get_absolute_url`` and ``updated_at``; subclasses give ``items()`` as an ordered queryset.

    Pages of ``limit`` URLs (each object once per language) are sliced in the database.
    """

    limit = 1000  # URLs a page: with their hreflang alternates about 370 KB

    def lastmod(self, item):
        return item.updated_at

    @property
    def paginator(self):
        return Paginator(TranslatedItems(self.items(), self._languages()), self.limit)

    def get_latest_lastmod(self):
        return self.items().order_by().aggregate(latest=Max("updated_at"))["latest"]
