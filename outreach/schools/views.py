from django.shortcuts import redirect
from django.views.generic import FormView, ListView, TemplateView

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


class VisitRequestView(FormView):
    template_name = "schools/request.html"
    form_class = VisitRequestForm

    def form_valid(self, form):
        if not form.is_spam():
            submit_visit_request(form.request_data())
        return redirect("schools:request_sent")


class VisitRequestSentView(TemplateView):
    template_name = "schools/request_sent.html"
