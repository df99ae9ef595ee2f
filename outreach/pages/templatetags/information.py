"""Tags for the information pages and the pages that show them (home, search).

``{% fallback_lang page "title" %}`` adds ``lang="id"`` where the text shown is the Indonesian one because no
translation in the active language exists (WCAG 3.1.2); ``{% featured_pages 6 as pages %}`` gives the most
needed pages for the home page.
"""

from django import template

from outreach.office.templatetags.content_language import content_lang

from ..models import Page

register = template.Library()


@register.simple_tag
def fallback_lang(obj, field):
    """The one rule of ``content_lang`` (outreach.office), under the name the information pages use."""
    return content_lang(obj, field)


@register.simple_tag
def featured_pages(limit=6):
    return list(Page.objects.featured()[:limit])
