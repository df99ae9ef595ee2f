from django.conf import settings
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, ListView, TemplateView

from outreach import abuse

from .forms import VisitRequestForm
from .models import Institution
from .services import submit_visit_request


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
        if abuse.over_limit(self.request, "school-visit-request", settings.SCHOOL_REQUESTS_PER_HOUR):
            form.add_error(None, abuse.TOO_MANY_REQUESTS)
            response = self.form_invalid(form)
            response.status_code = 429
            response["Retry-After"] = str(int(abuse.HOUR.total_seconds()))
            return response
        submit_visit_request(form.request_data())
        return redirect("schools:request_sent")

    def form_invalid(self, form):
        if form.is_spam():  # a bot: it looks sent, but nothing is kept
            return redirect("schools:request_sent")
        if form.has_error("__all__", "too_fast"):
            form.restamp()
        return super().form_invalid(form)


class VisitRequestSentView(TemplateView):
    template_name = "schools/request_sent.html"
