"""The page cache: anonymous visitors of public pages get a stored copy, without running the site's middleware,
views or SQL (see the README's performance section).

- **Who**: GET and HEAD requests without a session, CSRF or messages cookie and without an Authorization
  header. A logged-in officer, someone in the middle of a form or with a message to read always gets a page
  made for them.
- **What**: only the pages named in ``CACHED_VIEWS`` (public pages without forms that post, and their feeds),
  and only a response that is provably the same for every such visitor (``refusal``): a 200 with no
  Set-Cookie, no CSRF token, no CSP nonce, no private or no-store Cache-Control, and a session left empty.
- **Keys**: the language (from the path, /en/…), scheme, host, path and the query string. Only the query
  parameters in ``QUERY_PARAMETERS`` (one short value each) are allowed; any other parameter bypasses the
  cache, and pages with a query string are stored at most ``PAGE_CACHE_QUERY_VARIANTS`` times a
  ``PAGE_CACHE_SECONDS``: random query strings cannot fill the cache.
- **Invalidation**: every key holds the cache's *generation*, a random token renewed when public content
  changes (saved, deleted or m2m-linked: ``CONTENT_MODELS``) and when staff write anything through the admin or
  the field app (admin actions update rows without signals). Every entry also expires after
  ``PAGE_CACHE_SECONDS``, which bounds how old a page that changes with time (the schedule, "upcoming") gets.
- **Where**: the cache ``settings.PAGE_CACHE_ALIAS``: files shared by the workers of one machine, or Redis
  shared by every machine.
- **Compression**: the body is stored three times, as is, gzipped and brotli-compressed (one entry each, so a
  hit reads only the one its visitor's browser accepts; ``Vary: Accept-Encoding``).
"""

import gzip
import hashlib
import pickle
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.utils.cache import patch_vary_headers

from outreach import generations
from portal import compression

# The public pages that may be cached (URL names): none has a form that posts with a CSRF token.
CACHED_VIEWS = frozenset(
    {
        "home",
        "villages:index",
        "villages:detail",
        "schools:index",
        "reading_corners:index",
        "reading_corners:detail",
        "activities:index",
        "activities:detail",
        "activities:schedule",
        "activities:feed",
        "stats:index",
        "stats:map",
        "stats:data_csv",
        "stats:data_json",
        "pages:index",
        "pages:detail",
        "pages:job_offer_check",
        "search:index",
        "sitemap",
        "sitemap_section",
        "robots_txt",
    }
)
# The query parameters of those pages (pagination, the activity filters, the search); each at most once.
QUERY_PARAMETERS = frozenset({"page", "program", "year", "desa", "q"})
QUERY_VALUE_MAX_LENGTH = 100
# Whoever has one of these cookies gets a page made for them.
BYPASS_COOKIES = (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, CookieStorage.cookie_name)
SAFE_METHODS = ("GET", "HEAD")
# Languages other than the default one live under /<code>/ (i18n_patterns, prefix_default_language off).
PREFIXED_LANGUAGES = tuple(code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE)
# Public content: a change to any of these renews the generation.
CONTENT_MODELS = (
    "villages.Village",
    "villages.VillageIndicator",
    "schools.Institution",
    "reading_corners.ReadingCorner",
    "activities.Activity",
    "activities.ActivityPhoto",
    "pages.PageTopic",
    "pages.Page",
    "pages.PageLink",
    "pages.SiteNotice",
    "stats.Series",
    "stats.Figure",
    "office.OfficeProfile",
    "office.PartnerAgency",
)
STAFF_WRITE_PREFIXES = ("/admin/", "/petugas/")
GENERATION_KEY = "page-cache:generation"
NOT_CACHEABLE = ("private", "no-store", "no-cache")


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


class PageFileCache(FileBasedCache):
    """Django's file cache without its zlib layer: the pages it holds are compressed already (gzip, brotli) or
    small, and a hit saves the decompression. The default backend of ``PAGE_CACHE_ALIAS``."""

    def get(self, key, default=None, version=None):
        try:
            with open(self._key_to_file(key, version), "rb") as file:
                if not self._is_expired(file):
                    return pickle.loads(file.read())
        except FileNotFoundError:
            pass
        return default

    def _write_content(self, file, timeout, value):
        file.write(pickle.dumps(self.get_backend_timeout(timeout), self.pickle_protocol))
        file.write(pickle.dumps(value, self.pickle_protocol))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        value = self.get(key, version=version)
        if value is None:
            return False
        self.set(key, value, timeout, version)
        return True


# --- the generation ---------------------------------------------------------------------------------


def refresh() -> None:
    """Every cached page is out of date: a new generation (outreach/generations.py)."""
    generations.renew(page_cache(), GENERATION_KEY)


def content_changed(sender=None, **kwargs) -> None:
    """Now, and once more when the transaction commits: a page rendered meanwhile from the old rows is not
    stored under the generation that readers use after the commit."""
    generations.renew_now_and_at_commit(page_cache(), GENERATION_KEY)


def content_linked(sender, instance, model, action, **kwargs) -> None:
    if action.startswith("post_") and (instance._meta.label in CONTENT_MODELS or model._meta.label in CONTENT_MODELS):
        content_changed()


def connect_signals() -> None:
    for label in CONTENT_MODELS:
        model = apps.get_model(label)
        post_save.connect(content_changed, sender=model, dispatch_uid=f"page_cache.save.{label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"page_cache.delete.{label}")
    m2m_changed.connect(content_linked, dispatch_uid="page_cache.m2m")


# --- keys -------------------------------------------------------------------------------------------


def normalised_query(query) -> str | None:
    """The allowed query parameters, sorted; None when the query has anything else (no caching)."""
    parts = []
    for name in sorted(query):
        values = query.getlist(name)
        if name not in QUERY_PARAMETERS or len(values) != 1 or len(values[0]) > QUERY_VALUE_MAX_LENGTH:
            return None
        parts.append((name, values[0]))
    return urlencode(parts)


def cache_key(request) -> str | None:
    """The entry's key without its generation and encoding, or None when this request is neither served from
    nor stored in the cache."""
    if request.method not in SAFE_METHODS or not settings.PAGE_CACHE_SECONDS:
        return None
    meta = request.META
    if "HTTP_COOKIE" in meta:
        cookies = request.COOKIES
        if any(name in cookies for name in BYPASS_COOKIES):
            return None
    if "HTTP_AUTHORIZATION" in meta:
        return None
    path = request.path
    if path.startswith(settings.STATIC_URL) or (settings.SECURE_SSL_REDIRECT and not request.is_secure()):
        return None
    query = normalised_query(request.GET) if meta.get("QUERY_STRING") else ""
    if query is None:
        return None
    # The Host header as sent: a host that is not allowed never gets a 200 to store, so it only misses.
    host = meta.get("HTTP_HOST") or meta.get("SERVER_NAME", "")
    language = next((code for code in PREFIXED_LANGUAGES if path.startswith(f"/{code}/")), settings.LANGUAGE_CODE)
    address = f"{request.scheme}://{host}{path}?{query}".encode()
    return f"page:{language}:{hashlib.sha256(address).hexdigest()[:32]}"


# --- what is stored -----------------------------------------------------------------------------------


def refusal(request, response) -> str | None:
    """Why ``response`` must not be stored for every anonymous visitor (None: it may be)."""
    match = request.resolver_match
    if match is None or match.view_name not in CACHED_VIEWS:
        return "not a cached page"
    if response.status_code != 200 or response.streaming:
        return "not a complete 200 response"
    if response.cookies or response.has_header("Set-Cookie"):
        return "sets a cookie"
    if "CSRF_COOKIE" in request.META:
        return "has a CSRF token"
    nonce = get_nonce(request)
    if nonce or "'nonce-" in response.get("Content-Security-Policy", ""):
        return "has a CSP nonce"
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in NOT_CACHEABLE):
        return "private or not to be stored"
    session = getattr(request, "session", None)
    # Without a session cookie the session is empty: reading it (the middleware asks whether someone is logged
    # in, hence Vary: Cookie) changes nothing; writing to it would.
    if session is not None and (session.modified or (session.accessed and not session.is_empty())):
        return "uses the session"
    return None


def entries_from(response) -> dict[str, HttpResponse]:
    """The response for each kind of browser (by Accept-Encoding), complete with its headers: a hit unpickles
    it as it is."""
    body = response.content
    if response.get("Content-Encoding") == "gzip":  # gzipped on the way out for this visitor
        body = gzip.decompress(body)
    patch_vary_headers(response, ("Accept-Encoding",))
    headers = {name: value for name, value in response.items() if name not in ("Content-Length", "Content-Encoding")}
    variants = compression.encoded_variants(body)
    entries = {}
    for accepted in ("identity", "gzip", "br"):
        encoding = accepted if accepted in variants else "identity"
        entry = HttpResponse(variants[encoding], headers=headers)
        entry.headers["Content-Length"] = str(len(variants[encoding]))
        if encoding != "identity":
            entry.headers["Content-Encoding"] = encoding
        entries[accepted] = entry
    return entries


def served(entry: HttpResponse, request) -> HttpResponse:
    if request.method == "HEAD":
        entry.content = b""  # Content-Length stays that of the page
    return entry


def within_query_budget(cache, current: str) -> bool:
    """At most PAGE_CACHE_QUERY_VARIANTS pages with a query string are stored per generation and lifetime."""
    counter = f"page-cache:{current}:query-variants"
    cache.add(counter, 0, timeout=settings.PAGE_CACHE_SECONDS)
    try:
        return cache.incr(counter) <= settings.PAGE_CACHE_QUERY_VARIANTS
    except ValueError:  # the counter expired in between
        return False


class PageCacheMiddleware:
    """The cache's lean path: a hit is answered here, before any other middleware runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = cache_key(request)
        if key is None:
            response = self.get_response(request)
            self.refresh_after_staff_write(request, response)
            return response
        cache = page_cache()
        current = generations.current(cache, GENERATION_KEY)
        key = f"{current}:{key}"
        accepted = compression.preferred_encoding(request.META.get("HTTP_ACCEPT_ENCODING", ""), ("br", "gzip"))
        entry = cache.get(f"{key}:{accepted}")
        if isinstance(entry, HttpResponse):
            return served(entry, request)
        response = self.get_response(request)
        if refusal(request, response) is not None:
            return response
        if request.GET and not within_query_budget(cache, current):
            return response
        entries = entries_from(response)
        cache.set_many({f"{key}:{name}": entry for name, entry in entries.items()}, timeout=settings.PAGE_CACHE_SECONDS)
        return served(entries[accepted], request)

    @staticmethod
    def refresh_after_staff_write(request, response):
        """Admin actions write with ``update()`` (no signals): any successful staff write renews the generation."""
        if request.method in SAFE_METHODS or response.status_code >= 400:
            return
        if request.path_info.startswith(STAFF_WRITE_PREFIXES):
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated and user.is_staff:
                refresh()
