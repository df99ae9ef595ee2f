"""The sitemap base classes of the portal's apps: every page in both languages, with hreflang alternates.

An app's ``sitemaps.py`` declares what it lists, e.g.::

    class VillageIndexSitemap(PageSitemap):
        url_names = ["villages:index"]

    class VillageSitemap(ObjectSitemap):
        def items(self):
            return Village.objects.desa_binaan()

``/sitemap.xml`` is an index of these sections. An object section is cut into pages by ranges of primary keys
(``IdRangePages``): the index learns the number of pages from the lowest and highest key (two index probes, no
count of every object) and each page reads its range through the primary key (no OFFSET, however deep the
page). The index and the pages are written by ``sitemapindex`` and ``urlset`` (portal.sitemaps' views), not by
Django's templates, and a page's locations are reversed once per language (``entries``), not again for each
alternate: at 1,000 URLs a page Django's views took 190 ms, eight times a demo-sized page. The XML is the
same as Django's views write (tests/sitemaps compares them).
"""

import datetime
from dataclasses import dataclass
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
        # One list of alternates an item, shared by its URLs in each language (urlset writes it once).
        links = {key: list(by_language.items()) for key, by_language in locations.items()}
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
                    "alternates": links[id(item)],
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
    # The URLs of one item in each language share their alternates and lastmod, and most URLs their changefreq
    # and priority: each is written once and reused (a page of 1,000 URLs was half its time here).
    alternates, days, tails = {}, {}, {}
    parts = [URLSET_START]
    for url in urls:
        links = url["alternates"]
        if id(links) not in alternates:
            alternates[id(links)] = (
                {href: escape(href) for _code, href in links},
                "".join(
                    f'<xhtml:link rel="alternate" hreflang="{code}" href="{escape(href)}"/>' for code, href in links
                ),
            )
        escaped, written = alternates[id(links)]
        location = url["location"]
        parts.append(f"<url><loc>{escaped.get(location) or escape(location)}</loc>")
        if lastmod := url["lastmod"]:
            if lastmod not in days:
                day = lastmod
                if isinstance(day, datetime.datetime) and timezone.is_aware(day):
                    day = timezone.localtime(day)
                days[lastmod] = f"<lastmod>{day:%Y-%m-%d}</lastmod>"
            parts.append(days[lastmod])
        tail = (url["changefreq"], url["priority"])
        if tail not in tails:
            changefreq, priority = tail
            tails[tail] = (f"<changefreq>{escape(changefreq)}</changefreq>" if changefreq else "") + (
                f"<priority>{priority}</priority>" if priority is not None else ""
            )
        parts.append(tails[tail])
        parts.append(written)
        parts.append("</url>\n")
    parts.append("</urlset>\n")
    return "".join(parts)


def sitemapindex(sections: list[tuple[str, object, int]]) -> str:
    """The XML of the sitemap index: each section's ``(location, lastmod, number of pages)``, one ``<sitemap>``
    a page (``?p=2`` on), as Django's ``sitemap_index.xml`` template writes it, without its whitespace."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    ]
    for location, lastmod, pages in sections:
        written = ""
        if lastmod:
            if isinstance(lastmod, datetime.datetime) and timezone.is_aware(lastmod):
                lastmod = timezone.localtime(lastmod)
            written = f"<lastmod>{lastmod.isoformat()}</lastmod>"
        escaped = escape(location)
        parts.append(f"<sitemap><loc>{escaped}</loc>{written}</sitemap>\n")
        parts += [f"<sitemap><loc>{escaped}?p={page}</loc>{written}</sitemap>\n" for page in range(2, pages + 1)]
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
    """A section's ``(object, language)`` pairs cut into pages by ranges of primary keys, for the index
    (``num_pages``) and for ``PortalSitemap.entries`` (``page(n).object_list``), as Django's paginator is used.

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
        objects = [SlugRow(**row) if isinstance(row, dict) else row for row in self.objects(number)]
        return IdRangePage([(obj, language) for obj in objects for language in self.languages])

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


@dataclass(slots=True)
class SlugRow:
    """What a section with ``slug_url_name`` reads of each object (a model instance costs five times more)."""

    pk: int
    slug: str
    updated_at: datetime.datetime


class ObjectSitemap(PortalSitemap):
    """Public objects with ``get_absolute_url`` and ``updated_at``; subclasses give ``items()`` as a queryset.

    Pages of at most ``limit`` URLs (each object once per language), read by ranges of primary keys.
    """

    # URLs a page (each object once per language): with their hreflang alternates about 80 KB, written in a few
    # milliseconds, however large the section; the index lists one page per 125 objects (800 at 100,000).
    limit = 250

    # When given (a URL name taking only ``slug``), the section reads rows of key, slug and updated_at
    # (``SlugRow``), not model instances, and fills their paths into one reverse per language instead of a
    # reverse of each object (the same paths: tests/sitemaps compares them with get_absolute_url).
    slug_url_name = ""

    def location(self, item):
        if self.slug_url_name:
            return reverse(self.slug_url_name, kwargs={"slug": item.slug})
        return item.get_absolute_url()

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
        if self.slug_url_name:
            items = items.values("pk", "slug", "updated_at")
        return IdRangePages(items, languages, self.limit // len(languages))

    def get_latest_lastmod(self):
        return self.items().order_by().aggregate(latest=Max("updated_at"))["latest"]
