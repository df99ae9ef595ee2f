from django.urls import path

from . import views

app_name = "reading_corners"

urlpatterns = [
    path("", views.ReadingCornerListView.as_view(), name="index"),
    path("<slug:slug>/", views.ReadingCornerDetailView.as_view(), name="detail"),
]
