"""Mark text that officers type in Indonesian when the page is in another language (WCAG 3.1.2).

Usage: ``{% load content_language %}<p{% content_lang %}>{{ activity.summary }}</p>`` adds ``lang="id"``
on English pages and nothing on Indonesian ones. For a field translated with django-modeltranslation,
``{% content_lang village "selection_reason" %}`` adds it only where the text shown is the Indonesian one because
no translation in the active language exists.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname

register = template.Library()

CONTENT_LANGUAGE = "id"  # the language officers write activity, village and reading-corner texts in


@register.simple_tag
def content_lang(obj=None, field=None):
    language = (get_language() or CONTENT_LANGUAGE).split("-")[0]
    if language == CONTENT_LANGUAGE:
        return ""
    if obj is not None and getattr(obj, build_localized_fieldname(field, language), None):
        return ""
    return format_html(' lang="{}"', CONTENT_LANGUAGE)
