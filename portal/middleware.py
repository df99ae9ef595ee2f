"""The portal's own middleware: response headers Django does not send, and the limits of staff sessions."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.translation import gettext as _


class SecurityHeadersMiddleware:
    """Permissions-Policy (no camera, microphone, geolocation, payment) and Cross-Origin-Resource-Policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY)
        return response


class StaffSessionMiddleware:
    """A back-office session ends after ``STAFF_SESSION_IDLE_MINUTES`` without a request, and
    ``STAFF_SESSION_MAX_HOURS`` after log-in whatever happens: a phone left unlocked in a village hall
    does not stay logged in to reports of frightened people.

    Django itself gives a new session key at log-in and ends the other sessions of an account whose
    password changed (the session hash) or that was deactivated (inactive users are not authenticated).
    """

    LOGIN_AT = "_staff_login_at"
    SEEN_AT = "_staff_seen_at"
    SEEN_RESOLUTION = 60  # seconds: the "last seen" time is saved at most once a minute

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if SESSION_KEY in request.session and request.user.is_authenticated and request.user.is_staff:
            ended = self.check(request)
            if ended is not None:
                return ended
        return self.get_response(request)

    @classmethod
    def start(cls, sender, request, user, **kwargs):
        """At log-in (connected to ``user_logged_in``): the clocks of the new session start."""
        if request is not None and hasattr(request, "session"):
            request.session[cls.LOGIN_AT] = request.session[cls.SEEN_AT] = time.time()
            request.session.set_expiry(settings.STAFF_SESSION_IDLE_MINUTES * 60)

    def check(self, request):
        session, now = request.session, time.time()
        idle = settings.STAFF_SESSION_IDLE_MINUTES * 60
        login_at, seen_at = session.get(self.LOGIN_AT), session.get(self.SEEN_AT)
        if login_at is None or seen_at is None:  # a session from before these limits
            self.start(None, request, request.user)
            return None
        too_old = now - login_at > settings.STAFF_SESSION_MAX_HOURS * 3600
        if too_old or now - seen_at > idle:
            logout(request)
            if too_old:
                message = _("For safety a session lasts at most %(hours)d hours. Please log in again.") % {
                    "hours": settings.STAFF_SESSION_MAX_HOURS
                }
            else:
                message = _("You were logged out after %(minutes)d minutes without activity. Please log in again.") % {
                    "minutes": settings.STAFF_SESSION_IDLE_MINUTES
                }
            messages.info(request, message)
            if request.path_info.startswith("/admin/"):
                return redirect_to_login(request.get_full_path(), reverse("admin:login"))
            return None
        if now - seen_at >= self.SEEN_RESOLUTION:
            session[self.SEEN_AT] = now
            session.set_expiry(idle)
        return None
