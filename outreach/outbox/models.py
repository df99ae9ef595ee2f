from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EmailQuerySet(models.QuerySet):
    def pending(self, max_attempts: int):
        """Unsent emails that have not used up their attempts, oldest first."""
        return self.filter(sent_at__isnull=True, attempts__lt=max_attempts).order_by("pk")

    def about(self, obj):
        """The emails queued about ``obj`` (a report, a visit request …)."""
        return self.filter(about_type=ContentType.objects.get_for_model(obj), about_id=obj.pk)


class Email(models.Model):
    """An email in the outbox, rendered when queued. Sending never blocks or loses the write it is about;
    failures are retried. ``about`` points at what the email is about (a generic link: the outbox depends on
    no app, every app depends on the outbox)."""

    to = models.EmailField(_("recipient"))
    subject = models.CharField(_("subject"), max_length=200)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    about_type = models.ForeignKey(
        ContentType, verbose_name=_("about"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    about_id = models.PositiveBigIntegerField(null=True, blank=True)
    about = GenericForeignKey("about_type", "about_id")
    created_at = models.DateTimeField(_("queued"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # Set while one sender (send_pending_emails) is sending it: no other sender takes it meanwhile.
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    objects = EmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("email")
        verbose_name_plural = _("emails")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["about_type", "about_id"], name="outbox_email_about")]

    def __str__(self):
        return self.subject
