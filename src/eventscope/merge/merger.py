"""Incremental merge: union-find over the "same event" graph of mentions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .compat import compatible
from .index import BlockIndex
from .reconcile import reconcile
from .records import Mention, MergedEvent


@dataclass(frozen=True, slots=True)
class MergeDelta:
    """What a batch changed: merged events to drop and merged events to (re)write."""

    removed: tuple[str, ...]
    upserted: tuple[MergedEvent, ...]


class Merger:
    """Holds every mention; ``add`` links new ones into existing events without touching the rest."""

    def __init__(self) -> None:
        self.mentions: dict[str, Mention] = {}
        self._parent: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}
        self._event_id: dict[str, str] = {}  # component root -> id of the merged event last written
        self._index = BlockIndex()

    def load(self, mentions: Iterable[Mention], links: dict[str, str]) -> None:
        """Restore stored state: mentions and mention id -> merged event id, without recomputing."""
        for mention in mentions:
            self._add_node(mention)
        by_event: dict[str, list[str]] = {}
        for mention_id, event_id in links.items():
            by_event.setdefault(event_id, []).append(mention_id)
        for event_id, ids in by_event.items():
            root = ids[0]
            for other in ids[1:]:
                root = self._union(root, other)
            self._event_id[self._find(root)] = event_id

    def add(self, mentions: Iterable[Mention]) -> MergeDelta:
        touched: set[str] = set()
        old: set[str] = set()
        for mention in sorted(mentions, key=lambda m: m.mention_id):
            if mention.mention_id in self.mentions:
                continue
            self._add_node(mention)
            touched.add(mention.mention_id)
            for other in self._links(mention):
                for root in (self._find(other), self._find(mention.mention_id)):
                    if root in self._event_id:
                        old.add(self._event_id.pop(root))
                touched.add(self._union(other, mention.mention_id))
        return self._delta(touched, old)

    def events(self) -> list[MergedEvent]:
        roots = {self._find(m) for m in self.mentions}
        return sorted((self._merged(root) for root in roots), key=lambda m: m.event.event_id)

    def _links(self, mention: Mention) -> list[str]:
        found = {c for c in self._index.candidates(mention) if c != mention.mention_id}
        return sorted(c for c in found if compatible(mention, self.mentions[c]))

    def _delta(self, touched: set[str], old: set[str]) -> MergeDelta:
        roots = sorted({self._find(m) for m in touched})
        events = [self._merged(root) for root in roots]
        for root, merged in zip(roots, events, strict=True):
            self._event_id[root] = merged.event.event_id
        new = {m.event.event_id for m in events}
        return MergeDelta(tuple(sorted(old - new)), tuple(events))

    def _merged(self, root: str) -> MergedEvent:
        return reconcile([self.mentions[m] for m in sorted(self._members[root])])

    def _add_node(self, mention: Mention) -> None:
        self.mentions[mention.mention_id] = mention
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
