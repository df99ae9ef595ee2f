"""The triage back office for public reports.

Officers and supervisors see reports without the reporter's identity. Only users with
``reports.view_reporter_identity`` can reveal it, one report at a time, with a reason; every reveal,
export and erasure is written to the ``IdentityAccess`` audit trail. Photos are served only by
``PhotoView`` to staff who may see the report, never from a public media URL.

The change page is one form: priority, assignee and a status change are saved together, the status
through the model's transition. The extra views are view classes wired by ``ReportAdmin.get_urls``.
"""

import json

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models.constants import LOOKUP_SEP
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View

from outreach.changelists import LongChangeList
from outreach.media import private_file_response
from outreach.office.models import PartnerAgency
from outreach.spreadsheets import EXPORT_CHUNK_SIZE, changelist_csv
from outreach.staff import StaffChoiceField, StaffListFilter, full_name, full_name_column
from outreach.workflow import locked

from . import retention, triage
from .models import REFERENCE_PREFIX, IdentityAccess, Report, ReportPhoto, Status, normalise_reference

MASK = "•••••"
NO_STORE = "private, no-store"
# The only fields the list may be filtered on through its URL. Django's admin otherwise accepts a lookup on
# any field, and ?reporter_name__startswith=S would let anyone probe who made a report, letter by letter.
FILTERABLE_FIELDS = frozenset({"status", "category", "priority", "assigned_to", "created_at", "overdue"})
# A workflow error from the model, shown beside the field it is about.
ERROR_FIELDS = {"invalid_transition": "new_status", "reason_required": "internal_note", "partner_required": "partner"}
WORKFLOW_FIELDS = ["new_status", "partner", "internal_note", "public_message"]


class ReportAdminForm(forms.ModelForm):
    """Priority and assignee, and a status change saved with them through the model's transition."""

    new_status = forms.ChoiceField(label=_("New status"), required=False)
    partner = forms.ModelChoiceField(
        label=_("Forwarded to"),
        queryset=PartnerAgency.objects.all(),
        required=False,
        help_text=_("Required when forwarding the report."),
    )
    internal_note = forms.CharField(
        label=_("Internal note"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_("For the office only. Required when rejecting: give the reason."),
    )
    public_message = forms.CharField(
        label=_("Message to the reporter (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_(
            "Shown on the reporter's status page and emailed to them if they gave an email address. "
            "Never write names of officers, suspects or other people here."
        ),
    )

    class Meta:
        model = Report
        fields = ["priority", "assigned_to"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.is_open:
            allowed = [(status, Status(status).label) for status in self.instance.allowed_transitions()]
            self.fields["new_status"].choices = [("", _("— unchanged —")), *allowed]
        else:
            for name in WORKFLOW_FIELDS:
                del self.fields[name]

    def clean(self):
        data = super().clean()
        if not self.instance.is_open and self.data.get("new_status"):
            # Closed by someone else since the page was opened: say so, never drop the change silently.
            self.add_error(None, _("This report is closed: its status can no longer change."))
        if data.get("new_status"):
            # The admin saves in one transaction: the row stays locked, so the change checked here is the one saved.
            with locked(self.instance, "status"):
                try:
                    self.instance.check_transition(
                        data["new_status"], internal_note=data.get("internal_note", ""), partner=data.get("partner")
                    )
                except ValidationError as error:
                    self.add_error(ERROR_FIELDS.get(error.code), error)
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        widget=forms.TextInput(attrs={"size": 50}),
        help_text=_(
            "Recorded in the audit trail, e.g. “calling the reporter back about the location”. "
            "Do not write the reporter's name here."
        ),
    )


class OverdueFilter(admin.SimpleListFilter):
    title = _("first response")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("Overdue")), ("no", _("Not overdue"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.overdue()
        if self.value() == "no":
            return queryset.not_overdue()
        return queryset


@admin.register(Report)
class ReportAdmin(LongChangeList, admin.ModelAdmin):
    form = ReportAdminForm
    list_display = ["reference", "category", "priority", "status", "assignee", "first_response", "created_at"]
    list_filter = [
        "status",
        "category",
        "priority",
        ("assigned_to", StaffListFilter),
        OverdueFilter,
        ("created_at", admin.DateFieldListFilter),
    ]
    list_select_related = ["assigned_to"]
    search_fields = ["reference"]
    search_help_text = _("Reference code, e.g. LPR-7K4M-Q2XH (upper or lower case, with or without dashes).")
    show_full_result_count = False  # the filtered count only, not a second count of every report
    actions = ["export_reporter_data", "erase_reporter_identity"]
    fieldsets = [
        (_("Report"), {"fields": ["reference", "category", "description", "created_at"]}),
        (
            _("Where and when"),
            {"fields": ["kecamatan", "village", "location_details", "occurred_on", "occurred_approximately"]},
        ),
        (_("Who is involved"), {"fields": ["involved_name", "involved_nationality", "involved_description"]}),
        (_("Reporter"), {"fields": ["identity", "reporter_identity", "consent_given_at", "language"]}),
        (
            _("Triage"),
            {
                "fields": [
                    "status",
                    "priority",
                    "assigned_to",
                    "first_response",
                    "closed_at",
                    "identity_erased_at",
                    "photos_purged_at",
                ]
            },
        ),
    ]
    editable_fields = ("priority", "assigned_to")
    workflow_fieldset = (
        _("Change status"),
        {
            "fields": WORKFLOW_FIELDS,
            "description": _("Leave “New status” unchanged to save only the priority and the assignee."),
        },
    )

    # --- permissions: reports come only from the public form and are never deleted here ------------

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_manage_reporter_data_permission(self, request):
        return request.user.has_perm("reports.manage_reporter_data")

    def lookup_allowed(self, lookup, value, request):
        return lookup.split(LOOKUP_SEP)[0] in FILTERABLE_FIELDS and super().lookup_allowed(lookup, value, request)

    @staticmethod
    def can_see_identity(request) -> bool:
        return request.user.has_perm("reports.view_reporter_identity")

    # --- list -----------------------------------------------------------------------------------

    @admin.display(description=_("first response due"), ordering="first_response_due")
    def first_response(self, report):
        due = formats.localize(report.first_response_due)
        if report.is_overdue:
            return format_html(
                '<span class="report-overdue"><img src="{}" alt=""> <strong>{}</strong> {}</span>',
                static("admin/img/icon-alert.svg"),
                gettext("OVERDUE"),
                due,
            )
        return due

    def get_search_results(self, request, queryset, search_term):
        """Find a report by its reference as people type it: any case, with or without dashes or prefix."""
        term = search_term.strip()
        if not term:
            return queryset, False
        reference = normalise_reference(term)
        if reference:
            return queryset.filter(reference=reference), False
        fragment = "".join(ch for ch in term.upper() if ch.isalnum()).removeprefix(REFERENCE_PREFIX)
        return queryset.with_reference_containing(fragment), False

    # --- detail ---------------------------------------------------------------------------------

    def can_triage(self, request, report) -> bool:
        return report is not None and report.is_open and self.has_change_permission(request, report)

    def get_fieldsets(self, request, obj=None):
        return [*self.fieldsets, self.workflow_fieldset] if self.can_triage(request, obj) else self.fieldsets

    def get_readonly_fields(self, request, obj=None):
        fields = [field for _name, options in self.fieldsets for field in options["fields"]]
        if self.can_triage(request, obj):
            return [field for field in fields if field not in self.editable_fields]
        return fields

    @admin.display(description=_("reporter's name, phone and email"))
    def reporter_identity(self, report):
        if report.identity_erased_at:
            erased = formats.localize(timezone.localtime(report.identity_erased_at).date())
            return gettext("Erased on %(date)s") % {"date": erased}
        if not report.has_contact:
            return gettext("None: the reporter chose to stay anonymous.")
        return gettext("%(mask)s (hidden)") % {"mask": MASK}

    assignee = full_name_column("assigned_to", _("assigned to"))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assigned_to":
            kwargs["queryset"] = triage.triage_staff()
            kwargs["form_class"] = StaffChoiceField
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        """Priority, assignee and status change, each recorded in the report's history; the admin saves them
        in one transaction, so either all are saved or none."""
        current = Report.objects.get(pk=obj.pk)
        if "priority" in form.changed_data:
            triage.set_priority(current, obj.priority, by=request.user)
        if "assigned_to" in form.changed_data:
            triage.assign(current, obj.assigned_to, by=request.user)
        to = form.cleaned_data.get("new_status")
        if to:
            triage.change_status(
                current,
                to,
                by=request.user,
                internal_note=form.cleaned_data["internal_note"],
                public_message=form.cleaned_data["public_message"],
                partner=form.cleaned_data["partner"],
            )
            messages.success(
                request,
                gettext("Report %(reference)s is now “%(status)s”.")
                % {"reference": current.reference, "status": current.get_status_display()},
            )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        report = self.get_object(request, unquote(object_id))
        extra_context = extra_context or {}
        if report is not None:
            extra_context.update(
                report=report,
                reveal_form=ReasonForm(),
                photos=list(report.photos.all()),
                events=list(report.events.select_related("actor", "partner")),
                can_triage=self.can_triage(request, report),
                can_reveal=report.has_contact and self.can_see_identity(request),
            )
        return super().change_view(request, object_id, form_url, extra_context)

    # --- extra views ----------------------------------------------------------------------------

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name

        def wrap(view_class):
            return self.admin_site.admin_view(view_class.as_view(model_admin=self))

        return [
            path("export.csv", wrap(ExportView), name="{}_{}_export".format(*info)),
            path("<path:object_id>/identity/", wrap(IdentityView), name="{}_{}_identity".format(*info)),
            path("<path:object_id>/photo/<int:photo_id>/", wrap(PhotoView), name="{}_{}_photo".format(*info)),
            *super().get_urls(),
        ]

    # --- the reporter's rights: export and erase ---------------------------------------------

    def _confirm_reporter_data(self, request, queryset, action, title, button):
        """Ask for a reason first; returns (reason, None) once given, else (None, a page or redirect).

        One report is chosen: the request comes from one person, and the other reports with the same email
        or phone number are found from it. Mixing two reporters in one export would leak one to the other.
        """
        if queryset.count() != 1:
            messages.error(request, gettext("Choose exactly one report of the reporter who made the request."))
            return None, redirect(request.get_full_path())
        form = ReasonForm(request.POST if "confirm" in request.POST else None)
        if form.is_bound and form.is_valid():
            return form.cleaned_data["reason"], None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            "button": button,
            "action": action,
            "form": form,
            "selected": queryset,
            "reports": retention.reports_of_reporter(queryset),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return None, TemplateResponse(request, "reports/admin/confirm_reporter_data.html", context)

    @admin.action(description=_("Export everything about the reporter (JSON)"), permissions=["manage_reporter_data"])
    def export_reporter_data(self, request, queryset):
        reason, page = self._confirm_reporter_data(
            request,
            queryset,
            "export_reporter_data",
            gettext("Export the reporter's data"),
            gettext("Export as JSON"),
        )
        if page:
            return page
        data = retention.export_reporter_data(list(queryset), by=request.user, reason=reason)
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="reporter-data-{timezone.localdate():%Y-%m-%d}.json"'
        response["Cache-Control"] = NO_STORE
        return response

    @admin.action(description=_("Erase the reporter's identity (on request)"), permissions=["manage_reporter_data"])
    def erase_reporter_identity(self, request, queryset):
        reason, page = self._confirm_reporter_data(
            request,
            queryset,
            "erase_reporter_identity",
            gettext("Erase the reporter's identity"),
            gettext("Yes, erase it"),
        )
        if page:
            return page
        erased = retention.erase_reporter_identity(list(queryset), by=request.user, reason=reason)
        messages.success(request, gettext("Identity erased from %(count)d report(s).") % {"count": erased})
        return None


@admin.register(IdentityAccess)
class IdentityAccessAdmin(admin.ModelAdmin):
    """The audit trail of looks at reporters' identities: read-only, for supervisors."""

    list_display = ["created_at", "staff_user", "action", "report", "reason"]
    list_filter = ["action", ("user", StaffListFilter), ("created_at", admin.DateFieldListFilter)]
    list_select_related = ["user", "report"]
    search_fields = ["report__reference", "user__username", "user__first_name", "user__last_name"]
    fields = ["created_at", "staff_user", "action", "report", "reason"]
    readonly_fields = fields
    staff_user = full_name_column("user", _("staff user"))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# --- the extra views of the report admin, wired by ReportAdmin.get_urls ----------------------------


class ReportAdminView(View):
    """A view of the report admin (behind ``admin_site.admin_view``: staff only, CSRF-protected)."""

    model_admin: ReportAdmin = None

    def get_report(self, object_id) -> Report:
        report = self.model_admin.get_object(self.request, unquote(object_id))
        if report is None:
            raise Http404
        if not self.model_admin.has_view_permission(self.request, report):
            raise PermissionDenied
        return report

    @staticmethod
    def change_url(report) -> str:
        return reverse("admin:reports_report_change", args=[report.pk])


class ExportView(ReportAdminView):
    """The filtered list as CSV for a spreadsheet, WITHOUT any personal data or free text."""

    http_method_names = ["get"]

    def get(self, request):
        header = [
            gettext("Reference"),
            gettext("Received"),
            gettext("Category"),
            gettext("Priority"),
            gettext("Status"),
            gettext("Assigned to"),
            gettext("First response due"),
            gettext("Overdue"),
            gettext("Closed on"),
            gettext("Kecamatan"),
            gettext("Village / kelurahan"),
            gettext("Nationality of the people involved"),
            gettext("Identity"),
        ]
        filename = f"reports-{timezone.localdate():%Y-%m-%d}.csv"
        return changelist_csv(self.model_admin, request, filename, header, self.rows)

    @staticmethod
    def rows(reports):
        yes, no = gettext("yes"), gettext("no")
        for report in reports.select_related("assigned_to").iterator(EXPORT_CHUNK_SIZE):
            yield [
                report.reference,
                timezone.localtime(report.created_at).strftime("%Y-%m-%d %H:%M"),
                report.get_category_display(),
                report.get_priority_display(),
                report.get_status_display(),
                full_name(report.assigned_to),
                report.first_response_due.isoformat(),
                yes if report.is_overdue else no,
                timezone.localtime(report.closed_at).strftime("%Y-%m-%d %H:%M") if report.closed_at else "",
                report.get_kecamatan_display(),
                report.village,
                report.involved_nationality,
                report.get_identity_display(),
            ]


class IdentityView(ReportAdminView):
    """Ask for the reason (GET, or a POST without one), then show the reporter's identity to a permitted user,
    after recording the look in the audit trail. Never cached."""

    http_method_names = ["get", "post"]

    def dispatch(self, request, *args, **kwargs):
        if not self.model_admin.can_see_identity(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, object_id):
        report = self.get_report(object_id)
        if not report.has_contact:
            return self.nothing_to_reveal(report)
        return self.render(report, form=ReasonForm())

    def post(self, request, object_id):
        report = self.get_report(object_id)
        if not report.has_contact:
            return self.nothing_to_reveal(report)
        form = ReasonForm(request.POST)
        if not form.is_valid():
            return self.render(report, form=form)
        triage.reveal_identity(report, by=request.user, reason=form.cleaned_data["reason"])
        return self.render(report, revealed=True)

    def nothing_to_reveal(self, report):
        messages.info(self.request, gettext("This report holds no identity of the reporter."))
        return redirect(self.change_url(report))

    def render(self, report, *, form=None, revealed=False):
        context = {
            **self.model_admin.admin_site.each_context(self.request),
            "opts": self.model_admin.opts,
            "title": gettext("Reporter of %(reference)s") % {"reference": report.reference},
            "report": report,
            "reveal_form": form,
            "revealed": revealed,
            "change_url": self.change_url(report),
        }
        response = TemplateResponse(self.request, "reports/admin/identity.html", context)
        response["Cache-Control"] = NO_STORE
        return response


class PhotoView(ReportAdminView):
    """One photo of a report, for staff who may see the report."""

    http_method_names = ["get"]

    def get(self, request, object_id, photo_id):
        photo = get_object_or_404(ReportPhoto, pk=photo_id, report=self.get_report(object_id))
        return private_file_response(photo.image.storage, photo.image.name)
