"""Ingest: articles -> identity check -> extraction -> mentions -> batched, merged writes.

An article already stored with the same content is skipped before extraction,
so re-ingesting a corpus costs one hash per article and adds nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from typing import TypeVar

from ..merge import Mention, Merger, article_people
from ..merge.people import Recogniser, spacy_entities
from ..records import Article, Event, Rejected
from . import rows
from .db import Store, StoredArticle

T = TypeVar("T")
Extractor = Callable[[Iterable[Article]], Iterable[tuple[Article, tuple[Event, ...]]]]
BATCH_SIZE = 64  # articles per transaction
EXTRACT_CHUNK = 32  # articles handed to the extractor at once (a failing chunk is retried one by one)


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


_Extracted = tuple[_Identity, Article, tuple[Event, ...]]


class _Gate:
    """Lets through articles not stored yet; remembers their identity and the rejected inputs."""

    def __init__(self, known: dict[str, dict[str, int]]) -> None:
        self.known = known
        self.rejected: list[Rejected] = []
        self.unchanged = 0

    def filter(self, items: Iterable[Article | Rejected]) -> Iterator[tuple[Article, _Identity]]:
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
            yield item, _Identity(key, versions[digest], digest)

    def extracted(self, extractor: Extractor, pairs: Iterable[tuple[Article, _Identity]]) -> Iterator[_Extracted]:
        """Extract in chunks; when a chunk fails, retry its articles one by one and quarantine the failures."""
        # an extractor may ask for bigger batches (the Dask one: enough chunks for every worker)
        for part in chunked(pairs, getattr(extractor, "batch_size", EXTRACT_CHUNK)):
            try:
                results = list(extractor([a for a, _ in part]))
            except Exception:  # noqa: BLE001 - error policy: quarantine the article, go on
                results = []
            if len(results) == len(part):
                yield from ((who, art, tuple(evs)) for (_, who), (art, evs) in zip(part, results, strict=True))
                continue
            for article, who in part:
                yield from self._one(extractor, article, who)

    def _one(self, extractor: Extractor, article: Article, who: _Identity) -> Iterator[_Extracted]:
        try:
            ((found, events),) = list(extractor([article]))
        except Exception as exc:  # noqa: BLE001
            self.known[who.key].pop(who.digest, None)
            self.rejected.append(Rejected(article.origin, "E050", f"[E050] extraction failed: {exc!r}"))
            return
        yield who, found, tuple(events)


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while part := list(islice(it, size)):
        yield part


def default_extractor() -> Extractor:
    from ..pipeline import extract  # the NLP stack loads only when articles need extracting

    return extract


def mentions_of(
    article: Article, uid: str, events: Iterable[Event], recognise: Recogniser | None = None
) -> tuple[Mention, ...]:
    """One mention per extracted event, with a content-derived id and the people named near it."""
    outlet = rows.outlet_of(article)
    events = [e if e.article_ids else replace(e, article_ids=(article.article_id,)) for e in events]
    spans = [[(v.start, v.end) for v in e.evidence if v.text == article.text[v.start : v.end]] for e in events]
    people = article_people(article.text, spans, recognise or spacy_entities) if events else []
    found: list[Mention] = []
    for n, (event, names) in enumerate(zip(events, people, strict=True)):
        digest = hashlib.sha1(f"{uid}|{event.event_id}|{n}".encode()).hexdigest()[:20]
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
    store.release()
    stats, batch = IngestStats(), []
    for who, article, events in gate.extracted(extractor or default_extractor(), gate.filter(items)):
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
    store.release()  # let readers in while the next batch is extracted
    batch.clear()
    gate.rejected.clear()
    return replace(stats, unchanged=gate.unchanged, rejected=stats.rejected + len(rejected))
