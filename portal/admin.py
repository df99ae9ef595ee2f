"""The back office's admin site: the portal's branding, its own views, and a log-in that pauses after repeated failures.

Views of the site itself (not of a model, such as the officer dashboard) are wired by ``get_urls`` as
contrib/admin wires its own, and listed on the index under their app for the users who may open them.

Supervisors can reveal who made a report, so guessing staff passwords must not be cheap: after
``FAILURES_PER_ACCOUNT`` failed log-ins for one username (or ``FAILURES_PER_CLIENT`` from one client),
log-ins are paused for ``PAUSE``. The counters are the abuse counters of the public forms.
"""

import datetime
from dataclasses import dataclass

from django.contrib import admin
from django.urls import path, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from outreach.abuse import counters
from outreach.abuse.clients import client_key, key_for
from outreach.abuse.responses import too_many_requests

FAILURES_PER_ACCOUNT = 10
FAILURES_PER_CLIENT = 50  # an office behind one NAT address shares this
PAUSE = datetime.timedelta(minutes=15)


@dataclass(frozen=True)
class SiteView:
    """A page of the admin site listed on the index among the models of ``app_label``."""

    app_label: str
    route: str  # below /admin/
    url_name: str
    label: Promise
    view: type  # an AdminSiteView (outreach.activities.admin_views): checks its permission, takes admin_site

    def is_visible_to(self, request) -> bool:
        return self.view.has_permission(request)


def site_views() -> list[SiteView]:
    from outreach.activities.admin_views import DashboardView

    return [
        SiteView("activities", "activities/dashboard/", "activities_dashboard", _("Officer dashboard"), DashboardView)
    ]


class PortalAdminSite(admin.AdminSite):
    site_header = _("Imigrasi Outreach Portal — back office")
    site_title = _("Imigrasi Outreach Portal")
    index_title = _("Back office")

    def get_urls(self):
        own = [
            path(view.route, self.admin_view(view.view.as_view(admin_site=self)), name=view.url_name)
            for view in site_views()
        ]
        return own + super().get_urls()

    def get_app_list(self, request, app_label=None):
        app_list = super().get_app_list(request, app_label)
        apps = {app["app_label"]: app for app in app_list}
        for view in site_views():
            if view.app_label in apps and view.is_visible_to(request):
                apps[view.app_label]["models"].insert(
                    0,
                    {
                        "name": view.label,
                        "object_name": view.url_name,
                        "perms": {"view": True},
                        "admin_url": reverse(f"{self.name}:{view.url_name}", current_app=self.name),
                        "add_url": None,
                        "view_only": True,
                    },
                )
        return app_list

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
