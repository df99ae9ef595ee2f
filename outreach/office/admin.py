from uuid import uuid4

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from outreach.media import ACCEPT_ATTRIBUTE, clean_image

from .models import OfficeProfile, PartnerAgency

LOGO_SIDE = 256


class OfficeProfileAdminForm(forms.ModelForm):
    # A plain file field: outreach.media judges the content (as for every upload), not Django's ImageField.
    logo = forms.FileField(
        label=OfficeProfile._meta.get_field("logo").verbose_name,
        help_text=OfficeProfile._meta.get_field("logo").help_text,
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
    )

    class Meta:
        model = OfficeProfile
        fields = ["logo"]  # the admin adds the rest from its fieldsets

    def clean_logo(self):
        """A new upload is checked by content and stored as a small metadata-free JPEG with a uuid name."""
        logo = self.cleaned_data.get("logo")
        if not logo or not hasattr(logo, "content_type"):
            return logo
        return clean_image(logo, max_side=LOGO_SIDE).as_file(f"{uuid4().hex}.jpg")


@admin.register(OfficeProfile)
class OfficeProfileAdmin(TranslationAdmin):
    form = OfficeProfileAdminForm
    fieldsets = [
        (None, {"fields": ["name", "short_name", "parent_agency", "about", "logo"]}),
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
