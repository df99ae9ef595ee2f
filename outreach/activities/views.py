from functools import partial

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from outreach.figures_cache import remembered

from . import tallies
from .forms import ActivityFilterForm
from .models import Activity

PER_PAGE = 12
SCHEDULE_LIMIT = 100


def index(request):
    """Published activities, newest first, a page at a time (``?page=N``, links that work without JavaScript).

    Flat at 100,000 activities: the year choices and the count come from the tallies (tallies.py), remembered a
    while (outreach.figures_cache: any saved activity drops them); the page is read from the
    ``activity_public_list`` index alone, its 12 ids in a subquery (a deep page skips index entries, never
    rows), then those 12 rows with their places and photos.
    """
    published = Activity.objects.published().started()
    form = ActivityFilterForm(request.GET or None, years=remembered("activity-years", tallies.years_held))
    ids = form.filter(published).newest_first().values_list("pk", flat=True)
    paginator = Paginator(ids, PER_PAGE)
    chosen = form.cleaned_data if form.is_valid() else {}
    if chosen.get("desa"):  # a village's own entries of the activity_village_published index: few
        count = ids.count
    else:  # every activity held, or a program's or a year's: from the tallies, not an index of them all
        count = partial(tallies.held_count, chosen.get("program") or None, chosen.get("year"))
    paginator.count = remembered("activity-list-count", count, *form.applied_filters())
    page_obj = paginator.get_page(request.GET.get("page"))
    activities = Activity.objects.filter(pk__in=page_obj.object_list).with_places().with_public_photos()
    page_obj.object_list = list(activities.newest_first())
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
