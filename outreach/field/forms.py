"""The field app's activity form: the visit log's own model rules, laid out for a phone.

Validation is the model's (``Activity.clean`` and its constraints, as in the admin) and every photo goes
through the admin's ``ActivityPhotoForm`` (checked and re-encoded by ``outreach.media.clean_image``).
"""

from datetime import datetime, timedelta

from django import forms
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from outreach.activities.forms import ActivityPhotoForm
from outreach.activities.models import ATTENDANCE_FIELD_NAMES, Activity, ActivityPhoto, Kind
from outreach.media import ACCEPT_ATTRIBUTE
from outreach.reading_corners.models import ReadingCorner
from outreach.schools.models import Institution
from outreach.villages.models import Village

MAX_PHOTOS = 10
PHOTO_PREFIX = "photos"


class FieldActivityForm(forms.ModelForm):
    """One day, two times and an "ends after midnight" box instead of two date-times; everything else as the model
    defines it."""

    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    starts_at = forms.TimeField(label=_("Starts"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    ends_at = forms.TimeField(label=_("Ends"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    ends_next_day = forms.BooleanField(
        label=_("Ends after midnight"),
        required=False,
        help_text=_("Tick when the activity ends on the day after its date."),
    )

    class Meta:
        model = Activity
        fields = [
            "kind",
            "village",
            "institution",
            "reading_corner",
            "title",
            "date",
            "starts_at",
            "ends_at",
            "ends_next_day",
            "audience_types",
            *ATTENDANCE_FIELD_NAMES,
            "topics",
            "partners",
            "leaflets",
            "summary",
            "internal_notes",
        ]
        widgets = {
            "partners": forms.CheckboxSelectMultiple,
            "summary": forms.Textarea(attrs={"rows": 4}),
            "internal_notes": forms.Textarea(attrs={"rows": 3}),
            **{
                name: forms.NumberInput(attrs={"min": 0, "inputmode": "numeric", "class": "attendance"})
                for name in ATTENDANCE_FIELD_NAMES
            },
            "leaflets": forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = Village.objects.order_by("name")
        self.fields["institution"].queryset = Institution.objects.order_by("name")
        self.fields["reading_corner"].queryset = ReadingCorner.objects.active().order_by("name")
        self.fields["kind"].choices = [("", _("Choose…")), *Kind.choices]
        for field in self.fields.values():
            field.label = capfirst(field.label)

    def clean(self):
        cleaned = super().clean()
        day, starts, ends = cleaned.get("date"), cleaned.get("starts_at"), cleaned.get("ends_at")
        if day and starts and ends:
            start = timezone.make_aware(datetime.combine(day, starts))
            end_day = day + timedelta(days=1) if cleaned.get("ends_next_day") else day
            end = timezone.make_aware(datetime.combine(end_day, ends))
            # The model's own rule (ends after it starts) judges the pair.
            cleaned["starts_at"], cleaned["ends_at"] = start, end
        return cleaned

    @staticmethod
    def initial_from(activity: Activity) -> dict:
        """What a scheduled activity already tells: kind, place, title, day and times, audience, topics."""
        start, end = timezone.localtime(activity.starts_at), timezone.localtime(activity.ends_at)
        ends_next_day = end.date() == start.date() + timedelta(days=1)
        if end.date() > start.date() and not ends_next_day:
            # The form holds a day and the night after it: a longer activity ends at the last minute of its day.
            end = start.replace(hour=23, minute=59, second=0, microsecond=0)
        return {
            "kind": activity.kind,
            "village": activity.village_id,
            "institution": activity.institution_id,
            "reading_corner": activity.reading_corner_id,
            "title": activity.title,
            "date": start.date(),
            "starts_at": start.time(),
            "ends_at": end.time(),
            "ends_next_day": ends_next_day,
            "audience_types": list(activity.audience_types),
            "topics": list(activity.topics),
            "partners": [partner.pk for partner in activity.partners.all()],
        }


def as_pairs(initial: dict) -> list[list[str]]:
    """Initial values as the [name, value] pairs of a submitted form (what the phone's queue stores)."""
    pairs = []
    for name, value in initial.items():
        for item in value if isinstance(value, list) else [value]:
            if item is None or item is False:
                continue  # what a browser leaves out (an unticked box sends nothing)
            if item is True:
                item = "on"  # what a browser sends for a ticked box
            if hasattr(item, "strftime"):
                item = item.strftime("%H:%M") if not hasattr(item, "year") else item.isoformat()
            pairs.append([name, str(item)])
    return pairs


class FieldPhotoForm(ActivityPhotoForm):
    """The admin's photo form, opening the camera on a phone."""

    class Meta(ActivityPhotoForm.Meta):
        fields = ["image", "caption", "consent_to_publish"]
        widgets = {
            "image": forms.FileInput(attrs={"accept": ACCEPT_ATTRIBUTE, "capture": "environment"}),
        }


PhotoFormSet = inlineformset_factory(
    Activity,
    ActivityPhoto,
    form=FieldPhotoForm,
    fields=["image", "caption", "consent_to_publish"],
    extra=3,
    max_num=MAX_PHOTOS,
    validate_max=True,
    can_delete=False,
)
