from django.contrib import admin, messages
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import REVIEW_INTERVAL, Page, PageFeedback, PageLink, PageStatus, PageTopic, SiteNotice


@admin.register(PageTopic)
class PageTopicAdmin(TranslationAdmin):
    list_display = ["title", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["title_ind"]}


class PageLinkInline(TranslationTabularInline):
    model = PageLink
    extra = 1
    fields = ["kind", "label", "url", "publisher", "checked_on", "order"]


class ReviewFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("due", _("Not reviewed for 12 months"))]

    def queryset(self, request, queryset):
        return queryset.due_for_review() if self.value() == "due" else queryset


@admin.register(Page)
class PageAdmin(TranslationAdmin):
    inlines = [PageLinkInline]
    list_display = ["title", "topic", "status", "featured", "last_reviewed_display", "helpful_yes", "helpful_no"]
    list_filter = ["status", "topic", "featured", ReviewFilter]
    search_fields = ["title_ind", "title_en", "summary_ind"]
    prepopulated_fields = {"slug": ["title_ind"]}
    readonly_fields = ["published_at", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["topic", "title", "slug", "summary", "body"]}),
        (
            _("Service card (leave empty for a plain page)"),
            {"fields": ["audience", "requirements", "steps", "cost", "duration", "where_to_go", "legal_basis"]},
        ),
        (_("Publication"), {"fields": ["status", "featured", "order", "last_reviewed", "published_at"]}),
        (_("Record"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("topic")
            .annotate(
                yes_count=Count("feedback", filter=Q(feedback__helpful=True)),
                no_count=Count("feedback", filter=Q(feedback__helpful=False)),
            )
        )

    @admin.display(description=_("last reviewed"), ordering="last_reviewed")
    def last_reviewed_display(self, page):
        if page.needs_review:
            return _("%(date)s — review due") % {"date": page.last_reviewed.strftime("%d-%m-%Y")}
        return page.last_reviewed.strftime("%d-%m-%Y")

    @admin.display(description=_("helpful: yes"), ordering="yes_count")
    def helpful_yes(self, page):
        return page.yes_count

    @admin.display(description=_("helpful: no"), ordering="no_count")
    def helpful_no(self, page):
        return page.no_count

    def changelist_view(self, request, extra_context=None):
        due = Page.objects.due_for_review().count()
        if due:
            messages.warning(
                request,
                ngettext(
                    "%(count)d page has not been reviewed for %(days)d days: check its facts and sources, then "
                    "set its “last reviewed” date.",
                    "%(count)d pages have not been reviewed for %(days)d days: check their facts and sources, then "
                    "set their “last reviewed” date.",
                    due,
                )
                % {"count": due, "days": REVIEW_INTERVAL.days},
            )
        return super().changelist_view(request, extra_context)

    def view_on_site(self, page):
        return page.get_absolute_url() if page.status == PageStatus.PUBLISHED else None


@admin.register(PageFeedback)
class PageFeedbackAdmin(admin.ModelAdmin):
    list_display = ["created_at", "page", "helpful", "comment", "language"]
    list_filter = ["helpful", "page", "language"]
    list_select_related = ["page"]
    readonly_fields = ["page", "helpful", "comment", "language", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(SiteNotice)
class SiteNoticeAdmin(TranslationAdmin):
    list_display = ["text", "level", "is_active", "starts_at", "ends_at"]
    list_filter = ["is_active", "level"]
    fields = ["text", "link", "level", "is_active", "starts_at", "ends_at"]
