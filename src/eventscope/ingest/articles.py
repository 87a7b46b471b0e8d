"""Build an Article from text and metadata."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from ..errors import InputError, warning
from ..records import Article
from ..settings import current
from .fields import read_published, read_title, read_url
from .layout import agencies_in, classify_lines

CUT_WINDOW = 0.1  # an over-long text is cut at the last paragraph or sentence end in this last share of the limit


def parse_time(value: str | None) -> datetime | None:
    """A publication time given by the user (``--published``): read as a record's is, refused when unreadable."""
    found = read_published(value)
    if found.warning:
        raise InputError("E010", value=value, detail="neither ISO 8601 nor a date and time dateparser reads")
    return found.value


def bounded(text: str, limit: int | None = None) -> tuple[str, tuple[str, ...]]:
    """The text cut to ``limit`` characters (at a paragraph or sentence end near it when there is one),
    with the warning W015 saying how much was left out; spaCy is never handed more than it can parse."""
    limit = limit or current().max_chars
    if len(text) <= limit:
        return text, ()
    floor = int(limit * (1 - CUT_WINDOW))
    cut = max(text.rfind("\n", floor, limit), text.rfind(". ", floor, limit - 1) + 1)
    cut = cut if cut > floor else limit
    return text[:cut], (warning("W015", limit=cut, rest=len(text) - cut),)


def make_article(
    text: str,
    article_id: str,
    *,
    origin: str,
    title: object = None,
    published: datetime | None = None,
    url: object = None,
    authors: tuple[str, ...] = (),
    find_title: bool = True,
    warnings: tuple[str, ...] = (),
) -> Article:
    """Split layout from body; metadata given by the caller wins over what the text says. A ``title`` or
    ``url`` as it came (any type) is read by ``fields``; a text longer than the analysed limit is cut there.
    Each defect is a coded line of ``warnings``."""
    text, cut = bounded(text)
    given_title, given_url = read_title(title), read_url(url)
    notes = tuple(r.warning for r in (given_title, given_url) if r.warning)
    dropped, meta = classify_lines(text, find_title=find_title and given_title.value is None)
    found_title = meta["title"] if isinstance(meta["title"], str) else None
    found_time = meta["published"] if isinstance(meta["published"], datetime) else None
    found_authors = tuple(meta["authors"]) if isinstance(meta["authors"], list) else ()
    article = Article(
        article_id=article_id,
        text=text,
        title=given_title.value or found_title,
        published=found_time or published,
        authors=authors or found_authors,
        url=given_url.value,
        dropped=tuple(dropped),
        origin=origin,
        warnings=(*warnings, *notes, *cut),
    )
    credits = meta["credits"] if isinstance(meta["credits"], list) else []
    agencies = tuple(dict.fromkeys([*agencies_in(article.nlp_text), *credits]))
    return replace(article, agencies=agencies)
