from outreach.sitemaps import PageSitemap


class SchoolPagesSitemap(PageSitemap):
    url_names = ("schools:index", "schools:request")


SITEMAPS = {"schools": SchoolPagesSitemap}
