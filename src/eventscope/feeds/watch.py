"""Continuous monitoring: poll feeds politely and ingest what is new."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..store import Extractor, IngestStats, Store, ingest
from .fetch import Fetcher
from .parse import feed_articles
from .sources import is_url, read_feed_file


@dataclass(frozen=True, slots=True)
class Poll:
    feed: str
    status: int  # 200 new content, 304 unchanged, 0 or 4xx/5xx failed
    stats: IngestStats


def parse_every(text: str) -> float:
    """'15m', '30s', '2h', '1d' or plain seconds -> seconds."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    text = text.strip().lower()
    if text and text[-1] in units:
        return float(text[:-1]) * units[text[-1]]
    return float(text)


def poll_feed(feed: str, store: Store, fetcher: Fetcher, extractor: Extractor | None) -> Poll:
    """Fetch one feed (conditionally, by its stored ETag / Last-Modified) and ingest its new entries."""
    if not is_url(feed):
        return Poll(feed, 200, ingest(read_feed_file(feed, fetcher), store, extractor))
    etag, modified = store.feed_state(feed)
    page = fetcher.get(feed, etag=etag, last_modified=modified)
    if page.status != 200:
        return Poll(feed, page.status, IngestStats())
    stats = ingest(feed_articles(page.body, feed, fetcher), store, extractor)
    store.set_feed_state(feed, page.etag, page.last_modified)
    return Poll(feed, 200, stats)


def watch(
    feeds: Sequence[str],
    store: Store,
    every: float,
    polls: int | None = None,
    fetcher: Fetcher | None = None,
    extractor: Extractor | None = None,
    on_poll: Callable[[Poll], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Poll every feed, then wait ``every`` seconds; stop after ``polls`` rounds (never when None)."""
    fetcher = fetcher or Fetcher()
    done = 0
    while polls is None or done < polls:
        for feed in feeds:
            result = poll_feed(feed, store, fetcher, extractor)
            if on_poll:
                on_poll(result)
        done += 1
        store.release()  # readers (the web map, `events`) get the file while the watcher sleeps
        if polls is None or done < polls:
            sleep(every)
