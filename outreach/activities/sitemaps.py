from outreach.sitemaps import ObjectSitemap, PageSitemap

from .models import Activity


class ActivityPagesSitemap(PageSitemap):
    url_names = ("activities:index", "activities:schedule")


class ActivitySitemap(ObjectSitemap):
    slug_url_name = "activities:detail"

    def items(self):
        return Activity.objects.published().order_by("-starts_at")


SITEMAPS = {"activity-pages": ActivityPagesSitemap, "activities": ActivitySitemap}
