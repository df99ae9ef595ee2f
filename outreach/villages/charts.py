"""The yearly indicators of a desa binaan as two bar charts (see outreach/charts.py)."""

from outreach.charts import bar_chart


def indicator_charts(indicators, start_year: int | None) -> dict:
    """Both charts of a village: passport applicants and applicants refused."""
    rows = sorted(indicators, key=lambda indicator: indicator.year)
    return {
        "applicants": bar_chart([(row.year, row.passport_applicants) for row in rows], start_year),
        "refused": bar_chart([(row.year, row.refused_applicants) for row in rows], start_year),
    }
