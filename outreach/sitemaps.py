"""The sitemap base classes of the portal's apps: every page in both languages, with hreflang alternates.

An app's ``sitemaps.py`` declares what it lists, e.g.::

    class VillageIndexSitemap(PageSitemap):
        url_names = ["villages:index"]

    class VillageSitemap(ObjectSitemap):
        def items(self):
            return Village.objects.desa_binaan()

``/sitemap.xml`` is an index of these sections (Django's view). An object section is cut into pages by ranges
of primary keys (``IdRangePages``): the index learns the number of pages from the lowest and highest key (two
index probes, no count of every object) and each page reads its range through the primary key (no OFFSET,
however deep the page). A section page is written by ``urlset`` (used by portal.views.sitemap_section), not by
Django's template and its reverse of every URL again for each alternate: at 1,000 URLs that was most of 190 ms.
"""

import datetime
from html import escape
from urllib.parse import quote

from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Max, Min
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.http import RFC3986_SUBDELIMS

SLUG_MARK = "sitemap-slug-mark"
URL_SAFE = RFC3986_SUBDELIMS + "/~:@"  # what reverse() leaves unquoted
URLSET_START = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "monthly"
    priority = 0.5

    def _value(self, name, item):
        value = getattr(self, name, None)
        return value(item) if callable(value) else value

    def entries(self, page, protocol: str, domain: str) -> list[dict]:
        """The ``<url>`` entries of a page of this section, as Django's ``get_urls`` with i18n alternates (same
        locations, lastmod, changefreq, priority and alternates), but each item's location is reversed once per
        language, with each language activated once, instead of again for every alternate of every language.
        Sets ``latest_lastmod``."""
        pairs = self.paginator.page(page).object_list
        items = list({id(item): item for item, _language in pairs}.values())
        locations = {id(item): {} for item in items}
        for code in self._languages():
            with translation.override(code):
                for item, path in zip(items, self.paths(items), strict=True):
                    locations[id(item)][code] = f"{protocol}://{domain}{path}"
        urls, lastmods = [], []
        for item, language in pairs:
            lastmod = self._value("lastmod", item)
            lastmods.append(lastmod)
            urls.append(
                {
                    "location": locations[id(item)][language],
                    "lastmod": lastmod,
                    "changefreq": self._value("changefreq", item),
                    "priority": self._value("priority", item),
                    "alternates": list(locations[id(item)].items()),
                }
            )
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def paths(self, items) -> list[str]:
        """The paths of ``items`` in the active language."""
        return [self.location(item) for item in items]


def urlset(urls: list[dict]) -> str:
    """The XML of a sitemap page (what Django's ``sitemap.xml`` template writes, without its whitespace)."""
    # Each location is written as a <loc> and as an alternate of each language, a lastmod once per language:
    # each is escaped or formatted once.
    escaped, days = {}, {}
    parts = [URLSET_START]
    for url in urls:
        for _code, location in url["alternates"]:
            if location not in escaped:
                escaped[location] = escape(location)
        location = url["location"]
        parts.append(f"<url><loc>{escaped.get(location) or escape(location)}</loc>")
        if lastmod := url["lastmod"]:
            if lastmod not in days:
                day = lastmod
                if isinstance(day, datetime.datetime) and timezone.is_aware(day):
                    day = timezone.localtime(day)
                days[lastmod] = f"<lastmod>{day:%Y-%m-%d}</lastmod>"
            parts.append(days[lastmod])
        if url["changefreq"]:
            parts.append(f"<changefreq>{escape(url['changefreq'])}</changefreq>")
        if url["priority"] is not None:
            parts.append(f"<priority>{url['priority']}</priority>")
        for code, location in url["alternates"]:
            parts.append(f'<xhtml:link rel="alternate" hreflang="{code}" href="{escaped[location]}"/>')
        parts.append("</url>\n")
    parts.append("</urlset>\n")
    return "".join(parts)


def sitemapindex(sections: list[tuple[str, object]]) -> str:
    """The XML of the sitemap index: ``(location, lastmod)`` of every page of every section (as Django's
    ``sitemap_index.xml`` template writes it, without its whitespace)."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    ]
    for location, lastmod in sections:
        parts.append(f"<sitemap><loc>{escape(location)}</loc>")
        if lastmod:
            if isinstance(lastmod, datetime.datetime) and timezone.is_aware(lastmod):
                lastmod = timezone.localtime(lastmod)
            parts.append(f"<lastmod>{lastmod.isoformat()}</lastmod>")
        parts.append("</sitemap>\n")
    parts.append("</sitemapindex>\n")
    return "".join(parts)


class PageSitemap(PortalSitemap):
    """Fixed pages, listed by URL name in ``url_names``."""

    url_names: tuple[str, ...] = ()
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return list(self.url_names)

    def location(self, item):
        return reverse(item)


class IdRangePages:
    """A section's ``(object, language)`` pairs cut into pages by ranges of primary keys, for Django's sitemap
    index (``num_pages``) and for ``PortalSitemap.entries`` (``page(n).object_list``).

    Page n holds the objects whose keys lie in the n-th range of ``span`` keys from the lowest: at most ``span``
    objects, so at most ``span`` × languages URLs; a range of deleted or unpublished rows gives a shorter page.
    """

    def __init__(self, queryset, languages, span: int):
        self.queryset = queryset.order_by("pk")
        self.languages = list(languages)
        self.span = max(1, span)

    @cached_property
    def bounds(self) -> tuple[int | None, int | None]:
        keys = self.queryset.aggregate(first=Min("pk"), last=Max("pk"))
        return keys["first"], keys["last"]

    @cached_property
    def num_pages(self) -> int:
        first, last = self.bounds
        return 1 if first is None else (last - first) // self.span + 1

    def page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(number) from None
        if not 1 <= number <= self.num_pages:
            raise EmptyPage(number)
        return IdRangePage([(obj, language) for obj in self.objects(number) for language in self.languages])

    def objects(self, number: int):
        """The objects of page ``number``: a range of the primary key index."""
        first, _last = self.bounds
        if first is None:
            return self.queryset.none()
        start = first + (number - 1) * self.span
        return self.queryset.filter(pk__gte=start, pk__lt=start + self.span)


class IdRangePage:
    def __init__(self, object_list):
        self.object_list = object_list


class ObjectSitemap(PortalSitemap):
    """Public objects with ``get_absolute_url`` and ``updated_at``; subclasses give ``items()`` as a queryset.

    Pages of at most ``limit`` URLs (each object once per language), read by ranges of primary keys.
    """

    limit = 1000  # URLs a page: with their hreflang alternates about 370 KB
    fields: tuple[str, ...] = ()  # when given, the only columns read (what location and lastmod need)

    # When given (a URL name taking only ``slug``), the paths are filled into one reverse per language instead
    # of a reverse of each object (the same paths: tests/sitemaps compares them with get_absolute_url).
    slug_url_name = ""

    def lastmod(self, item):
        return item.updated_at

    def paths(self, items) -> list[str]:
        if not self.slug_url_name:
            return super().paths(items)
        before, _mark, after = reverse(self.slug_url_name, kwargs={"slug": SLUG_MARK}).partition(SLUG_MARK)
        return [f"{before}{quote(item.slug, safe=URL_SAFE)}{after}" for item in items]

    @cached_property
    def paginator(self):
        languages, items = self._languages(), self.items()
        return IdRangePages(items.only(*self.fields) if self.fields else items, languages, self.limit // len(languages))

    def get_latest_lastmod(self):
        return self.items().order_by().aggregate(latest=Max("updated_at"))["latest"]
