"""CSV and XLSX downloads that open cleanly in a spreadsheet: CSV in UTF-8 with a BOM; no cell can become a formula.

Admin change-list exports stream: rows are read from the database in chunks (``rows.iterator(chunk_size=
EXPORT_CHUNK_SIZE)``) and sent as they are written, so an export of 100,000 rows holds one chunk in memory.
"""

import csv
from collections.abc import Callable, Iterable, Iterator
from io import BytesIO, StringIO

from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXPORT_CHUNK_SIZE = 2000  # rows read from the database at a time by a streamed export
STREAM_BUFFER = 64 * 1024  # characters written to the connection at a time


def csv_safe(value) -> str:
    """Text as a spreadsheet cell that can never become a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_lines(header: list[str], rows: Iterable[list], comments: Iterable[str] = ()) -> Iterator[str]:
    """The text of the CSV file in pieces of about ``STREAM_BUFFER`` characters, rows consumed as they come."""
    buffer = StringIO()
    buffer.write("\ufeff")  # BOM: spreadsheets then read the file as UTF-8
    for comment in comments:
        buffer.write("# " + " ".join(str(comment).split()) + "\r\n")
    writer = csv.writer(buffer)
    writer.writerow([csv_safe(cell) for cell in header])
    for row in rows:
        writer.writerow([csv_safe(cell) for cell in row])
        if buffer.tell() >= STREAM_BUFFER:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def csv_response(
    filename: str, header: list[str], rows: Iterable[list], comments: Iterable[str] = (), *, stream: bool = False
) -> HttpResponse | StreamingHttpResponse:
    """An attachment named ``filename``: the header, then every row, each cell made safe.

    ``comments`` come first, one line each starting with ``#`` (read them with ``comment="#"`` in pandas).
    With ``stream=True`` the rows are read while the response is sent (a ``StreamingHttpResponse``; give rows
    from ``queryset.iterator(chunk_size=EXPORT_CHUNK_SIZE)``); the bytes are the same either way.
    """
    lines = csv_lines(header, rows, comments)
    content_type = "text/csv; charset=utf-8"
    if stream:
        response = StreamingHttpResponse(lines, content_type=content_type)
    else:
        response = HttpResponse("".join(lines), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def changelist_csv(
    model_admin, request, filename: str, header: list[str], rows: Callable[[QuerySet], Iterable[list]]
) -> HttpResponse:
    """An admin change list, with the filters and search of the request's URL, as a streamed CSV download.

    For staff who may view the list; ``rows`` turns the change list's queryset into the rows, reading it with
    ``.iterator(chunk_size=EXPORT_CHUNK_SIZE)`` so that memory stays flat however long the list. Filters that
    are not valid go back to the list with a message; lookups the admin does not allow answer 400.
    """
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    try:
        changelist = model_admin.get_changelist_instance(request)
    except IncorrectLookupParameters:
        messages.error(request, gettext("The filters of this export are not valid."))
        return redirect(f"admin:{model_admin.opts.app_label}_{model_admin.opts.model_name}_changelist")
    response = csv_response(filename, header, rows(changelist.get_queryset(request)), stream=True)
    response["Cache-Control"] = "private, no-store"
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
