from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    """Django's admin with the portal's own site (branding, throttled log-in)."""

    default_site = "portal.admin.PortalAdminSite"
