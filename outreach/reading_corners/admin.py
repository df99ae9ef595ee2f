from uuid import uuid4

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from outreach.media import ACCEPT_ATTRIBUTE, clean_image

from .models import CornerStatus, ReadingCorner


class ReadingCornerAdminForm(forms.ModelForm):
    # A plain file field: outreach.media judges the content and gives the error, not Django's ImageField.
    photo = forms.FileField(
        label=ReadingCorner._meta.get_field("photo").verbose_name,
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
    )

    class Meta:
        model = ReadingCorner
        fields = ["photo"]  # the admin adds the rest from its fieldsets

    def clean_photo(self):
        """A new upload is checked by content and stored as a metadata-free JPEG with a uuid name; bad ones fail."""
        photo = self.cleaned_data.get("photo")
        if not photo or not hasattr(photo, "content_type"):
            return photo  # no change, or the photo already stored
        clean = clean_image(photo)
        return clean.as_file(f"{uuid4().hex}.jpg")  # never the uploader's file name in a public URL


@admin.register(ReadingCorner)
class ReadingCornerAdmin(TranslationAdmin):
    form = ReadingCornerAdminForm
    list_display = ["name", "host_institution", "host_kind", "kecamatan", "status", "since"]
    list_filter = ["status", "host_kind", "kecamatan"]
    search_fields = ["name", "host_institution", "address"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "status", "since", "photo"]}),
        (
            _("Host and place"),
            {"fields": ["host_institution", "host_kind", "kecamatan", "address", ("latitude", "longitude")]},
        ),
        (_("Opening hours and materials"), {"fields": ["opening_hours", "materials"]}),
        (_("Record"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def view_on_site(self, corner):
        """Closed corners have no public page."""
        return corner.get_absolute_url() if corner.status == CornerStatus.ACTIVE else None
