"""Activities for pages outside this app (the home page): {% upcoming_activities 3 as upcoming %}."""

from django import template

from ..models import Activity

register = template.Library()


@register.simple_tag
def upcoming_activities(limit=3):
    return list(Activity.objects.published().upcoming().with_places()[:limit])


@register.simple_tag
def latest_activities(limit=3):
    return list(Activity.objects.published().past().with_places()[:limit])
