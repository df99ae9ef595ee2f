from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from portal import views
from portal.sitemaps import collect_sitemaps, sitemap_index, sitemap_section

SITEMAPS = collect_sitemaps()

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    # The officer's field app: outside the language prefixes, as the admin.
    path("petugas/", include("outreach.field.urls")),
    path("sitemap.xml", sitemap_index, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("sitemap-<section>.xml", sitemap_section, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("program/desa-binaan/", include("outreach.villages.urls")),
    path("program/sekolah/", include("outreach.schools.urls")),
    path("pojok-baca/", include("outreach.reading_corners.urls")),
    path("lapor/", include("outreach.reports.urls")),
    path("statistik/", include("outreach.stats.urls")),
    path("cari/", include("outreach.search.urls")),
    path("", include("outreach.pages.urls")),
    path("", include("outreach.activities.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
