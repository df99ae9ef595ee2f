from django.urls import path

from . import views

app_name = "villages"

urlpatterns = [
    path("", views.VillageListView.as_view(), name="index"),
    path("<slug:slug>/", views.VillageDetailView.as_view(), name="detail"),
]
