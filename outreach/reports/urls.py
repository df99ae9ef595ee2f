from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.start, name="start"),
    path("periksa/", views.review, name="review"),
    path("hapus/", views.discard, name="discard"),
    path("terkirim/", views.done, name="done"),
    path("cek/", views.status, name="status"),
    path("cek/laporan/", views.status_detail, name="status_detail"),
    path("cek/tutup/", views.status_end, name="status_end"),
]
