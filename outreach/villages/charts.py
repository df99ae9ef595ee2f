"""The yearly indicators of a desa binaan as small bar charts, drawn on the server as SVG (no JavaScript).

Each chart shows one figure per year, with a marked line where the program started, so a reader sees
"before" and "after" without relying on colour. The numbers themselves are also in a table on the page.
"""

from dataclasses import dataclass

CHART_HEIGHT = 160  # drawing height of the tallest bar
TOP = 24  # room for the value above the tallest bar
BOTTOM = TOP + CHART_HEIGHT
GROUP_WIDTH = 64
BAR_WIDTH = 36
LEFT = 8


@dataclass(frozen=True)
class Bar:
    year: int
    value: int
    x: int
    y: int
    height: int
    after_start: bool

    @property
    def centre(self) -> int:
        return self.x + BAR_WIDTH // 2


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    start_x: int | None  # where the program-start line is drawn, None when all years are on one side
    width: int
    height: int = BOTTOM + 24
    bottom: int = BOTTOM
    bar_width: int = BAR_WIDTH

    @property
    def first_year(self) -> int:
        return self.bars[0].year

    @property
    def last_year(self) -> int:
        return self.bars[-1].year


def bar_chart(values: list[tuple[int, int]], start_year: int | None) -> BarChart | None:
    """A chart of ``(year, value)`` pairs in year order, or None when there is nothing to draw."""
    if not values:
        return None
    largest = max(value for _, value in values) or 1
    bars: list[Bar] = []
    start_x = None
    for index, (year, value) in enumerate(values):
        x = LEFT + index * GROUP_WIDTH + (GROUP_WIDTH - BAR_WIDTH) // 2
        height = round(value / largest * CHART_HEIGHT)
        after = start_year is not None and year >= start_year
        if after and index > 0 and not bars[-1].after_start:
            start_x = LEFT + index * GROUP_WIDTH
        bars.append(Bar(year=year, value=value, x=x, y=BOTTOM - height, height=height, after_start=after))
    return BarChart(bars=bars, start_x=start_x, width=LEFT * 2 + GROUP_WIDTH * len(values))


def indicator_charts(indicators, start_year: int | None) -> dict:
    """Both charts of a village: passport applicants and applicants refused."""
    rows = sorted(indicators, key=lambda indicator: indicator.year)
    return {
        "applicants": bar_chart([(row.year, row.passport_applicants) for row in rows], start_year),
        "refused": bar_chart([(row.year, row.refused_applicants) for row in rows], start_year),
    }
