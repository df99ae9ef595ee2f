from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from .forms import ActivityFilterForm
from .models import Activity

PER_PAGE = 12
SCHEDULE_LIMIT = 100


def index(request):
    published = Activity.objects.published().started()
    years = [day.year for day in published.dates("starts_at", "year", order="DESC")]
    form = ActivityFilterForm(request.GET or None, years=years)
    activities = form.filter(published).with_places().with_public_photos().order_by("-starts_at")
    page_obj = Paginator(activities, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page_obj": page_obj,
        "activities": page_obj.object_list,
        "query_string": query.urlencode(),
    }
    return render(request, "activities/index.html", context)


def detail(request, slug):
    queryset = Activity.objects.published().with_places().with_public_photos().prefetch_related("partners")
    activity = get_object_or_404(queryset, slug=slug)
    return render(request, "activities/detail.html", {"activity": activity})


def schedule(request):
    activities = Activity.objects.published().upcoming().with_places()[:SCHEDULE_LIMIT]
    return render(request, "activities/schedule.html", {"activities": activities})
