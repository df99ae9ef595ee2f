"""The public side of reports: the form, "check your answers", confirmation, and the status lookup.

No page lists reports, and no page shows who made one. Nothing personal goes into a URL: the
draft, the PIN to show once and the authorised status lookup live in the server-side session.
"""

import logging
import time
import uuid

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.shortcuts import redirect, render
from django.utils.datastructures import MultiValueDict
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods, require_POST

from outreach.abuse import counters
from outreach.abuse.clients import client_key
from outreach.abuse.responses import too_many_requests
from outreach.places import Kecamatan

from . import drafts, one_time_pin
from .forms import AddInformationForm, LookupForm, ReportForm, initial_from_query
from .models import Category, Identity, Report
from .services import (
    LOOKUP_PAUSE,
    MAX_FOLLOW_UP_PHOTOS,
    LookupPaused,
    SendingLimitReached,
    add_reporter_information,
    lookup_report,
    public_timeline,
    submit_report,
)

logger = logging.getLogger(__name__)

CONFIRMATION_KEY = "report_confirmation"
STATUS_KEY = "report_status"
STATUS_SESSION_SECONDS = 20 * 60
# The session of the reporting flow ends soon: on a shared phone the next person must not find the answers.
FLOW_SESSION_SECONDS = 2 * 3600


def _retention_days() -> int:
    return settings.REPORT_RETENTION_DAYS


def _report_limit() -> int:
    return settings.REPORT_RATE_LIMIT_PER_HOUR


def _rate_limited_response(request, *, answers_kept=False, reason="reports"):
    return too_many_requests(request, "reports/rate_limited.html", {"answers_kept": answers_kept, "reason": reason})


def _report_form(request, draft, *, data=None, files=None, check_abuse=True, prefill=None):
    if data is not None and files is None:
        files = MultiValueDict()
    return ReportForm(
        data,
        files,
        draft_photos=len(draft["photos"]),
        check_honeypot=check_abuse,
        # Only a new form is checked for speed: a quick correction after a "Change" link is a person.
        check_fill_time=check_abuse and not draft["answers"],
        retention_days=_retention_days(),
        initial=(dict(draft["answers"]) or prefill) if data is None else None,
    )


def _photo_uploads_allowed(request, count: int) -> bool:
    """Count uploaded draft photos per client: nobody may fill the disk by starting draft after draft."""
    key = client_key(request, "report-draft-photos")
    return counters.increment(key, counters.HOUR, events=count) <= settings.REPORT_DRAFT_PHOTOS_PER_HOUR


@never_cache
@sensitive_variables()
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def start(request):
    """The report form (step 1). Answers go to the session, then to "check your answers"."""
    draft, prefill = drafts.start(request), None
    if request.method == "POST":
        form = _report_form(request, draft, data=request.POST, files=request.FILES)
        valid = form.is_valid()
        reason = "reports" if counters.at_limit(request, "report", _report_limit()) else None
        photos = (form.cleaned_data.get("photos") or []) if "photos" not in form.errors else []
        if reason is None and photos and not form.is_spam() and not _photo_uploads_allowed(request, len(photos)):
            reason = "photos"
        if reason:
            if valid:  # keep the answers (not the new photos) for when the hour has passed
                drafts.save(request, draft, form.answers(), remove=[], new_photos=[])
                request.session.set_expiry(FLOW_SESSION_SECONDS)
            return _rate_limited_response(request, answers_kept=valid, reason=reason)
        if valid:
            remove = [int(index) for index in form.cleaned_data["remove_photos"]]
            drafts.save(request, draft, form.answers(), remove=remove, new_photos=form.cleaned_data["photos"])
            request.session.set_expiry(FLOW_SESSION_SECONDS)
            return redirect("reports:review")
        draft = _keep_good_photos(request, draft, form)
        # A fresh stamp when one problem was speed; otherwise keep the first one.
        if form.has_error("__all__", "too_fast"):
            form.restamp()
    else:
        prefill = initial_from_query(request.GET)
        form = _report_form(request, draft, prefill=prefill)
    return render(
        request,
        "reports/form.html",
        {
            "form": form,
            "draft_photos": len(draft["photos"]),
            "retention_days": _retention_days(),
            "has_draft": bool(draft["answers"] or draft["photos"]),
            # A new, empty form is the same for everyone in a language: its fields come from the cache.
            "pristine": not form.is_bound and not (draft["answers"] or draft["photos"] or prefill),
            "page_cache_seconds": settings.PAGE_CACHE_SECONDS,
        },
    )


def _keep_good_photos(request, draft, form):
    """A mistake elsewhere in the form must not cost the reporter their photos: keep the good ones."""
    photos = form.cleaned_data.get("photos") if "photos" not in form.errors else None
    if not photos or form.has_error("__all__", "honeypot") or form.has_error("__all__", "too_fast"):
        return draft
    remove = [int(index) for index in form.cleaned_data.get("remove_photos") or []]
    draft = drafts.save(request, draft, draft["answers"], remove=remove, new_photos=photos)
    request.session.set_expiry(FLOW_SESSION_SECONDS)
    form.draft_photos = len(draft["photos"])
    form.fields["remove_photos"].choices = ReportForm.remove_choices(form.draft_photos)
    return draft


def _review_context(form, draft):
    data = form.cleaned_data
    return {
        "form": form,
        "answers": data,
        "category_label": Category(data["category"]).label,
        "identity_label": Identity(data["identity"]).label,
        "kecamatan_label": Kecamatan(data["kecamatan"]).label if data.get("kecamatan") else "",
        "with_contact": data["identity"] == Identity.WITH_CONTACT,
        "photo_count": len(draft["photos"]),
        "token": draft["token"],
        "retention_days": _retention_days(),
    }


def _confirm(request, report):
    """The confirmation page shows the reference and, if it still waits there, the report's PIN (once)."""
    request.session[CONFIRMATION_KEY] = {"reference": report.reference, "token": str(report.submission_token)}
    return redirect("reports:done")


@never_cache
@sensitive_variables()
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def review(request):
    """Check your answers (step 2), with "change" links; sending stores the report."""
    draft = drafts.get(request)
    if draft is None:
        if request.method == "POST":
            # A re-sent POST after the report was stored (the second click of a double-click, whose answer is
            # the one the browser shows): its confirmation, with the PIN if it was not shown yet.
            report = Report.objects.filter(submission_token=_token(request)).first()
            if report is not None:
                return _confirm(request, report)
        messages.info(request, _("Your answers are no longer available. Please fill in the form again."))
        return redirect("reports:start")
    form = _report_form(request, draft, data=draft["answers"], check_abuse=False)
    if not form.is_valid() or not draft["answers"]:
        return redirect("reports:start")
    if request.method == "GET":
        return render(request, "reports/review.html", _review_context(form, draft))

    try:
        photos = drafts.photo_files(draft)
        # A report already stored with this token (the second click of a double-click) comes back as it is.
        report, _pin = submit_report(
            form.cleaned_data,
            photos,
            submission_token=draft["token"],
            language=get_language(),
            # Counted (atomically) as the report is stored: parallel requests cannot all slip under the limit,
            # and the second request of a double-click is not counted.
            sender=client_key(request, "report"),
        )
    except SendingLimitReached:
        return _rate_limited_response(request, answers_kept=True)
    except (DatabaseError, OSError, ValidationError) as error:
        try:
            existing = Report.objects.filter(submission_token=draft["token"]).first()
        except DatabaseError:  # the database itself is away
            existing = None
        if existing is not None:
            return _after_submit(request, draft, existing)
        # Only the kind of error: database messages can quote the row, reporter's details included.
        logger.error("A report could not be stored (%s); the reporter was told.", type(error).__name__)
        context = {**_review_context(form, draft), "save_failed": True}
        return render(request, "reports/review.html", context, status=503)
    return _after_submit(request, draft, report)


def _token(request) -> str:
    token = request.POST.get("token", "")
    try:
        return str(uuid.UUID(token))
    except ValueError:
        return "00000000-0000-0000-0000-000000000000"


def _after_submit(request, draft, report):
    """The draft is done with; the confirmation page shows the reference and the PIN kept for its token."""
    drafts.discard(request, draft)
    return _confirm(request, report)


@never_cache
@sensitive_post_parameters()
@require_POST
def discard(request):
    """ "Delete my draft": the answers and the draft photos are removed at once (a shared phone)."""
    drafts.discard(request)
    request.session.pop(CONFIRMATION_KEY, None)
    request.session.cycle_key()
    messages.info(
        request, _("Your draft was deleted: its answers and photos are gone from this device and from our server.")
    )
    return redirect("reports:start")


@never_cache
def done(request):
    """The confirmation: reference code and, once only, the PIN (taken from the database as it is shown)."""
    confirmation = request.session.get(CONFIRMATION_KEY)
    if not confirmation:
        return redirect("reports:start")
    pin = one_time_pin.take(confirmation.get("token"))
    context = {"reference": confirmation["reference"], "pin": pin, "pin_shown_before": not pin}
    return render(request, "reports/done.html", context)


# --- status lookup --------------------------------------------------------------------------------


def _authorised_report(request):
    authorised = request.session.get(STATUS_KEY)
    if not authorised or authorised.get("until", 0) < time.time():
        request.session.pop(STATUS_KEY, None)
        return None
    return Report.objects.filter(pk=authorised["report"]).first()


@never_cache
@sensitive_variables()
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def status(request):
    """Enter the reference code and PIN (POST only: nothing personal in a URL)."""
    form = LookupForm(request.POST or None)
    if request.method == "POST" and counters.over_limit(request, "report-lookup", settings.REPORT_LOOKUPS_PER_HOUR):
        form.is_valid()
        form.add_error(
            None,
            _(
                "Many lookups were made from this connection in the last hour. To protect reports, please try "
                "again in an hour."
            ),
        )
        return too_many_requests(request, "reports/lookup.html", {"form": form})
    if request.method == "POST" and form.is_valid():
        try:
            report = lookup_report(form.cleaned_data["reference"], form.cleaned_data["pin"])
        except LookupPaused:
            minutes = int(LOOKUP_PAUSE.total_seconds() // 60)
            form.add_error(
                None,
                _(
                    "Too many wrong attempts for this code. To protect reports, lookups of this code are paused "
                    "for %(minutes)s minutes. Please try again later."
                )
                % {"minutes": minutes},
            )
        else:
            if report is not None:
                if request.session.session_key is not None:  # a session that existed before: a new key for it
                    request.session.cycle_key()
                request.session[STATUS_KEY] = {"report": report.pk, "until": time.time() + STATUS_SESSION_SECONDS}
                request.session.set_expiry(STATUS_SESSION_SECONDS)
                return redirect("reports:status_detail")
            form.add_error(None, _("We could not find a report with this code and PIN. Check both and try again."))
    return render(request, "reports/lookup.html", {"form": form, "page_cache_seconds": settings.PAGE_CACHE_SECONDS})


@never_cache
@sensitive_variables()
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def status_detail(request):
    """The status, the public timeline and, while open, a form to add information."""
    report = _authorised_report(request)
    if report is None:
        messages.info(request, _("For your safety, please enter your code and PIN again."))
        return redirect("reports:status")
    form = AddInformationForm()
    if request.method == "POST":
        form = AddInformationForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                add_reporter_information(report, form.cleaned_data["text"], form.cleaned_data["photo"])
            except ValidationError as error:
                form.add_error(None, error)
            except (DatabaseError, OSError) as error:
                logger.error("Information for a report could not be stored (%s).", type(error).__name__)
                form.add_error(None, _("Your information was NOT stored because of a problem on our side. Try again."))
            else:
                messages.success(request, _("Thank you. Your information was added to the report."))
                return redirect("reports:status_detail")
    context = {
        "report": report,
        "timeline": public_timeline(report),
        "form": form,
        "max_follow_up_photos": MAX_FOLLOW_UP_PHOTOS,
        "page_cache_seconds": settings.PAGE_CACHE_SECONDS,
    }
    return render(request, "reports/status.html", context, status=400 if form.errors else 200)


@sensitive_post_parameters()
@require_POST
def status_end(request):
    request.session.pop(STATUS_KEY, None)
    messages.info(request, _("You have closed the report. Enter your code and PIN to open it again."))
    return redirect("reports:status")
