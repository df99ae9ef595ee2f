"""Yearly bar charts drawn on the server as SVG (no chart library, no JavaScript).

One bar per year; an optional marked line where something started (a village's program), so a reader
sees "before" and "after" without relying on colour. Every chart is drawn by
``templates/includes/bar_chart.html`` and its numbers are always also in a table beside it.
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
    muted: bool  # drawn pale: a year before the start line

    @property
    def centre(self) -> int:
        return self.x + BAR_WIDTH // 2


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    start_x: int | None  # where the start line is drawn, None when all years are on one side
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


def bar_chart(values: list[tuple[int, int]], start_year: int | None = None) -> BarChart | None:
    """A chart of ``(year, value)`` pairs in year order, or None when there is nothing to draw.

    With ``start_year`` the years before it are drawn pale and a line marks where it starts.
    """
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
        muted = start_year is not None and not after
        bars.append(Bar(year=year, value=value, x=x, y=BOTTOM - height, height=height, after_start=after, muted=muted))
    return BarChart(bars=bars, start_x=start_x, width=LEFT * 2 + GROUP_WIDTH * len(values))
