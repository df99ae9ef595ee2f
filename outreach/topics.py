"""The outreach topics, shared by activities (what was covered) and visit requests (what is wanted)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    TPPO_PREVENTION = "tppo", _("Preventing human trafficking (TPPO)")
    PASSPORTS = "passports", _("Passports and M-Paspor")
    SAFE_MIGRATION = "safe_migration", _("Safe, procedural migration for work abroad")
    FOREIGNER_SUPERVISION = "foreigners", _("Supervision of foreigners and overstay")
    IMMIGRATION_SERVICES = "services", _("General immigration services")
