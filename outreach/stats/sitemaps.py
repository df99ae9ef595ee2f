from outreach.sitemaps import PageSitemap


class StatisticsSitemap(PageSitemap):
    url_names = ("stats:index", "stats:map")
    priority = 0.7


SITEMAPS = {"stats": StatisticsSitemap}
