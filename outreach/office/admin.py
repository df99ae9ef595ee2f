from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import OfficeProfile, PartnerAgency


@admin.register(OfficeProfile)
class OfficeProfileAdmin(admin.ModelAdmin):
    fieldsets = [
        (None, {"fields": ["name", "short_name", "parent_agency", "about"]}),
        (_("Contact"), {"fields": ["address", "phone", "whatsapp", "email", "opening_hours"]}),
        (_("Location on the map"), {"fields": ["latitude", "longitude"]}),
    ]
    list_display = ["name", "phone", "whatsapp", "email", "updated_at"]

    def has_add_permission(self, request):
        # One office profile only.
        return super().has_add_permission(request) and not OfficeProfile.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PartnerAgency)
class PartnerAgencyAdmin(admin.ModelAdmin):
    """The one list of partner agencies, for activities and for forwarding reports."""

    list_display = ["name", "short_name"]
    search_fields = ["name", "short_name"]
