from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.contrib.sitemaps.views import x_robots_tag
from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.http import http_date

from outreach.sitemaps import PageSitemap, sitemapindex, urlset


class HomeSitemap(PageSitemap):
    url_names = ("home",)
    priority = 1.0


def collect_sitemaps() -> dict:
    """The home page plus the ``SITEMAPS`` dict of every portal app that has a ``sitemaps`` module."""
    sitemaps = {"home": HomeSitemap}
    for app_config in apps.get_app_configs():
        if app_config.name.startswith("outreach.") and find_spec(f"{app_config.name}.sitemaps"):
            sitemaps.update(import_module(f"{app_config.name}.sitemaps").SITEMAPS)
    return sitemaps


@x_robots_tag
def sitemap_index(request, sitemaps):
    """/sitemap.xml: every page of every section, as Django's ``index`` view but written by ``sitemapindex``
    (at 100,000 activities it lists some 800 pages). Same Last-Modified rule: when every section has a lastmod."""
    domain = get_current_site(request).domain
    sections, lastmods = [], []
    for section, sitemap_class in sitemaps.items():
        sitemap = sitemap_class()
        protocol = sitemap.protocol or request.scheme
        location = f"{protocol}://{domain}{reverse('sitemap_section', kwargs={'section': section})}"
        lastmod = sitemap.get_latest_lastmod()
        lastmods.append(lastmod)
        sections.append((location, lastmod, sitemap.paginator.num_pages))
    response = HttpResponse(sitemapindex(sections), content_type="application/xml")
    if lastmods and None not in lastmods:
        response.headers["Last-Modified"] = http_date(max(lastmods).timestamp())
    return response


@x_robots_tag
def sitemap_section(request, sitemaps, section):
    """A page of one section (``?p=``), as Django's ``sitemap`` view but written by ``urlset``: same XML, same
    404s for an unknown section or page, same Last-Modified header when every URL has a lastmod."""
    if section not in sitemaps:
        raise Http404(f"No sitemap available for section: {section!r}")
    sitemap = sitemaps[section]()
    try:
        urls = sitemap.entries(request.GET.get("p", 1), request.scheme, get_current_site(request).domain)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404(f"No page {request.GET.get('p')!r}") from error
    response = HttpResponse(urlset(urls), content_type="application/xml")
    if latest := getattr(sitemap, "latest_lastmod", None):
        response.headers["Last-Modified"] = http_date(latest.timestamp())
    return response
