from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "outreach.activities"
    label = "activities"
    verbose_name = _("Activities")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from outreach.figures_cache import forget

        from .models import Activity

        # The computed figures (outreach.figures_cache) count every activity: a change drops them.
        post_save.connect(forget, sender=Activity, dispatch_uid="activities-figures-on-save")
        post_delete.connect(forget, sender=Activity, dispatch_uid="activities-figures-on-delete")
