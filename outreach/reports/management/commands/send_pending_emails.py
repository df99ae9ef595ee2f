from django.core.management.base import BaseCommand

from outreach.reports.notifications import send_pending


class Command(BaseCommand):
    help = "Retry emails in the outbox that could not be sent."

    def handle(self, *args, **options):
        sent, failed = send_pending()
        self.stdout.write(f"Outbox: {sent} sent, {failed} still failing.")
