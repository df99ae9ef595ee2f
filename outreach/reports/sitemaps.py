from outreach.sitemaps import PageSitemap


class ReportFormSitemap(PageSitemap):
    """Only the report form itself: reports are never public, and the status lookup is not indexed."""

    url_names = ("reports:start",)
    changefreq = "monthly"
    priority = 0.8


SITEMAPS = {"reports": ReportFormSitemap}
