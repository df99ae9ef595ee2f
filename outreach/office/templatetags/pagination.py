"""The page links of ``includes/pagination.html``: a window around the current page, with ellipses."""

from django import template

register = template.Library()


@register.filter
def page_links(page):
    """The first and last page, two pages either side of ``page`` and ellipses: constant work for any page count."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
