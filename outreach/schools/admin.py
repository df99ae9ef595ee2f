from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from outreach.changelists import LongChangeList
from outreach.topics import Topic

from .models import Institution, VisitRequest, VisitRequestStatus


@admin.register(Institution)
class InstitutionAdmin(LongChangeList, admin.ModelAdmin):
    list_display = ["name", "level", "kecamatan", "contact_name"]
    list_filter = ["level", "kecamatan"]
    search_fields = ["name", "kecamatan", "contact_name"]
    show_full_result_count = False  # the filtered count only, not a second count of every institution
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "level", "kecamatan", "address", ("latitude", "longitude")]}),
        (_("Contact"), {"fields": ["contact_name", "contact_phone", "contact_email"]}),
        (_("Record"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]


def _mark(status, description):
    def action(modeladmin, request, queryset):
        count, skipped = 0, []
        for visit_request in queryset.order_by("pk"):
            try:
                visit_request.transition(status)
            except ValidationError as error:
                skipped.append(
                    gettext("%(request)s: %(reason)s") % {"request": visit_request, "reason": error.messages[0]}
                )
                continue
            modeladmin.log_change(request, visit_request, [{"changed": {"fields": ["status"]}}])
            count += 1
        if count:
            modeladmin.message_user(
                request,
                ngettext(
                    "%(count)d visit request marked as %(status)s.",
                    "%(count)d visit requests marked as %(status)s.",
                    count,
                )
                % {"count": count, "status": VisitRequestStatus(status).label},
                messages.SUCCESS,
            )
        if skipped:
            modeladmin.message_user(
                request,
                ngettext(
                    "Skipped %(count)d visit request: %(list)s.",
                    "Skipped %(count)d visit requests: %(list)s.",
                    len(skipped),
                )
                % {"count": len(skipped), "list": "; ".join(skipped)},
                messages.WARNING,
            )

    action.__name__ = f"mark_{status}"
    return admin.action(description=description, permissions=["change"])(action)


class VisitRequestAdminForm(forms.ModelForm):
    topics = forms.MultipleChoiceField(
        label=_("topics wanted"), choices=Topic.choices, widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = VisitRequest
        fields = ["topics"]  # the admin adds the rest from its fieldsets

    def clean_status(self):
        """The change form follows the same workflow as the actions."""
        status = self.cleaned_data["status"]
        if self.instance.pk and status != self.instance.status:
            error = self.instance.transition_error(status)
            if error:
                raise forms.ValidationError(capfirst(error), code="transition_not_allowed")
        return status


@admin.register(VisitRequest)
class VisitRequestAdmin(admin.ModelAdmin):
    form = VisitRequestAdminForm
    list_display = [
        "institution_name",
        "reference",
        "institution_level",
        "kecamatan",
        "preferred_date",
        "audience_size",
        "status",
        "institution_link",
        "created_at",
    ]
    list_filter = ["status", "institution_level", "kecamatan", "preferred_date"]
    list_select_related = ["institution"]
    search_fields = ["reference", "institution_name", "contact_name", "contact_phone", "contact_email", "audience"]
    date_hierarchy = "preferred_date"
    autocomplete_fields = ["institution"]
    readonly_fields = ["reference", "language", "created_at", "updated_at", "institution_link"]
    actions = [
        _mark(VisitRequestStatus.SCHEDULED, _("Mark as scheduled")),
        _mark(VisitRequestStatus.DONE, _("Mark as done")),
        _mark(VisitRequestStatus.DECLINED, _("Mark as declined")),
    ]
    fieldsets = [
        (_("Triage"), {"fields": ["reference", "status", "institution", "institution_link", "internal_note"]}),
        (_("School or campus"), {"fields": ["institution_name", "institution_level", "kecamatan", "address"]}),
        (_("Contact"), {"fields": ["contact_name", "contact_role", "contact_phone", "contact_email"]}),
        (
            _("The visit"),
            {"fields": ["preferred_date", "alternative_date", "audience", "audience_size", "topics", "message"]},
        ),
        (_("Record"), {"fields": ["language", "created_at", "updated_at"]}),
    ]

    @admin.display(description=_("linked institution"))
    def institution_link(self, visit_request):
        if visit_request.institution_id is None:
            return "—"
        url = reverse("admin:schools_institution_change", args=[visit_request.institution_id])
        return format_html('<a href="{}">{}</a>', url, visit_request.institution)
