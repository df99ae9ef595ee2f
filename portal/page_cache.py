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
  changes (saved, deleted or m2m-linked: ``CONTENT_MODELS``) and when staff write through the field app or the
  admin pages of those models (admin actions update rows without signals). Every entry also expires after
  ``PAGE_CACHE_SECONDS``, which bounds how old a page that changes with time (the schedule, "upcoming") gets.
- **Where**: the cache ``settings.PAGE_CACHE_ALIAS``: files shared by the workers of one machine, or Redis
  shared by every machine.
- **Compression**: the body is stored three times, as is, gzipped and brotli-compressed (one entry each, so a
  hit reads only the one its visitor's browser accepts; ``Vary: Accept-Encoding``).
- **The lean path**: in production a hit is answered by ``PageCacheApplication``, a WSGI layer in front of
  Django's request handler (portal/wsgi.py): from the WSGI environ alone, with no request object, signal,
  middleware or URL resolution. ``PageCacheMiddleware`` (first in ``MIDDLEWARE``) stores what misses, and
  answers hits itself where the WSGI layer is not in front (the test client). An entry is the headers and the
  body as sent, nothing to rebuild.
"""

import gzip
import hashlib
import logging
import pickle
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.handlers.wsgi import get_bytes_from_wsgi, get_path_info, get_script_name
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, QueryDict
from django.http.cookie import parse_cookie
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
# Staff writes that renew the generation: all of the field app's, and the admin's to public content models.
FIELD_APP_PREFIX = "/petugas/"
ADMIN_PREFIX = "/admin/"
CONTENT_ADMIN_PATHS = tuple(f"{ADMIN_PREFIX}{label.replace('.', '/').lower()}/" for label in CONTENT_MODELS)
GENERATION_KEY = "page-cache:generation"
NOT_CACHEABLE = ("private", "no-store", "no-cache")
ENCODINGS = ("br", "gzip")
# Set in the environ by the WSGI layer when it looked and found nothing: the generation it looked in. The
# middleware does not look again, and stores the page under that generation, read before the page was made.
MISSED_IN = "portal.page_cache.missed_in"

logger = logging.getLogger(__name__)

# What a hit sends: the headers (Content-Length and Content-Encoding included) and the body, as they are.
type Entry = tuple[tuple[tuple[str, str], ...], bytes]


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


def request_path(meta) -> str:
    """The path of a request from its WSGI environ, as Django's ``WSGIRequest.path`` makes it."""
    path_info = get_path_info(meta) or "/"
    return "{}/{}".format(get_script_name(meta).rstrip("/"), path_info.replace("/", "", 1))


def request_scheme(meta) -> str:
    """The scheme of a request from its WSGI environ, as ``HttpRequest.scheme`` makes it (a trusted proxy's
    header, ``SECURE_PROXY_SSL_HEADER``, first)."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        value = meta.get(header)
        if value is not None:
            return "https" if value.split(",", 1)[0].strip() == secure_value else "http"
    return meta.get("wsgi.url_scheme", "http")


def cache_key(meta) -> str | None:
    """The entry's key without its generation and encoding, or None when this request is neither served from
    nor stored in the cache. From the WSGI environ (``request.META``) alone: the WSGI layer has no request."""
    if meta.get("REQUEST_METHOD") not in SAFE_METHODS or not settings.PAGE_CACHE_SECONDS:
        return None
    if "HTTP_COOKIE" in meta:
        cookies = parse_cookie(meta["HTTP_COOKIE"])
        if any(name in cookies for name in BYPASS_COOKIES):
            return None
    if "HTTP_AUTHORIZATION" in meta:
        return None
    path = request_path(meta)
    scheme = request_scheme(meta)
    if path.startswith(settings.STATIC_URL) or (settings.SECURE_SSL_REDIRECT and scheme != "https"):
        return None
    query = (
        normalised_query(QueryDict(get_bytes_from_wsgi(meta, "QUERY_STRING", ""))) if meta.get("QUERY_STRING") else ""
    )
    if query is None:
        return None
    # The Host header as sent: a host that is not allowed never gets a 200 to store, so it only misses.
    host = meta.get("HTTP_HOST") or meta.get("SERVER_NAME", "")
    language = next((code for code in PREFIXED_LANGUAGES if path.startswith(f"/{code}/")), settings.LANGUAGE_CODE)
    address = f"{scheme}://{host}{path}?{query}".encode()
    return f"page:{language}:{hashlib.sha256(address).hexdigest()[:32]}"


def accepted_encoding(meta) -> str:
    return compression.preferred_encoding(meta.get("HTTP_ACCEPT_ENCODING", ""), ENCODINGS)


def lookup(cache, meta, key: str) -> tuple[str | None, Entry | None]:
    """The current generation, and the page stored in it for this request's key and its browser's encodings.
    ``(None, None)`` when the cache fails (Redis away): that costs speed, never the page."""
    try:
        current = generations.current(cache, GENERATION_KEY)
        entry = cache.get(f"{current}:{key}:{accepted_encoding(meta)}")
    except Exception:
        logger.exception("The page cache failed to answer; serving without it")
        return None, None
    return current, entry if isinstance(entry, tuple) else None


def body_for(meta, body: bytes) -> bytes:
    """A HEAD request gets the headers of the page (its Content-Length too) and no body."""
    return b"" if meta.get("REQUEST_METHOD") == "HEAD" else body


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


def entries_from(response) -> dict[str, Entry]:
    """What a hit sends to each kind of browser (by Accept-Encoding): headers and body as they are sent."""
    body = response.content
    if response.get("Content-Encoding") == "gzip":  # gzipped on the way out for this visitor
        body = gzip.decompress(body)
    patch_vary_headers(response, ("Accept-Encoding",))
    headers = tuple(
        (name, value) for name, value in response.items() if name not in ("Content-Length", "Content-Encoding")
    )
    variants = compression.encoded_variants(body)
    entries = {}
    for accepted in ("identity", *ENCODINGS):
        encoding = accepted if accepted in variants else "identity"
        sent = (*headers, ("Content-Length", str(len(variants[encoding]))))
        if encoding != "identity":
            sent += (("Content-Encoding", encoding),)
        entries[accepted] = (sent, variants[encoding])
    return entries


def response_from(entry: Entry, meta) -> HttpResponse:
    """An entry as a Django response, for the middleware (where the WSGI layer is not in front)."""
    headers, body = entry
    return HttpResponse(body_for(meta, body), headers=dict(headers))


def within_query_budget(cache, current: str) -> bool:
    """At most PAGE_CACHE_QUERY_VARIANTS pages with a query string are stored per generation and lifetime."""
    counter = f"page-cache:{current}:query-variants"
    cache.add(counter, 0, timeout=settings.PAGE_CACHE_SECONDS)
    try:
        return cache.incr(counter) <= settings.PAGE_CACHE_QUERY_VARIANTS
    except ValueError:  # the counter expired in between
        return False


class PageCacheApplication:
    """The lean path, in front of Django's WSGI handler (portal/wsgi.py): a hit is answered from the environ;
    everything else goes to Django, where ``PageCacheMiddleware`` stores what may be stored."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        key = cache_key(environ)
        if key is not None:
            current, entry = lookup(page_cache(), environ, key)
            if entry is not None:
                headers, body = entry
                start_response("200 OK", list(headers))
                return [body_for(environ, body)]
            if current is not None:
                environ[MISSED_IN] = current
        return self.application(environ, start_response)


class PageCacheMiddleware:
    """Stores what the cache may serve; answers hits where ``PageCacheApplication`` is not in front."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        meta = request.META
        key = cache_key(meta)
        if key is None:
            response = self.get_response(request)
            self.refresh_after_staff_write(request, response)
            return response
        cache = page_cache()
        # The generation before the page is made: a page made from rows that change meanwhile is stored under
        # the generation that the change renews, where nobody reads it.
        current = meta.get(MISSED_IN)
        if current is None:
            current, entry = lookup(cache, meta, key)
            if entry is not None:
                return response_from(entry, meta)
        response = self.get_response(request)
        if current is None or refusal(request, response) is not None:
            return response
        try:
            if request.GET and not within_query_budget(cache, current):
                return response
            entries = entries_from(response)
            cache.set_many(
                {f"{current}:{key}:{name}": entry for name, entry in entries.items()},
                timeout=settings.PAGE_CACHE_SECONDS,
            )
        except Exception:
            logger.exception("The page cache failed to store a page; serving it without")
            return response
        return response_from(entries[accepted_encoding(meta)], meta)

    @staticmethod
    def refresh_after_staff_write(request, response):
        """Admin actions write with ``update()`` (no signals): a successful staff write to public content (in
        the field app, or in the admin of a content model) renews the generation. Triaging reports, answering
        visit requests or logging in does not empty the cache in the middle of a spike."""
        if request.method in SAFE_METHODS or response.status_code >= 400:
            return
        if request.path_info.startswith((FIELD_APP_PREFIX, *CONTENT_ADMIN_PATHS)):
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated and user.is_staff:
                refresh()
