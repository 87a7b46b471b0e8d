"""Build an Article from text and metadata."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from ..errors import InputError
from ..records import Article
from .layout import agencies_in, classify_lines


def parse_time(value: str | None) -> datetime | None:
    """An ISO 8601 time (a bare date means midnight UTC); naive times are UTC."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise InputError("E010", value=value, detail=str(exc)) from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def make_article(
    text: str,
    article_id: str,
    *,
    origin: str,
    title: str | None = None,
    published: datetime | None = None,
    url: str | None = None,
    authors: tuple[str, ...] = (),
    find_title: bool = True,
) -> Article:
    """Split layout from body; metadata given by the caller wins over what the text says."""
    dropped, meta = classify_lines(text, find_title=find_title and title is None)
    found_title = meta["title"] if isinstance(meta["title"], str) else None
    found_time = meta["published"] if isinstance(meta["published"], datetime) else None
    found_authors = tuple(meta["authors"]) if isinstance(meta["authors"], list) else ()
    article = Article(
        article_id=article_id,
        text=text,
        title=title or found_title,
        published=found_time or published,
        authors=authors or found_authors,
        url=url,
        dropped=tuple(dropped),
        origin=origin,
    )
    credits = meta["credits"] if isinstance(meta["credits"], list) else []
    agencies = tuple(dict.fromkeys([*agencies_in(article.nlp_text), *credits]))
    return replace(article, agencies=agencies)
