from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from outreach.media import ACCEPT_ATTRIBUTE, clean_image

from .models import ActivityPhoto, Program


class ActivityPhotoForm(forms.ModelForm):
    """Every upload is checked and re-encoded by outreach.media.clean_image before anything is stored."""

    class Meta:
        model = ActivityPhoto
        fields = ["image", "caption", "consent_to_publish", "order"]
        # A plain file field: the content check is clean_image's, with its clear translated messages.
        field_classes = {"image": forms.FileField}
        widgets = {"image": forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE})}

    clean_upload = None

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if isinstance(upload, UploadedFile):
            self.clean_upload = clean_image(upload)
        return upload

    def save(self, commit=True):
        if self.clean_upload is not None:
            self.instance.set_image(self.clean_upload)
        return super().save(commit)


class ActivityFilterForm(forms.Form):
    """The GET filters of /kegiatan/: program, year and village (``desa``, a village page's "all activities
    here" link). Invalid values are ignored (the full list shows)."""

    program = forms.ChoiceField(label=_("Program"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    desa = forms.SlugField(required=False, widget=forms.HiddenInput)

    def __init__(self, data=None, *, years=()):
        super().__init__(data)
        self.fields["program"].choices = [("", _("All programs")), *Program.choices]
        self.fields["year"].choices = [("", _("All years")), *((year, year) for year in years)]

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        if program := self.cleaned_data["program"]:
            queryset = queryset.for_program(program)
        if year := self.cleaned_data["year"]:
            queryset = queryset.filter(starts_at__year=year)
        if village := self.cleaned_data["desa"]:
            queryset = queryset.filter(village__slug=village)
        return queryset

    def applied_filters(self) -> list:
        """The values ``filter`` applies, in field order (empty when it applies none)."""
        if not self.is_valid():
            return []
        return [f"{name}={value}" for name, value in self.cleaned_data.items() if value]

    @property
    def is_filtered(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())
