"""The back office's admin site: the portal's branding, log-ins that lock out after repeated failures, and
the second factor (see ``portal.two_factor``).

Supervisors can reveal who made a report, so guessing staff passwords must not be cheap. django-axes counts
failed log-ins by the combination of username and client (a stranger elsewhere cannot lock an officer out)
and refuses further tries for ``AXES_COOLOFF_TIME`` after ``AXES_FAILURE_LIMIT`` of them. Log-ins of one
username from one client are taken one at a time (a PostgreSQL advisory lock), so parallel guesses
cannot all be checked against the limit before any of them is counted.
"""

import hashlib

from django.conf import settings
from django.contrib import admin
from django.db import connection, transaction
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from outreach import abuse
from portal import two_factor


def login_client_address(request) -> str:
    """The client of a log-in (``AXES_CLIENT_IP_CALLABLE``): its address through ``TRUSTED_PROXY_COUNT``
    proxies, an IPv6 client as the first address of its /64 network."""
    return abuse.client_group(request).split("/")[0]


def locked_out(request, response, credentials):
    """The page for a locked-out log-in (``AXES_LOCKOUT_CALLABLE``), in the admin's frame."""
    context = {
        **admin.site.each_context(request),
        "title": _("Log in"),
        "pause_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "admin/locked_out.html", context, status=429)


def _login_lock_key(request) -> int:
    subject = f"{request.POST.get('username', '')}\n{login_client_address(request)}"
    return int.from_bytes(hashlib.blake2b(subject.encode(), digest_size=8).digest(), "big", signed=True)


class PortalAdminSite(admin.AdminSite):
    site_header = _("Imigrasi Outreach Portal — back office")
    site_title = _("Imigrasi Outreach Portal")
    index_title = _("Back office")

    def login(self, request, extra_context=None):
        if request.method != "POST":
            return super().login(request, extra_context)
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_login_lock_key(request)])
            response = super().login(request, extra_context)
        if response.status_code == 302 and request.user.is_authenticated:
            two_factor.after_password(request, request.user)
            due = two_factor.pending(request)
            if due:
                target = "admin:two_factor_verify" if due == "verify" else "admin:two_factor_setup"
                return redirect(f"{reverse(target)}?{urlencode({'next': response['Location']})}")
        return response

    def get_urls(self):
        return [
            path("two-factor/", self.admin_view(self.two_factor_verify), name="two_factor_verify"),
            path("two-factor/setup/", self.admin_view(self.two_factor_setup), name="two_factor_setup"),
            *super().get_urls(),
        ]

    def two_factor_verify(self, request):
        return two_factor.verify_view(request, self)

    def two_factor_setup(self, request):
        return two_factor.setup_view(request, self)
