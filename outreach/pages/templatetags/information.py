"""Tags for the information pages and the pages that show them (home, search).

``{% fallback_lang page "title" %}`` adds ``lang="id"`` where the text shown is the Indonesian one because no
translation in the active language exists (WCAG 3.1.2); ``{% featured_pages 6 as pages %}`` gives the most
needed pages for the home page.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from ..models import Page, in_language

register = template.Library()

FALLBACK_LANGUAGE = "id"


@register.simple_tag
def fallback_lang(obj, field):
    if (get_language() or FALLBACK_LANGUAGE).split("-")[0] == FALLBACK_LANGUAGE or in_language(obj, field):
        return ""
    return format_html(' lang="{}"', FALLBACK_LANGUAGE)


@register.simple_tag
def featured_pages(limit=6):
    return list(Page.objects.featured()[:limit])
