"""RSS/Atom feeds -> Articles (the entry's page when reachable, else the entry's own content)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import feedparser

from ..errors import InputError
from ..ingest.articles import make_article
from ..ingest.checks import decode_bytes
from ..ingest.fields import read_url
from ..ingest.html import article_from_html
from ..ingest.readers import declared_charset, unreadable
from ..records import Article, Rejected
from .fetch import Fetched, Fetcher

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)
MIN_ENTRY_CHARS = 400  # an entry shorter than this is a teaser: fetch the page it links to


def looks_like_feed(body: bytes, content_type: str = "") -> bool:
    head = body[:2048].lstrip().lower()
    return any(t in content_type for t in ("rss", "atom")) or b"<rss" in head or b"<feed" in head


def feed_articles(body: bytes, origin: str, fetcher: Fetcher | None = None) -> Iterator[Article | Rejected]:
    """One Article (or Rejected) per feed entry, in feed order."""
    parsed = feedparser.parse(body)
    if parsed.bozo and not parsed.entries:
        yield Rejected(origin, "E060", f"[E060] not a readable feed: {parsed.get('bozo_exception')}")
        return
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{origin}#{number}"
        try:
            yield _entry_article(entry, where, fetcher)
        except InputError as exc:
            yield Rejected(where, exc.code, str(exc))
        except Exception as exc:  # noqa: BLE001 - error policy: one entry's failure is that entry's record
            yield unreadable(where, exc)


def _entry_article(entry: Any, origin: str, fetcher: Fetcher | None) -> Article:
    """The entry's page when the entry is only a teaser (and a fetcher is given), else the entry's content. A
    teaser whose page cannot be fetched is refused (E061): the teaser is not the article."""
    link = read_url(entry.get("link")).value  # 'http://[::1' is no link: the entry is read from the feed
    published = _published(entry)
    html = _entry_html(entry)
    if fetcher is not None and entry.get("link") and len(html) < MIN_ENTRY_CHARS:
        if not link:
            raise InputError("E061", url=entry.get("link"), detail="not a readable link")
        page = fetcher.get(link)
        if not page.ok or page.status != 200:
            raise InputError("E061", url=link, detail=page.error or f"HTTP {page.status}")
        found = article_from_html(page_text(page), link, origin=link, published=published)
        return replace(found, url=link, title=found.title or entry.get("title"))
    if not html.strip():
        raise InputError("E008")
    article_id = link or entry.get("id") or origin
    if "<" in html:
        found = article_from_html(f"<html><body><article>{html}</article></body></html>", article_id,
                                  origin=origin, published=published)  # fmt: skip
        return replace(found, url=link, title=entry.get("title"))
    return make_article(html, article_id, origin=origin, title=entry.get("title"), published=published, url=link)


def page_text(page: Fetched) -> str:
    """A fetched page's text: by the charset of its Content-Type header, else of its ``<meta>``, else detected."""
    match = _CHARSET.search(page.content_type)
    return decode_bytes(page.body, declared=match.group(1) if match else declared_charset(page.body))


def _entry_html(entry: Any) -> str:
    contents = entry.get("content") or []
    if contents:
        return str(contents[0].get("value", ""))
    return str(entry.get("summary", ""))


def _published(entry: Any) -> datetime | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime.fromtimestamp(calendar.timegm(stamp), tz=UTC) if stamp else None

