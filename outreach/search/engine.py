"""Site search: PostgreSQL full-text search over the public content of every app, in the active language.

Each kind of result is one query: matched by a tsvector in the content's language (information pages in
Indonesian and, where written, English; activities and places in Indonesian, the language officers write
them in), ranked with an exact title match first, with a highlighted snippet (ts_headline) and the total
count of its kind in the same query (a window count). Only public content is searched: published pages and
activities, desa binaan villages, active reading corners, the listed schools and campuses.

Misspellings: when nothing matches, each query word that is not a word of the public titles and names is
replaced by the most similar one (trigram similarity, as pg_trgm computes it), and the search runs again.
The embedded PostgreSQL has no pg_trgm extension, so the comparison is done here, over the vocabulary that
ts_stat() gives; the result is the same for the short words of a search box.
"""

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection, models
from django.db.models import Case, Count, F, Value, When, Window
from django.db.models.functions import Coalesce, Concat, NullIf
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from outreach.activities.models import Activity
from outreach.figures_cache import remembered
from outreach.pages.models import Page
from outreach.reading_corners.models import ReadingCorner
from outreach.schools.models import Institution
from outreach.villages.models import Village

PER_KIND = 10
MAX_QUERY_LENGTH = 100
SIMILARITY_THRESHOLD = 0.3  # pg_trgm's default
START, STOP = "\ue000", "\ue001"  # private-use characters: never in real text, replaced after escaping
HEADLINE_OPTIONS = {"start_sel": START, "stop_sel": STOP, "max_words": 30, "min_words": 12, "max_fragments": 2}
CONFIGS = {"id": "indonesian", "en": "english"}


MARKUP = re.compile(r"[*_#`]+|\s+")


def highlight(text: str):
    """A ts_headline result as safe HTML: Markdown signs and line breaks dropped, escaped, then its markers
    turned into <mark>."""
    plain = MARKUP.sub(lambda match: " " if match.group().isspace() else "", text or "").strip()
    return mark_safe(escape(plain).replace(START, "<mark>").replace(STOP, "</mark>"))


@dataclass
class Result:
    title: str
    url: str
    snippet: str
    detail: str = ""
    title_lang: str = ""  # "id" where the title is Indonesian on a page in another language


@dataclass
class Group:
    kind: str
    label: str
    total: int
    results: list[Result] = field(default_factory=list)


def _query(text: str, config: str) -> SearchQuery:
    return SearchQuery(text, config=config, search_type="websearch")


def _exact(field_name: str, text: str):
    return Case(When(**{f"{field_name}__iexact": text}, then=Value(1)), default=Value(0))


def _ranked(queryset, vector, query, exact, headline_source, config):
    return (
        queryset.annotate(
            matched=vector,
            rank=SearchRank(vector, query),
            exact=exact,
            snippet=SearchHeadline(headline_source, query, config=config, **HEADLINE_OPTIONS),
            total=Window(Count("pk")),
        )
        .filter(matched=query)
        .order_by("-exact", "-rank", "pk")
    )


def _text(*names):
    """The fields as one text, for ts_headline."""
    parts = []
    for name in names:
        parts += [Coalesce(F(name), Value(""), output_field=models.TextField()), Value(" ")]
    return Concat(*parts, output_field=models.TextField())


def _pages(text: str, language: str) -> tuple[str, str, list]:
    indonesian = _query(text, "indonesian")
    vector = SearchVector("title_ind", "summary_ind", "body_ind", config="indonesian")
    query = indonesian
    exact = _exact("title_ind", text)
    source = _text("summary_ind", "body_ind")
    config = "indonesian"
    if language != "id":
        config = CONFIGS.get(language, "simple")
        query = _query(text, config) | indonesian
        vector = SearchVector("title_en", "summary_en", "body_en", config=config) + vector
        exact = Case(When(models.Q(title_en__iexact=text) | models.Q(title_ind__iexact=text), then=1), default=0)
        source = Coalesce(NullIf(_text("summary_en", "body_en"), Value("  ")), source)
    rows = _ranked(Page.objects.published(), vector, query, exact, source, config)[:PER_KIND]
    results = [
        Result(
            title=page.title,
            url=page.get_absolute_url(),
            snippet=highlight(page.snippet),
            title_lang="" if language == "id" or page.title_en else "id",
        )
        for page in rows
    ]
    return rows, results


def _activities(text: str, language: str):
    query = _query(text, "indonesian")
    queryset = Activity.objects.published().with_places()
    rows = _ranked(queryset, F("search_vector"), query, _exact("title", text), _text("summary"), "indonesian")
    rows = rows[:PER_KIND]
    results = [
        Result(
            title=activity.title,
            url=activity.get_absolute_url(),
            snippet=highlight(activity.snippet),
            detail=f"{activity.starts_at:%d-%m-%Y}" + (f" · {activity.place}" if activity.place else ""),
            title_lang="" if language == "id" else "id",
        )
        for activity in rows
    ]
    return rows, results


def _villages(text: str, language: str):
    query = _query(text, "indonesian")
    vector = SearchVector("name", "address", "selection_reason_ind", config="indonesian")
    source = _text("selection_reason_ind", "address")
    rows = _ranked(Village.objects.desa_binaan(), vector, query, _exact("name", text), source, "indonesian")
    rows = rows[:PER_KIND]
    results = [
        Result(
            title=village.name,
            url=village.get_absolute_url(),
            snippet=highlight(village.snippet),
            detail=str(_("Kecamatan %(name)s") % {"name": village.get_kecamatan_display()}),
        )
        for village in rows
    ]
    return rows, results


def _schools(text: str, language: str):
    query = _query(text, "indonesian")
    vector = SearchVector("name", "address", config="indonesian")
    rows = _ranked(Institution.objects.all(), vector, query, _exact("name", text), _text("address"), "indonesian")
    rows = rows[:PER_KIND]
    index = reverse("schools:index")
    results = [
        Result(
            title=school.name,
            url=index,
            snippet=highlight(school.snippet),
            detail=f"{school.get_level_display()} · {school.get_kecamatan_display()}",
        )
        for school in rows
    ]
    return rows, results


def _reading_corners(text: str, language: str):
    query = _query(text, "indonesian")
    vector = SearchVector("name", "host_institution", "address", "materials_ind", config="indonesian")
    source = _text("host_institution", "materials_ind", "address")
    rows = _ranked(ReadingCorner.objects.active(), vector, query, _exact("name", text), source, "indonesian")
    rows = rows[:PER_KIND]
    results = [
        Result(
            title=corner.name,
            url=corner.get_absolute_url(),
            snippet=highlight(corner.snippet),
            detail=corner.host_institution,
        )
        for corner in rows
    ]
    return rows, results


# (kind, label, search function): the order of the result groups.
KINDS = [
    ("pages", _("Information"), _pages),
    ("activities", _("Activities"), _activities),
    ("villages", _("Desa binaan"), _villages),
    ("schools", _("Schools and campuses"), _schools),
    ("reading_corners", _("Reading corners"), _reading_corners),
]


@dataclass
class SearchResults:
    query: str
    groups: list[Group]
    corrected_query: str = ""

    @property
    def total(self) -> int:
        return sum(group.total for group in self.groups)

    @property
    def found(self) -> list[Group]:
        """The groups with results."""
        return [group for group in self.groups if group.total]


def _run(text: str, language: str) -> list[Group]:
    groups = []
    for kind, label, find in KINDS:
        rows, results = find(text, language)
        groups.append(Group(kind=kind, label=label, total=rows[0].total if rows else 0, results=results))
    return groups


def search(text: str, language: str = "id") -> SearchResults:
    """Search the public content for ``text`` (websearch syntax: words, "a phrase", -not)."""
    text = " ".join(text.split())[:MAX_QUERY_LENGTH]
    if not text:
        return SearchResults(query="", groups=[])
    groups = _run(text, language)
    if sum(group.total for group in groups) == 0:
        corrected = correct_spelling(text, vocabulary(language))
        if corrected != text:
            return SearchResults(query=text, groups=_run(corrected, language), corrected_query=corrected)
    return SearchResults(query=text, groups=groups)


# --- misspellings ---------------------------------------------------------------------------------


def trigrams(word: str) -> set[str]:
    """The trigrams of a word as pg_trgm makes them: lower case, two spaces before and one after."""
    padded = f"  {word.lower()} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a: str, b: str) -> float:
    first, second = trigrams(a), trigrams(b)
    return len(first & second) / len(first | second) if first and second else 0.0


def correct_spelling(text: str, words: set[str]) -> str:
    """Replace each word not in ``words`` by its most similar word there (if similar enough)."""
    corrected = []
    for word in text.split():
        lower = word.lower()
        if lower in words or len(lower) < 3 or not lower.isalpha():
            corrected.append(word)
            continue
        best = max(words, key=lambda candidate: similarity(lower, candidate), default=None)
        corrected.append(best if best and similarity(lower, best) >= SIMILARITY_THRESHOLD else word)
    return " ".join(corrected)


def _words_sql(cursor, queryset, field_name: str) -> str:
    """The SELECT of ``field_name``'s words (unstemmed) over ``queryset``, as SQL text for ts_stat()."""
    vectors = queryset.order_by().annotate(words=SearchVector(field_name, config="simple")).values("words")
    sql, params = vectors.query.sql_with_params()
    return cursor.mogrify(sql, params).decode()


def public_title_sources(language: str) -> list[tuple]:
    """Where the words of the public titles and names are: the same querysets, so the same visibility rules."""
    titles = [(Page.objects.published(), "title_ind")]
    if language != "id":
        titles.append((Page.objects.published(), "title_en"))
    return [
        *titles,
        (Activity.objects.published(), "title"),
        (Village.objects.desa_binaan(), "name"),
        (Institution.objects.all(), "name"),
        (ReadingCorner.objects.active(), "name"),
    ]


def vocabulary(language: str) -> set[str]:
    """The words of the public titles and names, letters only (only those are ever corrected to; numbers would
    make it as long as the activity log). ts_stat reads every title: remembered a while (outreach.figures_cache;
    a saved activity drops it, a renamed page or place shows within ``FIGURES_CACHE_SECONDS``)."""
    return remembered("search-vocabulary", lambda: _vocabulary(language), language)


def _vocabulary(language: str) -> set[str]:
    with connection.cursor() as cursor:
        raw = cursor.cursor  # the database driver's cursor: it quotes parameters into SQL text (mogrify)
        sources = " UNION ALL ".join(
            _words_sql(raw, queryset, name) for queryset, name in public_title_sources(language)
        )
        cursor.execute("SELECT word FROM ts_stat(%s) WHERE length(word) >= 3 AND word ~ '^[[:alpha:]]+$'", [sources])
        return {row[0] for row in cursor.fetchall()}
