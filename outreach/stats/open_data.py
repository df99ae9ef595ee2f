"""The open data of /statistik/: one flat row per figure, the same in CSV and JSON."""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .selectors import Record

FIELDS = [
    ("key", gettext_lazy("unique name of the figure: dataset/part/year (published figures: published/series/year)")),
    ("dataset", gettext_lazy("published (figures published by the office) or the computed table it belongs to")),
    ("series", gettext_lazy("code of the series")),
    ("series_label", gettext_lazy("name of the series")),
    ("part", gettext_lazy("code of the part (program, sex and age group, category…); empty for a whole figure")),
    ("part_label", gettext_lazy("name of the part")),
    ("year", gettext_lazy("the year counted")),
    ("as_of", gettext_lazy("the date the figure refers to (YYYY-MM-DD): counted from 1 January up to this day")),
    ("value", gettext_lazy("the figure; empty when it is under 5 and hidden to protect the people counted")),
    ("value_display", gettext_lazy("the figure as shown on the page (“< 5” when hidden)")),
    ("note", gettext_lazy("a note on the figure")),
    ("source", gettext_lazy("the source of the figure")),
    ("source_url", gettext_lazy("a link to the source, when there is one")),
    ("example_data", gettext_lazy("true for example (demo) data of a development install, never real figures")),
]


def licence_line() -> str:
    return _("Licence: %(name)s (%(url)s). Cite the source given for each figure.") % {
        "name": settings.OPEN_DATA_LICENCE,
        "url": settings.OPEN_DATA_LICENCE_URL,
    }


def record_row(record: Record) -> dict:
    """One figure as a flat dict, in the order of FIELDS."""
    return {
        "key": record.key,
        "dataset": record.dataset,
        "series": record.series,
        "series_label": record.series_label,
        "part": record.part,
        "part_label": record.part_label,
        "year": record.year,
        "as_of": record.as_of.isoformat(),
        "value": record.value,
        "value_display": record.display,
        "note": record.note,
        "source": record.source,
        "source_url": record.source_url,
        "example_data": record.example_data,
    }
