"""Activities for pages outside this app (home, place pages), so that the place apps never import this one.

{% upcoming_activities 3 as upcoming %}, {% latest_activities 3 program="sekolah-kampus" as latest %},
{% latest_activities 3 photos=True as latest %} (with their public photos, for cards),
{% place_activities village as activities %}.
"""

from django import template

from ..models import Activity

register = template.Library()


def _published(program=None):
    activities = Activity.objects.published().with_places()
    return activities.for_program(program) if program else activities


@register.simple_tag
def upcoming_activities(limit=3, program=None):
    return list(_published(program).upcoming()[:limit])


@register.simple_tag
def latest_activities(limit=3, program=None, photos=False):
    activities = _published(program).past()
    return list((activities.with_public_photos() if photos else activities)[:limit])


@register.simple_tag
def place_activities(place, limit=20):
    """The published activities held at a village, school or campus, or reading corner, newest first."""
    activities = Activity.objects.published().for_place(place).with_places().with_public_photos()
    return list(activities.order_by("-starts_at")[:limit])
