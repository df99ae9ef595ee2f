from django.urls import path

from . import views

app_name = "pages"

urlpatterns = [
    path("informasi/", views.index, name="index"),
    path("informasi/<slug:slug>/", views.detail, name="detail"),
    path("informasi/<slug:slug>/masukan/", views.feedback, name="feedback"),
    path("cek-tawaran-kerja/", views.job_offer_check, name="job_offer_check"),
]
