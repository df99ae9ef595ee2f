"""What the officer's field app (/petugas/) adds to the visit log: the phone's id of every entry it sent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FieldSubmission(models.Model):
    """An entry sent from the field app, keyed by the id the phone made for it.

    The unique ``client_id`` makes sending idempotent: a retry after a lost answer finds this row and gets
    the same activity back instead of creating a second one. Kept apart from ``Activity`` so that the visit
    log itself knows nothing of phones.
    """

    client_id = models.UUIDField(_("entry id on the phone"), unique=True, editable=False)
    activity = models.OneToOneField(
        "activities.Activity", verbose_name=_("activity"), on_delete=models.CASCADE, related_name="field_submission"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sent by"), on_delete=models.PROTECT, related_name="+"
    )
    scheduled = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("from the scheduled activity"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        verbose_name = _("field app entry")
        verbose_name_plural = _("field app entries")
        ordering = ["-created_at"]

    def __str__(self):
        return str(self.client_id)
