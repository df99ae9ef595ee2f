"""URL slugs: one way to make a unique one."""

from django.utils.text import slugify

MAX_BASE_LENGTH = 200  # slug fields are 220 long: room for "-" and a number


def unique_slug(instance, text: str, *, fallback: str, field: str = "slug") -> str:
    """A slug of ``text`` not used by another row of the instance's model: ``name``, ``name-2``, ``name-3``…

    ``fallback`` stands in when ``text`` has no letter or digit a slug can keep.
    """
    base = slugify(text)[:MAX_BASE_LENGTH] or fallback
    others = type(instance)._default_manager.exclude(pk=instance.pk)
    slug, number = base, 2
    while others.filter(**{field: slug}).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug
