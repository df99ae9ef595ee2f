from django.db import transaction

from .content import CHECKED_ON, PAGES, TOPICS
from .models import SERVICE_FIELDS, LinkKind, Page, PageLink, PageStatus, PageTopic


def _translated(field: str, pair) -> dict:
    indonesian, english = pair
    return {field: indonesian, f"{field}_ind": indonesian, f"{field}_en": english}


@transaction.atomic
def seed_information(topics=TOPICS, pages=PAGES, checked_on=CHECKED_ON) -> tuple[int, int]:
    """Create the topics and pages of the portal's information that do not exist yet (by slug), published,
    with their official links and sources. Existing ones are left as editors made them. Returns the numbers
    of topics and pages created."""
    topics_created = 0
    by_slug = {}
    for topic in topics:
        defaults = {"order": topic["order"]}
        defaults |= _translated("title", topic["title"]) | _translated("description", topic["description"])
        by_slug[topic["slug"]], created = PageTopic.objects.get_or_create(slug=topic["slug"], defaults=defaults)
        topics_created += created
    pages_created = 0
    for content in pages:
        if Page.objects.filter(slug=content["slug"]).exists():
            continue
        fields = {}
        for name in ["title", "summary", "body", *SERVICE_FIELDS]:
            fields |= _translated(name, content.get(name, ("", "")))
        page = Page.objects.create(
            slug=content["slug"],
            topic=by_slug[content["topic"]],
            order=content["order"],
            featured=content["featured"],
            status=PageStatus.PUBLISHED,
            last_reviewed=checked_on,
            **fields,
        )
        links = [
            PageLink(
                page=page, kind=LinkKind.OFFICIAL, url=url, order=number, **_translated("label", (label_id, label_en))
            )
            for number, (label_id, label_en, (_title, url, _publisher)) in enumerate(content["official_links"])
        ]
        links += [
            PageLink(
                page=page,
                kind=LinkKind.SOURCE,
                url=url,
                publisher=publisher,
                checked_on=checked_on,
                order=number,
                **_translated("label", (title, title)),
            )
            for number, (title, url, publisher) in enumerate(content["sources"])
        ]
        PageLink.objects.bulk_create(links)
        pages_created += 1
    return topics_created, pages_created
