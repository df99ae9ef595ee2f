"""What the back office's long change lists (activities, reports, schools, villages) share: pages of 50 rows, a
count that stops at 10,000, and each row's checkbox written directly.

Rendering the rows is most of the cost of a change list page, and it grows with the rows shown, not with the
table: at demo size a list shows its 8 schools, at 2,000 schools a full page. 50 rows a page (Django's
default is 100) fit a phone's screen a few times over and halve that cost; the search box and the filters
find the rest. Django's ``ModelAdmin.action_checkbox`` renders a ``CheckboxInput`` through the form
renderer's templates for every row, about a third of the time of a page; ``LongChangeList`` writes the same
HTML with ``format_html`` (tests/changelists compares the two). Each row's link to its change page is also
Django's, made once for the page (``RowLinksChangeList``): Django reverses the URL and then resolves it again,
with the list's filters, for every row. ``result_list`` (the ``{% long_result_list cl %}`` tag of
``outreach.office``) writes each row as one string.

Counting the rows a list matches reads all of them: 100,000 closed reports or published activities cost more
than the rest of the page together. ``CappedPaginator`` counts no further than ``COUNT_LIMIT`` (page 200 of
50 rows, further than anyone pages; filters and the search box narrow a list): past it the list says "more
than 10,000" (``changelist_view`` sets ``count_limit`` for the change list's template).
"""

import contextlib
import datetime
from urllib.parse import parse_qsl, urlencode

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.templatetags import admin_list
from django.contrib.admin.utils import display_for_field, display_for_value, get_fields_from_path, lookup_field, quote
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.core.paginator import Paginator
from django.db import models
from django.db.models.constants import LOOKUP_SEP
from django.urls import NoReverseMatch, reverse
from django.utils.functional import cached_property
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

# Django's own text and translation (its admin catalog), not one of the portal's: a name, not a literal, so
# that makemessages does not copy it into our catalogs.
SELECT_LABEL = "Select this object for an action - {}"


ROWS_PER_PAGE = 50
COUNT_LIMIT = 10_000


class CappedPaginator(Paginator):
    """A paginator whose count stops at ``limit``; ``over_limit`` says whether more rows match."""

    limit = COUNT_LIMIT
    over_limit = False

    @cached_property
    def count(self):
        found = self.object_list.order_by()[: self.limit + 1].count()
        self.over_limit = found > self.limit
        return min(found, self.limit)


class RowLinksChangeList(ChangeList):
    """Django's change list, with each row's link made from one reversed URL: the change page's URL with the
    list's filters (``_changelist_filters``) appended, as ``add_preserved_filters`` would for every row."""

    PK_MARK = "-pk-"

    def __init__(self, request, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
            args=(self.PK_MARK,),
            current_app=self.model_admin.admin_site.name,
        )
        if filters := urlencode(dict(parse_qsl(self.preserved_filters))):
            url = f"{url}?{filters}"
        self.change_url = url
        self.preserved_filters = ""  # in change_url already: the row template adds nothing more

    def url_for_result(self, result):
        return self.change_url.replace(self.PK_MARK, str(quote(getattr(result, self.pk_attname))), 1)


class LongChangeList:
    """A ``ModelAdmin`` mixin for change lists that grow with the data (see the module's docstring)."""

    list_per_page = ROWS_PER_PAGE
    paginator = CappedPaginator

    def get_changelist(self, request, **kwargs):
        return RowLinksChangeList

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        context = getattr(response, "context_data", None)
        if context and "cl" in context and context["cl"].paginator.over_limit:
            context["count_limit"] = context["cl"].paginator.limit
        return response

    def action_checkbox(self, obj):
        label = format_html(gettext(SELECT_LABEL), str(obj))
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            ACTION_CHECKBOX_NAME,
            obj.pk,
            label,
        )


def result_list(cl) -> dict:
    """Django's ``result_list`` (the context of ``change_list_results.html``), each row written as one string.

    Django yields every cell through ``format_html`` and the template then loops over the cells; at 50 rows of
    eight columns that was a third of a list's time, and what made a full page at 100,000 rows cost twice a
    demo page of a few rows. The cells are Django's (its ``lookup_field``, ``display_for_field`` and
    ``display_for_value``, decided as ``items_for_result`` decides); tests/changelists compares the HTML.
    """
    context = {"cl": cl, "result_hidden_fields": [], "results": []}
    headers = list(admin_list.result_headers(cl))
    context["result_headers"] = headers
    context["num_sorted_fields"] = sum(1 for header in headers if header["sortable"] and header["sorted"])
    if cl.formset:  # editable rows (list_editable): Django's own
        context["result_hidden_fields"] = list(admin_list.result_hidden_fields(cl))
        context["results"] = list(admin_list.results(cl))
        return context
    columns, linked = [], False
    for index, name in enumerate(cl.list_display):
        link = cl.list_display_links is not None and (
            (not linked and not cl.list_display_links) or name in cl.list_display_links
        )
        columns.append((name, admin_list._coerce_field_name(name, index), link, "th" if link and not linked else "td"))
        linked = linked or link
    empty = cl.model_admin.get_empty_value_display()
    for result in cl.result_list:
        cells = "".join(_cell(cl, result, column, empty) for column in columns)
        context["results"].append(admin_list.ResultList(None, [SafeString(cells)]))
    return context


def _cell(cl, result, column, empty) -> str:
    name, class_name, link, tag = column
    classes = [f"field-{class_name}"]
    try:
        field, attr, value = lookup_field(name, result, cl.model_admin)
    except ObjectDoesNotExist:
        shown = empty
    else:
        empty_value = getattr(attr, "empty_value_display", empty)
        if field is None and isinstance(name, str) and LOOKUP_SEP in name:
            with contextlib.suppress(FieldDoesNotExist):
                field = get_fields_from_path(cl.model, name)[-1]
        if field is None or field.auto_created:
            if name == "action_checkbox":
                classes = ["action-checkbox"]
            boolean = getattr(attr, "boolean", False)
            if isinstance(attr, property) and hasattr(attr, "fget"):
                boolean = getattr(attr.fget, "boolean", False)
            shown = display_for_value(value, empty_value, boolean)
            if isinstance(value, (datetime.date, datetime.time)):
                classes.append("nowrap")
        else:
            if isinstance(field.remote_field, models.ManyToOneRel):
                shown = empty_value if value is None else value
            else:
                shown = display_for_field(value, field, empty_value, avoid_link=link)
            if isinstance(field, (models.DateField, models.TimeField, models.ForeignKey)):
                classes.append("nowrap")
    attributes = f' class="{" ".join(classes)}"'
    if not link:
        return f"<td{attributes}>{conditional_escape(shown)}</td>"
    try:
        url = cl.url_for_result(result)
    except NoReverseMatch:
        return f"<{tag}{attributes}>{conditional_escape(shown)}</{tag}>"
    if cl.preserved_filters:  # not a RowLinksChangeList: its filters are not in the URL yet
        url = admin_list.add_preserved_filters({"preserved_filters": cl.preserved_filters, "opts": cl.opts}, url)
    opener = ""
    if cl.is_popup:
        value = result.serializable_value(str(cl.to_field) if cl.to_field else cl.lookup_opts.pk.attname)
        opener = f' data-popup-opener="{escape(value)}"'
    return f'<{tag}{attributes}><a href="{escape(url)}"{opener}>{conditional_escape(shown)}</a></{tag}>'
