"""What the back office's long change lists (activities, reports, schools, villages) share: pages of 50 rows, a
count that stops at 10,000, and each row's checkbox written directly.

Rendering the rows is most of the cost of a change list page, and it grows with the rows shown, not with the
table: at demo size a list shows its 8 schools, at 2,000 schools a full page. 50 rows a page (Django's
default is 100) fit a phone's screen a few times over and halve that cost; the search box and the filters
find the rest. Django's ``ModelAdmin.action_checkbox`` renders a ``CheckboxInput`` through the form
renderer's templates for every row, about a third of the time of a page; ``LongChangeList`` writes the same
HTML with ``format_html`` (tests/changelists compares the two).

Counting the rows a list matches reads all of them: 100,000 closed reports or published activities cost more
than the rest of the page together. ``CappedPaginator`` counts no further than ``COUNT_LIMIT`` (page 200 of
50 rows, further than anyone pages; filters and the search box narrow a list): past it the list says "more
than 10,000" (``changelist_view`` sets ``count_limit`` for the change list's template).
"""

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.paginator import Paginator
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


class LongChangeList:
    """A ``ModelAdmin`` mixin for change lists that grow with the data (see the module's docstring)."""

    list_per_page = ROWS_PER_PAGE
    paginator = CappedPaginator

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
