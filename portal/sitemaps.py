from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class HomeSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "weekly"
    priority = 1.0

    def items(self):
        return ["home"]

    def location(self, item):
        return reverse(item)


def collect_sitemaps() -> dict:
    """The home page plus the ``SITEMAPS`` dict of every portal app that has a ``sitemaps`` module."""
    sitemaps = {"home": HomeSitemap}
    for app_config in apps.get_app_configs():
        if app_config.name.startswith("outreach.") and find_spec(f"{app_config.name}.sitemaps"):
            sitemaps.update(import_module(f"{app_config.name}.sitemaps").SITEMAPS)
    return sitemaps
