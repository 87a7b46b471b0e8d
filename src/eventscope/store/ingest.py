"""Ingest: articles -> identity check -> extraction -> mentions -> batched, merged writes.

An article already stored with the same content is skipped before extraction,
so re-ingesting a corpus costs one hash per article and adds nothing.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from ..merge import Mention, Merger, person_names
from ..records import Article, Event, Rejected
from . import rows
from .db import Store, StoredArticle

Extractor = Callable[[Iterable[Article]], Iterable[tuple[Article, tuple[Event, ...]]]]
BATCH_SIZE = 64  # articles per transaction


@dataclass(frozen=True, slots=True)
class IngestStats:
    articles: int = 0  # new articles (or new versions) stored
    events: int = 0  # mentions (extracted events) stored
    unchanged: int = 0  # articles already stored with the same content
    rejected: int = 0  # inputs quarantined

    @property
    def skipped(self) -> int:
        return self.unchanged + self.rejected


@dataclass(frozen=True, slots=True)
class _Identity:
    key: str
    version: int
    digest: str


class _Gate:
    """Lets through articles not stored yet; remembers their identity and the rejected inputs."""

    def __init__(self, known: dict[str, dict[str, int]]) -> None:
        self.known = known
        self.pending: deque[_Identity] = deque()
        self.rejected: list[Rejected] = []
        self.unchanged = 0

    def filter(self, items: Iterable[Article | Rejected]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, Rejected):
                self.rejected.append(item)
                continue
            key, digest = rows.article_key(item), rows.content_hash(item.text)
            versions = self.known.setdefault(key, {})
            if digest in versions:
                self.unchanged += 1
                continue
            versions[digest] = max(versions.values(), default=0) + 1
            self.pending.append(_Identity(key, versions[digest], digest))
            yield item


def default_extractor() -> Extractor:
    from ..pipeline import extract  # the NLP stack loads only when articles need extracting

    return extract


def mentions_of(article: Article, uid: str, events: Iterable[Event]) -> tuple[Mention, ...]:
    """One mention per extracted event, with a content-derived id."""
    names = person_names(f"{article.title or ''}\n{article.text}")
    outlet = rows.outlet_of(article)
    found: list[Mention] = []
    for n, event in enumerate(events):
        digest = hashlib.sha1(f"{uid}|{event.event_id}|{n}".encode()).hexdigest()[:20]
        if not event.article_ids:
            event = replace(event, article_ids=(article.article_id,))
        found.append(Mention("m-" + digest, uid, event, outlet, names))
    return tuple(found)


def ingest(
    items: Iterable[Article | Rejected],
    store: Store,
    extractor: Extractor | None = None,
    batch_size: int = BATCH_SIZE,
    on_progress: Callable[[IngestStats], None] | None = None,
) -> IngestStats:
    """Store every new article of ``items`` with its events, ``batch_size`` articles per transaction."""
    gate = _Gate(store.versions())
    merger = store.load_merger()
    stats, batch = IngestStats(), []
    for article, events in (extractor or default_extractor())(gate.filter(items)):
        who = gate.pending.popleft()
        stored = StoredArticle(article, who.key, who.version, who.digest, ())
        stored = replace(stored, mentions=mentions_of(article, stored.uid, events))
        batch.append(stored)
        stats = replace(stats, articles=stats.articles + 1, events=stats.events + len(stored.mentions))
        if len(batch) >= batch_size:
            stats = _flush(store, merger, batch, gate, stats)
        if on_progress:
            on_progress(
                replace(stats, unchanged=gate.unchanged, rejected=stats.rejected + len(gate.rejected))
            )
    stats = _flush(store, merger, batch, gate, stats)
    if on_progress:
        on_progress(stats)
    return stats


def _flush(
    store: Store, merger: Merger, batch: list[StoredArticle], gate: _Gate, stats: IngestStats
) -> IngestStats:
    rejected = list(gate.rejected)
    store.write_batch(batch, rejected, merger)
    batch.clear()
    gate.rejected.clear()
    return replace(stats, unchanged=gate.unchanged, rejected=stats.rejected + len(rejected))
