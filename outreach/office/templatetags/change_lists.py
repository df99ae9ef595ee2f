"""``{% long_result_list cl %}``: Django's ``{% result_list cl %}`` with each row written as one string
(``outreach.changelists.result_list``), for the back office's long change lists."""

from django import template
from django.contrib.admin.templatetags.base import InclusionAdminNode

from outreach import changelists

register = template.Library()


@register.tag(name="long_result_list")
def long_result_list_tag(parser, token):
    return InclusionAdminNode(
        "long_result_list",
        parser,
        token,
        func=changelists.result_list,
        template_name="change_list_results.html",
        takes_context=False,
    )
