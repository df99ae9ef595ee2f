import datetime
import hashlib

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.main import SEARCH_VAR
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.forms.formsets import DELETION_FIELD_NAME
from django.forms.models import BaseInlineFormSet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from outreach.changelists import LongChangeList
from outreach.figures_cache import remembered
from outreach.media import private_file_response
from outreach.spreadsheets import EXPORT_CHUNK_SIZE, changelist_csv
from outreach.staff import STAFF_ORDER, StaffListFilter, StaffMultipleChoiceField, full_name, full_name_column

from . import services, tallies
from .admin_views import FromVisitRequestView
from .forms import ActivityPhotoForm
from .models import (
    ATTENDANCE_FIELD_NAMES,
    PROGRAM_KINDS,
    Activity,
    ActivityPhoto,
    Kind,
    Program,
    Status,
    sees_every_activity,
)

PUBLISH = "activities.publish_activity"
EDIT_TEXT = "activities.edit_activity_text"
PUBLIC_TEXT_FIELDS = ["title", "summary"]


# The list's parameters whose published activities the tallies can count and sum (``tally_selection``).
TALLIED_PARAMETERS = {
    *("kind__exact", "program", "status__exact"),
    *("starts_at__year", "starts_at__month", "starts_at__gte", "starts_at__lt"),
    *("p", "o"),  # the page and the order
}


def tally_selection(parameters: dict) -> tuple[list[str], datetime.date, datetime.date, list[str]] | None:
    """The activity list's filters as the tallies see them: the kinds, the local months from ``since`` up to
    ``until`` (left out) and the statuses; None when a filter is one they cannot answer (a place, an officer, a
    day or a week, a search)."""
    parameters = {name: value for name, value in parameters.items() if value or name != SEARCH_VAR}
    if not parameters.keys() <= TALLIED_PARAMETERS:
        return None
    kinds, statuses = Kind.values, Status.values
    if "kind__exact" in parameters:
        kinds = [kind for kind in kinds if kind == parameters["kind__exact"]]
    if parameters.get("program") in Program.values:  # ProgramFilter leaves other values unfiltered
        kinds = [kind for kind in kinds if kind in PROGRAM_KINDS[Program(parameters["program"])]]
    if "status__exact" in parameters:
        statuses = [status for status in statuses if status == parameters["status__exact"]]
    if not kinds or not statuses:  # a value Django's filter would not find either: let it say so
        return None
    since, until = datetime.date(1, 1, 1), datetime.date(9999, 12, 1)
    try:
        if "starts_at__year" in parameters:  # the date hierarchy: a year, or a month of it
            year, month = int(parameters["starts_at__year"]), int(parameters.get("starts_at__month") or 0)
            since = datetime.date(year, month or 1, 1)
            until = datetime.date(year + (month in (0, 12)), month % 12 + 1 if month else 1, 1)
        elif "starts_at__month" in parameters:
            return None
        if "starts_at__gte" in parameters or "starts_at__lt" in parameters:  # "this month", "this year"
            first, after = (_start_of_month(parameters[name]) for name in ("starts_at__gte", "starts_at__lt"))
            if first is None or after is None:
                return None
            since, until = max(since, first), min(until, after)
    except (KeyError, ValueError):
        return None
    return kinds, since, until, statuses


def _start_of_month(value: str) -> datetime.date | None:
    """The month that ``value`` (a moment as DateFieldListFilter writes it) starts, if it is a local midnight on
    the first day of a month."""
    moment = datetime.datetime.fromisoformat(value)
    if timezone.is_naive(moment):
        return None
    local = timezone.localtime(moment)
    if (local.day, local.hour, local.minute, local.second, local.microsecond) != (1, 0, 0, 0, 0):
        return None
    return local.date()


def _edits_text_only(request, obj) -> bool:
    """Content editors (and others without the row right) may change the public text only."""
    return request.user.has_perm(EDIT_TEXT) and (obj is None or not obj.can_be_changed_by(request.user))


class ActivityPhotoFormSet(BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if DELETION_FIELD_NAME in form.fields:  # its column heading is its only label
            field = form.fields[DELETION_FIELD_NAME]
            field.widget.attrs.setdefault("aria-label", field.label)


class ActivityPhotoInline(admin.TabularInline):
    model = ActivityPhoto
    form = ActivityPhotoForm
    formset = ActivityPhotoFormSet
    extra = 1
    fields = ["preview", "image", "caption", "consent_to_publish", "order"]
    readonly_fields = ["preview"]

    @admin.display(description=_("preview"))
    def preview(self, photo):
        if not photo.pk or not photo.image:
            return "—"
        size = "320" if "320" in photo.thumbnails else "original"
        status = gettext("public") if photo.public_files else gettext("not public")
        return format_html(
            '<a href="{}"><img src="{}" alt="{}" width="120" loading="lazy"></a><br><small>{}</small>',
            photo.admin_url(),
            photo.admin_url(size),
            gettext("Open the photo"),
            status,
        )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # The table shows each field's label once, as a column heading: every input carries it too.
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None:
            field.widget.attrs.setdefault("aria-label", capfirst(field.label))
        return field

    # The photos are part of the activity: whoever may change the activity may change its photos.
    def _may_edit(self, request, obj):
        if obj is None:
            return request.user.has_perm("activities.add_activity")
        return obj.can_be_changed_by(request.user)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("activities.view_activity") or self._may_edit(request, obj)

    def has_add_permission(self, request, obj):
        return self._may_edit(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._may_edit(request, obj) or request.user.has_perm(EDIT_TEXT)

    def has_delete_permission(self, request, obj=None):
        return self._may_edit(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if not self._may_edit(request, obj):
            return ["preview", "image", "consent_to_publish", "order"]
        return self.readonly_fields


class ProgramFilter(admin.SimpleListFilter):
    title = _("program")
    parameter_name = "program"

    def lookups(self, request, model_admin):
        return Program.choices

    def queryset(self, request, queryset):
        if self.value() in Program.values:
            return queryset.for_program(self.value())
        return queryset


class PlaceFilter(admin.SimpleListFilter):
    """Filter by place. While few places have activities (``limit``) it lists them; an office with hundreds of
    desa binaan and thousands of schools gets no list of them all (it would outweigh the rest of the page and
    grow with the data): the search box finds a place by part of its name, and a chosen place stays shown."""

    title = _("place")
    parameter_name = "place"
    limit = 30
    FIELDS = {"v": "village", "i": "institution", "r": "reading_corner"}

    def lookups(self, request, model_admin):
        choices = []
        for label, field in self.FIELDS.items():
            # From the places' side: one index probe a place, not a DISTINCT over every activity.
            places = Activity._meta.get_field(field).related_model.objects
            held = Exists(Activity.objects.filter(**{field: OuterRef("pk")}))
            names = places.filter(held).order_by("name").values_list("pk", "name")[: self.limit + 1]
            choices += [(f"{label}{pk}", name) for pk, name in names]
        if len(choices) <= self.limit:
            return choices
        return self.chosen_place()

    def chosen_place(self) -> list:
        value = self.value() or ""
        if value[:1] not in self.FIELDS or not value[1:].isdigit():
            return []
        places = Activity._meta.get_field(self.FIELDS[value[0]]).related_model.objects
        return [(value, name) for name in places.filter(pk=int(value[1:])).values_list("name", flat=True)]

    def queryset(self, request, queryset):
        value = self.value() or ""
        if value[:1] in self.FIELDS and value[1:].isdigit():
            return queryset.filter(**{f"{self.FIELDS[value[0]]}_id": int(value[1:])})
        return queryset


@admin.register(Activity)
class ActivityAdmin(LongChangeList, admin.ModelAdmin):
    inlines = [ActivityPhotoInline]
    list_display = ["title", "kind", "starts_at", "place_name", "attendance_total", "status"]
    list_filter = [
        "kind",
        ProgramFilter,
        "starts_at",
        PlaceFilter,
        ("officers", StaffListFilter),
        "status",
    ]
    list_select_related = ["village", "institution", "reading_corner"]
    date_hierarchy = "starts_at"  # its years come from the index (ActivityQuerySet.datetimes)
    search_fields = ["title"]  # shows the search box; get_search_results searches (ActivityQuerySet.search)
    search_help_text = _(
        "Words of the title or summary (the beginning of each word is enough), or part of the place's name."
    )
    show_full_result_count = False  # no second count of every activity beside the filtered one
    autocomplete_fields = ["village", "institution", "reading_corner", "partners"]
    prepopulated_fields = {"slug": ["title"]}
    actions = ["publish", "unpublish"]
    change_list_template = "admin/activities/activity/change_list.html"

    class Media:
        js = ["activities/activity-admin.js"]

    fieldsets = [
        (None, {"fields": ["kind", "title", "starts_at", "ends_at"]}),
        (_("Place"), {"fields": ["village", "institution", "reading_corner"]}),
        (_("What happened"), {"fields": ["summary", "topics", "audience_types", "officers", "partners", "leaflets"]}),
        (
            _("Attendance"),
            {
                "fields": [
                    ("male_under_18", "male_18_59", "male_60_plus"),
                    ("female_under_18", "female_18_59", "female_60_plus"),
                    "attendance_total",
                ]
            },
        ),
        (_("Follow-up"), {"fields": ["follow_up", "follow_up_due", "follow_up_done"]}),
        (
            _("Publication and record"),
            {
                "fields": [
                    "status",
                    "slug",
                    "internal_notes",
                    "visit_request",
                    "created_by_name",
                    "published_at",
                    "updated_at",
                ]
            },
        ),
    ]

    created_by_name = full_name_column("created_by", _("created by"))

    @admin.display(description=_("place"))
    def place_name(self, activity):
        return activity.place or "—"

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        """The list's count is the one of its totals (``attendance_sums``, remembered): one pass over the filtered
        activities, not a COUNT and then the sums. A search is counted up to ``COUNT_LIMIT`` (LongChangeList) and
        its totals are not computed: summing most of the activity log for a search nobody means ("desa" matches
        nearly all) costs as much as every other part of the page together. Filters are counted and summed in full.
        """
        paginator = super().get_paginator(request, queryset, per_page, orphans, allow_empty_first_page)
        if not request.GET.get(SEARCH_VAR, "").strip():
            paginator.count = self.attendance_sums(request, queryset)["count"]
        return paginator

    def get_search_results(self, request, queryset, search_term):
        return queryset.search(search_term), False

    def get_changelist_instance(self, request):
        """When every matching activity is on the page, the date hierarchy reads its dates from those rows.

        It asks for the first and last ``starts_at`` and then the years, which PostgreSQL answers by walking the
        ``starts_at`` index until a row matches: at once for a filter most activities pass, but through all
        100,000 for a search that finds a few or none (its estimate of a text search's matches is a guess).
        """
        changelist = super().get_changelist_instance(request)
        if not changelist.multi_page:
            changelist.queryset = changelist.queryset.filter(pk__in=[row.pk for row in changelist.result_list])
        return changelist

    def get_queryset(self, request):
        # A colleague's draft is neither listed nor opened (the change page then says it does not exist).
        return super().get_queryset(request).with_places().visible_to(request.user)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        """Officers: checkboxes of active staff by full name (no auth.view_user needed). An office's few staff
        fit a checkbox list, which every screen reader and phone handles (the filtered select does not)."""
        if db_field.name == "officers":
            staff = get_user_model().objects.filter(is_staff=True, is_active=True)
            return StaffMultipleChoiceField(
                queryset=staff.order_by(*STAFF_ORDER),
                widget=forms.CheckboxSelectMultiple,
                required=False,
                label=capfirst(db_field.verbose_name),
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        start = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
        initial.setdefault("starts_at", start)
        initial.setdefault("ends_at", start + datetime.timedelta(hours=2))
        initial.setdefault("officers", [request.user.pk])
        return initial

    # --- row rules ----------------------------------------------------------------------------------

    def has_view_permission(self, request, obj=None):
        if obj is not None and not obj.can_be_seen_by(request.user):
            return False
        return super().has_view_permission(request, obj) or request.user.has_perm(EDIT_TEXT)

    def has_change_permission(self, request, obj=None):
        if request.user.has_perm(EDIT_TEXT):
            return True
        if obj is None:
            return super().has_change_permission(request)
        return obj.can_be_changed_by(request.user)

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            return super().has_delete_permission(request)
        return super().has_delete_permission(request) and obj.can_be_changed_by(request.user)

    def has_publish_permission(self, request):
        return request.user.has_perm(PUBLISH)

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and _edits_text_only(request, obj):
            editable = set(PUBLIC_TEXT_FIELDS)
            return [name for name in self.all_field_names() if name not in editable]
        readonly = ["attendance_total", "visit_request", "created_by_name", "published_at", "updated_at"]
        if not request.user.has_perm(PUBLISH):
            readonly.append("status")
        return readonly

    def get_prepopulated_fields(self, request, obj=None):
        return (
            {} if obj is not None and _edits_text_only(request, obj) else super().get_prepopulated_fields(request, obj)
        )

    def all_field_names(self):
        names = []
        for _name, options in self.fieldsets:
            for entry in options["fields"]:
                names.extend(entry if isinstance(entry, tuple) else [entry])
        return names

    def get_actions(self, request, action_location=admin.ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        # Bulk deletion skips the row rules: supervisors only.
        if not request.user.has_perm(PUBLISH):
            actions.pop("delete_selected", None)
        return actions

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    # --- actions ------------------------------------------------------------------------------------

    @admin.action(description=_("Publish the selected activities"), permissions=["publish"])
    def publish(self, request, queryset):
        count = services.set_status(queryset, Status.PUBLISHED)
        self.message_user(request, gettext("%(count)d activities published.") % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Unpublish the selected activities (back to draft)"), permissions=["publish"])
    def unpublish(self, request, queryset):
        count = services.set_status(queryset, Status.DRAFT)
        self.message_user(request, gettext("%(count)d activities unpublished.") % {"count": count}, messages.SUCCESS)

    # --- changelist totals, CSV export, visit requests ------------------------------------------------

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        context = getattr(response, "context_data", None)
        if context and "cl" in context:
            if not context["cl"].paginator.over_limit:
                context["attendance_sums"] = self.attendance_sums(request, context["cl"].queryset)
            context["attendance_columns"] = ATTENDANCE_FIELD_NAMES
            context["export_query"] = request.GET.urlencode()
        return response

    @staticmethod
    def attendance_sums(request, queryset) -> dict:
        """The totals of the filtered list, remembered a while (outreach.figures_cache): summing every activity
        on each page of the list grows with the log. Keyed by the filters (not the page or the order) and by
        what the user may see."""
        filters = request.GET.copy()
        for name in ("p", "o"):
            filters.pop(name, None)
        filters_key = hashlib.sha256(filters.urlencode().encode()).hexdigest()[:24]
        sees = "all" if sees_every_activity(request.user) else f"user-{request.user.pk}"
        return remembered(
            "admin-activity-sums", lambda: ActivityAdmin.list_totals(request, queryset), sees, filters_key
        )

    @staticmethod
    def list_totals(request, queryset) -> dict:
        """The count and sums of the filtered list. Summing the published activities grows with the log (tens
        of milliseconds at 100,000): when the filters are ones the tallies answer (``tally_selection``), the
        published ones are read from the tallies and only the others (drafts, few) are summed here."""
        selection = tally_selection(request.GET.dict())
        if selection is None:
            return queryset.attendance_sums()
        kinds, since, until, statuses = selection
        totals = queryset.filter(status__in=[status for status in statuses if status != Status.PUBLISHED])
        totals = totals.attendance_sums()
        if Status.PUBLISHED in statuses:
            published = tallies.published_sums(kinds, since, until)
            totals = {name: value + published[name] for name, value in totals.items()}
        return totals

    def get_urls(self):
        urls = [
            path("export.csv", self.admin_site.admin_view(self.export_csv), name="activities_activity_export"),
            path(
                "photo/<int:photo_id>/<str:size>/",
                self.admin_site.admin_view(self.photo_view),
                name="activities_activityphoto_image",
            ),
            path(
                "from-visit-request/<int:visit_request_id>/",
                self.admin_site.admin_view(FromVisitRequestView.as_view(model_admin=self, admin_site=self.admin_site)),
                name="activities_activity_from_visit_request",
            ),
        ]
        return urls + super().get_urls()

    CSV_COLUMNS = [
        ("title", _("title")),
        ("kind", _("kind")),
        ("starts", _("starts at")),
        ("ends", _("ends at")),
        ("place", _("place")),
        ("kecamatan", _("kecamatan")),
        ("officers", _("officers")),
        ("partners", _("partner agencies")),
        ("audience", _("audience")),
        ("topics", _("topics")),
        *((name, Activity._meta.get_field(name).verbose_name) for name in ATTENDANCE_FIELD_NAMES),
        ("attendance_total", _("people reached")),
        ("leaflets", _("leaflets handed out")),
        ("follow_up", _("follow-up needed")),
        ("follow_up_due", _("follow-up due")),
        ("follow_up_done", _("follow-up done")),
        ("status", _("status")),
        ("url", _("public page")),
    ]

    def csv_row(self, request, activity):
        place = activity.place
        local = timezone.localtime
        values = {
            "title": activity.title,
            "kind": activity.get_kind_display(),
            "starts": local(activity.starts_at).strftime("%Y-%m-%d %H:%M"),
            "ends": local(activity.ends_at).strftime("%Y-%m-%d %H:%M"),
            "place": str(place) if place else "",
            "kecamatan": place.get_kecamatan_display() if place else "",
            "officers": "; ".join(full_name(user) for user in activity.officers.all()),
            "partners": "; ".join(partner.name for partner in activity.partners.all()),
            "audience": "; ".join(str(label) for label in activity.get_audience_types_display()),
            "topics": "; ".join(str(label) for label in activity.get_topics_display()),
            **{name: getattr(activity, name) for name in ATTENDANCE_FIELD_NAMES},
            "attendance_total": activity.attendance_total,
            "leaflets": activity.leaflets,
            "follow_up": activity.follow_up,
            "follow_up_due": activity.follow_up_due.isoformat() if activity.follow_up_due else "",
            "follow_up_done": gettext("yes") if activity.follow_up_done else gettext("no"),
            "status": activity.get_status_display(),
            "url": request.build_absolute_uri(activity.get_absolute_url()) if activity.is_published else "",
        }
        return [values[key] for key, _label in self.CSV_COLUMNS]

    def export_csv(self, request):
        """The filtered change list as CSV (UTF-8 with a BOM so that Excel reads it right); no internal notes."""
        return changelist_csv(
            self,
            request,
            f"kegiatan-{timezone.localdate():%Y%m%d}.csv",
            [str(label) for _key, label in self.CSV_COLUMNS],
            lambda activities: (
                self.csv_row(request, activity)
                for activity in activities.defer("search_vector")
                .prefetch_related("officers", "partners")
                .iterator(EXPORT_CHUNK_SIZE)
            ),
        )

    def photo_view(self, request, photo_id, size):
        """A photo from the private storage, for staff who may see its activity."""
        photo = get_object_or_404(ActivityPhoto.objects.select_related("activity"), pk=photo_id)
        if not self.has_view_permission(request, photo.activity):
            raise PermissionDenied
        name = photo.private_name(size)
        if not name:
            raise Http404
        return private_file_response(photo.image.storage, name)
