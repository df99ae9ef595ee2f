from django.urls import path

from . import views

app_name = "schools"

urlpatterns = [
    path("", views.InstitutionListView.as_view(), name="index"),
    path("minta-kunjungan/", views.VisitRequestView.as_view(), name="request"),
    path("minta-kunjungan/terkirim/", views.VisitRequestSentView.as_view(), name="request_sent"),
    path("minta-kunjungan/cek/", views.request_status, name="request_status"),
]
