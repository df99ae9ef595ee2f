from django.conf import settings
from django.views.generic import DetailView, ListView

from .models import ReadingCorner


class ReadingCornerListView(ListView):
    """Active reading corners as a list (always) and on a map (when JavaScript runs), a page at a time."""

    template_name = "reading_corners/index.html"
    context_object_name = "corners"
    paginate_by = 30

    def get_queryset(self):
        return ReadingCorner.objects.for_public_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["markers"] = [marker for corner in context["corners"] if (marker := corner.map_marker())]
        context["tile_url"] = settings.MAP_TILE_URL
        context["tile_attribution"] = settings.MAP_TILE_ATTRIBUTION
        return context


class ReadingCornerDetailView(DetailView):
    template_name = "reading_corners/detail.html"
    context_object_name = "corner"

    def get_queryset(self):
        return ReadingCorner.objects.active()
