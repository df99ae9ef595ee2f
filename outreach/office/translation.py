"""The translated fields (django-modeltranslation): the office writes its texts in Indonesian, English is optional.

The texts keep the original fields' rules; where English is missing the Indonesian is shown (marked lang="id").
"""

from modeltranslation.translator import TranslationOptions, register

from .models import OfficeProfile


@register(OfficeProfile)
class OfficeProfileTranslation(TranslationOptions):
    fields = ("about", "opening_hours")
    required_languages = {"id": ("opening_hours",)}
