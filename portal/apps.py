from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    """Django's admin with the portal's own site (branding, throttled log-in)."""

    default_site = "portal.admin.PortalAdminSite"

    def ready(self):
        super().ready()
        from django.contrib.auth.signals import user_logged_in

        from portal import page_cache
        from portal.middleware import StaffSessionMiddleware

        page_cache.connect_signals()

        user_logged_in.connect(StaffSessionMiddleware.start, dispatch_uid="portal.staff_session_start")
