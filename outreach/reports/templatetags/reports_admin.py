"""Back-office template tags for reports: the overdue notice on the admin index, staff by full name."""

from django import template

from outreach.reports.models import Report
from outreach.staff import full_name as staff_full_name

register = template.Library()


@register.inclusion_tag("reports/admin/overdue_notice.html", takes_context=True)
def overdue_reports_notice(context):
    """How many new reports wait past their first-response date, for staff who may see reports."""
    request = context.get("request")
    if request is None or not request.user.has_perm("reports.view_report"):
        return {"count": 0}
    return {"count": Report.objects.overdue().count()}


@register.filter
def full_name(user) -> str:
    """A staff user by full name (the username when there is none): outreach.staff.full_name."""
    return staff_full_name(user)
