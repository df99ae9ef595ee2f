from django.core.management.base import BaseCommand

from outreach.outbox.services import send_pending


class Command(BaseCommand):
    help = "Send the emails waiting in the outbox (run every minute); failed ones are retried on the next run."

    def handle(self, *args, **options):
        sent, failed = send_pending()
        self.stdout.write(f"Outbox: {sent} sent, {failed} still failing.")
