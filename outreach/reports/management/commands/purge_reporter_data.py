from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from outreach import locks
from outreach.abuse import counters as abuse_counters
from outreach.reports import one_time_pin
from outreach.reports.drafts import sweep_abandoned
from outreach.reports.retention import purge_closed_reports


class Command(BaseCommand):
    help = (
        "Remove the reporter's identity and the photos of reports closed or rejected more than --days days ago "
        "(default REPORT_RETENTION_DAYS), and report drafts abandoned for more than a day. The anonymised "
        "reports are kept for statistics. Also deletes expired sessions (as clearsessions does: a reporter's "
        "answers never outlive their session) and expired abuse counters. "
        "Safe on several servers at once (one runs, the others do nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Days after closure to keep the data (default: settings.REPORT_RETENTION_DAYS).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be removed.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.REPORT_RETENTION_DAYS if days is None else days
        if days < 0:
            raise CommandError("--days cannot be negative.")
        with locks.alone("command:purge_reporter_data") as taken:
            if not taken:
                self.stdout.write("purge_reporter_data is already running on another server: nothing done.")
                return
            self.purge(days, dry_run)

    def purge(self, days, dry_run):
        result = purge_closed_reports(days=days, dry_run=dry_run)
        drafts = counters = 0
        if not dry_run:
            drafts = sweep_abandoned()
            import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
            counters = abuse_counters.purge_expired()
            one_time_pin.purge_expired()  # PINs never shown (the reporter left before the confirmation page)
        verb = "Would purge" if dry_run else "Purged"
        self.stdout.write(
            f"{verb} {result.reports} reports closed more than {days} days ago "
            f"({result.identities} reporter identities, {result.photos} photos); "
            f"{drafts} abandoned report drafts removed."
            + ("" if dry_run else f" Expired sessions and {counters} expired abuse counters deleted.")
        )
