from django.contrib import admin

from .models import Institution, VisitRequest


@admin.register(Institution)
class InstitutionAdmin(admin.ModelAdmin):
    list_display = ["name", "level", "kecamatan"]
    list_filter = ["level", "kecamatan"]
    search_fields = ["name", "kecamatan"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(VisitRequest)
class VisitRequestAdmin(admin.ModelAdmin):
    list_display = ["institution_name", "preferred_date", "audience_size", "status", "created_at"]
    list_filter = ["status", "institution_level", "kecamatan"]
    search_fields = ["institution_name", "contact_name"]
    autocomplete_fields = ["institution"]
