from django.contrib import admin

from .models import ReadingCorner


@admin.register(ReadingCorner)
class ReadingCornerAdmin(admin.ModelAdmin):
    list_display = ["name", "host_institution", "kecamatan", "status"]
    list_filter = ["status", "host_kind", "kecamatan"]
    search_fields = ["name", "host_institution"]
    prepopulated_fields = {"slug": ["name"]}
