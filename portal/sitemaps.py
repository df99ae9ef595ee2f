from importlib import import_module
from importlib.util import find_spec

from django.apps import apps

from outreach.sitemaps import PageSitemap


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
