from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from outreach.office.demo import logins


def demo_modules():
    """Each installed app of the portal may have a ``demo`` module with a ``seed()`` function."""
    for app_config in apps.get_app_configs():
        if app_config.name.startswith("outreach.") and find_spec(f"{app_config.name}.demo"):
            yield import_module(f"{app_config.name}.demo")


class Command(BaseCommand):
    help = "Create or refresh the demo data of the Blitar office (development only; safe to run again)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("seed_demo only runs with DEBUG on: production gets no demo accounts.")
        parts = []
        with transaction.atomic():
            for module in demo_modules():
                parts.extend(module.seed())
        self.stdout.write("Demo data ready: " + ", ".join(parts) + ".")
        self.stdout.write("Demo logins (http://127.0.0.1:8000/admin/):")
        for username, password, role in logins():
            self.stdout.write(f"  {username:<12} {password:<16} {role}")
