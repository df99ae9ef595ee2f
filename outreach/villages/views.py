from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from .charts import indicator_charts
from .models import Village, VillageIndicator


class VillageListView(ListView):
    """The desa binaan program explained, with every village in it."""

    template_name = "villages/index.html"
    context_object_name = "villages"
    paginate_by = 30

    def get_queryset(self):
        return Village.objects.for_program_page()


class VillageDetailView(DetailView):
    """One desa binaan: its PIMPASA, why it was chosen, and its yearly indicators. Other villages are 404."""

    template_name = "villages/detail.html"
    context_object_name = "village"

    def get_queryset(self):
        published = Prefetch("indicators", VillageIndicator.objects.published(), to_attr="published_indicators")
        return Village.objects.desa_binaan().select_related("pimpasa").prefetch_related(published)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Only published figures, which always have their source, are shown and drawn.
        indicators = [indicator for indicator in self.object.published_indicators if indicator.source]
        since = self.object.program_since
        context["indicators"] = indicators
        context["charts"] = indicator_charts(indicators, since.year if since else None)
        context["example_data"] = any(indicator.example_data for indicator in indicators)
        context["indicator_sources"] = "; ".join(sorted({indicator.source for indicator in indicators}))
        return context
