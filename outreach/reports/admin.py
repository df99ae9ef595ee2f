from django.contrib import admin

from .models import Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["reference", "category", "priority", "status", "first_response_due", "created_at"]
    list_filter = ["status", "category", "priority"]
    search_fields = ["reference"]
    # The reporter's identity is never shown here; the triage admin reveals it only with permission.
    fields = ["category", "description", "kecamatan", "village", "status", "priority", "assigned_to"]
    readonly_fields = ["status"]
