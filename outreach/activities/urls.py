from django.urls import path

from . import views
from .feeds import ActivityFeed

app_name = "activities"

urlpatterns = [
    path("kegiatan/", views.index, name="index"),
    path("kegiatan/feed/", ActivityFeed(), name="feed"),
    path("kegiatan/<slug:slug>/", views.detail, name="detail"),
    path("jadwal/", views.schedule, name="schedule"),
]
