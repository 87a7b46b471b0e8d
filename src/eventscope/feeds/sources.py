"""Inputs of ``ingest``: local paths (via ``eventscope.ingest``), feed files, and http(s) URLs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import datetime

from ..addresses import is_fetched, not_a_path
from ..errors import InputError
from ..ingest import read_inputs
from ..ingest.html import article_from_html
from ..ingest.readers import count_local, open_regular, read_limited
from ..records import Article, Rejected
from ..settings import current
from .fetch import Fetcher
from .parse import feed_articles, looks_like_feed, page_text

FEED_SUFFIXES = (".rss", ".atom", ".xml")


def read_sources(
    paths: Iterable[str], published: datetime | None = None, fetcher: Fetcher | None = None
) -> Iterator[Article | Rejected]:
    """Articles from every path or URL, in order; feeds give one article per entry."""
    local: list[str] = []
    for path in paths:
        if is_fetched(path) or path.lower().endswith(FEED_SUFFIXES):
            yield from read_inputs(local, published)
            local = []
            yield from (read_url(path, fetcher or Fetcher()) if is_fetched(path) else read_feed_file(path, fetcher))
        else:
            local.append(path)
    yield from read_inputs(local, published)


def count_inputs(paths: Iterable[str]) -> int | None:
    """How many inputs ``read_sources`` will read from ``paths``, counted without reading them; None when that
    is not known beforehand (a URL, a feed, standard input)."""
    total = 0
    for path in paths:
        if path == "-" or is_fetched(path) or path.lower().endswith(FEED_SUFFIXES):
            return None
        total += count_local(path)
    return total


def read_feed_file(path: str, fetcher: Fetcher | None) -> Iterator[Article | Rejected]:
    if (why := not_a_path(path)) is not None:
        yield Rejected(path, "E015", str(InputError("E015", detail=why)))
        return
    try:
        with open_regular(path) as handle:
            body = read_limited(handle, current().max_bytes)
    except InputError as exc:
        yield Rejected(path, exc.code, str(exc))
        return
    except OSError as exc:
        yield Rejected(path, "E009", f"[E009] cannot read: {exc.strerror or exc}")
        return
    yield from feed_articles(body, path, fetcher)


def read_url(url: str, fetcher: Fetcher) -> Iterator[Article | Rejected]:
    """A feed URL gives its entries; any other page is one HTML article."""
    page = fetcher.get(url)
    if not page.ok or page.status != 200:
        yield Rejected(url, "E061", str(InputError("E061", url=url, detail=page.error or f"HTTP {page.status}")))
        return
    if looks_like_feed(page.body, page.content_type):
        yield from feed_articles(page.body, url, fetcher)
        return
    try:
        article = article_from_html(page_text(page), url, origin=url, published=None)
    except Exception as exc:  # noqa: BLE001 - an unreadable page is quarantined, the run goes on
        yield Rejected(url, getattr(exc, "code", "E008"), str(exc))
        return
    yield replace(article, url=article.url or url)
