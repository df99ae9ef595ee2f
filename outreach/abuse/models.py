from django.db import models
from django.utils.translation import gettext_lazy as _


class AbuseCounter(models.Model):
    """A counter of the public forms' abuse defences (rate limits, wrong codes, pauses): see ``counters``.

    A real table rather than the cache: a cache may evict entries when it is full, and an attacker can fill
    it. ``key`` is a keyed hash (never an address or a reference in clear). The counters are ephemeral:
    expired rows are deleted by ``purge_reporter_data``.
    """

    key = models.CharField(max_length=64, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("abuse counter")
        verbose_name_plural = _("abuse counters")

    def __str__(self):
        return f"{self.key[:12]}… {self.count} until {self.expires_at:%Y-%m-%d %H:%M}"
