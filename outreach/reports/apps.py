from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "outreach.reports"
    label = "reports"
    verbose_name = _("Public reports")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from outreach.figures_cache import forget

        from .models import Report

        # The computed figures (outreach.figures_cache) count every report: a change drops them.
        post_save.connect(forget, sender=Report, dispatch_uid="reports-figures-on-save")
        post_delete.connect(forget, sender=Report, dispatch_uid="reports-figures-on-delete")
