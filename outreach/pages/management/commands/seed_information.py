from django.core.management.base import BaseCommand

from outreach.pages.services import seed_information


class Command(BaseCommand):
    help = (
        "Create the information pages the portal starts with (real content in both languages, with sources). "
        "Safe to run again: pages that exist are left as editors made them."
    )

    def handle(self, *args, **options):
        topics, pages = seed_information()
        self.stdout.write(f"Information: {topics} topics and {pages} pages created.")
