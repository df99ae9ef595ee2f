"""Information pages for residents: topics, pages (some of them service cards), their links and sources,
readers' "was this page helpful?" answers, and the site-wide notice.

Texts are translated with django-modeltranslation (see translation.py): Indonesian is required, English is
optional and falls back to Indonesian, which the templates then mark with ``lang="id"``.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from . import markdown

# A page not reviewed for this long is flagged in the admin.
REVIEW_INTERVAL = datetime.timedelta(days=365)
SERVICE_FIELDS = ["audience", "requirements", "steps", "cost", "duration", "where_to_go", "legal_basis"]
FEEDBACK_COMMENT_MAX = 500


def in_language(obj, field: str, language: str | None = None) -> bool:
    """Has ``obj.field`` been written in ``language`` (the active one by default), not just fallen back?"""
    language = (language or get_language() or "id").split("-")[0]
    return bool(getattr(obj, build_localized_fieldname(field, language), None))


class PageStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PageTopic(models.Model):
    """A group of information pages (passports, safe migration, foreigners…), in the order readers see."""

    title = models.CharField(_("title"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("Lower numbers come first."))

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["order", "title"]

    def __str__(self):
        return self.title


class PageQuerySet(models.QuerySet):
    def published(self):
        """The one rule of what the public may see."""
        return self.filter(status=PageStatus.PUBLISHED)

    def for_public_list(self):
        return self.published().select_related("topic").order_by("topic__order", "topic__title", "order", "title")

    def featured(self):
        return self.published().filter(featured=True).select_related("topic").order_by("order", "title")

    def due_for_review(self, today=None):
        """Pages whose last review is REVIEW_INTERVAL ago or more (drafts too: they will be published)."""
        today = today or timezone.localdate()
        return self.filter(last_reviewed__lte=today - REVIEW_INTERVAL)


class Page(models.Model):
    """An information page; with any of the service fields filled in, it is shown as a service card."""

    topic = models.ForeignKey(PageTopic, verbose_name=_("topic"), on_delete=models.PROTECT, related_name="pages")
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True, help_text=_("The last part of the page address, in Indonesian.")
    )
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences: shown in lists and search results, and as the page description."),
    )
    body = models.TextField(
        _("text"), blank=True, help_text=_("Markdown: ## for a heading, - for a list item, [text](address) for a link.")
    )
    audience = models.TextField(_("who it is for"), blank=True)
    requirements = models.TextField(_("requirements"), blank=True, help_text=_("Markdown."))
    steps = models.TextField(_("steps"), blank=True, help_text=_("Markdown, e.g. a numbered list."))
    cost = models.TextField(
        _("cost"),
        blank=True,
        help_text=_("Only an amount you can source; otherwise say to check the official source and add its link."),
    )
    duration = models.TextField(_("how long it takes"), blank=True)
    where_to_go = models.TextField(_("where to go"), blank=True, help_text=_("Markdown."))
    legal_basis = models.TextField(_("legal basis"), blank=True, help_text=_("Markdown."))
    order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("Order within the topic."))
    featured = models.BooleanField(
        _("most needed"), default=False, help_text=_("Shown on the home page among the most needed information.")
    )
    status = models.CharField(_("status"), max_length=10, choices=PageStatus.choices, default=PageStatus.DRAFT)
    last_reviewed = models.DateField(
        _("last reviewed"), default=timezone.localdate, help_text=_("When an editor last checked the content.")
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")
        ordering = ["topic__order", "order", "title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.status == PageStatus.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("pages:detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == PageStatus.PUBLISHED

    @property
    def is_service_card(self) -> bool:
        return any(getattr(self, field) for field in SERVICE_FIELDS)

    @property
    def needs_review(self) -> bool:
        return self.last_reviewed <= timezone.localdate() - REVIEW_INTERVAL

    @property
    def in_current_language(self) -> bool:
        """Are the title and text written in the active language (rather than shown in Indonesian)?"""
        return in_language(self, "title") and (in_language(self, "body") or not self.body)

    def rendered(self, field: str):
        return markdown.render(getattr(self, field))

    @property
    def body_html(self):
        return self.rendered("body")

    def service_sections(self) -> list[dict]:
        """The filled-in service fields in reading order, rendered, each saying if it is in the active language."""
        labels = {field: self._meta.get_field(field).verbose_name for field in SERVICE_FIELDS}
        return [
            {
                "field": field,
                "label": labels[field],
                "html": self.rendered(field),
                "translated": in_language(self, field),
            }
            for field in SERVICE_FIELDS
            if getattr(self, field)
        ]


class LinkKind(models.TextChoices):
    OFFICIAL = "official", _("Official link")
    SOURCE = "source", _("Source")


class PageLink(models.Model):
    """An official link readers can follow, or a source of the page's facts with the date it was checked."""

    page = models.ForeignKey(Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(_("kind"), max_length=10, choices=LinkKind.choices, default=LinkKind.SOURCE)
    label = models.CharField(_("label"), max_length=300)
    url = models.URLField(_("address"), max_length=500)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    checked_on = models.DateField(
        _("checked on"), null=True, blank=True, help_text=_("For a source: when an editor last checked it.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("link or source")
        verbose_name_plural = _("links and sources")
        ordering = ["page", "kind", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="source", checked_on__isnull=True),
                name="page_source_has_checked_date",
                violation_error_message=_("A source needs the date it was checked."),
            ),
        ]

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        if self.kind == LinkKind.SOURCE and self.checked_on is None:
            raise ValidationError({"checked_on": _("A source needs the date it was checked.")})


class PageFeedback(models.Model):
    """One reader's "was this page helpful?" answer. Nothing about the reader is kept."""

    page = models.ForeignKey(Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="feedback")
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), max_length=FEEDBACK_COMMENT_MAX, blank=True)
    language = models.CharField(_("language"), max_length=5)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.page} · {'+' if self.helpful else '-'}"


class NoticeLevel(models.TextChoices):
    INFO = "info", _("Information")
    WARNING = "warning", _("Important")


class SiteNoticeQuerySet(models.QuerySet):
    def current(self, now=None):
        """The notices switched on whose period (if any) includes now, newest first."""
        now = now or timezone.now()
        return (
            self.filter(is_active=True)
            .filter(models.Q(starts_at__isnull=True) | models.Q(starts_at__lte=now))
            .filter(models.Q(ends_at__isnull=True) | models.Q(ends_at__gt=now))
            .order_by("-starts_at", "-pk")
        )


class SiteNotice(models.Model):
    """A banner on every public page that editors switch on, e.g. "the office is closed on 17 August"."""

    text = models.CharField(_("text"), max_length=300)
    link = models.CharField(
        _("link"),
        max_length=300,
        blank=True,
        help_text=_("Optional: a page of this portal (/informasi/…) or https://…"),
    )
    level = models.CharField(_("kind"), max_length=10, choices=NoticeLevel.choices, default=NoticeLevel.INFO)
    is_active = models.BooleanField(_("switched on"), default=False)
    starts_at = models.DateTimeField(_("from"), null=True, blank=True)
    ends_at = models.DateTimeField(_("until"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SiteNoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("site notice")
        verbose_name_plural = _("site notices")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_at__isnull=True)
                | models.Q(ends_at__isnull=True)
                | models.Q(ends_at__gt=models.F("starts_at")),
                name="site_notice_ends_after_it_starts",
                violation_error_message=_("The notice must end after it starts."),
            ),
        ]

    def __str__(self):
        return self.text

    def clean(self):
        super().clean()
        if self.link and not (self.link.startswith("/") or self.link.startswith("https://")):
            raise ValidationError({"link": _("Give an address of this portal (starting with /) or one with https://.")})

    @property
    def text_in_current_language(self) -> bool:
        return in_language(self, "text")
