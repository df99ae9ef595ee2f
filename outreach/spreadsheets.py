"""CSV downloads that open cleanly in a spreadsheet: UTF-8 with a BOM, and no cell can become a formula."""

import csv
from collections.abc import Callable, Iterable

from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value) -> str:
    """Text as a spreadsheet cell that can never become a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_response(filename: str, header: list[str], rows: Iterable[list]) -> HttpResponse:
    """An attachment named ``filename``: the header, then every row, each cell made safe."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # BOM: spreadsheets then read the file as UTF-8
    writer = csv.writer(response)
    writer.writerow([csv_safe(cell) for cell in header])
    for row in rows:
        writer.writerow([csv_safe(cell) for cell in row])
    return response


def changelist_csv(
    model_admin, request, filename: str, header: list[str], rows: Callable[[QuerySet], Iterable[list]]
) -> HttpResponse:
    """An admin change list, with the filters and search of the request's URL, as a CSV download.

    For staff who may view the list; ``rows`` turns the change list's queryset into the rows. Filters that
    are not valid go back to the list with a message; lookups the admin does not allow answer 400.
    """
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    try:
        changelist = model_admin.get_changelist_instance(request)
    except IncorrectLookupParameters:
        messages.error(request, gettext("The filters of this export are not valid."))
        return redirect(f"admin:{model_admin.opts.app_label}_{model_admin.opts.model_name}_changelist")
    response = csv_response(filename, header, rows(changelist.get_queryset(request)))
    response["Cache-Control"] = "private, no-store"
    return response
