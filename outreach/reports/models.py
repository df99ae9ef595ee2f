"""Public reports: what a member of the public tells the office, and everything done with it.

Reports are never public. Their workflow is enforced here (``Report.transition``), every step is
recorded (``ReportEvent``), every look at a reporter's identity is audited (``IdentityAccess``) and
every email goes through the outbox (``outreach.outbox``), retried until sent.
"""

import datetime
import secrets
import uuid

from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import models
from django.utils import timezone
from django.utils.crypto import constant_time_compare, get_random_string, salted_hmac
from django.utils.translation import gettext_lazy as _

from outreach import references
from outreach.places import Kecamatan
from outreach.workflow import locked

# Unambiguous characters for codes read aloud or typed on a phone: no 0/O, 1/I/L.
CODE_ALPHABET = references.ALPHABET
REFERENCE_PREFIX = "LPR"
# A report's PIN is stored as "pin-hmac$<salt>$<HMAC-SHA256 keyed with settings.REPORT_PIN_KEY>".
PIN_HASH_PREFIX = "pin-hmac"
FIRST_RESPONSE_WORKING_DAYS = 3


def private_storage():
    return storages["private"]


class Category(models.TextChoices):
    TRAFFICKING = "tppo", _("Suspected human trafficking (TPPO)")
    RECRUITMENT = "recruitment", _("Non-procedural recruitment of migrant workers (calo, fake agencies)")
    OVERSTAY = "overstay", _("Foreigner overstaying their permit")
    PERMIT_VIOLATION = "permit", _("Foreigner working or acting outside their permit")
    UNREST = "unrest", _("Foreigner causing public unrest")
    SERVICE = "service", _("Complaint about an immigration service")
    OTHER = "other", _("Other")


CATEGORY_GUIDANCE = {
    Category.TRAFFICKING: _(
        "Who is being recruited or moved, by whom, to where; promises made (job, salary); documents held back; "
        "departure dates; places where people are gathered."
    ),
    Category.RECRUITMENT: _(
        "The name of the recruiter (calo) or agency, what they offered, money asked for, where and when they "
        "recruit, and the destination country."
    ),
    Category.OVERSTAY: _(
        "Where the foreigner lives or stays, their nationality if known, how long they have been here, and a "
        "description."
    ),
    Category.PERMIT_VIOLATION: _(
        "What the foreigner does (work, business, preaching, tourism…), where and since when, and who employs "
        "or hosts them."
    ),
    Category.UNREST: _("What happened, where and when, who was involved, and whether anyone is still in danger."),
    Category.SERVICE: _(
        "Which service, the date of your visit, what went wrong, and the name of the officer if known."
    ),
    Category.OTHER: _("Describe what happened, where and when, and who is involved."),
}

URGENT_CATEGORIES = frozenset({Category.TRAFFICKING})


class Priority(models.TextChoices):
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    URGENT = "urgent", _("Urgent")


class Status(models.TextChoices):
    NEW = "new", _("New")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")
    IN_PROGRESS = "in_progress", _("Action under way")
    FORWARDED = "forwarded", _("Forwarded to a partner agency")
    CLOSED = "closed", _("Closed")


# The workflow: which status may follow which. Rejected and closed are final.
TRANSITIONS = {
    Status.NEW: (Status.VERIFIED, Status.REJECTED),
    Status.VERIFIED: (Status.IN_PROGRESS, Status.FORWARDED),
    Status.IN_PROGRESS: (Status.FORWARDED, Status.CLOSED),
    Status.FORWARDED: (Status.CLOSED,),
    Status.REJECTED: (),
    Status.CLOSED: (),
}
FINAL_STATUSES = frozenset({Status.REJECTED, Status.CLOSED})


class Identity(models.TextChoices):
    ANONYMOUS = "anonymous", _("Anonymous")
    WITH_CONTACT = "contact", _("With contact details")


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """``days`` working days (Monday to Friday) after ``start``. Public holidays are not counted out."""
    current = start
    while days > 0:
        current += datetime.timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def new_reference() -> str:
    """A reference such as ``LPR-7K4M-Q2XH``."""
    return references.new_reference(REFERENCE_PREFIX)


def new_pin() -> str:
    """A six-digit secret PIN, shown once to the reporter and stored hashed."""
    return f"{secrets.randbelow(1_000_000):06d}"


def _pin_digest(salt: str, pin: str) -> str:
    return salted_hmac(
        "outreach.reports.pin", f"{salt}${pin}", secret=settings.REPORT_PIN_KEY, algorithm="sha256"
    ).hexdigest()


def normalise_reference(value: str) -> str:
    """Accept what people type: lower case, spaces, missing dashes, O for 0 and so on."""
    return references.normalise_reference(value, REFERENCE_PREFIX)


class ReferenceSuffixes(models.Func):
    """Every suffix of a reference without its dashes, as the lexemes of a ``tsvector``: ``LPR7K4MQ2XH``,
    ``PR7K4MQ2XH`` … ``H``. A fragment is part of the reference when it begins one of them, which the GIN index
    ``report_reference_fragments`` answers with a prefix query (the embedded PostgreSQL has no pg_trgm for a
    ``LIKE '%…%'``). ``array_to_tsvector`` keeps each suffix as it is: no parser splits ``2E5`` off as a number.
    """

    suffixes = ", ".join(f"substr(replace(%(expressions)s, '-', ''), {start})" for start in range(1, 12))  # 11 chars
    template = f"array_to_tsvector(ARRAY[{suffixes}])"
    output_field = SearchVectorField()


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status__in=FINAL_STATUSES)

    def overdue(self, today: datetime.date | None = None):
        """New reports that have not had their first response by the promised date."""
        today = today or timezone.localdate()
        return self.filter(status=Status.NEW, first_response_due__lt=today)

    def not_overdue(self, today: datetime.date | None = None):
        """Every report ``overdue()`` leaves out: a condition on the row, not a list of the overdue ones' ids."""
        today = today or timezone.localdate()
        return self.exclude(status=Status.NEW, first_response_due__lt=today)

    def closed_before(self, moment: datetime.datetime):
        return self.filter(status__in=FINAL_STATUSES, closed_at__lt=moment)

    def with_reference_containing(self, fragment: str):
        """Reports whose reference, without dashes, contains ``fragment`` (letters and digits, any case)."""
        fragment = "".join(ch for ch in fragment.upper() if ch.isalnum())
        if not fragment:
            return self
        prefix = models.Func(models.Value(f"{fragment}:*"), template="%(expressions)s::tsquery")
        matches = models.Func(ReferenceSuffixes("reference"), prefix, arg_joiner=" @@ ", template="(%(expressions)s)")
        return self.filter(models.ExpressionWrapper(matches, output_field=models.BooleanField()))


class Report(models.Model):
    reference = models.CharField(_("reference"), max_length=13, unique=True, editable=False)
    pin_hash = models.CharField(max_length=128, editable=False)
    submission_token = models.UUIDField(unique=True, editable=False, default=uuid.uuid4)

    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    description = models.TextField(_("what happened"))
    kecamatan = models.CharField(_("kecamatan"), max_length=40, choices=Kecamatan.choices, blank=True)
    village = models.CharField(_("village / kelurahan"), max_length=120, blank=True)
    location_details = models.CharField(_("address details"), max_length=300, blank=True)
    occurred_on = models.DateField(_("date it happened"), null=True, blank=True)
    occurred_approximately = models.CharField(_("when (approximately)"), max_length=120, blank=True)
    involved_name = models.CharField(_("name of the person involved"), max_length=160, blank=True)
    involved_nationality = models.CharField(_("nationality"), max_length=80, blank=True)
    involved_description = models.TextField(_("description of the people involved"), blank=True)

    identity = models.CharField(_("identity"), max_length=10, choices=Identity.choices, default=Identity.ANONYMOUS)
    reporter_name = models.CharField(_("reporter's name"), max_length=160, blank=True)
    reporter_phone = models.CharField(_("reporter's phone / WhatsApp"), max_length=40, blank=True)
    reporter_email = models.EmailField(_("reporter's email"), blank=True)
    consent_given_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="id")

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    priority = models.CharField(_("priority"), max_length=10, choices=Priority.choices, default=Priority.NORMAL)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_reports",
    )
    first_response_due = models.DateField(_("first response due"))
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    # Retention: when the reporter's identity and the photos were removed.
    identity_erased_at = models.DateTimeField(_("identity erased"), null=True, blank=True, editable=False)
    photos_purged_at = models.DateTimeField(_("photos removed"), null=True, blank=True, editable=False)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "first_response_due"], name="report_status_due"),  # overdue()
            # The back office's list, newest first, filtered on one of these (ReportAdmin.list_filter).
            models.Index(fields=["status", "-created_at", "-id"], name="report_status_list"),
            models.Index(fields=["priority", "-created_at", "-id"], name="report_priority_list"),
            models.Index(fields=["category", "-created_at", "-id"], name="report_category_list"),
            models.Index(fields=["assigned_to", "-created_at", "-id"], name="report_assignee_list"),
            GinIndex(ReferenceSuffixes("reference"), name="report_reference_fragments"),  # its search box
        ]
        permissions = [
            ("view_reporter_identity", _("Can see who made a report")),
            ("manage_reporter_data", _("Can export or erase a reporter's data")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(identity="contact")
                | models.Q(reporter_name="", reporter_phone="", reporter_email=""),
                name="report_anonymous_has_no_contact",
            ),
            models.CheckConstraint(
                condition=models.Q(identity="anonymous") | models.Q(consent_given_at__isnull=False),
                name="report_contact_needs_consent",
            ),
        ]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = self._unused_reference()
        if not self.first_response_due:
            start = timezone.localdate(self.created_at) if self.created_at else timezone.localdate()
            self.first_response_due = add_working_days(start, FIRST_RESPONSE_WORKING_DAYS)
        super().save(*args, **kwargs)

    @classmethod
    def _unused_reference(cls) -> str:
        while True:
            reference = new_reference()
            if not cls.objects.filter(reference=reference).exists():
                return reference

    # --- PIN ------------------------------------------------------------------------------------

    def set_pin(self, pin: str):
        salt = get_random_string(16)
        self.pin_hash = f"{PIN_HASH_PREFIX}${salt}${_pin_digest(salt, pin)}"

    def check_pin(self, pin: str) -> bool:
        """Whether ``pin`` is this report's PIN; a right PIN under an old (PBKDF2) hash is re-hashed and saved."""
        prefix, _sep, rest = self.pin_hash.partition("$")
        if prefix == PIN_HASH_PREFIX:
            salt, _sep, digest = rest.partition("$")
            return constant_time_compare(digest, _pin_digest(salt, pin))
        if not self.pin_hash or not check_password(pin, self.pin_hash):
            return False
        self.set_pin(pin)
        if self.pk:
            Report.objects.filter(pk=self.pk).update(pin_hash=self.pin_hash)
        return True

    # --- workflow -------------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.status not in FINAL_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.status == Status.NEW and self.first_response_due < timezone.localdate()

    @property
    def has_contact(self) -> bool:
        return self.identity == Identity.WITH_CONTACT and not self.identity_erased_at

    def allowed_transitions(self) -> tuple[str, ...]:
        return TRANSITIONS[Status(self.status)]

    def check_transition(self, to: str, *, internal_note: str = "", partner=None):
        """Raise ValidationError when the report may not become ``to`` (with this note and partner) now."""
        if to not in self.allowed_transitions():
            raise ValidationError(
                _("A report that is “%(current)s” cannot become “%(target)s”."),
                code="invalid_transition",
                params={"current": self.get_status_display(), "target": Status(to).label},
            )
        if to == Status.REJECTED and not internal_note.strip():
            raise ValidationError(_("Give the reason for rejecting the report."), code="reason_required")
        if to == Status.FORWARDED and not partner:
            raise ValidationError(_("Choose the agency the report is forwarded to."), code="partner_required")

    def transition(self, to: str, *, by, internal_note: str = "", public_message: str = "", partner=None):
        """Move the report to status ``to``, recording who did it and why. Raises ValidationError.

        ``partner``: the ``office.PartnerAgency`` a forwarded report goes to (required to forward).

        Checked against the status as stored, with the row locked (``outreach.workflow.locked``).
        """
        with locked(self, "status"):
            self.check_transition(to, internal_note=internal_note, partner=partner)
            previous = self.status
            self.status = to
            if to in FINAL_STATUSES:
                self.closed_at = timezone.now()
            self.save(update_fields=["status", "closed_at", "updated_at"])
            return self.events.create(
                kind=ReportEvent.Kind.TRANSITION,
                actor=by,
                from_status=previous,
                to_status=to,
                partner=partner,
                internal_note=internal_note,
                public_message=public_message,
            )


class ReportPhoto(models.Model):
    """A photo attached to a report: re-encoded without metadata, stored where no URL reaches it."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(storage=private_storage, upload_to="reports/%Y/%m/")
    from_follow_up = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("report photo")
        verbose_name_plural = _("report photos")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.image.name


class ReportEventQuerySet(models.QuerySet):
    def visible_to_reporter(self):
        """What of a report's history its reporter may see, on the status page and in an export of their data
        alike: received, status changes, their own additions, and any other entry only for its message to
        them. (Of these entries the reporter may see the kind, the status, the message to them and their own
        text: never internal notes, officers, assignments or partners' details.)"""
        shown = [ReportEvent.Kind.SUBMITTED, ReportEvent.Kind.TRANSITION, ReportEvent.Kind.REPORTER_ADDED_INFO]
        return self.filter(models.Q(kind__in=shown) | ~models.Q(public_message=""))


class ReportEvent(models.Model):
    """One step in a report's history: submitted, a status change, an assignment, more information."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Report received")
        TRANSITION = "transition", _("Status changed")
        ASSIGNED = "assigned", _("Assigned")
        REPORTER_ADDED_INFO = "reporter_info", _("The reporter added information")
        NOTE = "note", _("Note")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, blank=True
    )
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices, blank=True)
    partner = models.ForeignKey(
        "office.PartnerAgency",
        verbose_name=_("forwarded to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    internal_note = models.TextField(_("internal note"), blank=True)
    public_message = models.TextField(
        _("message to the reporter"), blank=True, help_text=_("Shown to the reporter on the status page.")
    )
    reporter_text = models.TextField(_("information from the reporter"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    objects = ReportEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("report history entry")
        verbose_name_plural = _("report history")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.report} {self.get_kind_display()}"


class IdentityAccess(models.Model):
    """Audit trail: every time a staff user saw, exported or erased a reporter's identity."""

    class Action(models.TextChoices):
        VIEW = "view", _("Viewed")
        EXPORT = "export", _("Exported")
        ERASE = "erase", _("Erased")

    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="identity_accesses"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("staff user"), on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices, default=Action.VIEW)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("identity access")
        verbose_name_plural = _("identity accesses")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.user} {self.get_action_display()} {self.report}"


class PinToShow(models.Model):
    """A new report's PIN waiting to be shown once on the confirmation page, then deleted.

    Kept out of the session (which outlives the visit) and found by a hash of the report's one-time
    submission token, which both requests of a double-click carry: whichever response the browser shows,
    it can show the PIN. Rows older than PIN_SHOW_WINDOW are deleted by ``purge_reporter_data``.
    """

    token_hash = models.CharField(max_length=64, unique=True)
    pin = models.CharField(max_length=12)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("PIN to show")
        verbose_name_plural = _("PINs to show")

    def __str__(self):
        return f"{self.token_hash[:12]}…"


# --- tallies of the reports received, kept by PostgreSQL (see tallies.py) --------------------------------


class ReportCount(models.Model):
    """Reports of one local year of receipt, category and status: a tally row, or a change to one."""

    year = models.SmallIntegerField()
    category = models.CharField(max_length=20)
    status = models.CharField(max_length=20)
    reports = models.IntegerField()

    class Meta:
        abstract = True


class TallyChange(ReportCount):
    """What one statement changed in the reports (−1 for a row gone, +1 for a row come), written by the triggers
    of migration ``report_tallies`` and folded into ``Tally`` by ``tallies.fold``."""

    class Meta:
        default_permissions = ()

    def __str__(self):
        return f"{self.year} {self.category} {self.status}: {self.reports:+d}"


class Tally(ReportCount):
    """Reports received per local year of receipt, category and current status."""

    class Meta:
        default_permissions = ()
        constraints = [models.UniqueConstraint(fields=["year", "category", "status"], name="report_tally_key")]

    def __str__(self):
        return f"{self.year} {self.category} {self.status}: {self.reports}"
