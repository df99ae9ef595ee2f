from django.core.management.base import BaseCommand

from outreach import locks
from outreach.activities import publication
from outreach.activities.models import ActivityPhoto


class Command(BaseCommand):
    help = (
        "Make the public copies of activity photos match consent and status again, and remove public copies "
        "no photo names (left by a publication whose transaction was rolled back). Run daily; "
        "safe on several servers at once (one runs, the others do nothing)."
    )

    def handle(self, *args, **options):
        with locks.alone("command:sync_public_photos") as taken:
            if not taken:
                self.stdout.write("sync_public_photos is already running on another server: nothing done.")
                return
            photos = ActivityPhoto.objects.select_related("activity").iterator(chunk_size=200)
            changed, removed = publication.reconcile(photos)
        self.stdout.write(f"Synced {changed} photos, removed {removed} orphan public files.")
