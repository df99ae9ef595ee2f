from django.shortcuts import render
from django.utils.translation import get_language

from .engine import MAX_QUERY_LENGTH, search


def index(request):
    """/cari/?q=…: public content of every kind, ranked, with a count per kind."""
    query = request.GET.get("q", "")
    results = search(query, (get_language() or "id").split("-")[0])
    context = {"results": results, "search_query": results.query, "max_length": MAX_QUERY_LENGTH}
    return render(request, "search/index.html", context)
