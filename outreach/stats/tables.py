"""Tables of figures, ready for a page, a print-out or a CSV download: the same object feeds all three.

A ``Cell`` holds a number (``None`` when it is hidden as under 5) or a text, and the ``key`` of its figure in the
open data, so that the page and the open data can be checked against each other.
"""

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from outreach.activities.models import ATTENDANCE_FIELD_NAMES, Activity, Program
from outreach.reports.models import Category
from outreach.reports.models import Status as ReportStatus

from .selectors import (
    PLACE_KINDS,
    SUPPRESSED,
    Change,
    OutreachYear,
    ReportsYear,
    SeriesTable,
    computed_key,
    figure_key,
    outreach_source,
    place_label,
    reports_source,
)


@dataclass(frozen=True)
class Cell:
    value: int | None = None
    text: str = ""
    key: str = ""
    url: str = ""
    numeric: bool = True

    @property
    def display(self) -> str:
        """The cell as text (numbers grouped the way the current language writes them)."""
        if not self.numeric:
            return self.text
        if self.value is None:
            return SUPPRESSED
        return number_format(self.value, force_grouping=True)

    @property
    def td(self) -> str:
        """The cell's ``<td>`` on the page: made here rather than in the template, whose per-cell tags would
        cost more than all the figures' queries on a page of many years."""
        attributes = format_html(' data-key="{}"', self.key) if self.key else ""
        content = (
            format_html('<a href="{}" rel="noopener">{}</a>', self.url, self.display) if self.url else self.display
        )
        return format_html('<td class="{}"{}>{}</td>', "text-end" if self.numeric else "small", attributes, content)


def text(value, url: str = "") -> Cell:
    return Cell(text="" if value is None else str(value), url=url, numeric=False)


def number(value: int | None, key: str = "") -> Cell:
    return Cell(value=value, key=key)


def change(value: Change | None) -> Cell:
    """ "+12 (+3.4%)", or "—" without a comparable previous year."""
    if value is None:
        return text("—")
    words = f"{value.difference:+d}"
    if value.percent is not None:
        sign = "+" if value.percent > 0 else ""
        words += f" ({sign}{number_format(value.percent, 1)}%)"
    return text(words)


@dataclass
class Row:
    header: str
    cells: list[Cell]
    total: bool = False  # a total row, printed bold
    part: bool = False  # a part of the row above (indented)


@dataclass
class Table:
    slug: str  # the table's id on the page and the name of its CSV download
    caption: str
    columns: list[str]  # the first one heads the row headers
    rows: list[Row] = field(default_factory=list)
    source: str = ""
    source_url: str = ""

    def csv_rows(self):
        for row in self.rows:
            yield [
                row.header,
                *(cell.value if cell.numeric and cell.value is not None else cell.display for cell in row.cells),
            ]


# --- the tables of /statistik/ -----------------------------------------------------------------


def published_table(table: SeriesTable) -> Table:
    """One published series: a row per year (its parts below it) with the change, the note and the source.

    The source gets its own column only when the figures of the series have different sources; otherwise
    the table's source line names it.
    """
    sources = {(figure.source_label, figure.source_url) for year in table.years for figure in year.figures}
    one_source = len(sources) == 1
    rows = []
    for year in table.years:
        for figure in year.figures:
            is_part = bool(figure.breakdown)
            cells = [
                number(figure.value, figure_key(figure)),
                text("") if is_part else change(year.change),
                text(figure.note_label),
            ]
            if not one_source:
                cells.append(text(figure.source_label or figure.source_url, url=figure.source_url))
            rows.append(Row(header=figure.part_label if is_part else year.period, cells=cells, part=is_part))
    source, url = sorted(sources)[0] if one_source else (_("Sources: see the table."), "")
    columns = [_("Year"), _("Figure"), _("Change on the previous year"), _("Note")]
    return Table(
        slug=f"published-{table.series.slug}",
        caption=table.series.label,
        columns=columns if one_source else [*columns, _("Source")],
        rows=rows,
        source=source,
        source_url=url,
    )


def activities_table(years: list[OutreachYear]) -> Table:
    rows = [
        Row(
            header=year.period,
            cells=[
                *(
                    number(count, computed_key("activities", program, year.year))
                    for program, count in year.activities.items()
                ),
                number(year.activities_total, computed_key("activities", "total", year.year)),
                change(year.activities_change),
            ],
        )
        for year in years
    ]
    return Table(
        slug="activities",
        caption=_("Activities held, by program"),
        columns=[
            _("Year"),
            *(str(label) for label in Program.labels),
            _("All programs"),
            _("Change on the previous year"),
        ],
        rows=rows,
        source=outreach_source(years[-1].as_of) if years else "",
    )


def people_table(years: list[OutreachYear]) -> Table:
    rows = [
        Row(
            header=year.period,
            cells=[
                *(
                    number(count, computed_key("people-reached", name, year.year))
                    for name, count in year.people.items()
                ),
                number(year.people_total, computed_key("people-reached", "total", year.year)),
                change(year.people_change),
            ],
        )
        for year in years
    ]
    labels = [capfirst(Activity._meta.get_field(name).verbose_name) for name in ATTENDANCE_FIELD_NAMES]
    return Table(
        slug="people-reached",
        caption=_("People reached, by sex and age group"),
        columns=[_("Year"), *labels, _("All people reached"), _("Change on the previous year")],
        rows=rows,
        source=outreach_source(years[-1].as_of) if years else "",
    )


def places_table(years: list[OutreachYear]) -> Table:
    rows = [
        Row(
            header=year.period,
            cells=[
                number(count, computed_key("places-reached", kind, year.year)) for kind, count in year.places.items()
            ],
        )
        for year in years
    ]
    return Table(
        slug="places-reached",
        caption=_("Villages, schools, campuses and reading corners reached"),
        columns=[_("Year"), *(place_label(kind) for kind in PLACE_KINDS)],
        rows=rows,
        source=outreach_source(years[-1].as_of) if years else "",
    )


def reports_table(years: list[ReportsYear], by: str) -> Table:
    """Reports per category (``by="category"``) or per status, one column per year, small cells hidden."""
    choices, dataset = (Category, "reports-by-category") if by == "category" else (ReportStatus, "reports-by-status")
    rows = []
    for value, label in choices.choices:
        cells = [number(getattr(year, f"by_{by}")[value], computed_key(dataset, value, year.year)) for year in years]
        rows.append(Row(header=str(label), cells=cells))
    totals = [number(year.total, computed_key("reports", "total", year.year)) for year in years]
    rows.append(Row(header=_("All reports received"), cells=totals, total=True))
    caption = _("Reports received, by category") if by == "category" else _("Reports received, by current status")
    return Table(
        slug=dataset,
        caption=caption,
        columns=[_("Category") if by == "category" else _("Status"), *(year.period for year in years)],
        rows=rows,
        source=reports_source(),
    )
