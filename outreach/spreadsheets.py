"""CSV downloads that open cleanly in a spreadsheet: UTF-8 with a BOM, and no cell can become a formula."""

import csv
from collections.abc import Iterable

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value) -> str:
    """Text as a spreadsheet cell that can never become a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_response(filename: str, header: list[str], rows: Iterable[list], comments: Iterable[str] = ()) -> HttpResponse:
    """An attachment named ``filename``: the header, then every row, each cell made safe.

    ``comments`` come first, one line each starting with ``#`` (read them with ``comment="#"`` in pandas).
    """
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # BOM: spreadsheets then read the file as UTF-8
    for comment in comments:
        response.write("# " + " ".join(str(comment).split()) + "\r\n")
    writer = csv.writer(response)
    writer.writerow([csv_safe(cell) for cell in header])
    for row in rows:
        writer.writerow([csv_safe(cell) for cell in row])
    return response
