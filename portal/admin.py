"""The back office's admin site: the portal's branding and a log-in that pauses after repeated failures.

Supervisors can reveal who made a report, so guessing staff passwords must not be cheap: after
``FAILURES_PER_ACCOUNT`` failed log-ins for one username (or ``FAILURES_PER_CLIENT`` from one client),
log-ins are paused for ``PAUSE``. The counters are the abuse counters of the public forms.
"""

import datetime

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from outreach.abuse import counters
from outreach.abuse.clients import client_key, key_for
from outreach.abuse.responses import too_many_requests

FAILURES_PER_ACCOUNT = 10
FAILURES_PER_CLIENT = 50  # an office behind one NAT address shares this
PAUSE = datetime.timedelta(minutes=15)


class PortalAdminSite(admin.AdminSite):
    site_header = _("Imigrasi Outreach Portal — back office")
    site_title = _("Imigrasi Outreach Portal")
    index_title = _("Back office")

    def login(self, request, extra_context=None):
        if request.method != "POST":
            return super().login(request, extra_context)
        account = key_for("admin-login-account", request.POST.get("username", "").strip().lower())
        client = client_key(request, "admin-login-client")
        if counters.current(account) >= FAILURES_PER_ACCOUNT or counters.current(client) >= FAILURES_PER_CLIENT:
            context = {**self.each_context(request), "title": _("Log in"), "pause_minutes": PAUSE.seconds // 60}
            return too_many_requests(request, "admin/login_paused.html", context, retry_after=PAUSE)
        response = super().login(request, extra_context)
        if response.status_code == 302:  # logged in
            counters.clear(account)
        else:
            counters.increment(account, PAUSE)
            counters.increment(client, PAUSE)
        return response
