"""The office's published yearly figures, each with its source and the date it refers to."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


def in_language(obj, field: str) -> str:
    """``obj.<field>_en`` on English pages when it is filled in, else the Indonesian ``obj.<field>``."""
    if (get_language() or "").startswith("en"):
        return getattr(obj, f"{field}_en") or getattr(obj, field)
    return getattr(obj, field)


class Series(models.Model):
    """What is counted: passports issued, refusals, deportations, or another series the office adds."""

    slug = models.SlugField(
        _("code"),
        max_length=60,
        unique=True,
        help_text=_("Names the series in the open data, e.g. “passports-issued”."),
    )
    name = models.CharField(_("name (Indonesian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    breakdown_title = models.CharField(
        _("breakdown by (Indonesian)"),
        max_length=80,
        blank=True,
        help_text=_("What the parts of a figure are, e.g. “Negara tujuan”. Leave empty when there are no parts."),
    )
    breakdown_title_en = models.CharField(_("breakdown by (English)"), max_length=80, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("statistical series")
        verbose_name_plural = _("statistical series")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    @property
    def label(self) -> str:
        return in_language(self, "name")

    @property
    def breakdown_label(self) -> str:
        return in_language(self, "breakdown_title")


class FigureQuerySet(models.QuerySet):
    def published(self):
        """The one rule of what the public sees: published figures (which always have a source)."""
        return self.filter(status=Status.PUBLISHED)

    def in_order(self):
        return self.select_related("series").order_by("series__order", "series__name", "year", "breakdown")


class Figure(models.Model):
    """One yearly figure of a series (or one part of it, e.g. deportations to one country), with its source."""

    series = models.ForeignKey(Series, verbose_name=_("series"), on_delete=models.PROTECT, related_name="figures")
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    breakdown = models.CharField(
        _("part (Indonesian)"),
        max_length=120,
        blank=True,
        help_text=_("Empty for the whole year's figure; e.g. “Singapura” for the deportations to one country."),
    )
    breakdown_en = models.CharField(_("part (English)"), max_length=120, blank=True)
    value = models.PositiveIntegerField(_("value"))
    as_of = models.DateField(
        _("as of"),
        help_text=_("The date the figure refers to: 31 December for a whole year, else the last day counted."),
    )
    note = models.CharField(_("note (Indonesian)"), max_length=300, blank=True)
    note_en = models.CharField(_("note (English)"), max_length=300, blank=True)
    source = models.CharField(
        _("source (Indonesian)"),
        max_length=500,
        blank=True,
        help_text=_("Who published the figure, where and when, e.g. a press release or a report. Required to publish."),
    )
    source_en = models.CharField(_("source (English)"), max_length=500, blank=True)
    source_url = models.URLField(_("source link"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    example_data = models.BooleanField(
        _("example data"), default=False, editable=False, help_text=_("Demo figures of a development install.")
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = FigureQuerySet.as_manager()

    class Meta:
        verbose_name = _("published figure")
        verbose_name_plural = _("published figures")
        ordering = ["series__order", "year", "breakdown"]
        permissions = [("publish_figure", _("Can publish and unpublish statistical figures"))]
        constraints = [
            models.UniqueConstraint(fields=["series", "year", "breakdown"], name="figure_one_per_series_year_part"),
            models.CheckConstraint(
                condition=Q(status=Status.DRAFT) | ~Q(source="", source_url=""),
                name="figure_published_has_source",
                violation_error_message=_("A figure without a source cannot be published."),
            ),
        ]

    def __str__(self):
        part = f" ({self.breakdown})" if self.breakdown else ""
        return f"{self.series} {self.year}{part}: {self.value}"

    def save(self, *args, **kwargs):
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.status == Status.PUBLISHED and not (self.source.strip() or self.source_url.strip()):
            errors["source"] = _("A figure without a source cannot be published: give a citation or a link.")
        if self.as_of and self.year and self.as_of.year != self.year:
            errors["as_of"] = _("The date must lie in the figure's year.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def part_label(self) -> str:
        return in_language(self, "breakdown")

    @property
    def note_label(self) -> str:
        return in_language(self, "note")

    @property
    def source_label(self) -> str:
        return in_language(self, "source")


class YearlyReport(Figure):
    """No data of its own: gives the supervisors' yearly report its entry on the admin index."""

    class Meta:
        proxy = True
        verbose_name = _("yearly report")
        verbose_name_plural = _("yearly report")
        default_permissions = ()
        permissions = [("view_yearly_report", _("Can see the yearly report"))]
