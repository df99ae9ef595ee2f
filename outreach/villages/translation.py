"""The translated fields (django-modeltranslation): officers write in Indonesian, English is optional.

The public text keeps the original field's rules (optional); where English is missing the Indonesian is shown.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Village


@register(Village)
class VillageTranslation(TranslationOptions):
    fields = ("selection_reason",)
