from django.contrib import admin, messages
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import services
from .models import Figure, Series

PUBLISH = "stats.publish_figure"


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "slug", "breakdown_title", "order"]
    list_editable = ["order"]
    search_fields = ["name", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Figure)
class FigureAdmin(admin.ModelAdmin):
    """Supervisors enter the office's yearly figures; a figure is published only with its source."""

    list_display = ["series", "year", "breakdown", "value", "as_of", "status", "source_short", "example_data"]
    list_filter = ["status", "series", "year", "example_data"]
    list_select_related = ["series"]
    search_fields = ["series__name", "series__name_en", "breakdown", "source"]
    readonly_fields = ["published_at", "updated_at", "example_data"]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["series", "year", ("breakdown", "breakdown_en"), "value", "as_of", ("note", "note_en")]}),
        (_("Source"), {"fields": ["source", "source_en", "source_url"]}),
        (_("Publication"), {"fields": ["status", "published_at", "updated_at", "example_data"]}),
    ]

    @admin.display(description=_("source"))
    def source_short(self, figure):
        text = figure.source or figure.source_url
        return text if len(text) <= 60 else text[:59] + "…"

    def has_publish_permission(self, request):
        return request.user.has_perm(PUBLISH)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return fields if self.has_publish_permission(request) else [*fields, "status"]

    def has_change_permission(self, request, obj=None):
        """Without the right to publish, published figures are read-only."""
        allowed = super().has_change_permission(request, obj)
        if obj is not None and obj.is_published and not self.has_publish_permission(request):
            return False
        return allowed

    @admin.action(description=_("Publish the selected figures"), permissions=["publish"])
    def publish(self, request, queryset):
        count, refused = services.publish(queryset)
        if count:
            self.message_user(request, gettext("%(count)d figures published.") % {"count": count}, messages.SUCCESS)
        for figure in refused:
            message = gettext(
                "“%(figure)s” has no source and stays a draft: a figure without a source cannot be published."
            )
            self.message_user(request, message % {"figure": figure}, messages.ERROR)

    @admin.action(description=_("Unpublish the selected figures (back to draft)"), permissions=["publish"])
    def unpublish(self, request, queryset):
        count = services.unpublish(queryset)
        self.message_user(request, gettext("%(count)d figures unpublished.") % {"count": count}, messages.SUCCESS)
