from django.views.generic import DetailView, ListView

from .charts import indicator_charts
from .models import Village


class VillageListView(ListView):
    """The desa binaan program explained, with every village in it."""

    template_name = "villages/index.html"
    context_object_name = "villages"

    def get_queryset(self):
        return Village.objects.for_program_page()


class VillageDetailView(DetailView):
    """One desa binaan: its PIMPASA, why it was chosen, and its yearly indicators. Other villages are 404."""

    template_name = "villages/detail.html"
    context_object_name = "village"

    def get_queryset(self):
        return Village.objects.desa_binaan().select_related("pimpasa").prefetch_related("indicators")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        indicators = list(self.object.indicators.all())
        since = self.object.program_since
        context["indicators"] = indicators
        context["charts"] = indicator_charts(indicators, since.year if since else None)
        return context
