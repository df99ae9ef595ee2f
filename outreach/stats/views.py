from django.conf import settings
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from outreach.charts import bar_chart
from outreach.spreadsheets import csv_response

from . import areas, tables
from .open_data import FIELDS, licence_line, record_row
from .selectors import Statistics


class StatisticsView(TemplateView):
    """/statistik/: the published figures with their sources, outreach and report figures, charts and tables."""

    template_name = "stats/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        statistics = Statistics.collect()
        outreach, reports = statistics.outreach, statistics.reports
        context.update(
            example_data=statistics.shows_example_data,
            published=[
                (tables.published_table(table), bar_chart(table.chart_values)) for table in statistics.published
            ],
            activities=(tables.activities_table(outreach), bar_chart([(y.year, y.activities_total) for y in outreach])),
            people=(tables.people_table(outreach), bar_chart([(y.year, y.people_total) for y in outreach])),
            places=tables.places_table(outreach),
            reports=[tables.reports_table(reports, by="category"), tables.reports_table(reports, by="status")],
            has_outreach=bool(outreach),
            has_reports=bool(reports),
            licence_name=settings.OPEN_DATA_LICENCE,
            licence_url=settings.OPEN_DATA_LICENCE_URL,
        )
        return context


class KecamatanMapView(TemplateView):
    """/statistik/peta/: reports received next to outreach visits held, per kecamatan, small counts hidden."""

    template_name = "stats/map.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows, since = areas.kecamatan_overview()
        context.update(
            rows=rows,
            since=since,
            markers=areas.map_markers(rows, exact=False),
            exact=False,
            example_data=settings.DEBUG and any(row.reports or row.visits for row in rows),
        )
        return context


def data_csv(request):
    """The figures of /statistik/ as CSV: field descriptions and the licence in ``#`` lines, then one row each."""
    records = Statistics.collect().records()
    comments = [
        _("Statistics of the immigration office's outreach portal, %(date)s.") % {"date": timezone.localdate()},
        licence_line(),
        *(f"{name}: {description}" for name, description in FIELDS),
    ]
    return csv_response(
        f"statistik-{timezone.localdate():%Y%m%d}.csv",
        [name for name, _description in FIELDS],
        ([csv_cell(value) for value in record_row(record).values()] for record in records),
        comments=comments,
    )


def csv_cell(value):
    """JSON's spelling of booleans, so that both files read the same."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def data_json(request):
    """The figures of /statistik/ as JSON, with the field descriptions and the licence."""
    records = Statistics.collect().records()
    data = {
        "title": _("Statistics of the immigration office's outreach portal"),
        "generated": timezone.localdate().isoformat(),
        "licence": {"name": settings.OPEN_DATA_LICENCE, "url": settings.OPEN_DATA_LICENCE_URL, "text": licence_line()},
        "fields": {name: str(description) for name, description in FIELDS},
        "figures": [record_row(record) for record in records],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Access-Control-Allow-Origin"] = "*"
    return response
