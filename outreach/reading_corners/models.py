from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from outreach.places import Place


class HostKind(models.TextChoices):
    VILLAGE_HALL = "village_hall", _("Village hall")
    SCHOOL = "school", _("School or campus")
    LIBRARY = "library", _("Library")
    OFFICE = "office", _("Immigration office")
    OTHER = "other", _("Other")


class CornerStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    CLOSED = "closed", _("Closed")


class ReadingCornerQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=CornerStatus.ACTIVE)

    def for_public_list(self):
        return self.active().order_by("name")


class ReadingCorner(Place):
    """A pojok baca: a corner with immigration reading material hosted at an institution."""

    host_institution = models.CharField(_("host institution"), max_length=200)
    host_kind = models.CharField(_("kind of host"), max_length=20, choices=HostKind.choices)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    materials = models.TextField(_("materials available"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=CornerStatus.choices, default=CornerStatus.ACTIVE)
    since = models.DateField(_("open since"), null=True, blank=True)
    photo = models.ImageField(_("photo"), upload_to="reading-corners/", blank=True)

    objects = ReadingCornerQuerySet.as_manager()

    class Meta(Place.Meta):
        verbose_name = _("reading corner")
        verbose_name_plural = _("reading corners")

    def get_absolute_url(self):
        return reverse("reading_corners:detail", kwargs={"slug": self.slug})

    def map_marker(self) -> dict | None:
        """What the map script needs for this corner (None without a location)."""
        if not self.has_location:
            return None
        return {
            "name": self.name,
            "host": self.host_institution,
            "url": self.get_absolute_url(),
            "lat": float(self.latitude),
            "lng": float(self.longitude),
        }
