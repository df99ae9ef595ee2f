"""What every place of the outreach programs shares, and the areas the Blitar office serves.

``Kecamatan`` lists the kecamatan of Kabupaten and Kota Blitar: shared by the place models and by the
public report form (which stands alone and must not depend on the program apps). ``Place`` is the
abstract base of villages, schools and campuses, and reading corners.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from outreach.slugs import unique_slug

KABUPATEN_BLITAR = "Kabupaten Blitar"
KOTA_BLITAR = "Kota Blitar"


class Kecamatan(models.TextChoices):
    # Kabupaten Blitar
    BAKUNG = "bakung", "Bakung"
    BINANGUN = "binangun", "Binangun"
    DOKO = "doko", "Doko"
    GANDUSARI = "gandusari", "Gandusari"
    GARUM = "garum", "Garum"
    KADEMANGAN = "kademangan", "Kademangan"
    KANIGORO = "kanigoro", "Kanigoro"
    KESAMBEN = "kesamben", "Kesamben"
    NGLEGOK = "nglegok", "Nglegok"
    PANGGUNGREJO = "panggungrejo", "Panggungrejo"
    PONGGOK = "ponggok", "Ponggok"
    SANANKULON = "sanankulon", "Sanankulon"
    SELOPURO = "selopuro", "Selopuro"
    SELOREJO = "selorejo", "Selorejo"
    SRENGAT = "srengat", "Srengat"
    SUTOJAYAN = "sutojayan", "Sutojayan"
    TALUN = "talun", "Talun"
    UDANAWU = "udanawu", "Udanawu"
    WATES = "wates", "Wates"
    WLINGI = "wlingi", "Wlingi"
    WONODADI = "wonodadi", "Wonodadi"
    WONOTIRTO = "wonotirto", "Wonotirto"
    # Kota Blitar
    KEPANJENKIDUL = "kepanjenkidul", "Kepanjenkidul"
    SANANWETAN = "sananwetan", "Sananwetan"
    SUKOREJO = "sukorejo", "Sukorejo"


KOTA_BLITAR_KECAMATAN = frozenset({Kecamatan.KEPANJENKIDUL, Kecamatan.SANANWETAN, Kecamatan.SUKOREJO})


def kabupaten_of(kecamatan: str) -> str:
    return KOTA_BLITAR if kecamatan in KOTA_BLITAR_KECAMATAN else KABUPATEN_BLITAR


def latitude_field():
    return models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )


def longitude_field():
    return models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )


def map_link(latitude, longitude) -> str:
    """A position on OpenStreetMap, or "" when it is unknown."""
    if latitude is None or longitude is None:
        return ""
    return f"https://www.openstreetmap.org/?mlat={latitude}&mlon={longitude}#map=17/{latitude}/{longitude}"


class Place(models.Model):
    """Name, unique slug, kecamatan, address and map position: the shape of every outreach place."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True, help_text=_("The last part of the page address."))
    kecamatan = models.CharField(_("kecamatan"), max_length=40, choices=Kecamatan.choices)
    address = models.CharField(_("address"), max_length=300, blank=True)
    latitude = latitude_field()
    longitude = longitude_field()
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name, fallback="tempat")
        super().save(*args, **kwargs)

    @property
    def kabupaten(self) -> str:
        return kabupaten_of(self.kecamatan)

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def map_link(self) -> str:
        return map_link(self.latitude, self.longitude)
