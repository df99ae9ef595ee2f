from django.db import models
from django.utils.translation import gettext_lazy as _

from outreach.places import Place


class InstitutionLevel(models.TextChoices):
    SMP = "smp", _("Junior high school (SMP/MTs)")
    SMA = "sma", _("Senior high school (SMA/SMK/MA)")
    PESANTREN = "pesantren", _("Pesantren")
    UNIVERSITY = "university", _("University or college")


class Institution(Place):
    """A school or campus the office visits (Imigrasi Goes to School and Campus)."""

    level = models.CharField(_("level"), max_length=20, choices=InstitutionLevel.choices)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)

    class Meta(Place.Meta):
        verbose_name = _("school or campus")
        verbose_name_plural = _("schools and campuses")

    @property
    def is_campus(self) -> bool:
        return self.level == InstitutionLevel.UNIVERSITY
