"""CSV and XLSX downloads that open cleanly in a spreadsheet: CSV in UTF-8 with a BOM; no cell can become a formula."""

import csv
from collections.abc import Iterable
from io import BytesIO

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

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


XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(filename: str, sheets: Iterable[tuple[str, list[str], Iterable[list]]]) -> HttpResponse:
    """A workbook named ``filename`` with one sheet per ``(title, header, rows)``; text never becomes a formula."""
    workbook = Workbook(write_only=True)
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])

        def cells(values, sheet=sheet):
            for value in values:
                if isinstance(value, int | float) and not isinstance(value, bool):
                    yield value
                    continue
                cell = WriteOnlyCell(sheet, value="" if value is None else str(value))
                cell.data_type = "s"  # a text cell, even when it starts with "="
                yield cell

        sheet.append(list(cells(header)))
        for row in rows:
            sheet.append(list(cells(row)))
    buffer = BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
