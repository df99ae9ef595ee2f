import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from outreach.abuse.forms import AbuseDefenceMixin
from outreach.media import ACCEPT_ATTRIBUTE
from outreach.places import Kecamatan

from .models import CATEGORY_GUIDANCE, Category, Identity
from .services import MAX_FOLLOW_UP_TEXT, MAX_PHOTOS, REPORT_FIELDS, clean_photo

DESCRIPTION_MIN = 20
DESCRIPTION_MAX = 5000
CONTACT_FIELDS = ["reporter_name", "reporter_phone", "reporter_email", "consent"]
# The fields kept between the form and the review step (everything but files and the anti-abuse fields).
ANSWER_FIELDS = [*REPORT_FIELDS, "identity", *CONTACT_FIELDS]


class MultiplePhotoInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(forms.FileField):
    """Several photos from one ``<input type=file multiple>``; each checked and re-encoded by content."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultiplePhotoInput(attrs={"accept": ACCEPT_ATTRIBUTE}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = [upload for upload in (data or []) if upload] if isinstance(data, list | tuple) else [data]
        uploads = [upload for upload in uploads if upload]
        if len(uploads) > MAX_PHOTOS:
            raise ValidationError(
                _("You can add at most %(max)s photos."), code="too_many_photos", params={"max": MAX_PHOTOS}
            )
        cleaned, errors = [], []
        for number, upload in enumerate(uploads, start=1):
            try:
                cleaned.append(clean_photo(upload))
            except ValidationError as error:
                for message in error.messages:
                    errors.append(
                        ValidationError(
                            _("Photo %(number)s: %(message)s"),
                            code=error.error_list[0].code or "invalid",
                            params={"number": number, "message": message},
                        )
                    )
        if errors:
            raise ValidationError(errors)
        return cleaned


def category_choices_with_guidance():
    return [(value, label, CATEGORY_GUIDANCE[Category(value)]) for value, label in Category.choices]


def validate_phone(value: str):
    digits = re.sub(r"\D", "", value)
    if not re.fullmatch(r"[0-9+()\-. ]+", value) or not 8 <= len(digits) <= 15:
        raise ValidationError(
            _("Enter a phone or WhatsApp number of 8 to 15 digits, for example 0812 3456 7890."), code="phone"
        )


def initial_from_query(params) -> dict:
    """Answers another page hands over in the address, e.g. the job-offer check's "Report this offer":
    ``/lapor/?category=recruitment&description=…``. Only a known category and the description are taken; the
    reporter still reads and sends the form (a draft already begun wins over them)."""
    initial = {}
    if params.get("category") in Category.values:
        initial["category"] = params["category"]
    description = params.get("description", "").strip()[:DESCRIPTION_MAX]
    if description:
        initial["description"] = description
    return initial


class ReportForm(AbuseDefenceMixin, forms.Form):
    """The public report form, with the honeypot and the minimum fill time of ``AbuseDefenceMixin``."""

    honeypot_message = _("Your report could not be accepted. Please try again, or contact the office directly.")

    category = forms.ChoiceField(
        label=_("What do you want to report?"),
        choices=Category.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what you want to report.")},
    )
    description = forms.CharField(
        label=_("What happened?"),
        min_length=DESCRIPTION_MIN,
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Tell us what happened."),
            "min_length": _("Tell us a little more: at least %(limit_value)s characters (now %(show_value)s)."),
        },
        help_text=_("Describe what you saw or know, in your own words (at least 20 characters)."),
    )
    kecamatan = forms.ChoiceField(
        label=_("Kecamatan"), choices=[("", _("— Choose, if known —")), *Kecamatan.choices], required=False
    )
    village = forms.CharField(label=_("Village / kelurahan"), max_length=120, required=False)
    location_details = forms.CharField(
        label=_("Address details"),
        max_length=300,
        required=False,
        help_text=_("Street, house, landmark: anything that helps us find the place."),
    )
    occurred_on = forms.DateField(
        label=_("Date it happened"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("If you know it."),
    )
    occurred_approximately = forms.CharField(
        label=_("Or approximately when"),
        max_length=120,
        required=False,
        help_text=_("For example: last week, every evening, since March."),
    )
    involved_name = forms.CharField(label=_("Name of the person involved"), max_length=160, required=False)
    involved_nationality = forms.CharField(label=_("Their nationality"), max_length=80, required=False)
    involved_description = forms.CharField(
        label=_("Description of the people involved"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Appearance, vehicle, how many people, their role."),
    )
    photos = MultiplePhotoField(
        label=_("Photos (at most 3)"),
        required=False,
        # Resized on the phone before upload when JavaScript runs (static/js/photo-resize.js).
        widget=MultiplePhotoInput(attrs={"accept": ACCEPT_ATTRIBUTE, "data-resize-photos": True}),
        help_text=_("JPEG, PNG or WebP. We remove hidden information such as location from every photo."),
    )
    remove_photos = forms.MultipleChoiceField(
        label=_("Remove photos you added before"), required=False, widget=forms.CheckboxSelectMultiple
    )
    identity = forms.ChoiceField(
        label=_("Do you want to give your contact details?"),
        choices=Identity.choices,
        widget=forms.RadioSelect,
        initial=Identity.ANONYMOUS,
        error_messages={"required": _("Choose whether to report anonymously or with contact details.")},
    )
    reporter_name = forms.CharField(label=_("Your name"), max_length=160, required=False)
    reporter_phone = forms.CharField(
        label=_("Phone / WhatsApp"), max_length=40, required=False, validators=[validate_phone]
    )
    reporter_email = forms.EmailField(
        label=_("Email"),
        required=False,
        help_text=_("If you give an email, we tell you when there is news about your report."),
    )
    consent = forms.BooleanField(label="", required=False)

    def __init__(self, *args, draft_photos: int = 0, retention_days: int = 365, **kwargs):
        super().__init__(*args, **kwargs)
        self.draft_photos = draft_photos
        self.fields["remove_photos"].choices = self.remove_choices(draft_photos)
        self.fields["consent"].label = _(
            "I agree that the immigration office keeps my contact details to contact me about this report only. "
            "They are deleted %(days)s days after the report is closed (Law 27/2022 on Personal Data Protection)."
        ) % {"days": retention_days}
        self.fields["consent"].error_summary_label = _("Consent")
        self.fields["reporter_phone"].widget.input_type = "tel"
        self.fields["reporter_phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})
        self.fields["reporter_name"].widget.attrs.update({"autocomplete": "name"})
        self.fields["reporter_email"].widget.attrs.update({"autocomplete": "email"})

    @staticmethod
    def remove_choices(count: int):
        return [(str(i), _("Remove photo %(number)s") % {"number": i + 1}) for i in range(count)]

    def category_options(self):
        """The category radio buttons with their guidance text, for the template."""
        current = self["category"].value()
        return [
            {"value": value, "label": label, "guidance": guidance, "checked": current == value, "number": number}
            for number, (value, label, guidance) in enumerate(category_choices_with_guidance())
        ]

    def identity_options(self):
        current = self["identity"].value() or Identity.ANONYMOUS
        return [
            {"value": value, "label": label, "checked": current == value, "number": number}
            for number, (value, label) in enumerate(Identity.choices)
        ]

    def clean_occurred_on(self):
        value = self.cleaned_data.get("occurred_on")
        if value and value > timezone.localdate():
            raise ValidationError(_("The date cannot be in the future."), code="future")
        return value

    def clean(self):
        data = super().clean()
        kept = self.draft_photos - len(data.get("remove_photos") or [])
        if kept + len(data.get("photos") or []) > MAX_PHOTOS:
            self.add_error(
                "photos",
                ValidationError(
                    _("You can add at most %(max)s photos in all. Remove one you added before, or choose fewer."),
                    code="too_many_photos",
                    params={"max": MAX_PHOTOS},
                ),
            )
        if data.get("identity") == Identity.WITH_CONTACT:
            no_contact = not (data.get("reporter_phone") or data.get("reporter_email"))
            if no_contact and "reporter_phone" not in self.errors and "reporter_email" not in self.errors:
                self.add_error(
                    "reporter_phone",
                    ValidationError(
                        _("Give a phone / WhatsApp number or an email, or choose to report anonymously."),
                        code="contact_required",
                    ),
                )
            if not data.get("consent"):
                self.add_error(
                    "consent",
                    ValidationError(
                        _("Tick the box to agree, or choose to report anonymously."), code="consent_required"
                    ),
                )
        else:
            # Anonymous: whatever was typed in the contact fields is dropped, never stored.
            for field in CONTACT_FIELDS:
                data[field] = False if field == "consent" else ""
        return data

    def answers(self) -> dict:
        """The answers to keep between the form and the review step (strings, JSON-safe)."""
        answers = {field: self.data.get(field, "") for field in ANSWER_FIELDS}
        if self.cleaned_data.get("identity") != Identity.WITH_CONTACT:
            for field in CONTACT_FIELDS:
                answers[field] = ""
        return answers


class LookupForm(forms.Form):
    reference = forms.CharField(
        label=_("Reference code"),
        max_length=20,
        help_text=_("For example LPR-7K4M-Q2XH"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )
    pin = forms.CharField(
        label=_("PIN"),
        max_length=12,
        help_text=_("The 6 digits shown with your reference code"),
        widget=forms.PasswordInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


class AddInformationForm(forms.Form):
    text = forms.CharField(
        label=_("More information"), max_length=MAX_FOLLOW_UP_TEXT, required=False, widget=forms.Textarea({"rows": 4})
    )
    photo = forms.FileField(
        label=_("A photo (optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
    )

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        return clean_photo(upload) if upload else None

    def clean(self):
        data = super().clean()
        if not data.get("text", "").strip() and not data.get("photo") and "photo" not in self.errors:
            raise ValidationError(_("Write something or add a photo."), code="empty")
        return data
