from django.urls import path

from . import views

app_name = "stats"

urlpatterns = [
    path("", views.StatisticsView.as_view(), name="index"),
    path("data.csv", views.data_csv, name="data_csv"),
    path("data.json", views.data_json, name="data_json"),
    path("peta/", views.KecamatanMapView.as_view(), name="map"),
]
