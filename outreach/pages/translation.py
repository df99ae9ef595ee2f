"""The translated fields (django-modeltranslation): Indonesian required, English optional."""

from modeltranslation.translator import TranslationOptions, register

from .models import Page, PageLink, PageTopic, SiteNotice


@register(PageTopic)
class PageTopicTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"id": ("title",)}


@register(Page)
class PageTranslation(TranslationOptions):
    fields = (
        "title",
        "summary",
        "body",
        "audience",
        "requirements",
        "steps",
        "cost",
        "duration",
        "where_to_go",
        "legal_basis",
    )
    required_languages = {"id": ("title", "summary")}


@register(PageLink)
class PageLinkTranslation(TranslationOptions):
    fields = ("label",)
    required_languages = ("id",)


@register(SiteNotice)
class SiteNoticeTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = ("id",)
