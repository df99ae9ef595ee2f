"""Mark text that officers type in Indonesian when the page is in another language (WCAG 3.1.2).

Usage: ``{% load content_language %}<p{% content_lang %}>{{ activity.summary }}</p>`` adds ``lang="id"``
on English pages and nothing on Indonesian ones.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()

CONTENT_LANGUAGE = "id"  # the language officers write activity, village and reading-corner texts in


@register.simple_tag
def content_lang():
    if (get_language() or CONTENT_LANGUAGE).split("-")[0] == CONTENT_LANGUAGE:
        return ""
    return format_html(' lang="{}"', CONTENT_LANGUAGE)
