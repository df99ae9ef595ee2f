"""/petugas/: the officer's field app. Plain pages that work without JavaScript, and the JSON the phone's
queue is sent to (one entry per request, idempotent by the entry's phone-made id)."""

import hashlib
import json
from datetime import datetime, time, timedelta
from functools import wraps
from uuid import UUID, uuid4

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from outreach.activities.models import Activity
from outreach.reading_corners.models import ReadingCorner
from outreach.schools.models import Institution
from outreach.villages.models import Village

from . import services
from .forms import MAX_PHOTOS, PHOTO_PREFIX, FieldActivityForm, PhotoFormSet, as_pairs

SCHEDULE_DAYS = 7
ENTRIES_PER_PAGE = 20


def field_staff_required(view):
    """Anonymous → the staff log-in (back here afterwards); staff without the officer or supervisor role → 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        if not services.may_use_field_app(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@never_cache
@field_staff_required
def start(request):
    today = timezone.localdate()
    window_start = timezone.make_aware(datetime.combine(today, time.min))
    window_end = window_start + timedelta(days=SCHEDULE_DAYS + 1)
    schedule = list(
        Activity.objects.with_places()
        .select_related("field_submission")
        .prefetch_related("partners")
        .filter(officers=request.user, starts_at__gte=window_start, starts_at__lt=window_end)
        .order_by("starts_at")
    )
    for activity in schedule:
        activity.completion_error = services.completion_error(activity)
        # What the form is filled with when the phone opens it from its own copy, without signal.
        initial = FieldActivityForm.initial_from(activity)
        activity.prefill = json.dumps([*as_pairs(initial), ["scheduled", str(activity.pk)]])
    return render(request, "field/start.html", {"schedule": schedule, "today": today})


def _scheduled_from(request, value):
    if not value:
        return None
    try:
        return services.visible_activities(request.user).prefetch_related("partners").get(pk=int(value))
    except (ValueError, Activity.DoesNotExist):
        raise Http404 from None


@never_cache
@field_staff_required
def new(request):
    """The form as a plain online form (without JavaScript); with JavaScript it fills the phone's queue."""
    scheduled = _scheduled_from(request, request.POST.get("scheduled") or request.GET.get("dari"))
    if request.method == "POST":
        try:
            client_id = UUID(request.POST.get("client_id", ""))
        except ValueError:
            client_id = uuid4()
        outcome = services.receive_entry(client_id, request.POST, request.FILES, request.user, scheduled)
        if outcome.submission is not None:
            activity = outcome.submission.activity
            messages.success(request, _("“%(title)s” was saved as a draft.") % {"title": activity.title})
            return redirect("field:entries")
        form, photos = outcome.form, outcome.photos
    else:
        client_id = uuid4()
        initial = FieldActivityForm.initial_from(scheduled) if scheduled else {}
        form = FieldActivityForm(initial=initial)
        photos = PhotoFormSet(prefix=PHOTO_PREFIX, instance=Activity())
    context = {
        "form": form,
        "photos": photos,
        "client_id": client_id,
        "scheduled": scheduled,
        "max_photos": MAX_PHOTOS,
    }
    return render(request, "field/form.html", context)


@never_cache
@field_staff_required
def entries(request):
    """Entries in the visit log: officers see their own, supervisors everyone's."""
    activities = (
        services.visible_activities(request.user)
        .select_related("created_by")
        .annotate(photo_count=Count("photos"))
        .order_by("-created_at")
    )
    page = Paginator(activities, ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "field/entries.html", {"page_obj": page, "activities": page.object_list})


@never_cache
@field_staff_required
@require_GET
def places(request):
    """The places an activity can be held at, for the phone to keep (names only: nothing personal)."""

    def rows(queryset):
        return [{"id": pk, "name": name} for pk, name in queryset.order_by("name").values_list("pk", "name")]

    return JsonResponse(
        {
            "village": rows(Village.objects.all()),
            "institution": rows(Institution.objects.all()),
            "reading_corner": rows(ReadingCorner.objects.active()),
        }
    )


def _json_error(status, code, message, **extra):
    return JsonResponse({"status": code, "message": message, **extra}, status=status)


def _errors(form) -> dict:
    return {field: [str(message) for message in messages_] for field, messages_ in form.errors.items()}


def _entry_answer(submission) -> dict:
    activity = submission.activity
    return {
        "status": "received",
        "client_id": str(submission.client_id),
        "activity": {"id": activity.pk, "title": activity.title, "status": activity.status},
    }


@never_cache
@require_POST
def sync(request):
    """One queued entry (multipart, CSRF-protected, session log-in); the same id twice gives the same answer."""
    if not request.user.is_authenticated:
        return _json_error(401, "login", _("Your session has ended. Log in again; the entries stay on this phone."))
    if not services.may_use_field_app(request.user):
        return _json_error(403, "forbidden", _("Your account may not log activities."))
    try:
        client_id = UUID(request.POST.get("client_id", ""))
    except ValueError:
        return _json_error(
            400, "invalid", _("The entry has no valid id."), errors={"client_id": [_("The entry has no valid id.")]}
        )
    try:
        scheduled = _scheduled_from(request, request.POST.get("scheduled"))
        outcome = services.receive_entry(client_id, request.POST, request.FILES, request.user, scheduled)
    except Http404:
        return _json_error(
            400, "invalid", _("The scheduled activity is not available."), errors={"scheduled": [_("Not found.")]}
        )
    except PermissionDenied:
        return _json_error(403, "forbidden", _("This entry belongs to another officer."))
    if outcome.submission is None:
        photo_errors = [_errors(photo) for photo in outcome.photos.forms]
        return _json_error(
            400,
            "invalid",
            _("Please correct the entry."),
            errors=_errors(outcome.form),
            photo_errors=photo_errors,
            photo_form_errors=[str(error) for error in outcome.photos.non_form_errors()],
        )
    return JsonResponse(_entry_answer(outcome.submission), status=201 if outcome.created else 200)


THEME_COLOR = "#1d4f73"


@require_GET
def manifest(request):
    """The web app manifest: installable, opening the start page, scoped to the field app."""
    scope = reverse("field:start")
    content = {
        "name": _("Field app of the immigration officers"),
        "short_name": _("Field app"),
        "lang": get_language(),
        "start_url": scope,
        "scope": scope,
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOR,
        "icons": [
            {"src": static("field/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
            {"src": static("field/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("field/icon-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "any maskable"},
        ],
    }
    return JsonResponse(content, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False})


@require_GET
def service_worker(request):
    """Served from /petugas/ so that its scope is the field app and nothing above it."""
    draft = render_to_string("field/sw.js", {"version": ""}, request=request)
    version = hashlib.sha256(draft.encode()).hexdigest()[:12]  # a new cache whenever an asset name changes
    content = render_to_string("field/sw.js", {"version": version}, request=request)
    response = HttpResponse(content, content_type="text/javascript")
    response["Cache-Control"] = "no-cache"
    return response
