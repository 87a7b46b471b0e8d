"""Incremental merge: union-find over the "same event" graph of mentions.

The merger keeps in memory what finding candidates needs (the block index, the
union-find forest, ids only) and full mentions in a cache.  With a ``fetch``
function (the store's), the cache is bounded and the other mentions are read
back when a candidate or an event being rewritten needs them, so the writer's
memory holds a few hundred bytes per stored mention instead of the mentions.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .compat import compatible
from .index import BlockIndex, Footprint
from .reconcile import reconcile
from .records import Mention, MergedEvent

Fetch = Callable[[Sequence[str]], Iterable[Mention]]  # mention ids -> the stored mentions
CACHE_SIZE = 5_000  # full mentions kept when they can be fetched again (the recent batches)


@dataclass(frozen=True, slots=True)
class MergeDelta:
    """What a batch changed: merged events to drop and merged events to (re)write."""

    removed: tuple[str, ...]
    upserted: tuple[MergedEvent, ...]


class Merger:
    """``add`` links new mentions into existing events without touching the rest; ``withdraw`` takes
    mentions out and re-links only the events they were part of."""

    def __init__(self, fetch: Fetch | None = None, cache_size: int = CACHE_SIZE) -> None:
        self._fetch = fetch
        self._cache: OrderedDict[str, Mention] = OrderedDict()  # every mention when there is no fetch
        self._cache_size = cache_size
        self._parent: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}
        self._event_id: dict[str, str] = {}  # component root -> id of the merged event last written
        self._index = BlockIndex()

    def __contains__(self, mention_id: str) -> bool:
        return mention_id in self._parent

    def load(self, footprints: Iterable[Footprint], links: dict[str, str]) -> None:
        """Restore stored state: mentions and mention id -> merged event id, without recomputing."""
        for found in footprints:
            self._add_node(found)
        by_event: dict[str, list[str]] = {}
        for mention_id, event_id in links.items():
            by_event.setdefault(event_id, []).append(mention_id)
        for event_id, ids in by_event.items():
            root = ids[0]
            for other in ids[1:]:
                root = self._union(root, other)
            self._event_id[self._find(root)] = event_id

    def add(self, mentions: Iterable[Mention]) -> MergeDelta:
        new = sorted({m.mention_id: m for m in mentions if m.mention_id not in self}.values(),
                     key=lambda m: m.mention_id)  # fmt: skip
        self._get(sorted({c for m in new for c in self._index.candidates(m)}))  # one fetch for the batch
        touched: set[str] = set()
        old: set[str] = set()
        for mention in new:
            self._remember(mention)
            self._add_node(mention)
            touched.add(mention.mention_id)
            touched |= self._link(mention, old)
        return self._delta(touched, old)

    def withdraw(self, mention_ids: Iterable[str]) -> MergeDelta:
        """Take mentions out: their events are split back into mentions and re-linked among themselves."""
        gone = sorted({m for m in mention_ids if m in self})
        roots = {self._find(m) for m in gone}
        old = {self._event_id.pop(r) for r in roots if r in self._event_id}
        members = sorted(m for r in roots for m in self._members.pop(r))
        for mention in self._get(gone):
            self._index.remove(mention)
        for m in members:
            self._parent[m], self._members[m] = m, [m]
        for m in gone:
            del self._parent[m], self._members[m]
            self._cache.pop(m, None)
        out = set(gone)
        kept = [m for m in members if m not in out]
        touched = set(kept)
        for mention in self._get(kept):
            touched |= self._link(mention, old)
        return self._delta(touched, old)

    def events(self) -> list[MergedEvent]:
        return sorted(self._merged(sorted({self._find(m) for m in self._parent})), key=lambda m: m.event.event_id)

    def _link(self, mention: Mention, old: set[str]) -> set[str]:
        """Union ``mention`` with every compatible candidate of another component; the roots it made."""
        mid, made = mention.mention_id, set()
        for other in sorted({c for c in self._index.candidates(mention) if c != mid}):
            if self._find(other) == self._find(mid) or not compatible(mention, self._get([other])[0]):
                continue
            for root in (self._find(other), self._find(mid)):
                if root in self._event_id:
                    old.add(self._event_id.pop(root))
            made.add(self._union(other, mid))
        return made

    def _delta(self, touched: set[str], old: set[str]) -> MergeDelta:
        roots = sorted({self._find(m) for m in touched})
        events = self._merged(roots)
        for root, merged in zip(roots, events, strict=True):
            self._event_id[root] = merged.event.event_id
        new = {m.event.event_id for m in events}
        return MergeDelta(tuple(sorted(old - new)), tuple(events))

    def _merged(self, roots: Sequence[str]) -> list[MergedEvent]:
        """The merged event of each component, its mentions read in one call."""
        found = {m.mention_id: m for m in self._get(sorted(m for root in roots for m in self._members[root]))}
        return [reconcile([found[m] for m in sorted(self._members[root])]) for root in roots]

    def _get(self, ids: Sequence[str]) -> list[Mention]:
        """The mentions of ``ids``, from the cache or else fetched in one call (and cached)."""
        got = {m: self._cache[m] for m in ids if m in self._cache}
        for m in got:
            self._cache.move_to_end(m)
        missing = [m for m in ids if m not in got]
        if missing and self._fetch is not None:
            for mention in self._fetch(missing):
                got[mention.mention_id] = mention
                self._remember(mention)
        return [got[m] for m in ids]

    def _remember(self, mention: Mention) -> None:
        self._cache[mention.mention_id] = mention
        self._cache.move_to_end(mention.mention_id)
        while self._fetch is not None and len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def _add_node(self, mention: Mention | Footprint) -> None:
        self._parent[mention.mention_id] = mention.mention_id
        self._members[mention.mention_id] = [mention.mention_id]
        self._index.add(mention)

    def _find(self, node: str) -> str:
        root = node
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[node] != root:
            self._parent[node], node = root, self._parent[node]
        return root

    def _union(self, a: str, b: str) -> str:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return ra
        if len(self._members[ra]) < len(self._members[rb]):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._members[ra].extend(self._members.pop(rb))
        return ra
