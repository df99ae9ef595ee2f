from django.core.management.base import BaseCommand

from outreach.activities import publication
from outreach.activities.models import ActivityPhoto


class Command(BaseCommand):
    help = (
        "Make the public copies of activity photos match consent and status again, and remove public copies "
        "no photo names (left by a publication whose transaction was rolled back). Run daily."
    )

    def handle(self, *args, **options):
        photos = ActivityPhoto.objects.select_related("activity").iterator(chunk_size=200)
        changed, removed = publication.reconcile(photos)
        self.stdout.write(f"Synced {changed} photos, removed {removed} orphan public files.")
