from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Fieldset, Layout, Submit
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from outreach.abuse import HONEYPOT_FIELD, STARTED_FIELD, AbuseDefenceMixin
from outreach.topics import Topic

from .models import VisitRequest


class VisitRequestForm(AbuseDefenceMixin, forms.ModelForm):
    """The public form a school or campus uses to ask for a visit. Works without JavaScript.

    The honeypot and the minimum fill time come from ``AbuseDefenceMixin`` (outreach/abuse.py).
    """

    topics = forms.MultipleChoiceField(
        label=_("Topics you would like us to cover"),
        choices=Topic.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Choose any that apply; we can also suggest topics."),
    )

    class Meta:
        model = VisitRequest
        fields = [
            "institution_name",
            "institution_level",
            "kecamatan",
            "address",
            "contact_name",
            "contact_role",
            "contact_phone",
            "contact_email",
            "preferred_date",
            "alternative_date",
            "audience",
            "audience_size",
            "topics",
            "message",
        ]
        widgets = {
            "preferred_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "alternative_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "message": forms.Textarea(attrs={"rows": 4}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "address": forms.TextInput(attrs={"autocomplete": "address-line1"}),
        }
        help_texts = {
            "contact_phone": _("A phone or WhatsApp number, or an email address below: we need at least one."),
            "preferred_date": _("A date in the future. We confirm the date with you before the visit."),
            "alternative_date": _("Optional: a second date after the preferred one, in case we cannot come."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["audience_size"].widget.attrs.update({"min": 1, "max": 5000})
        self.fields["audience_size"].validators += [MinValueValidator(1), MaxValueValidator(5000)]
        self.fields["institution_level"].choices = [("", _("Choose the level"))] + list(
            self.fields["institution_level"].choices
        )[1:]
        self.fields["kecamatan"].choices = [("", _("Choose the kecamatan"))] + list(self.fields["kecamatan"].choices)[
            1:
        ]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.error_text_inline = False  # errors in a block whose id matches aria-describedby
        self.helper.layout = Layout(
            Fieldset(_("Your school or campus"), "institution_name", "institution_level", "kecamatan", "address"),
            Fieldset(_("Contact person"), "contact_name", "contact_role", "contact_phone", "contact_email"),
            Fieldset(
                _("The visit"),
                "preferred_date",
                "alternative_date",
                "audience",
                "audience_size",
                "topics",
                "message",
            ),
            # The honeypot: hidden from people (and from screen readers), but bots fill in every field.
            Div(HONEYPOT_FIELD, css_class="visually-hidden", aria_hidden="true"),
            STARTED_FIELD,
            Submit("submit", _("Send the request"), css_class="btn-primary btn-lg"),
        )

    def clean_preferred_date(self):
        preferred = self.cleaned_data["preferred_date"]
        if preferred <= timezone.localdate():
            raise forms.ValidationError(_("Choose a date in the future."), code="past")
        return preferred

    def clean(self):
        cleaned = super().clean()
        preferred, alternative = cleaned.get("preferred_date"), cleaned.get("alternative_date")
        if preferred and alternative and alternative <= preferred:
            self.add_error("alternative_date", _("The alternative date must be after the preferred date."))
        if not cleaned.get("contact_phone") and not cleaned.get("contact_email") and "contact_email" not in self.errors:
            self.add_error("contact_phone", _("Give a phone number or an email address so we can reply."))
        return cleaned

    def request_data(self) -> dict:
        """The cleaned fields that make up a visit request (honeypot left out)."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
