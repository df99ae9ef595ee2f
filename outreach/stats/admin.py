from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from outreach.spreadsheets import csv_response, xlsx_response

from . import areas, services, yearly_report
from .models import Figure, Series, YearlyReport

PUBLISH = "stats.publish_figure"
VIEW_YEARLY_REPORT = "stats.view_yearly_report"


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


@admin.register(YearlyReport)
class YearlyReportAdmin(admin.ModelAdmin):
    """The supervisors' yearly report, listed on the admin index under Statistics: tables, print-out, CSV."""

    def has_view_permission(self, request, obj=None):
        user = request.user
        return user.is_active and user.is_staff and user.has_perm(VIEW_YEARLY_REPORT)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path("", self.admin_site.admin_view(self.report_view), name="stats_yearlyreport_changelist"),
            path("kecamatan/", self.admin_site.admin_view(self.map_view), name="stats_yearlyreport_kecamatan"),
        ]

    def map_view(self, request):
        """Reports (exact counts) next to outreach visits per kecamatan over the last 12 months, on a map."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        rows, since = areas.kecamatan_overview()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Reports and outreach per kecamatan"),
            "rows": rows,
            "since": since,
            "markers": areas.map_markers(rows, exact=True),
            "exact": True,
        }
        return TemplateResponse(request, "admin/stats/kecamatan_map.html", context)

    def report_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        years = yearly_report.available_years()
        year = timezone.localdate().year
        asked = request.GET.get("year", "")
        if asked:
            if asked.isdigit() and int(asked) in years:
                year = int(asked)
            else:
                message = gettext("There is no report for “%(year)s”: showing %(shown)s.")
                self.message_user(request, message % {"year": asked[:10], "shown": year}, messages.ERROR)
        tables = yearly_report.yearly_report(year)
        download = request.GET.get("download")
        if download == "xlsx":
            sheets = [(table.slug, table.columns, table.csv_rows()) for table in tables]
            return xlsx_response(f"laporan-tahunan-{year}.xlsx", sheets)
        if download:
            table = next((table for table in tables if table.slug == download), None)
            if table is None:
                raise Http404
            return csv_response(f"laporan-tahunan-{year}-{table.slug}.csv", table.columns, table.csv_rows())
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Yearly report %(year)s") % {"year": year},
            "year": year,
            "years": years,
            "tables": tables,
            "generated": timezone.localtime(),
        }
        return TemplateResponse(request, "admin/stats/yearly_report.html", context)
