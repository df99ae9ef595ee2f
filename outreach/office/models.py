from django.db import models
from django.utils.translation import gettext_lazy as _

from outreach.places import latitude_field, longitude_field, map_link


class OfficeProfile(models.Model):
    """The office's identity shown on every page: one record, edited by administrators."""

    name = models.CharField(_("office name"), max_length=200)
    short_name = models.CharField(
        _("short name"), max_length=80, help_text=_("Shown next to the logo, e.g. “Imigrasi Blitar”.")
    )
    parent_agency = models.CharField(
        _("parent agency"), max_length=200, blank=True, help_text=_("Shown above the office name in the header.")
    )
    address = models.TextField(_("address"))
    phone = models.CharField(_("phone"), max_length=40)
    whatsapp = models.CharField(_("WhatsApp hotline"), max_length=40)
    email = models.EmailField(_("email"))
    opening_hours = models.TextField(_("opening hours"), help_text=_("One line per day or group of days."))
    latitude = latitude_field()
    longitude = longitude_field()
    about = models.TextField(_("about the office"), blank=True, help_text=_("A short introduction for the home page."))
    logo = models.ImageField(
        _("logo"),
        upload_to="office/",
        blank=True,
        help_text=_(
            "Shown in the header, square, JPEG, PNG or WebP. Use the office's own mark, never the state emblem "
            "(Garuda Pancasila). Without a logo the header shows a neutral mark."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("office profile")
        verbose_name_plural = _("office profile")

    def __str__(self):
        return self.name

    @property
    def whatsapp_link(self) -> str:
        """A wa.me link built from the hotline number (Indonesian numbers written 08… become 628…)."""
        digits = "".join(ch for ch in self.whatsapp if ch.isdigit())
        if digits.startswith("0"):
            digits = "62" + digits[1:]
        return f"https://wa.me/{digits}" if digits else ""

    @property
    def phone_link(self) -> str:
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")

    @property
    def map_link(self) -> str:
        return map_link(self.latitude, self.longitude)

    @classmethod
    def current(cls) -> "OfficeProfile | None":
        """The office profile, or None before an administrator has created it."""
        return cls.objects.order_by("pk").first()


class PartnerAgency(models.Model):
    """An agency the office works with: partners of outreach activities, and where reports are forwarded.

    One list for both (Disnaker, BP3MI, Polres…); administrators extend it.
    """

    name = models.CharField(_("name"), max_length=120, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("partner agency")
        verbose_name_plural = _("partner agencies")
        ordering = ["name"]

    def __str__(self):
        return self.short_name or self.name
