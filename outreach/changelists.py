"""What the back office's long change lists (activities, schools, villages) share: pages of 50 rows, and each
row's checkbox written directly.

Rendering the rows is most of the cost of a change list page, and it grows with the rows shown, not with the
table: at demo size a list shows its 8 schools, at 2,000 schools a full page. 50 rows a page (Django's
default is 100) fit a phone's screen a few times over and halve that cost; the search box and the filters
find the rest. Django's ``ModelAdmin.action_checkbox`` renders a ``CheckboxInput`` through the form
renderer's templates for every row, about a third of the time of a page; ``LongChangeList`` writes the same
HTML with ``format_html`` (tests/changelists compares the two).
"""

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.utils.html import format_html
from django.utils.translation import gettext

# Django's own text and translation (its admin catalog), not one of the portal's: a name, not a literal, so
# that makemessages does not copy it into our catalogs.
SELECT_LABEL = "Select this object for an action - {}"


ROWS_PER_PAGE = 50


class LongChangeList:
    """A ``ModelAdmin`` mixin for change lists that grow with the data (see the module's docstring)."""

    list_per_page = ROWS_PER_PAGE

    def action_checkbox(self, obj):
        label = format_html(gettext(SELECT_LABEL), str(obj))
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            ACTION_CHECKBOX_NAME,
            obj.pk,
            label,
        )
