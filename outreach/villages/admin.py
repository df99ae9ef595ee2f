from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from outreach.changelists import LongChangeList
from outreach.staff import STAFF_ORDER, StaffChoiceField, StaffListFilter, full_name_column

from .models import ProgramStatus, Village, VillageIndicator

PUBLISH = "villages.publish_villageindicator"


class PublicationRules:
    """Officers propose figures as drafts; only those who may publish set the status or change published figures."""

    def may_publish(self, request) -> bool:
        return request.user.has_perm(PUBLISH)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return fields if self.may_publish(request) else [*fields, "status"]

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if isinstance(obj, VillageIndicator) and obj.is_published and not self.may_publish(request):
            return False
        return allowed


class VillageIndicatorInline(PublicationRules, admin.TabularInline):
    model = VillageIndicator
    extra = 1
    fields = ["year", "passport_applicants", "refused_applicants", "source", "status", "notes"]


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
class VillageAdmin(LongChangeList, TranslationAdmin):
    list_display = ["name", "kecamatan", "program_status", "program_since", "pimpasa_display"]
    list_filter = [DesaBinaanFilter, "program_status", "kecamatan", ("pimpasa", StaffListFilter)]
    list_select_related = ["pimpasa"]
    show_full_result_count = False  # the filtered count only, not a second count of every village
    search_fields = ["name", "kecamatan", "contact_name"]
    prepopulated_fields = {"slug": ["name"]}
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

    pimpasa_display = full_name_column("pimpasa", _("PIMPASA"))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        """PIMPASA: active staff by full name."""
        if db_field.name == "pimpasa":
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True, is_active=True).order_by(*STAFF_ORDER)
            kwargs["form_class"] = StaffChoiceField
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def view_on_site(self, village):
        """Only villages in the program have a public page."""
        return village.get_absolute_url() if village.is_desa_binaan else None


@admin.register(VillageIndicator)
class VillageIndicatorAdmin(PublicationRules, admin.ModelAdmin):
    """Officers propose the yearly figures here as drafts; supervisors publish them, with their source."""

    list_display = ["village", "year", "passport_applicants", "refused_applicants", "status", "source", "example_data"]
    list_filter = ["status", "year", "village__kecamatan", "example_data"]
    list_select_related = ["village"]
    search_fields = ["village__name", "source"]
    autocomplete_fields = ["village"]
    fields = ["village", "year", "passport_applicants", "refused_applicants", "source", "status", "notes"]
    actions = ["publish"]

    def has_publish_permission(self, request):
        return self.may_publish(request)

    @admin.action(description=_("Publish the selected figures"), permissions=["publish"])
    def publish(self, request, queryset):
        count, unsourced = queryset.publish()
        self.message_user(request, gettext("%(count)d figures published.") % {"count": count}, messages.SUCCESS)
        if unsourced:
            message = gettext("%(count)d figures have no source and stay drafts: add their source first.")
            self.message_user(request, message % {"count": unsourced}, messages.ERROR)
