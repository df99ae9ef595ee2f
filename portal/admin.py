"""The back office's admin site: the portal's branding, its own views, log-ins that lock out after repeated
failures (django-axes), and the second factor (see ``portal.two_factor``).

Views of the site itself (not of a model, such as the officer dashboard) are wired by ``get_urls`` as
contrib/admin wires its own, and listed on the index under their app for the users who may open them.

Supervisors can reveal who made a report, so guessing staff passwords must not be cheap. django-axes counts
failed log-ins by the combination of username and client (a stranger elsewhere cannot lock an officer out)
and refuses further tries for ``AXES_COOLOFF_TIME`` after ``AXES_FAILURE_LIMIT`` of them. Log-ins of one
username from one client are taken one at a time (a PostgreSQL advisory lock), so parallel guesses
cannot all be checked against the limit before any of them is counted.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib import admin
from django.db import transaction
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import Promise
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from outreach import locks
from outreach.abuse.clients import client_group
from outreach.abuse.responses import too_many_requests
from portal import two_factor


def login_client_address(request) -> str:
    """The client of a log-in (``AXES_CLIENT_IP_CALLABLE``): its address through ``TRUSTED_PROXY_COUNT``
    proxies, an IPv6 client as the first address of its /64 network."""
    return client_group(request).split("/")[0]


def locked_out(request, response, credentials):
    """The page for a locked-out log-in (``AXES_LOCKOUT_CALLABLE``), in the admin's frame."""
    context = {
        **admin.site.each_context(request),
        "title": _("Log in"),
        "pause_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return too_many_requests(request, "admin/locked_out.html", context, retry_after=settings.AXES_COOLOFF_TIME)


def _login_lock_name(request) -> str:
    return f"{request.POST.get('username', '')}\n{login_client_address(request)}"


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
            path("two-factor/", self.admin_view(self.two_factor_verify), name="two_factor_verify"),
            path("two-factor/setup/", self.admin_view(self.two_factor_setup), name="two_factor_setup"),
            *(
                path(view.route, self.admin_view(view.view.as_view(admin_site=self)), name=view.url_name)
                for view in site_views()
            ),
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
        with transaction.atomic():
            locks.hold(_login_lock_name(request))
            response = super().login(request, extra_context)
        if response.status_code == 302 and request.user.is_authenticated:
            two_factor.after_password(request, request.user)
            due = two_factor.pending(request)
            if due:
                target = "admin:two_factor_verify" if due == "verify" else "admin:two_factor_setup"
                return redirect(f"{reverse(target)}?{urlencode({'next': response['Location']})}")
        return response

    def two_factor_verify(self, request):
        return two_factor.verify_view(request, self)

    def two_factor_setup(self, request):
        return two_factor.setup_view(request, self)
