"""The site frame's parts kept for every visitor: the header, the notices, the footer and the office profile.

Every page repeats them, and for a visitor of a page in one language they are the same for everyone: rendering
them is most of the work of a small page (a report's form, review and confirmation, the status lookup). So
``{% frame_part %}`` keeps a part's HTML in the default cache under the page cache's (``portal.page_cache``)
generation, renewed when public content changes (the office profile and the site notices among it) or staff
write, for ``PAGE_CACHE_SECONDS`` at most (0 turns it off), per language:

- the notices and the footer are the same on every page;
- the header (``per_page=True``) marks the current page in the navigation and links to the same page in the
  other languages, so it is kept per page, and only for a page whose address has no argument and no query
  string (a bounded set of pages, however many addresses visitors invent) and that shows no search query.

Nothing personal or secret goes into a part: none has a form that posts (no CSRF token), and the messages,
the demo note and the page's content are rendered outside them. ``office_profile`` is the office profile for
every page's title and frame, from the same cache.
"""

import logging

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from outreach import generations
from outreach.office.models import OfficeProfile
from portal.page_cache import GENERATION_KEY, page_cache

register = template.Library()
logger = logging.getLogger(__name__)
MISSING = object()


def _remembered(name: str, compute):
    """``compute()``, or what it gave before in this generation of the page cache (within PAGE_CACHE_SECONDS).
    Kept in the default cache, beside the empty forms' fields: the page cache's folder holds pages only."""
    if not settings.PAGE_CACHE_SECONDS:
        return compute()
    try:
        key = f"frame:{generations.current(page_cache(), GENERATION_KEY)}:{name}"
        value = cache.get(key, MISSING)
    except Exception:  # a cache that fails (Redis away) costs speed, never the page
        logger.exception("The cache failed to answer for the frame's %s; rendering it", name)
        return compute()
    if value is MISSING:
        value = compute()
        try:
            cache.set(key, value, settings.PAGE_CACHE_SECONDS)
        except Exception:
            logger.exception("The cache failed to keep the frame's %s", name)
    return value


def office_profile() -> OfficeProfile | None:
    return _remembered("office", OfficeProfile.current)


def part_name(request, context, template_name: str, *, per_page: bool) -> str | None:
    """The name a part is kept under, or None when this request renders its own."""
    if request is None:
        return None
    page = ""
    if per_page:
        match = request.resolver_match
        if match is None or match.args or match.kwargs or request.META.get("QUERY_STRING"):
            return None
        if context.get("search_query"):
            return None
        page = match.view_name
    return f"part:{get_language()}:{template_name}:{page}"


@register.simple_tag(takes_context=True)
def frame_part(context, template_name: str, per_page: bool = False):
    """``{% include template_name %}``, kept for every visitor as the module's note says."""
    part = context.template.engine.get_template(template_name)
    name = part_name(context.get("request"), context, template_name, per_page=per_page)
    if name is None:
        return part.render(context)
    return mark_safe(_remembered(name, lambda: str(part.render(context))))
