"""Markdown written by editors, rendered with markdown-it-py and sanitised with nh3.

Editors are trusted staff, but an account can be stolen and a text can be pasted from anywhere: the HTML
is always cleaned. Raw HTML in the Markdown is not rendered; only the tags that Markdown produces survive
nh3; no script, no style, no event handler, no ``javascript:`` (or any other non-web) link. Links to
other hosts get ``rel="noopener noreferrer"``; links within the portal (relative) keep no ``rel``.
"""

import html
from urllib.parse import urlsplit

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "strong", "em", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "rel"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
EXTERNAL_REL = "noopener noreferrer"


def is_external(url: str) -> bool:
    return bool(urlsplit(url).netloc)


def _link_open(renderer, tokens, index, options, env):
    token = tokens[index]
    if is_external(token.attrGet("href") or ""):
        token.attrSet("rel", EXTERNAL_REL)
    return renderer.renderToken(tokens, index, options, env)


_parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
_parser.add_render_rule("link_open", _link_open)


def _filter_attribute(element: str, attribute: str, value: str) -> str | None:
    if element == "a" and attribute == "href":
        scheme = urlsplit(value).scheme.lower()
        return value if scheme in URL_SCHEMES or not scheme else None
    if element == "a" and attribute == "rel":
        return value if value == EXTERNAL_REL else None
    return value


def render(text: str) -> SafeString:
    """Markdown to safe HTML (an empty string for empty text)."""
    if not text:
        return mark_safe("")
    cleaned = nh3.clean(
        _parser.render(text),
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    return mark_safe(cleaned)  # cleaned by nh3 just above


def plain_text(text: str) -> str:
    """The words of a Markdown text without its markup (for meta descriptions and search snippets)."""
    return html.unescape(nh3.clean(_parser.render(text or ""), tags=set())).strip()
