from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from outreach.places import Kecamatan, Place
from outreach.references import normalise_reference, unused_reference
from outreach.topics import Topic
from outreach.workflow import locked


class InstitutionLevel(models.TextChoices):
    SMP = "smp", _("Junior high school (SMP/MTs)")
    SMA = "sma", _("Senior high school (SMA/SMK/MA)")
    PESANTREN = "pesantren", _("Pesantren")
    UNIVERSITY = "university", _("University or college")


class InstitutionQuerySet(models.QuerySet):
    def for_program_page(self):
        """Institutions in the order the public list shows them: by level (school before campus), then name."""
        level_order = models.Case(
            *(models.When(level=level, then=index) for index, level in enumerate(InstitutionLevel.values)),
            default=len(InstitutionLevel.values),
        )
        return self.order_by(level_order, "name")


class Institution(Place):
    """A school or campus the office visits (Imigrasi Goes to School and Campus)."""

    level = models.CharField(_("level"), max_length=20, choices=InstitutionLevel.choices)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)

    objects = InstitutionQuerySet.as_manager()

    class Meta(Place.Meta):
        verbose_name = _("school or campus")
        verbose_name_plural = _("schools and campuses")

    @property
    def is_campus(self) -> bool:
        return self.level == InstitutionLevel.UNIVERSITY


class VisitRequestStatus(models.TextChoices):
    NEW = "new", _("New")
    SCHEDULED = "scheduled", _("Scheduled")
    DONE = "done", _("Done")
    DECLINED = "declined", _("Declined")


# What a teacher who checks their request reads about each status.
STATUS_EXPLANATIONS = {
    VisitRequestStatus.NEW: _("We have received your request. A supervisor reads it within a few working days."),
    VisitRequestStatus.SCHEDULED: _(
        "Your request was accepted and the visit is being scheduled. We contact you to agree on the date and the "
        "topics."
    ),
    VisitRequestStatus.DONE: _("The visit took place. Thank you for welcoming us."),
    VisitRequestStatus.DECLINED: _(
        "We cannot make this visit. Contact the office if you would like to ask for another date."
    ),
}
REFERENCE_PREFIX = "KNJ"

# The workflow: new → scheduled or declined, scheduled → done or declined; done and declined are final.
VISIT_REQUEST_TRANSITIONS = {
    VisitRequestStatus.NEW: {VisitRequestStatus.SCHEDULED, VisitRequestStatus.DECLINED},
    VisitRequestStatus.SCHEDULED: {VisitRequestStatus.DONE, VisitRequestStatus.DECLINED},
    VisitRequestStatus.DONE: set(),
    VisitRequestStatus.DECLINED: set(),
}


class VisitRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=[VisitRequestStatus.NEW, VisitRequestStatus.SCHEDULED])

    def for_status_page(self, reference: str, email: str) -> "VisitRequest | None":
        """The request with this reference code and contact email (in any case), or None: the same None for a
        wrong code and a wrong email, so the status page never tells which one was wrong."""
        reference, email = normalise_reference(reference or "", REFERENCE_PREFIX), (email or "").strip()
        if not reference or not email:
            return None
        return self.filter(reference=reference, contact_email__iexact=email).first()


class VisitRequest(models.Model):
    """A school's or campus's request for a visit, sent through the public form and triaged by supervisors."""

    reference = models.CharField(
        pgettext_lazy("visit request", "reference"), max_length=13, unique=True, editable=False
    )
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("school or campus"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visit_requests",
        help_text=_("Link the request to a known institution when triaging it."),
    )
    institution_name = models.CharField(_("name of the school or campus"), max_length=200)
    institution_level = models.CharField(_("level"), max_length=20, choices=InstitutionLevel.choices)
    kecamatan = models.CharField(_("kecamatan"), max_length=40, choices=Kecamatan.choices)
    address = models.CharField(_("address"), max_length=300, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120)
    contact_role = models.CharField(_("position"), max_length=120, blank=True)
    contact_phone = models.CharField(_("phone or WhatsApp"), max_length=40, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)
    preferred_date = models.DateField(_("preferred date"))
    alternative_date = models.DateField(_("alternative date"), null=True, blank=True)
    audience = models.CharField(_("audience"), max_length=200, help_text=_("E.g. “grade 12 students and teachers”."))
    audience_size = models.PositiveIntegerField(_("expected number of participants"))
    topics = ArrayField(
        models.CharField(max_length=30, choices=Topic.choices), verbose_name=_("topics wanted"), default=list
    )
    message = models.TextField(_("anything else we should know"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=VisitRequestStatus.choices, default=VisitRequestStatus.NEW
    )
    internal_note = models.TextField(_("internal note"), blank=True)
    # The language the request was made in: its emails to the contact person are written in it.
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="id")
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = VisitRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("visit request")
        verbose_name_plural = _("visit requests")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(contact_phone="", contact_email=""),
                name="visit_request_has_a_contact",
                violation_error_message=_("Give a phone number or an email address."),
            ),
        ]

    def __str__(self):
        return f"{self.institution_name} ({self.preferred_date:%d-%m-%Y})"

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = unused_reference(VisitRequest, REFERENCE_PREFIX)
        super().save(*args, **kwargs)

    @property
    def status_explanation(self) -> str:
        return STATUS_EXPLANATIONS[self.status]

    def can_transition(self, to: str) -> bool:
        return to in VISIT_REQUEST_TRANSITIONS.get(self.status, set())

    def transition_error(self, to: str) -> str | None:
        """Why this request cannot move to ``to`` (None when it can)."""
        if self.can_transition(to):
            return None
        if self.status == to:
            return _("it is already %(status)s") % {"status": self.get_status_display()}
        if not VISIT_REQUEST_TRANSITIONS.get(self.status):
            return _("%(status)s is final") % {"status": self.get_status_display()}
        return _("a %(from)s request cannot become %(to)s") % {
            "from": self.get_status_display(),
            "to": VisitRequestStatus(to).label,
        }

    def transition(self, to: str):
        """Move the request along the workflow (updated_at stamped); ValidationError otherwise.

        Checked against the status as stored, with the row locked (``outreach.workflow.locked``).
        """
        with locked(self, "status"):
            error = self.transition_error(to)
            if error:
                raise ValidationError(error, code="transition_not_allowed")
            self.status = to
            self.save(update_fields=["status", "updated_at"])

    def link_institution(self) -> Institution:
        """The request's school or campus: the linked one, else one with the same name, else a new one
        made from the request's own details (most requests come from schools not yet listed)."""
        if self.institution is None:
            self.institution = Institution.objects.filter(name__iexact=self.institution_name.strip()).first()
            if self.institution is None:
                self.institution = Institution.objects.create(
                    name=self.institution_name.strip(),
                    level=self.institution_level,
                    kecamatan=self.kecamatan,
                    address=self.address,
                    contact_name=self.contact_name,
                    contact_phone=self.contact_phone,
                    contact_email=self.contact_email,
                )
            self.save(update_fields=["institution", "updated_at"])
        return self.institution

    @property
    def topic_labels(self) -> list[str]:
        return [Topic(topic).label for topic in self.topics if topic in Topic.values]
