from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from outreach.places import Place
from outreach.staff import full_name


class ProgramStatus(models.TextChoices):
    NOT_ENROLLED = "", _("Not in the desa binaan program")
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    GRADUATED = "graduated", _("Graduated")


class VillageQuerySet(models.QuerySet):
    def desa_binaan(self):
        """Villages in the desa binaan program, whatever their stage."""
        return self.exclude(program_status=ProgramStatus.NOT_ENROLLED)

    def for_program_page(self):
        """The desa binaan as the public sees them: active first, then planned, then graduated."""
        stage = models.Case(
            models.When(program_status=ProgramStatus.ACTIVE, then=0),
            models.When(program_status=ProgramStatus.PLANNED, then=1),
            default=2,
        )
        return self.desa_binaan().select_related("pimpasa").order_by(stage, "name")


class Village(Place):
    """A desa or kelurahan, and its place in the desa binaan program when it has one."""

    program_status = models.CharField(
        _("desa binaan status"), max_length=20, choices=ProgramStatus.choices, blank=True, default=""
    )
    program_since = models.DateField(_("in the program since"), null=True, blank=True)
    selection_reason = models.TextField(
        _("why it was chosen"),
        blank=True,
        help_text=_("E.g. “ranks first in passport applications in the regency”."),
    )
    pimpasa = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("PIMPASA"),
        help_text=_("Petugas Imigrasi Pembina Desa: the officer responsible for the village."),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="fostered_villages",
    )
    contact_name = models.CharField(_("village contact person"), max_length=120, blank=True)
    contact_phone = models.CharField(_("village contact phone"), max_length=40, blank=True)

    objects = VillageQuerySet.as_manager()

    class Meta(Place.Meta):
        verbose_name = _("village")
        verbose_name_plural = _("villages")

    def get_absolute_url(self):
        return reverse("villages:detail", kwargs={"slug": self.slug})

    @property
    def is_desa_binaan(self) -> bool:
        return self.program_status != ProgramStatus.NOT_ENROLLED

    @property
    def pimpasa_name(self) -> str:
        return full_name(self.pimpasa)


class IndicatorStatus(models.TextChoices):
    DRAFT = "draft", _("Draft (proposed)")
    PUBLISHED = "published", _("Published")


class VillageIndicatorQuerySet(models.QuerySet):
    def published(self):
        """What the public sees: figures a supervisor published (which always have a source)."""
        return self.filter(status=IndicatorStatus.PUBLISHED)

    def publish(self) -> tuple[int, int]:
        """Publish the drafts that have a source: (how many published, how many stay drafts without one)."""
        drafts = self.filter(status=IndicatorStatus.DRAFT)
        unsourced = drafts.filter(source="").count()
        return drafts.exclude(source="").update(status=IndicatorStatus.PUBLISHED), unsourced


class VillageIndicator(models.Model):
    """Yearly figures of a village, to judge the program before and after it started.

    Officers propose them as drafts; a supervisor publishes them, and only with their source.
    """

    village = models.ForeignKey(Village, verbose_name=_("village"), on_delete=models.CASCADE, related_name="indicators")
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    passport_applicants = models.PositiveIntegerField(_("passport applicants"))
    refused_applicants = models.PositiveIntegerField(
        _("applicants refused as suspected non-procedural migrant workers")
    )
    notes = models.CharField(_("notes"), max_length=300, blank=True)
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_(
            "Where the figures come from, e.g. “SIMKIM data of the office, 31 December 2025”. Required to publish."
        ),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=IndicatorStatus.choices, default=IndicatorStatus.DRAFT
    )
    example_data = models.BooleanField(
        _("example data"), default=False, editable=False, help_text=_("Demo figures of a development install.")
    )

    objects = VillageIndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("village indicator")
        verbose_name_plural = _("village indicators")
        ordering = ["village", "year"]
        permissions = [("publish_villageindicator", _("Can publish village figures"))]
        constraints = [
            models.UniqueConstraint(fields=["village", "year"], name="village_indicator_one_per_year"),
            models.CheckConstraint(
                condition=models.Q(refused_applicants__lte=models.F("passport_applicants")),
                name="village_indicator_refused_within_applicants",
                violation_error_message=_("Refused applicants cannot outnumber passport applicants."),
            ),
            models.CheckConstraint(
                condition=models.Q(status=IndicatorStatus.DRAFT) | ~models.Q(source=""),
                name="village_indicator_published_has_source",
                violation_error_message=_("Figures without a source cannot be published."),
            ),
        ]

    def __str__(self):
        return f"{self.village} {self.year}"

    def clean(self):
        super().clean()
        if self.status == IndicatorStatus.PUBLISHED and not self.source.strip():
            raise ValidationError(
                {"source": _("Figures without a source cannot be published: say where they come from.")}
            )

    @property
    def is_published(self) -> bool:
        return self.status == IndicatorStatus.PUBLISHED

    @property
    def refused_percent(self) -> float | None:
        """Refused applicants as a share of all applicants, in percent (None without applicants)."""
        if not self.passport_applicants:
            return None
        return round(100 * self.refused_applicants / self.passport_applicants, 1)
