from functools import lru_cache

from django.conf import settings
from django.templatetags.static import static
from django.urls import Resolver404, get_urlconf, resolve, reverse, translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, get_language_info, override
from django.utils.translation import gettext_lazy as _

from outreach.pages.models import SiteNotice
from portal import frame

# The main navigation: label and URL name (every entry is a page that exists).
NAVIGATION = [
    (_("Home"), "home"),
    (_("Desa Binaan"), "villages:index"),
    (_("Schools & Campuses"), "schools:index"),
    (_("Reading Corners"), "reading_corners:index"),
    (_("Activities"), "activities:index"),
    (_("Schedule"), "activities:schedule"),
    (_("Information"), "pages:index"),
    (_("Statistics"), "stats:index"),
]
REPORT_URL_NAME = "reports:start"


def navigation(request):
    current = request.resolver_match
    current_name = current.view_name if current else ""
    current_namespace = current.namespace if current else ""
    named_here = {name for _label, name in NAVIGATION}
    items = []
    for label, name in NAVIGATION:
        url = reverse(name)
        namespace = name.partition(":")[0] if ":" in name else ""
        # The entry of this page, else the entry of its app (an activity's detail page: Activities).
        active = current_name == name or (
            bool(namespace and namespace == current_namespace)
            and current_name not in named_here
            and name.endswith(":index")
        )
        items.append({"label": label, "url": url, "active": active})
    return items


def language_links(request):
    """Links to the current page in every language (falls back to the home page)."""
    path = request.get_full_path()
    query = "".join(path.partition("?")[1:])  # "?…" as the full path writes it, or ""
    translated = translations(request.path)
    active = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        url = translated[code] + query if translated else path
        if url == path and code != active:
            with override(code):
                url = reverse("home")
        info = get_language_info(code)
        links.append({"code": code, "name": info["name_local"], "url": url, "active": code == active})
    return links


def translations(path: str) -> dict[str, str] | None:
    """``path`` in every language (``translate_url``), or None when it is no page. Remembered per path and
    active language: resolving and reversing twice for every page cost about a millisecond."""
    return _translations(path, get_language(), get_urlconf() or settings.ROOT_URLCONF)


@lru_cache(maxsize=2048)
def _translations(path: str, _active: str, urlconf: str) -> dict[str, str] | None:
    try:
        resolve(path, urlconf)
    except Resolver404:
        return None
    return {code: translate_url(path, code) for code, _name in settings.LANGUAGES}


def _path_in(path: str, code: str) -> str:
    """``path`` in language ``code``: the default language unprefixed, the others under /<code>/."""
    prefixes = {f"/{other}/" for other, _name in settings.LANGUAGES if other != settings.LANGUAGE_CODE}
    bare = next((path[len(prefix) - 1 :] for prefix in prefixes if path.startswith(prefix)), path)
    return bare if code == settings.LANGUAGE_CODE else f"/{code}{bare}"


def page_links(request) -> dict:
    """Absolute canonical and hreflang addresses of this page (a page that does not exist too: a 404 page in
    English has its Indonesian twin), the x-default (the Indonesian page) and the default sharing image."""
    path = request.path
    translated = translations(path) or {code: _path_in(path, code) for code, _name in settings.LANGUAGES}
    absolute = request.build_absolute_uri
    return {
        "canonical": absolute(path),
        "alternates": [{"code": code, "url": absolute(url)} for code, url in translated.items()],
        "x_default": absolute(translated[settings.LANGUAGE_CODE]),
        "og_image": absolute(static("img/og-default.png")),
    }


def site(request):
    return {
        "page_links": SimpleLazyObject(lambda: page_links(request)),
        # In development the office's contact details are demo data: the footer says so.
        "contacts_are_examples": settings.DEBUG,
        # seed_demo runs only with DEBUG on: every page of such an install may show invented content.
        "demo_install": settings.DEBUG,
        "site_notices": SimpleLazyObject(lambda: list(SiteNotice.objects.current())),
        "office": SimpleLazyObject(frame.office_profile),
        "main_navigation": SimpleLazyObject(lambda: navigation(request)),
        "report_url": SimpleLazyObject(lambda: reverse(REPORT_URL_NAME)),
        "language_links": SimpleLazyObject(lambda: language_links(request)),
    }
