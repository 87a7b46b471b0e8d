"""Incremental merge: union-find over the "same event" graph of mentions.

The merger keeps in memory what linking needs: the footprint of every mention
(what blocking and the "same event" test read), the block index and the
union-find forest, a few hundred bytes a mention.  Full mentions, needed only to
reconcile the events a batch changes, sit in a cache; with a ``fetch`` function
(the store's) the cache is bounded and the others are read back, one call a batch.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .compat import compatible
from .index import BlockIndex
from .reconcile import reconcile
from .records import Footprint, Mention, MergedEvent, footprint

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

    def __init__(self, fetch: Fetch | None = None, cache_size: int | None = None) -> None:
        self._fetch = fetch
        self._cache: OrderedDict[str, Mention] = OrderedDict()  # every mention when there is no fetch
        self._cache_size = CACHE_SIZE if cache_size is None else cache_size
        self._prints: dict[str, Footprint] = {}
        self._parent: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}
        self._event_id: dict[str, str] = {}  # component root -> id of the merged event last written
        self._index = BlockIndex()

    def __contains__(self, mention_id: str) -> bool:
        return mention_id in self._prints

    def load(self, footprints: Iterable[Footprint], links: dict[str, str]) -> None:
        """Restore stored state: mentions and mention id -> merged event id, without recomputing."""
        for found in footprints:
            self._add_node(found)
        by_event: dict[str, list[str]] = {}
        for mention_id, event_id in links.items():
            if mention_id in self._prints:  # its footprint's id string: one copy of each id in memory
                by_event.setdefault(event_id, []).append(self._prints[mention_id].mention_id)
        for event_id, ids in by_event.items():
            root = ids[0]
            for other in ids[1:]:
                root = self._union(root, other)
            self._event_id[self._find(root)] = event_id

    def add(self, mentions: Iterable[Mention]) -> MergeDelta:
        new = sorted({m.mention_id: m for m in mentions if m.mention_id not in self}.values(),
                     key=lambda m: m.mention_id)  # fmt: skip
        touched: set[str] = set()
        old: set[str] = set()
        for mention in new:
            self._remember(mention)
            found = footprint(mention)
            self._add_node(found)
            touched.add(found.mention_id)
            touched |= self._link(found, old)
        return self._delta(touched, old)

    def withdraw(self, mention_ids: Iterable[str]) -> MergeDelta:
        """Take mentions out: their events are split back into mentions and re-linked among themselves."""
        gone = sorted({m for m in mention_ids if m in self})
        roots = {self._find(m) for m in gone}
        old = {self._event_id.pop(r) for r in roots if r in self._event_id}
        members = sorted(m for r in roots for m in self._members.pop(r))
        for m in members:
            self._parent[m], self._members[m] = m, [m]
        for m in gone:
            self._index.remove(self._prints.pop(m))
            del self._parent[m], self._members[m]
            self._cache.pop(m, None)
        kept = [m for m in members if m in self]
        touched = set(kept)
        for m in kept:
            touched |= self._link(self._prints[m], old)
        return self._delta(touched, old)

    def events(self) -> list[MergedEvent]:
        return sorted(self._merged(sorted({self._find(m) for m in self._parent})), key=lambda m: m.event.event_id)

    def _link(self, found: Footprint, old: set[str]) -> set[str]:
        """Union a mention with every compatible candidate of another component; the roots it made."""
        mid, made = found.mention_id, set()
        for other in sorted({c for c in self._index.candidates(found) if c != mid}):
            if self._find(other) == self._find(mid) or not compatible(found, self._prints[other]):
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

    def _add_node(self, found: Footprint) -> None:
        self._prints[found.mention_id] = found
        self._parent[found.mention_id] = found.mention_id
        self._members[found.mention_id] = [found.mention_id]
        self._index.add(found)

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
