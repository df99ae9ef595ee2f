from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, ListView, TemplateView

from outreach.abuse import counters
from outreach.abuse.responses import TOO_MANY_REQUESTS, too_many_requests

from .forms import VisitRequestForm, VisitRequestLookupForm
from .models import Institution, VisitRequest
from .services import submit_visit_request

# The confirmation page reads the new request's reference from the session (nothing personal in a URL).
SENT_KEY = "visit_request_sent"
LOOKUP_NOT_FOUND = _(
    "We could not find a visit request with this reference code and email address. Check both and try again."
)
LOOKUPS_LIMITED = _(
    "Many lookups were made from this connection in the last hour. To protect the requests, please try again "
    "in an hour."
)


class InstitutionListView(ListView):
    """The Imigrasi Goes to School and Campus program, the institutions in it and a call to request a visit."""

    template_name = "schools/index.html"
    context_object_name = "institutions"
    paginate_by = 30

    def get_queryset(self):
        return Institution.objects.for_program_page()


@method_decorator(sensitive_post_parameters(), name="dispatch")  # names and phone numbers of the public
class VisitRequestView(FormView):
    template_name = "schools/request.html"
    form_class = VisitRequestForm

    def form_valid(self, form):
        # Counted (atomically) only for a request that would be stored: mistakes cost nothing.
        if counters.over_limit(self.request, "school-visit-request", settings.SCHOOL_REQUESTS_PER_HOUR):
            form.add_error(None, TOO_MANY_REQUESTS)
            return too_many_requests(self.request, self.template_name, self.get_context_data(form=form))
        visit_request = submit_visit_request(form.request_data(), language=get_language())
        self.request.session[SENT_KEY] = {
            "reference": visit_request.reference,
            "emailed": bool(visit_request.contact_email),
        }
        return redirect("schools:request_sent")

    def form_invalid(self, form):
        if form.is_spam():  # a bot: it looks sent, but nothing is kept
            return redirect("schools:request_sent")
        if form.has_error("__all__", "too_fast"):
            form.restamp()
        return super().form_invalid(form)


@method_decorator(never_cache, name="dispatch")
class VisitRequestSentView(TemplateView):
    """Thanks, the reference code (when this browser just sent a request) and what happens next."""

    template_name = "schools/request_sent.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, sent=self.request.session.get(SENT_KEY))


@never_cache
@sensitive_post_parameters()
def request_status(request):
    """A teacher checks their request with its reference code and contact email (POST only: nothing personal
    in a URL). A wrong code and a wrong email get the same answer; lookups are limited per client."""
    form = VisitRequestLookupForm(request.POST or None)
    if request.method != "POST":
        return render(request, "schools/request_status.html", {"form": form})
    if counters.over_limit(request, "school-visit-lookup", settings.SCHOOL_LOOKUPS_PER_HOUR):
        form.is_valid()
        form.add_error(None, LOOKUPS_LIMITED)
        return too_many_requests(request, "schools/request_status.html", {"form": form})
    visit_request = None
    if form.is_valid():
        visit_request = VisitRequest.objects.for_status_page(form.cleaned_data["reference"], form.cleaned_data["email"])
        if visit_request is None:
            form.add_error(None, LOOKUP_NOT_FOUND)
    return render(request, "schools/request_status.html", {"form": form, "visit_request": visit_request})
