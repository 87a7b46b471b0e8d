"""Incremental merge: the connected components of the "same event" graph of mentions.

Between batches the components are the merged events themselves, kept by a
``MergeState``: ``MemoryState`` here, or the store's tables (``store.StoredState``),
so the merger holds nothing that grows with the store.  A batch reads only what
linking it needs (the stored mentions filed in the blocks its mentions look up,
their events, and the members of the events it joins), links with a union-find
local to the batch, and reconciles the events it changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from .compat import compatible
from .index import BlockIndex
from .mentions import Footprint, Mention, MergedEvent, footprint
from .reconcile import reconcile


@dataclass(frozen=True, slots=True)
class MergeDelta:
    """What a batch changed: merged events to drop and merged events to (re)write."""

    removed: tuple[str, ...]
    upserted: tuple[MergedEvent, ...]


class MergeState(Protocol):
    """Where the merged mentions and events live between batches."""

    def events_of(self, mention_ids: Sequence[str]) -> dict[str, str]:
        """Mention id -> merged event id, for those of ``mention_ids`` already merged."""
        ...

    def candidates(self, prints: Sequence[Footprint]) -> dict[str, set[str]]:
        """For each of ``prints``, the filed mentions in a block and date window it looks up (itself included)."""
        ...

    def footprints(self, mention_ids: Sequence[str]) -> dict[str, Footprint]: ...

    def members(self, event_ids: Sequence[str]) -> dict[str, list[str]]:
        """Merged event id -> the ids of its mentions."""
        ...

    def mentions(self, mention_ids: Sequence[str]) -> list[Mention]: ...

    def file(self, added: Sequence[tuple[Mention, Footprint]]) -> None:
        """Keep new mentions and file them in their blocks (before their candidates are looked up)."""
        ...

    def unfile(self, mention_ids: Sequence[str]) -> None:
        """Forget mentions taken out."""
        ...

    def record(self, delta: MergeDelta) -> None:
        """Keep the events a batch changed."""
        ...


class MemoryState:
    """A ``MergeState`` in memory: every mention, the block index of their footprints, and the merged events."""

    def __init__(self) -> None:
        self._prints: dict[str, Footprint] = {}
        self._mentions: dict[str, Mention] = {}
        self._index = BlockIndex()
        self._event_of: dict[str, str] = {}
        self._merged: dict[str, MergedEvent] = {}

    def events(self) -> list[MergedEvent]:
        return sorted(self._merged.values(), key=lambda m: m.event.event_id)

    def events_of(self, mention_ids: Sequence[str]) -> dict[str, str]:
        return {m: self._event_of[m] for m in mention_ids if m in self._event_of}

    def candidates(self, prints: Sequence[Footprint]) -> dict[str, set[str]]:
        return {p.mention_id: set(self._index.candidates(p)) for p in prints}

    def footprints(self, mention_ids: Sequence[str]) -> dict[str, Footprint]:
        return {m: self._prints[m] for m in mention_ids}

    def members(self, event_ids: Sequence[str]) -> dict[str, list[str]]:
        return {e: list(self._merged[e].mention_ids) for e in event_ids}

    def mentions(self, mention_ids: Sequence[str]) -> list[Mention]:
        return [self._mentions[m] for m in mention_ids]

    def file(self, added: Sequence[tuple[Mention, Footprint]]) -> None:
        for mention, found in added:
            self._mentions[mention.mention_id], self._prints[found.mention_id] = mention, found
            self._index.add(found)

    def unfile(self, mention_ids: Sequence[str]) -> None:
        for m in mention_ids:
            self._index.remove(self._prints.pop(m))
            del self._mentions[m], self._event_of[m]

    def record(self, delta: MergeDelta) -> None:
        for event_id in delta.removed:
            del self._merged[event_id]
        for merged in delta.upserted:
            self._merged[merged.event.event_id] = merged
            self._event_of.update(dict.fromkeys(merged.mention_ids, merged.event.event_id))


class _Groups:
    """A union-find over one batch: a new mention is its own node, a stored one is the node of its event."""

    def __init__(self, event_of: dict[str, str]) -> None:
        self._event_of = event_of
        self._parent: dict[str, str] = {}

    def node(self, mention_id: str) -> str:
        event_id = self._event_of.get(mention_id)
        return mention_id if event_id is None else "event:" + event_id

    def find(self, mention_id: str) -> str:
        return self._root(self.node(mention_id))

    def union(self, a: str, b: str) -> None:
        ra, rb = sorted((self.find(a), self.find(b)))
        if ra != rb:
            self._parent.setdefault(ra, ra)
            self._parent[rb] = ra

    def components(self, mention_ids: Iterable[str]) -> list[tuple[list[str], list[str]]]:
        """The components of ``mention_ids`` (new mentions): their new mentions and the events they joined."""
        found: dict[str, tuple[list[str], list[str]]] = {}
        for m in sorted(mention_ids):
            found.setdefault(self.find(m), ([], []))[0].append(m)
        for node in sorted(n for n in self._parent if n.startswith("event:")):
            if (root := self._root(node)) in found:
                found[root][1].append(node.removeprefix("event:"))
        return list(found.values())

    def _root(self, node: str) -> str:
        root = node
        while self._parent.get(root, root) != root:
            root = self._parent[root]
        while node != root:
            self._parent[node], node = root, self._parent[node]
        return root


class Merger:
    """``add`` links new mentions into existing events without touching the rest; ``withdraw`` takes
    mentions out and re-links only the events they were part of."""

    def __init__(self, state: MergeState | None = None) -> None:
        self.state: MergeState = state if state is not None else MemoryState()

    def events(self) -> list[MergedEvent]:
        """Every merged event of an in-memory merger (a store is queried instead)."""
        if not isinstance(self.state, MemoryState):
            raise TypeError("only an in-memory merger lists its events")
        return self.state.events()

    def add(self, mentions: Iterable[Mention]) -> MergeDelta:
        given = {m.mention_id: m for m in mentions}
        known = self.state.events_of(sorted(given))
        fresh = {k: given[k] for k in sorted(given) if k not in known}
        prints = {k: footprint(m) for k, m in fresh.items()}
        self.state.file([(m, prints[k]) for k, m in fresh.items()])
        found = self.state.candidates(list(prints.values()))
        others = self.state.footprints(sorted(set().union(*found.values()) - prints.keys()))
        groups = _Groups(self.state.events_of(sorted(others)))
        _link(groups, prints, others | prints, found)
        delta = self._joined(groups.components(prints), fresh)
        self.state.record(delta)
        return delta

    def withdraw(self, mention_ids: Iterable[str]) -> MergeDelta:
        """Take mentions out: their events are split back into mentions and re-linked among themselves."""
        gone = self.state.events_of(sorted(set(mention_ids)))
        members = self.state.members(sorted(set(gone.values())))
        kept = sorted(m for ids in members.values() for m in ids if m not in gone)
        self.state.unfile(sorted(gone))
        prints = self.state.footprints(kept)
        found = self.state.candidates(list(prints.values()))
        groups = _Groups({})
        _link(groups, prints, prints, {k: {m for m in v if m in prints} for k, v in found.items()})
        full = {m.mention_id: m for m in self.state.mentions(kept)}
        delta = _delta([ids for ids, _ in groups.components(kept)], sorted(members), full)
        self.state.record(delta)
        return delta

    def _joined(self, components: list[tuple[list[str], list[str]]], fresh: dict[str, Mention]) -> MergeDelta:
        """The events of ``components`` (new mentions and the stored events they joined), reconciled."""
        old = sorted({e for _, events in components for e in events})
        members = self.state.members(old)
        stored = sorted(m for e in old for m in members[e])
        full = {m.mention_id: m for m in self.state.mentions(stored)} | fresh
        return _delta([[*ids, *(m for e in events for m in members[e])] for ids, events in components], old, full)


def _link(groups: _Groups, prints: dict[str, Footprint], every: dict[str, Footprint],
          found: dict[str, set[str]]) -> None:  # fmt: skip
    """Union each of ``prints`` with every compatible candidate ``found`` for it (footprints in ``every``); a
    pair of ``prints`` is compared once, from its later id."""
    for mid, mine in prints.items():
        for other in sorted(found.get(mid, set())):
            if other in prints and other >= mid:
                continue
            if groups.find(other) != groups.find(mid) and compatible(mine, every[other]):
                groups.union(mid, other)


def _delta(components: list[list[str]], old: Sequence[str], full: dict[str, Mention]) -> MergeDelta:
    """Reconcile each component of mention ids; the ``old`` events not written again are removed."""
    merged = sorted((reconcile([full[m] for m in sorted(ids)]) for ids in components), key=lambda m: m.event.event_id)
    new = {m.event.event_id for m in merged}
    return MergeDelta(tuple(e for e in old if e not in new), tuple(merged))
