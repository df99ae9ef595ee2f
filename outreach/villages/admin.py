from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import ProgramStatus, Village, VillageIndicator


class VillageIndicatorInline(admin.TabularInline):
    model = VillageIndicator
    extra = 1
    fields = ["year", "passport_applicants", "refused_applicants", "notes"]


class DesaBinaanFilter(admin.SimpleListFilter):
    title = _("desa binaan")
    parameter_name = "desa_binaan"

    def lookups(self, request, model_admin):
        return [("yes", _("In the program")), ("no", _("Not in the program"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.desa_binaan()
        if self.value() == "no":
            return queryset.filter(program_status=ProgramStatus.NOT_ENROLLED)
        return queryset


@admin.register(Village)
class VillageAdmin(admin.ModelAdmin):
    list_display = ["name", "kecamatan", "program_status", "program_since", "pimpasa"]
    list_filter = [DesaBinaanFilter, "program_status", "kecamatan", "pimpasa"]
    list_select_related = ["pimpasa"]
    search_fields = ["name", "kecamatan", "contact_name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["pimpasa"]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kecamatan", "address", ("latitude", "longitude")]}),
        (
            _("Desa binaan program"),
            {"fields": ["program_status", "program_since", "selection_reason", "pimpasa"]},
        ),
        (_("Village contact"), {"fields": ["contact_name", "contact_phone"]}),
        (_("Record"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]
    inlines = [VillageIndicatorInline]

    def view_on_site(self, village):
        """Only villages in the program have a public page."""
        return village.get_absolute_url() if village.is_desa_binaan else None


@admin.register(VillageIndicator)
class VillageIndicatorAdmin(admin.ModelAdmin):
    """The yearly figures behind the public charts: supervisors manage them, other staff only read them."""

    list_display = ["village", "year", "passport_applicants", "refused_applicants"]
    list_filter = ["year", "village__kecamatan"]
    list_select_related = ["village"]
    search_fields = ["village__name"]
    autocomplete_fields = ["village"]
