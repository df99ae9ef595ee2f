from django.urls import path

from . import views

app_name = "field"

urlpatterns = [
    path("", views.start, name="start"),
    path("baru/", views.new, name="new"),
    path("kegiatan/", views.entries, name="entries"),
    path("tempat.json", views.places, name="places"),
    path("kirim/", views.sync, name="sync"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="service_worker"),
]
