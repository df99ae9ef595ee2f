"""What the back office's long change lists (activities, reports, schools, villages) share: pages of 50 rows, a
count that stops at 10,000, and each row's checkbox written directly.

Rendering the rows is most of the cost of a change list page, and it grows with the rows shown, not with the
table: at demo size a list shows its 8 schools, at 2,000 schools a full page. 50 rows a page (Django's
default is 100) fit a phone's screen a few times over and halve that cost; the search box and the filters
find the rest. Django's ``ModelAdmin.action_checkbox`` renders a ``CheckboxInput`` through the form
renderer's templates for every row, about a third of the time of a page; ``LongChangeList`` writes the same
HTML with ``format_html`` (tests/changelists compares the two). Each row's link to its change page is also
Django's, made once for the page (``RowLinksChangeList``): Django reverses the URL and then resolves it again,
with the list's filters, for every row.

Counting the rows a list matches reads all of them: 100,000 closed reports or published activities cost more
than the rest of the page together. ``CappedPaginator`` counts no further than ``COUNT_LIMIT`` (page 200 of
50 rows, further than anyone pages; filters and the search box narrow a list): past it the list says "more
than 10,000" (``changelist_view`` sets ``count_limit`` for the change list's template).
"""

from urllib.parse import parse_qsl, urlencode

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.utils import quote
from django.contrib.admin.views.main import ChangeList
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
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
