"""The writer: articles -> identity check -> extraction -> mentions -> batched, merged writes.

An article already stored with the same content is skipped before extraction,
so re-ingesting a corpus costs one hash per article and adds nothing.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from typing import Protocol, TypeVar

from ..deadline import OverBudget, time_limit
from ..errors import EventscopeError
from ..merge import Mention, Merger, article_people
from ..merge.people import Recogniser, spacy_entities
from ..records import Article, Event, Rejected
from ..settings import current
from . import rows
from .db import Store, StoredArticle

T = TypeVar("T")
Spans = tuple[tuple[int, int], ...]


class Parsed(Protocol):
    """What ``Pipeline.analyses`` yields: an article, its events and the PERSON spans its parse found."""

    @property
    def article(self) -> Article: ...
    @property
    def events(self) -> tuple[Event, ...]: ...
    @property
    def persons(self) -> Spans: ...


# (article, events) pairs, or Parsed records whose PERSON spans spare a second pass of the recogniser
Extractor = Callable[[Iterable[Article]], Iterable[tuple[Article, tuple[Event, ...]] | Parsed]]
BATCH_SIZE = 64  # articles per transaction
EXTRACT_CHUNK = 32  # articles handed to the extractor at once (a failing chunk is retried one by one)
CHECK_CHUNK = 32  # inputs whose identity is looked up in the store at once


@dataclass(frozen=True, slots=True)
class Analysed:
    """An article after extraction: its events and each event's people, or why extraction failed."""

    article: Article
    events: tuple[Event, ...] = ()
    people: tuple[tuple[str, ...], ...] = ()  # per event: the full names of its people (merge.article_people)
    error: str | None = None  # the article is quarantined under ``code``
    code: str = "E050"  # extraction failed; E051: it outlived the per-article time budget


@dataclass(frozen=True, slots=True)
class Analyser:
    """Extraction done elsewhere (Dask workers): articles in, ``Analysed`` out, in input order, lazily."""

    run: Callable[[Iterable[Article]], Iterator[Analysed]]


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
    """Lets through articles not stored yet, asking the store about ``CHECK_CHUNK`` inputs at a time; it
    remembers only the identities it let through that are not written yet, so it does not grow with the store."""

    def __init__(self, store: Store, on_reject: Callable[[Rejected], None] | None = None) -> None:
        self.store = store
        self.pending: dict[str, dict[str, int]] = {}  # key -> content hash -> version: let through, not yet written
        self.rejected: list[Rejected] = []
        self.unchanged = 0
        self.on_reject = on_reject

    def reject(self, item: Rejected) -> None:
        """Quarantine the input (written with the next batch) and tell ``on_reject``."""
        self.rejected.append(item)
        if self.on_reject:
            self.on_reject(item)

    def filter(self, items: Iterable[Article | Rejected]) -> Iterator[tuple[Article, _Identity]]:
        for part in chunked(items, CHECK_CHUNK):
            for item in part:
                if isinstance(item, Rejected):
                    self.reject(item)
            articles = [(item, rows.article_key(item)) for item in part if isinstance(item, Article)]
            known = self.store.versions(sorted({key for _, key in articles})) if articles else {}
            for article, key in articles:
                digest = rows.content_hash(article.text)
                versions = known.get(key, {}) | self.pending.get(key, {})
                if digest in versions:
                    self.unchanged += 1
                    continue
                version = max(versions.values(), default=0) + 1
                self.pending.setdefault(key, {})[digest] = version
                yield article, _Identity(key, version, digest)

    def settled(self, key: str, digest: str) -> None:
        """The identity was written or given up: the store answers for it from now on."""
        versions = self.pending.get(key, {})
        versions.pop(digest, None)
        if not versions:
            self.pending.pop(key, None)

    def extracted(
        self, analyser: Analyser, pairs: Iterable[tuple[Article, _Identity]]
    ) -> Iterator[tuple[_Identity, Analysed]]:
        """The analysis of each article let through, with its identity; failures are quarantined."""
        waiting: deque[_Identity] = deque()  # the analyser may read ahead of what it has given back

        def articles() -> Iterator[Article]:
            for article, who in pairs:
                waiting.append(who)
                yield article

        for found in analyser.run(articles()):
            who = waiting.popleft()
            if found.error is None:
                yield who, found
                continue
            self.settled(who.key, who.digest)
            self.reject(Rejected(found.article.origin or found.article.article_id, found.code, found.error))


def analyse(
    extract: Extractor, articles: Sequence[Article], recognise: Recogniser | None = None, budget: float | None = None
) -> list[Analysed]:
    """A worker's unit of work: extract a chunk and name each event's people, so the writer only merges and
    writes. Each article has ``budget`` seconds (None: no limit). When the chunk fails, the rest is extracted
    article by article, keeping each failure's reason; when an article outlives its budget in the chunk it is
    tried alone (where only its own work counts: over budget again, it is quarantined, E051) and the rest goes
    on as a chunk; an overrun before any article came out (the parse of the whole chunk) reads the chunk one
    by one. A stall costs at most twice the budget, and only an article alone is ever quarantined."""
    found, stop = _until_stop(extract, articles, budget)
    done = [with_people(article, events, recognise, persons) for article, events, persons in found]
    rest = articles[len(found) :]
    if stop is None or not rest:
        return done
    if isinstance(stop, OverBudget) and found:
        return done + [_alone(extract, rest[0], recognise, budget)] + analyse(extract, rest[1:], recognise, budget)
    # a failure, or an overrun before the first article came out (the chunk's parse itself): one by one
    return done + [_alone(extract, article, recognise, budget) for article in rest]


def _until_stop(
    extract: Extractor, articles: Sequence[Article], budget: float | None
) -> tuple[list[Parts], BaseException | None]:
    """The chunk's extracted articles up to the first failure or overrun, and that failure (None: all done).
    Each article must come out within ``budget`` of the one before (the first, of the start: spaCy's parse of
    the whole chunk counts there, so a chunk of long articles may overrun and is then read one by one)."""
    found: list[Parts] = []
    items: Iterator[tuple[Article, tuple[Event, ...]] | Parsed] | None = None
    try:
        while len(found) < len(articles):
            with time_limit(budget):
                if items is None:
                    items = iter(extract(articles))
                item = next(items, None)
            if item is None:
                return found, EventscopeError("E050", detail="the extractor gave fewer articles than it was given")
            found.append(_parts(item))
    except (Exception, OverBudget) as exc:  # noqa: BLE001 - error policy: the rest one by one, quarantined alone
        return found, exc
    return found, None


Parts = tuple[Article, tuple[Event, ...], Spans | None]


def _parts(item: tuple[Article, tuple[Event, ...]] | Parsed) -> Parts:
    if isinstance(item, tuple):
        return item[0], tuple(item[1]), None
    return item.article, item.events, item.persons


def _alone(extract: Extractor, article: Article, recognise: Recogniser | None, budget: float | None) -> Analysed:
    try:
        with time_limit(budget):
            (item,) = list(extract([article]))
    except OverBudget:
        error = EventscopeError("E051", seconds=f"{budget:g}")
        return Analysed(article, error=str(error), code="E051")
    except Exception as exc:  # noqa: BLE001
        return Analysed(article, error=f"[E050] extraction failed: {exc!r}")
    found, events, persons = _parts(item)
    return with_people(found, events, recognise, persons)


def with_people(
    article: Article, events: Iterable[Event], recognise: Recogniser | None = None, persons: Spans | None = None
) -> Analysed:
    """The article's events (each carrying the article's id) and the people named near each: from the
    ``persons`` spans of the article's parse when given, else by running ``recognise`` on their sentences."""
    found = tuple(e if e.article_ids else replace(e, article_ids=(article.article_id,)) for e in events)
    spans = [[(v.start, v.end) for v in e.evidence if v.text == article.text[v.start : v.end]] for e in found]
    people = article_people(article.text, spans, recognise or spacy_entities, persons) if found else []
    return Analysed(article, found, tuple(people))


def local_analyser(extract: Extractor, chunk: int = EXTRACT_CHUNK, budget: float | None = None) -> Analyser:
    """Analyse in this process, ``chunk`` articles at a time, each within ``budget`` seconds (None: the
    ``article_seconds`` setting)."""
    seconds = budget_of(budget)

    def run(articles: Iterable[Article]) -> Iterator[Analysed]:
        for part in chunked(articles, chunk):
            yield from analyse(extract, part, budget=seconds)

    return Analyser(run)


def budget_of(given: float | None) -> float | None:
    """The seconds each article may take: ``given``, else the ``article_seconds`` setting (0: no limit)."""
    seconds = current().article_seconds if given is None else given
    return seconds or None


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while part := list(islice(it, size)):
        yield part


def default_extractor() -> Extractor:
    """``Pipeline.default().analyses``, the pipeline built (and the NLP stack loaded) when the first articles
    need extracting, then kept by this extractor."""
    built: list[Extractor] = []

    def extract(articles: Iterable[Article]) -> Iterable[tuple[Article, tuple[Event, ...]] | Parsed]:
        if not built:
            from ..pipeline import Pipeline

            built.append(Pipeline.default().analyses)
        return built[0](articles)

    return extract


def mentions_from(found: Analysed, uid: str) -> tuple[Mention, ...]:
    """One mention per extracted event, with a content-derived id and the people named near it."""
    outlet = rows.outlet_of(found.article)
    mentions: list[Mention] = []
    for n, (event, names) in enumerate(zip(found.events, found.people, strict=True)):
        digest = hashlib.sha1(f"{uid}|{event.event_id}|{n}".encode()).hexdigest()[:20]
        mentions.append(Mention("m-" + digest, uid, event, outlet, names))
    return tuple(mentions)


def ingest(
    items: Iterable[Article | Rejected],
    store: Store,
    extractor: Extractor | Analyser | None = None,
    batch_size: int = BATCH_SIZE,
    on_progress: Callable[[IngestStats], None] | None = None,
    on_reject: Callable[[Rejected], None] | None = None,
    budget: float | None = None,
) -> IngestStats:
    """Store every new article of ``items`` with its events, ``batch_size`` articles per transaction; each
    input quarantined (unreadable, or its extraction failed) is also handed to ``on_reject``.

    ``extractor`` is ``default_extractor()`` (``Pipeline.default()``'s) by default; an ``Analyser``
    (``scale.dask_extractor``) runs elsewhere (with its own budget). An article extracted here that takes more
    than ``budget`` seconds (None: the ``article_seconds`` setting) is quarantined (E051)."""
    if not isinstance(extractor, Analyser):
        extractor = local_analyser(extractor or default_extractor(), budget=budget)
    gate = _Gate(store, on_reject)
    merger = store.merger()
    store.release()
    stats, batch = IngestStats(), []
    try:
        for who, found in gate.extracted(extractor, gate.filter(items)):
            uid = f"{who.key}#{who.version}"
            stored = StoredArticle(found.article, who.key, who.version, who.digest, mentions_from(found, uid))
            batch.append(stored)
            stats = replace(stats, articles=stats.articles + 1, events=stats.events + len(stored.mentions))
            if len(batch) >= batch_size:
                stats = _flush(store, merger, batch, gate, stats)
            if on_progress:
                on_progress(replace(stats, unchanged=gate.unchanged, rejected=stats.rejected + len(gate.rejected)))
        stats = _flush(store, merger, batch, gate, stats)
    finally:
        store.release()  # committed or rolled back: the file is closed for readers either way
    if on_progress:
        on_progress(stats)
    return stats


def _flush(store: Store, merger: Merger, batch: list[StoredArticle], gate: _Gate, stats: IngestStats) -> IngestStats:
    """Write the batch and the rejected inputs in one transaction, then detach the file: the writer holds it only
    while it writes a batch (or looks up identities), so readers in other processes get in between batches."""
    rejected = list(gate.rejected)
    if batch or rejected:
        store.write_batch(batch, rejected, merger)
        store.release()
    for stored in batch:
        gate.settled(stored.key, stored.digest)
    batch.clear()
    gate.rejected.clear()
    return replace(stats, unchanged=gate.unchanged, rejected=stats.rejected + len(rejected))
