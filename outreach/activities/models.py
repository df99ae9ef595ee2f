"""The one visit log of every outreach program: activities and their photos (partner agencies are the office's)."""

import datetime
import re
from uuid import uuid4

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage, storages
from django.db import models, transaction
from django.db.models import ExpressionWrapper, F, Q
from django.db.models.functions import Coalesce, Now
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from outreach.media import CleanImage, resized
from outreach.slugs import unique_slug
from outreach.topics import Topic
from outreach.years import years_with_rows

from . import publication


class ChoiceArrayField(ArrayField):
    """An ArrayField of choices, edited as a list of checkboxes rather than comma-separated text."""

    def formfield(self, **kwargs):
        from django import forms

        return forms.TypedMultipleChoiceField(
            choices=self.base_field.choices,
            coerce=self.base_field.to_python,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )


class Kind(models.TextChoices):
    DESA_BINAAN = "desa_binaan", _("Desa binaan session")
    IMIGRASI_MASUK_DESA = "imigrasi_masuk_desa", _("Imigrasi Masuk Desa visit")
    SCHOOL_VISIT = "school_visit", _("School visit")
    CAMPUS_VISIT = "campus_visit", _("Campus visit")
    READING_CORNER = "reading_corner", _("Reading-corner activity")
    OTHER = "other", _("Other socialisation")


class Program(models.TextChoices):
    """The public grouping of kinds, used by the filters of /kegiatan/ and of the back office."""

    DESA_BINAAN = "desa-binaan", _("Desa binaan")
    IMIGRASI_MASUK_DESA = "imigrasi-masuk-desa", _("Imigrasi Masuk Desa")
    SCHOOLS = "sekolah-kampus", _("Schools & campuses")
    READING_CORNERS = "pojok-baca", _("Reading corners")
    OTHER = "lainnya", _("Other")


PROGRAM_KINDS = {
    Program.DESA_BINAAN: [Kind.DESA_BINAAN],
    Program.IMIGRASI_MASUK_DESA: [Kind.IMIGRASI_MASUK_DESA],
    Program.SCHOOLS: [Kind.SCHOOL_VISIT, Kind.CAMPUS_VISIT],
    Program.READING_CORNERS: [Kind.READING_CORNER],
    Program.OTHER: [Kind.OTHER],
}

# The place field each kind requires (OTHER: at most one place, any).
PLACE_FIELDS = ("village", "institution", "reading_corner")
KIND_PLACE = {
    Kind.DESA_BINAAN: "village",
    Kind.IMIGRASI_MASUK_DESA: "village",
    Kind.SCHOOL_VISIT: "institution",
    Kind.CAMPUS_VISIT: "institution",
    Kind.READING_CORNER: "reading_corner",
}


def _only(field: str) -> Q:
    return Q(**{f"{name}__isnull": name != field for name in PLACE_FIELDS})


def _place_rule() -> Q:
    rule = Q()
    for field in PLACE_FIELDS:
        kinds = [kind for kind, place in KIND_PLACE.items() if place == field]
        rule |= Q(kind__in=kinds) & _only(field)
    at_most_one = Q(village__isnull=True, institution__isnull=True)
    at_most_one |= Q(village__isnull=True, reading_corner__isnull=True)
    at_most_one |= Q(institution__isnull=True, reading_corner__isnull=True)
    return rule | (Q(kind=Kind.OTHER) & at_most_one)


class AudienceType(models.TextChoices):
    STUDENTS = "students", _("Students")
    TEACHERS = "teachers", _("Teachers")
    VILLAGE_OFFICIALS = "village_officials", _("Village officials")
    PROSPECTIVE_MIGRANT_WORKERS = "prospective_migrant_workers", _("Prospective migrant workers")
    MIGRANT_FAMILIES = "migrant_families", _("Families of migrant workers")
    GENERAL_PUBLIC = "general_public", _("General public")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


# Attendance by sex × age group: (field, sex, age group).
ATTENDANCE_FIELDS = [
    ("male_under_18", "male", "under_18"),
    ("male_18_59", "male", "18_59"),
    ("male_60_plus", "male", "60_plus"),
    ("female_under_18", "female", "under_18"),
    ("female_18_59", "female", "18_59"),
    ("female_60_plus", "female", "60_plus"),
]
ATTENDANCE_FIELD_NAMES = [name for name, _sex, _age in ATTENDANCE_FIELDS]
AGE_GROUPS = [("under_18", _("Under 18")), ("18_59", _("18–59")), ("60_plus", _("60 and over"))]
SEXES = [("male", _("Male")), ("female", _("Female"))]


def _sum_of(names):
    expression = F(names[0])
    for name in names[1:]:
        expression = expression + F(name)
    return expression


def _place_field(model: str, verbose_name, help_text):
    """One of the PLACE_FIELDS: optional, kept from deletion while activities point at it."""
    return models.ForeignKey(
        model,
        verbose_name=verbose_name,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        help_text=help_text,
    )


def sees_every_activity(user) -> bool:
    """Supervisors and content editors open every activity, drafts included."""
    return user.has_perm("activities.publish_activity") or user.has_perm("activities.edit_activity_text")


# What site search matches in an activity (texts officers write in Indonesian). Stored in the generated column
# ``search_vector`` with a GIN index on it: a search reads the index for a rare word, and for a common one
# walks the list's order and tests each row's stored words cheaply (no to_tsvector of every row it meets).
SEARCH_VECTOR = SearchVector("title", "summary", config="indonesian")


def owned_by(user) -> Q:
    """An officer's own activities: created by them, or listed among the activity's officers (a visit a
    supervisor scheduled and the officer went on). A subquery, so no duplicate rows from the join."""
    assigned = Activity.officers.through.objects.filter(user=user.pk).values("activity_id")
    return Q(created_by__isnull=False, created_by=user.pk) | Q(pk__in=assigned)


class ActivityQuerySet(models.QuerySet):
    def published(self):
        """The one rule of what the public may see."""
        return self.filter(status=Status.PUBLISHED)

    def visible_to(self, user):
        """The one rule of what staff may open: every activity for supervisors and content editors;
        for officers the published ones and their own drafts (see ``owned_by``), never a draft of
        colleagues they were not on, nor its notes."""
        if sees_every_activity(user):
            return self
        return self.filter(Q(status=Status.PUBLISHED) | owned_by(user))

    def owned_by(self, user):
        return self.filter(owned_by(user))

    def upcoming(self, now=None):
        """Not over yet (ongoing or in the future), soonest first.

        Sorted on an expression, not on the column: PostgreSQL then reads the few unfinished activities through
        the ``activity_status_ends`` index and sorts them. Sorted on ``starts_at`` itself, it walks every activity
        in start order hoping soon to meet an unfinished one (it thinks hundreds are), which at 100,000 past
        activities reads them all to return 3.
        """
        by_start = ExpressionWrapper(F("starts_at") + datetime.timedelta(0), output_field=models.DateTimeField())
        return self.filter(ends_at__gt=now or timezone.now()).order_by(by_start, "pk")

    def started(self, now=None):
        """Under way or over: what /kegiatan/ and the feed report on (the future is the schedule's)."""
        return self.filter(starts_at__lte=now or timezone.now())

    def past(self, now=None):
        """Over, most recent first."""
        return self.filter(ends_at__lte=now or timezone.now()).order_by("-starts_at")

    def newest_first(self):
        """Newest start first, a stable order for paging (the ``activity_public_list`` index reads it)."""
        return self.order_by("-starts_at", "-pk")

    def years(self) -> list[int]:
        """The years in which these activities start, newest first, from the index (see outreach.years)."""
        return years_with_rows(self, "starts_at")

    def datetimes(self, field_name, kind, order="ASC", tzinfo=None):
        """As Django's, except the years of ``starts_at`` (the admin's date hierarchy asks for them on every
        list): those come from the index, not from grouping every activity."""
        if field_name != "starts_at" or kind != "year" or tzinfo is not None:
            return super().datetimes(field_name, kind, order, tzinfo)
        years = sorted(self.years(), reverse=order == "DESC")
        return [timezone.make_aware(datetime.datetime(year, 1, 1)) for year in years]

    def search(self, text: str):
        """The officers' search: activities whose title or summary has words starting with each word of ``text``
        (the stored ``search_vector`` and its ``activity_search`` index), or held at a place whose name contains
        ``text``.

        No ``LIKE '%…%'`` over the activities (a scan of every row; the embedded PostgreSQL has no pg_trgm):
        the places are few, so their ids are looked up first and read through the place columns' indexes.
        """
        words = re.findall(r"[^\W_]+", text.lower())
        if not words:
            return self
        prefixes = SearchQuery(" & ".join(f"{word}:*" for word in words), config="indonesian", search_type="raw")
        # The places first: PostgreSQL tests an OR's conditions in order, and a place id is cheaper than the words.
        matches = Q()
        for field in PLACE_FIELDS:
            places = Activity._meta.get_field(field).related_model.objects.filter(name__icontains=text.strip())
            if ids := list(places.values_list("pk", flat=True)):
                matches |= Q(**{f"{field}__in": ids})
        return self.alias(matched_text=F("search_vector")).filter(matches | Q(matched_text=prefixes))

    def for_program(self, program):
        return self.filter(kind__in=PROGRAM_KINDS[Program(program)])

    def for_place(self, place):
        for field in PLACE_FIELDS:
            if isinstance(place, Activity._meta.get_field(field).related_model):
                return self.filter(**{field: place})
        raise TypeError(f"Activities are not held at a {type(place).__name__}.")

    def with_places(self):
        return self.select_related("village", "institution", "reading_corner")

    def with_public_photos(self):
        """Prefetch the consented photos into ``activity.public_photos`` (use on published activities)."""
        return self.prefetch_related(
            models.Prefetch(
                "photos", queryset=ActivityPhoto.objects.consented().exclude(public_files={}), to_attr="public_photos"
            )
        )

    def with_totals(self):
        """Attendance subtotals per sex and per age group (the grand total is the attendance_total column)."""
        annotations = {}
        for key, _label in SEXES:
            annotations[f"{key}_total"] = _sum_of([name for name, sex, _age in ATTENDANCE_FIELDS if sex == key])
        for key, _label in AGE_GROUPS:
            annotations[f"age_{key}_total"] = _sum_of([name for name, _sex, age in ATTENDANCE_FIELDS if age == key])
        return self.annotate(**annotations)

    def attendance_sums(self) -> dict:
        """Sums of every attendance column and of the total over this queryset (zeros when empty)."""
        names = [*ATTENDANCE_FIELD_NAMES, "attendance_total"]
        sums = self.order_by().aggregate(count=models.Count("pk"), **{name: models.Sum(name) for name in names})
        return {key: value or 0 for key, value in sums.items()}

    def overdue_follow_ups(self, today=None):
        today = today or timezone.localdate()
        return self.filter(follow_up_due__lt=today, follow_up_done=False).exclude(follow_up="")

    # --- writes that keep the photos' public copies right (see publication.py) ----------------------

    @transaction.atomic
    def update(self, **kwargs):
        if "status" not in kwargs:
            return super().update(**kwargs)
        pks = list(self.select_for_update().values_list("pk", flat=True))
        if kwargs["status"] == Status.PUBLISHED:
            kwargs.setdefault("published_at", Coalesce("published_at", Now()))
        count = models.QuerySet.update(self.model.objects.filter(pk__in=pks), **kwargs)
        publication.sync_all(ActivityPhoto.objects.filter(activity__in=pks).select_related("activity"))
        return count

    @transaction.atomic
    def bulk_update(self, objs, fields, *args, **kwargs):
        objs = list(objs)
        count = super().bulk_update(objs, fields, *args, **kwargs)
        if "status" in fields:
            pks = [activity.pk for activity in objs]
            publication.sync_all(ActivityPhoto.objects.filter(activity__in=pks).select_related("activity"))
        return count

    def delete(self):
        photos = list(ActivityPhoto.objects.filter(activity__in=self.values("pk")))
        result = super().delete()
        for photo in photos:
            publication.withdraw(photo)  # at once: the public URLs die with the rows
            transaction.on_commit(photo.delete_files)
        return result


class Activity(models.Model):
    """Any outreach event, whatever the program, at exactly the place its kind requires."""

    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=220, unique=True, blank=True, help_text=_("Leave empty to make one from the title.")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    village = _place_field(
        "villages.Village", _("village"), _("For desa binaan sessions and Imigrasi Masuk Desa visits.")
    )
    institution = _place_field("schools.Institution", _("school or campus"), _("For school and campus visits."))
    reading_corner = _place_field(
        "reading_corners.ReadingCorner", _("reading corner"), _("For reading-corner activities.")
    )
    summary = models.TextField(_("public summary"), blank=True, help_text=_("Shown on the public activity page."))
    internal_notes = models.TextField(_("internal notes"), blank=True, help_text=_("Never shown to the public."))
    officers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officers"),
        blank=True,
        related_name="activities",
        limit_choices_to={"is_staff": True, "is_active": True},
    )
    partners = models.ManyToManyField(
        "office.PartnerAgency", verbose_name=_("partner agencies"), blank=True, related_name="activities"
    )
    audience_types = ChoiceArrayField(
        models.CharField(max_length=40, choices=AudienceType.choices),
        verbose_name=_("audience"),
        default=list,
        blank=True,
    )
    male_under_18 = models.PositiveIntegerField(_("male, under 18"), default=0)
    male_18_59 = models.PositiveIntegerField(_("male, 18–59"), default=0)
    male_60_plus = models.PositiveIntegerField(_("male, 60 and over"), default=0)
    female_under_18 = models.PositiveIntegerField(_("female, under 18"), default=0)
    female_18_59 = models.PositiveIntegerField(_("female, 18–59"), default=0)
    female_60_plus = models.PositiveIntegerField(_("female, 60 and over"), default=0)
    attendance_total = models.GeneratedField(
        expression=_sum_of(ATTENDANCE_FIELD_NAMES),
        output_field=models.PositiveIntegerField(),
        db_persist=True,
        verbose_name=_("people reached"),
    )
    search_vector = models.GeneratedField(expression=SEARCH_VECTOR, output_field=SearchVectorField(), db_persist=True)
    topics = ChoiceArrayField(
        models.CharField(max_length=30, choices=Topic.choices), verbose_name=_("topics"), default=list, blank=True
    )
    leaflets = models.PositiveIntegerField(_("leaflets handed out"), default=0)
    follow_up = models.TextField(_("follow-up needed"), blank=True)
    follow_up_due = models.DateField(_("follow-up due"), null=True, blank=True)
    follow_up_done = models.BooleanField(_("follow-up done"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    visit_request = models.OneToOneField(
        "schools.VisitRequest",
        verbose_name=_("visit request"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activity",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-starts_at"]
        permissions = [
            ("publish_activity", _("Can publish and unpublish activities, and edit every activity")),
            ("edit_activity_text", _("Can edit the public text of any activity")),
        ]
        indexes = [
            # /kegiatan/, its count, its pages and the latest activities: read from the index alone (the
            # program and village filters too), never the rows skipped on the way to a deep page.
            models.Index(
                fields=["status", "starts_at", "id"], include=["kind", "village"], name="activity_public_list"
            ),
            models.Index(fields=["status", "updated_at"], name="activity_status_updated"),  # sitemap lastmod
            models.Index(fields=["kind", "status", "starts_at"], name="activity_kind_status_starts"),  # programs
            models.Index(fields=["status", "ends_at"], name="activity_status_ends"),  # upcoming()
            models.Index(fields=["-starts_at", "-id"], name="activity_starts_id_desc"),  # the admin list's order
            # The admin list's totals of the drafts (its published ones come from the tallies): the index alone.
            models.Index(
                fields=["kind", "starts_at"],
                include=["id", *ATTENDANCE_FIELD_NAMES, "attendance_total"],
                condition=Q(status="draft"),
                name="activity_draft_sums",
            ),
            models.Index(  # overdue_follow_ups()
                fields=["follow_up_due"],
                condition=Q(follow_up_done=False) & ~Q(follow_up=""),
                name="activity_follow_up_open",
            ),
            # A village's or reading corner's page (its latest published activities) and /kegiatan/?desa=…: the
            # place's own entries, newest first, not a walk of every published activity until six are found.
            models.Index(
                fields=["village", "starts_at", "id"],
                condition=Q(status=Status.PUBLISHED),
                name="activity_village_published",
            ),
            models.Index(
                fields=["reading_corner", "starts_at", "id"],
                condition=Q(status=Status.PUBLISHED),
                name="activity_corner_published",
            ),
            GinIndex(fields=["search_vector"], name="activity_search"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="activity_ends_after_it_starts",
                violation_error_message=_("The activity must end after it starts."),
            ),
            models.CheckConstraint(
                condition=_place_rule(),
                name="activity_place_matches_kind",
                violation_error_message=_("Choose exactly the place this kind of activity needs."),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title, fallback="kegiatan")
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        adding = self._state.adding
        update_fields = kwargs.get("update_fields")
        status_saved = update_fields is None or "status" in update_fields
        super().save(*args, **kwargs)
        if not adding and status_saved and self.status != getattr(self, "_stored_status", None):
            for photo in self.photos.all():
                photo.activity = self
                publication.sync(photo)
        if status_saved:
            self._stored_status = self.status

    def get_absolute_url(self):
        return reverse("activities:detail", kwargs={"slug": self.slug})

    @classmethod
    def from_db(cls, db, field_names, values, *args, **kwargs):
        activity = super().from_db(db, field_names, values, *args, **kwargs)
        activity._stored_status = activity.__dict__.get("status")
        return activity

    def delete(self, *args, **kwargs):
        photos = list(self.photos.all())
        result = super().delete(*args, **kwargs)
        for photo in photos:
            publication.withdraw(photo)  # at once: the public URLs die with the rows
            transaction.on_commit(photo.delete_files)
        return result

    def clean(self):
        super().clean()
        errors = {}
        required = KIND_PLACE.get(self.kind)
        if required:
            if getattr(self, f"{required}_id") is None:
                errors[required] = _("A “%(kind)s” needs this place.") % {"kind": self.get_kind_display()}
            for field in PLACE_FIELDS:
                if field != required and getattr(self, f"{field}_id") is not None:
                    errors[field] = _("Leave this empty for a “%(kind)s”.") % {"kind": self.get_kind_display()}
        elif self.kind == Kind.OTHER and sum(getattr(self, f"{f}_id") is not None for f in PLACE_FIELDS) > 1:
            errors["village"] = _("Choose at most one place.")
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The activity must end after it starts.")
        if errors:
            raise ValidationError(errors)

    # --- place -------------------------------------------------------------------------------------

    @property
    def place(self):
        return self.village or self.institution or self.reading_corner

    @property
    def place_url(self):
        """The public page of the place, when it has one (schools and campuses have none: only their list)."""
        if self.village_id is not None:
            return reverse("villages:detail", kwargs={"slug": self.village.slug})
        if self.reading_corner_id is not None:
            return reverse("reading_corners:detail", kwargs={"slug": self.reading_corner.slug})
        return None

    @property
    def program(self):
        return next(program for program, kinds in PROGRAM_KINDS.items() if self.kind in kinds)

    # --- status and rules --------------------------------------------------------------------------

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def is_upcoming(self) -> bool:
        return self.ends_at > timezone.now()

    @property
    def follow_up_overdue(self) -> bool:
        return bool(
            self.follow_up
            and not self.follow_up_done
            and self.follow_up_due
            and self.follow_up_due < timezone.localdate()
        )

    def can_be_seen_by(self, user) -> bool:
        """The row rule of ``ActivityQuerySet.visible_to`` for one activity."""
        return self.is_published or sees_every_activity(user) or self.is_owned_by(user)

    def can_be_changed_by(self, user) -> bool:
        """Supervisors change every activity; officers only their own drafts (see ``owned_by``)."""
        if user.has_perm("activities.publish_activity"):
            return True
        return user.has_perm("activities.change_activity") and self.status == Status.DRAFT and self.is_owned_by(user)

    def is_owned_by(self, user) -> bool:
        if self.created_by_id is not None and self.created_by_id == user.pk:
            return True
        return self.pk is not None and self.officers.filter(pk=user.pk).exists()

    def attendance_rows(self):
        """[(sex label, [counts per age group], subtotal)] for the attendance table."""
        rows = []
        for key, label in SEXES:
            counts = [getattr(self, f"{key}_{age}") for age, _label in AGE_GROUPS]
            rows.append((label, counts, sum(counts)))
        return rows

    def age_totals(self):
        return [sum(getattr(self, f"{sex}_{age}") for sex, _label in SEXES) for age, _label in AGE_GROUPS]

    def get_topics_display(self):
        return [Topic(topic).label for topic in self.topics if topic in Topic.values]

    def get_audience_types_display(self):
        return [AudienceType(value).label for value in self.audience_types if value in AudienceType.values]


class ActivityPhotoQuerySet(models.QuerySet):
    def consented(self):
        return self.filter(consent_to_publish=True)

    def public(self):
        """Photos the public may see: consented, of a published activity (publication.should_be_public)."""
        return self.consented().filter(activity__status=Status.PUBLISHED)

    # --- writes that keep the public copies right (see publication.py) ------------------------------

    SYNCED_FIELDS = frozenset({"consent_to_publish", "activity", "activity_id", "image"})

    @transaction.atomic
    def update(self, **kwargs):
        if not self.SYNCED_FIELDS & kwargs.keys():
            return super().update(**kwargs)
        pks = list(self.select_for_update().values_list("pk", flat=True))
        count = models.QuerySet.update(self.model.objects.filter(pk__in=pks), **kwargs)
        publication.sync_all(self.model.objects.filter(pk__in=pks).select_related("activity"))
        return count

    @transaction.atomic
    def bulk_update(self, objs, fields, *args, **kwargs):
        objs = list(objs)
        count = super().bulk_update(objs, fields, *args, **kwargs)
        if self.SYNCED_FIELDS & set(fields):
            publication.sync_all(self.model.objects.filter(pk__in=[o.pk for o in objs]).select_related("activity"))
        return count

    def delete(self):
        photos = list(self.all())
        result = super().delete()
        for photo in photos:
            publication.withdraw(photo)
            transaction.on_commit(photo.delete_files)
        return result


THUMBNAIL_WIDTHS = (320, 640, 1024)


def private_storage():
    return storages["private"]


def photo_path(instance, filename):
    return f"activities/{timezone.localdate():%Y/%m}/{filename}"


class ActivityPhoto(models.Model):
    """A sanitised photo of an activity with responsive thumbnails.

    The photo and its thumbnails live in the private storage, never served. Its public copies are
    publication.py's: every save keeps them right (see also the querysets' ``update``).
    """

    activity = models.ForeignKey(Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to=photo_path, storage=private_storage)
    width = models.PositiveIntegerField(_("width"), default=0, editable=False)
    height = models.PositiveIntegerField(_("height"), default=0, editable=False)
    thumbnails = models.JSONField(_("thumbnails"), default=dict, blank=True, editable=False)
    public_files = models.JSONField(
        _("public copies"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("Names of the published copies in the public media storage: “original” and the widths."),
    )
    caption = models.CharField(
        _("caption"), max_length=300, blank=True, help_text=_("Also the text for screen readers.")
    )
    consent_to_publish = models.BooleanField(
        _("people in this photo agreed to publication"),
        default=False,
        help_text=_("Only photos with this box ticked are ever shown to the public."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = ActivityPhotoQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity photo")
        verbose_name_plural = _("activity photos")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.caption or self.image.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        publication.sync(self)

    def set_image(self, clean: CleanImage):
        """Store a sanitised image and its thumbnails privately (files only; the caller saves the row)."""
        self.delete_files()
        storage = self.image.storage
        stem = uuid4().hex
        self.image.save(f"{stem}.jpg", clean.as_file(f"{stem}.jpg"), save=False)
        self.width, self.height = clean.width, clean.height
        folder = self.image.name.rsplit("/", 1)[0]
        self.thumbnails = {}
        for width in THUMBNAIL_WIDTHS:
            if width < clean.width:
                small = resized(clean, width)
                name = storage.save(f"{folder}/{stem}-{width}w.jpg", small.as_file(f"{stem}-{width}w.jpg"))
                self.thumbnails[str(width)] = name

    def delete_files(self):
        publication.withdraw(self)
        storage = self.image.storage
        for name in self.thumbnails.values():
            storage.delete(name)
        if self.image and self.image._committed and self.image.name:
            storage.delete(self.image.name)

    def delete(self, *args, **kwargs):
        publication.withdraw(self)  # at once: the public URL dies with the row
        result = super().delete(*args, **kwargs)
        transaction.on_commit(self.delete_files)
        return result

    @property
    def should_be_public(self) -> bool:
        return publication.should_be_public(self)

    # --- public URLs (empty when the photo is not public) ------------------------------------------

    @property
    def public_url(self) -> str:
        name = self.public_files.get("original")
        return default_storage.url(name) if name else ""

    @property
    def srcset(self) -> str:
        if not self.public_files:
            return ""
        entries = [
            (self.width if key == "original" else int(key), default_storage.url(name))
            for key, name in self.public_files.items()
        ]
        return ", ".join(f"{url} {width}w" for width, url in sorted(entries))

    @property
    def thumbnail_url(self) -> str:
        """The small public rendition (the image itself when it is already small)."""
        name = self.public_files.get("640") or self.public_files.get("320") or self.public_files.get("original")
        return default_storage.url(name) if name else ""

    def admin_url(self, size: str = "original") -> str:
        """The permission-checked back-office view of the private file."""
        return reverse("admin:activities_activityphoto_image", args=[self.pk, size])

    def private_name(self, size: str) -> str | None:
        return self.image.name if size == "original" else self.thumbnails.get(size)


# --- tallies of the published activities, kept by PostgreSQL (see tallies.py) ---------------------------


class AttendanceSums(models.Model):
    """The attendance sums of a tally row (``ATTENDANCE_FIELDS``, summed over many activities)."""

    male_under_18 = models.BigIntegerField(default=0)
    male_18_59 = models.BigIntegerField(default=0)
    male_60_plus = models.BigIntegerField(default=0)
    female_under_18 = models.BigIntegerField(default=0)
    female_18_59 = models.BigIntegerField(default=0)
    female_60_plus = models.BigIntegerField(default=0)

    class Meta:
        abstract = True


class TallyChange(AttendanceSums):
    """What one statement changed in the published activities (−1 for a row gone, +1 for a row come), written by
    the triggers of migration ``activity_tallies`` and folded into the three tallies below by ``tallies.fold``."""

    month = models.DateField()
    kind = models.CharField(max_length=30)
    place_kind = models.CharField(max_length=20, blank=True)
    place = models.BigIntegerField(null=True)
    activities = models.IntegerField()

    class Meta:
        default_permissions = ()

    def __str__(self):
        return f"{self.month:%Y-%m} {self.kind}: {self.activities:+d}"


class MonthTally(AttendanceSums):
    """Published activities and their attendance per local month and kind (the future ones too)."""

    month = models.DateField()
    kind = models.CharField(max_length=30)
    activities = models.IntegerField()

    class Meta:
        default_permissions = ()
        constraints = [models.UniqueConstraint(fields=["month", "kind"], name="activity_month_tally_key")]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.kind}: {self.activities}"


class PlaceTally(models.Model):
    """Published activities per local year and place (``place_kind``: villages, schools, campuses or
    reading_corners; ``place``: its id); a place was reached in a year when its count is above 0."""

    year = models.SmallIntegerField()
    place_kind = models.CharField(max_length=20)
    place = models.BigIntegerField()
    activities = models.IntegerField()

    class Meta:
        default_permissions = ()
        constraints = [models.UniqueConstraint(fields=["year", "place_kind", "place"], name="activity_place_tally_key")]

    def __str__(self):
        return f"{self.year} {self.place_kind} {self.place}: {self.activities}"


class PlacesReached(models.Model):
    """How many places of a kind have a count above 0 in ``PlaceTally`` in a year (kept by ``tallies.fold``)."""

    year = models.SmallIntegerField()
    place_kind = models.CharField(max_length=20)
    places = models.IntegerField()

    class Meta:
        default_permissions = ()
        constraints = [models.UniqueConstraint(fields=["year", "place_kind"], name="activity_places_reached_key")]

    def __str__(self):
        return f"{self.year} {self.place_kind}: {self.places}"
