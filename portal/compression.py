"""Compressed responses: gzip for pages rendered per request, gzip and brotli variants for the page cache.

BREACH (guessing a secret in a compressed page from its size) needs a secret and text the attacker chooses
in the same response. The rules:

- Pages rendered per request are gzipped by ``CompressionMiddleware`` (Django's ``GZipMiddleware``, which
  pads the gzip header with random bytes: "Heal the Breach"). Pages with forms may be compressed: Django
  masks the CSRF token anew in every response, so there is no stable secret to guess.
- Never compressed: pages that carry personal data (``UNCOMPRESSED_VIEWS``: a report's status and the
  reporter's own answers, a visit request's status, every admin page of reports with the reporter's identity,
  and the CSV exports). The list is explicit and tested.
- Cached public pages (``portal.page_cache``) carry no secret at all: they are compressed once when stored,
  with gzip and brotli (``encoded_variants``), and each visitor gets the variant their browser accepts.
- Static files are compressed ahead of time by whitenoise (``.gz`` and, with ``Brotli`` installed, ``.br``).
"""

import gzip

import brotli
from django.http import FileResponse
from django.middleware.gzip import GZipMiddleware

# URL names whose responses carry personal data; "admin:reports_" covers every admin page of reports
# (the reporter's identity, their data export) and the reports' CSV export.
UNCOMPRESSED_VIEWS = frozenset(
    {
        "reports:review",
        "reports:done",
        "reports:status",
        "reports:status_detail",
        "reports:status_end",
        "schools:request_sent",
        "schools:request_status",
        "admin:activities_activity_export",
    }
)
UNCOMPRESSED_VIEW_PREFIXES = ("admin:reports_",)
COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/javascript",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/manifest+json",
    "image/svg+xml",
)
MIN_SIZE = 200  # bytes: smaller bodies do not get shorter
# Cached pages are compressed once, when stored, but every miss pays for it: a publication renews every page at
# once. Brotli's top quality (11) took about 60–190 ms for a 16 KB page for 14 % less than quality 6 (about 2–4 ms).
GZIP_LEVEL = 9
BROTLI_QUALITY = 6


def carries_personal_data(request) -> bool:
    match = getattr(request, "resolver_match", None)
    name = match.view_name if match is not None else ""
    return name in UNCOMPRESSED_VIEWS or name.startswith(UNCOMPRESSED_VIEW_PREFIXES)


def compressible_type(content_type: str) -> bool:
    return content_type.startswith(COMPRESSIBLE_TYPES)


class CompressionMiddleware(GZipMiddleware):
    """Django's gzip (with its BREACH mitigation) for text responses, except those with personal data.

    Files (whitenoise's static files, downloads) are left alone: they are compressed ahead of time or are
    images. Cached pages never get here (the page cache answers before); a page on its way to be stored is
    unzipped again by the page cache, which stores its own variants.
    """

    def process_response(self, request, response):
        if isinstance(response, FileResponse) or response.has_header("Content-Encoding"):
            return response
        if not compressible_type(response.get("Content-Type", "")) or carries_personal_data(request):
            return response
        return super().process_response(request, response)


def encoded_variants(body: bytes) -> dict[str, bytes]:
    """The body as sent to each kind of browser: "identity", and "gzip" and "br" where they are shorter."""
    variants = {"identity": body}
    if len(body) >= MIN_SIZE:
        for name, encoded in (
            ("br", brotli.compress(body, quality=BROTLI_QUALITY)),
            ("gzip", gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)),
        ):
            if len(encoded) < len(body):
                variants[name] = encoded
    return variants


def preferred_encoding(accept_encoding: str, available) -> str:
    """The best of ``available`` the Accept-Encoding header allows: brotli, then gzip, else "identity"."""
    accepted = set()
    for item in accept_encoding.split(","):
        name, _sep, parameters = item.partition(";")
        quality = parameters.strip().removeprefix("q=").strip()
        if quality:
            try:
                if float(quality) <= 0:
                    continue
            except ValueError:
                continue
        accepted.add(name.strip().lower())
    for name in ("br", "gzip"):
        if name in available and name in accepted:
            return name
    return "identity"
