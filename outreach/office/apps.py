from django.apps import AppConfig
from django.core import checks
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class OfficeConfig(AppConfig):
    name = "outreach.office"
    label = "office"
    verbose_name = _("Office")

    def ready(self):
        from .checks import check_role_permissions
        from .roles import sync_roles_after_migrate

        checks.register(check_role_permissions)
        post_migrate.connect(sync_roles_after_migrate, sender=self, dispatch_uid="office.sync_roles")
