from django import forms
from django.utils.translation import gettext_lazy as _

from outreach.abuse.forms import AbuseDefenceMixin

from .job_offer import SIGNS
from .models import FEEDBACK_COMMENT_MAX, PageFeedback


class FeedbackForm(AbuseDefenceMixin, forms.ModelForm):
    """ "Was this page helpful?": yes or no, and an optional comment. No name, no contact, nothing else."""

    helpful = forms.TypedChoiceField(
        label=_("Was this page helpful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes or no.")},
    )
    comment = forms.CharField(
        label=_("What could be better? (optional)"),
        required=False,
        max_length=FEEDBACK_COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Please do not write your name, phone number or other personal details here."),
    )

    class Meta:
        model = PageFeedback
        fields = ["helpful", "comment"]


class JobOfferCheckForm(forms.Form):
    signs = forms.MultipleChoiceField(
        label=_("Tick every sign that matches the offer you received"),
        choices=[(sign.code, sign.label) for sign in SIGNS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    # Present when the form was sent, so that "nothing ticked" is an answer too.
    checked = forms.BooleanField(widget=forms.HiddenInput, initial=True, required=False)
