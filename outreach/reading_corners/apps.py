from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadingCornersConfig(AppConfig):
    name = "outreach.reading_corners"
    label = "reading_corners"
    verbose_name = _("Reading corners")
