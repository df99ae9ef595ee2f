from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from outreach.demo import activities, office, reading_corners, reports, schools, villages

# Places before the activities held at them; the office's staff accounts first of all.
MODULES = [office, villages, schools, reading_corners, activities, reports]


class Command(BaseCommand):
    help = "Create or refresh the demo data of the Blitar office (development only; safe to run again)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("seed_demo only runs with DEBUG on: production gets no demo accounts.")
        parts = []
        with transaction.atomic():
            for module in MODULES:
                parts.extend(module.seed())
        self.stdout.write("Demo data ready: " + ", ".join(parts) + ".")
        self.stdout.write("Demo logins (http://127.0.0.1:8000/admin/):")
        for username, password, role in office.logins():
            self.stdout.write(f"  {username:<12} {password:<16} {role}")
        self.stdout.write(
            "The superuser and supervisor accounts enrol a second factor (an authenticator app) at their first "
            "log-in; with STAFF_REQUIRE_2FA on, every account does."
        )
