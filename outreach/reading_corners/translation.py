"""The translated fields (django-modeltranslation): officers write in Indonesian, English is optional.

The public texts keep the original fields' rules (optional); where English is missing the Indonesian is shown.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import ReadingCorner


@register(ReadingCorner)
class ReadingCornerTranslation(TranslationOptions):
    fields = ("opening_hours", "materials")
