from itertools import groupby

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from outreach.abuse import counters
from outreach.abuse.responses import TOO_MANY_REQUESTS, too_many_requests

from .forms import FeedbackForm, JobOfferCheckForm
from .job_offer import assess
from .models import Page

FEEDBACK_SCOPE = "page-feedback"


def index(request):
    """Every published page, grouped by topic."""
    pages = list(Page.objects.for_public_list())
    topics = [(topic, list(items)) for topic, items in groupby(pages, key=lambda page: page.topic)]
    return render(request, "pages/index.html", {"topics": topics})


def _published_page(slug):
    queryset = Page.objects.published().select_related("topic").prefetch_related("links")
    return get_object_or_404(queryset, slug=slug)


def detail(request, slug):
    page = _published_page(slug)
    return render(request, "pages/detail.html", _detail_context(page, FeedbackForm()))


def _detail_context(page, form):
    links = list(page.links.all())
    return {
        "page": page,
        "official_links": [link for link in links if link.kind == "official"],
        "sources": [link for link in links if link.kind == "source"],
        "service_sections": page.service_sections(),
        "feedback_form": form,
    }


@csrf_exempt
@require_POST
def feedback(request, slug):
    """Save a "was this page helpful?" answer; nothing about the reader is kept.

    Without CSRF protection, so that the information pages carry no token and can be cached for everyone:
    a forged answer changes nothing but a counter, is rate-limited per client (PAGE_FEEDBACK_PER_HOUR) and
    holds no personal data; the honeypot and the fill-time stamp still apply.
    """
    page = _published_page(slug)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        if form.is_spam():
            return redirect(page.get_absolute_url())
        return render(request, "pages/detail.html", _detail_context(page, form), status=400)
    if counters.over_limit(request, FEEDBACK_SCOPE, settings.PAGE_FEEDBACK_PER_HOUR):
        form.add_error(None, TOO_MANY_REQUESTS)
        return too_many_requests(request, "pages/detail.html", _detail_context(page, form))
    answer = form.save(commit=False)
    answer.page = page
    answer.language = (get_language() or "id").split("-")[0]
    answer.save()
    messages.success(request, _("Thank you: your answer helps us improve this page."))
    return redirect(f"{page.get_absolute_url()}#feedback")


def job_offer_check(request):
    """The checklist: answered by a GET form (works without JavaScript), judged here, stored nowhere."""
    form = JobOfferCheckForm(request.GET if "checked" in request.GET else None)
    assessment = assess(form.cleaned_data["signs"]) if form.is_bound and form.is_valid() else None
    return render(request, "pages/job_offer_check.html", {"form": form, "assessment": assessment})
