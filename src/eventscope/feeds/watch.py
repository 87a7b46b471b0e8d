"""Continuous monitoring: poll feeds politely and ingest what is new.

A round fetches its feeds (and the pages their teasers link to) on ``FEED_THREADS`` threads, so a slow
feed does not hold up the others, while this thread stores each feed's articles as soon as they are
read (the database has one writer). A feed that fails sits out 1, 2, 4 ... rounds (at most
``MAX_SKIPPED_ROUNDS``) until it answers again; what each poll did, or why it failed, is its ``Poll``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field

from ..addresses import is_fetched
from ..records import Article, Rejected
from ..store import Extractor, IngestStats, Store, ingest
from .fetch import Fetched, Fetcher
from .parse import feed_articles
from .sources import read_feed_file

FEED_THREADS = 4  # feeds fetched at once
MAX_SKIPPED_ROUNDS = 32  # the longest a failing feed sits out (with --every 15m: 8 hours)


@dataclass(frozen=True, slots=True)
class Poll:
    feed: str
    status: int  # 200 new content, 304 unchanged, 0 or 4xx/5xx failed
    stats: IngestStats
    error: str | None = None  # why the feed could not be read: 'HTTP 404 Not Found', 'ConnectError: ...'
    sits_out: int = 0  # rounds the failing feed now skips


@dataclass(slots=True)
class Backoff:
    """Consecutive failures per feed and the round each failing feed is next polled in (for the process)."""

    failures: dict[str, int] = field(default_factory=dict)
    next_round: dict[str, int] = field(default_factory=dict)

    def due(self, feed: str, round_: int) -> bool:
        return self.next_round.get(feed, 0) <= round_

    def failed(self, feed: str, round_: int) -> int:
        """Count a failure; the rounds the feed now sits out (1, 2, 4 ... capped)."""
        self.failures[feed] = self.failures.get(feed, 0) + 1
        skip = min(2 ** (self.failures[feed] - 1), MAX_SKIPPED_ROUNDS)
        self.next_round[feed] = round_ + skip + 1
        return skip

    def answered(self, feed: str) -> None:
        self.failures.pop(feed, None)
        self.next_round.pop(feed, None)


@dataclass(frozen=True, slots=True)
class _Read:
    """A feed as fetched and read on a fetching thread: its entries, or why it could not be read."""

    feed: str
    page: Fetched | None  # None: a local feed file
    items: list[Article | Rejected]


def parse_every(text: str) -> float:
    """'15m', '30s', '2h', '1d' or plain seconds -> seconds."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    text = text.strip().lower()
    if text and text[-1] in units:
        return float(text[:-1]) * units[text[-1]]
    return float(text)


def _read(feed: str, state: tuple[str | None, str | None], fetcher: Fetcher) -> _Read:
    """Fetch a feed (conditionally, by its stored ETag / Last-Modified) and read its entries and their pages."""
    if not is_fetched(feed):
        return _Read(feed, None, list(read_feed_file(feed, fetcher)))
    page = fetcher.get(feed, etag=state[0], last_modified=state[1])
    if not page.ok or page.status != 200:
        return _Read(feed, page, [])
    return _Read(feed, page, list(feed_articles(page.body, feed, fetcher)))


def _store(read: _Read, store: Store, extractor: Extractor | None,
           on_reject: Callable[[Rejected], None] | None) -> Poll:  # fmt: skip
    """Ingest what a feed gave; remember its ETag / Last-Modified once its entries are stored."""
    page = read.page
    if page is not None and (not page.ok or page.status != 200):
        return Poll(read.feed, page.status, IngestStats(), page.error)
    stats = ingest(read.items, store, extractor, on_reject=on_reject)
    unreadable = [r.reason for r in read.items if isinstance(r, Rejected) and r.origin == read.feed]
    if unreadable:  # the feed itself (not one of its entries): it backs off like a feed that does not answer
        return Poll(read.feed, 200, stats, unreadable[0])
    if page is not None:
        store.set_feed_state(read.feed, page.etag, page.last_modified)
    return Poll(read.feed, page.status if page else 200, stats)


def poll_feed(feed: str, store: Store, fetcher: Fetcher, extractor: Extractor | None,
              on_reject: Callable[[Rejected], None] | None = None) -> Poll:  # fmt: skip
    """Fetch one feed and ingest its new entries."""
    return _store(_read(feed, store.feed_state(feed), fetcher), store, extractor, on_reject)


def poll_round(feeds: Sequence[str], store: Store, fetcher: Fetcher, extractor: Extractor | None,
               on_reject: Callable[[Rejected], None] | None = None) -> Iterator[Poll]:  # fmt: skip
    """Poll ``feeds`` at once; each feed's Poll as soon as its articles are stored (in the order they are read)."""
    states = {feed: store.feed_state(feed) if is_fetched(feed) else (None, None) for feed in feeds}
    with ThreadPoolExecutor(max_workers=FEED_THREADS, thread_name_prefix="feed") as pool:
        reads = {pool.submit(_read, feed, states[feed], fetcher): feed for feed in feeds}
        for done in as_completed(reads):
            try:
                read = done.result()
            except Exception as exc:  # noqa: BLE001 - one feed's failure is that feed's poll, the round goes on
                yield Poll(reads[done], 0, IngestStats(), f"{type(exc).__name__}: {exc}")
                continue
            yield _store(read, store, extractor, on_reject)


def watch(
    feeds: Sequence[str],
    store: Store,
    every: float,
    polls: int | None = None,
    fetcher: Fetcher | None = None,
    extractor: Extractor | None = None,
    on_poll: Callable[[Poll], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    on_reject: Callable[[Rejected], None] | None = None,
) -> None:
    """Poll every feed that is due, then wait ``every`` seconds; stop after ``polls`` rounds (never when None).
    Each quarantined entry goes to ``on_reject``; a failing feed backs off (``Backoff``)."""
    fetcher, backoff, done = fetcher or Fetcher(), Backoff(), 0
    while polls is None or done < polls:
        due = [feed for feed in dict.fromkeys(feeds) if backoff.due(feed, done)]
        for result in poll_round(due, store, fetcher, extractor, on_reject):
            if result.error is None:
                backoff.answered(result.feed)
            else:
                result = Poll(result.feed, result.status, result.stats, result.error,
                              backoff.failed(result.feed, done))  # fmt: skip
            if on_poll:
                on_poll(result)
        done += 1
        store.release()  # readers (the web map, `events`) get the file while the watcher sleeps
        if polls is None or done < polls:
            sleep(every)
