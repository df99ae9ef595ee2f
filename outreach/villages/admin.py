from django.contrib import admin

from .models import Village, VillageIndicator


class VillageIndicatorInline(admin.TabularInline):
    model = VillageIndicator
    extra = 1


@admin.register(Village)
class VillageAdmin(admin.ModelAdmin):
    list_display = ["name", "kecamatan", "program_status", "pimpasa"]
    list_filter = ["program_status", "kecamatan"]
    search_fields = ["name", "kecamatan"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["pimpasa"]
    inlines = [VillageIndicatorInline]
