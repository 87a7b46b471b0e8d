"""Blocking index: geographic cell, place name, region, people, wording -> mentions sorted by start day.

A mention is filed under its 0.5-degree cell, its place name, its
first-order region, its people and the wording keys of its sentences; a
lookup touches the 3x3 neighbouring cells and the other keys over a date
range, so finding the candidates of one mention costs O(log n + k), and
merging n mentions O(n log n) while blocks stay small.
Event types are compared afterwards (``compat``): an attack and the protest
over it can be one story.
"""

from __future__ import annotations

import bisect
import hashlib
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field

from .compat import DATE_GAP_DAYS, cell_at
from .mentions import Footprint
from .names import person_keys

BlockKey = tuple[str, int, int]


@dataclass(slots=True)
class _Block:
    """Mentions sorted by start day, in parallel columns (machine ints: 16 bytes an entry besides the shared id)."""

    starts: array[int] = field(default_factory=lambda: array("i"))  # first day (ordinal), ascending
    ends: array[int] = field(default_factory=lambda: array("i"))  # last day (ordinal)
    ids: list[str] = field(default_factory=list)
    max_span: int = 0  # longest interval in the block, in days

    def insert(self, start: int, end: int, mention_id: str) -> None:
        at = bisect.bisect_right(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)
        self.ids.insert(at, mention_id)

    def delete(self, start: int, mention_id: str) -> None:
        at = bisect.bisect_left(self.starts, start)
        while at < len(self.ids) and self.starts[at] == start:
            if self.ids[at] == mention_id:
                del self.starts[at], self.ends[at], self.ids[at]
                return
            at += 1


def block_keys(f: Footprint, neighbours: bool) -> list[BlockKey]:
    """The blocks a mention is filed under (``neighbours=False``) or looked up in (``True``)."""
    if f.date_start is None or f.date_end is None:
        return []  # an undated mention cannot be matched in time
    keys: list[BlockKey] = []
    cell = None if f.latitude is None or f.longitude is None else cell_at(f.latitude, f.longitude)
    if cell is not None:
        steps = (-1, 0, 1) if neighbours else (0,)
        keys += [("cell", cell[0] + i, cell[1] + j) for i in steps for j in steps]
    for name in (f.location, f.admin1):
        if name:
            keys.append((f"{f.country}:{name.casefold()}", 0, 0))
    keys += [(f"person:{first} {last}", 0, 0) for first, last in sorted(person_keys(f.names))]
    keys += [(f"wording:{key}", 0, 0) for key in f.wording]
    return keys


def block_id(key: BlockKey) -> int:
    """A block key as a signed 64-bit integer (the store's ``mention_blocks.block``)."""
    digest = hashlib.md5(f"{key[0]}|{key[1]}|{key[2]}".encode(), usedforsecurity=False).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


class BlockIndex:
    """Block key -> mentions sorted by start day; holds ids and days only."""

    def __init__(self) -> None:
        self._blocks: dict[BlockKey, _Block] = {}

    def add(self, f: Footprint) -> None:
        for key in block_keys(f, neighbours=False):
            assert f.date_start is not None and f.date_end is not None
            block = self._blocks.setdefault(key, _Block())
            block.insert(f.date_start.toordinal(), f.date_end.toordinal(), f.mention_id)
            block.max_span = max(block.max_span, (f.date_end - f.date_start).days)

    def remove(self, f: Footprint) -> None:
        """Take a mention out of its blocks (a block's ``max_span`` stays: a wider window is still correct)."""
        for key in block_keys(f, neighbours=False):
            assert f.date_start is not None
            self._blocks[key].delete(f.date_start.toordinal(), f.mention_id)

    def candidates(self, f: Footprint) -> Iterator[str]:
        """Ids of the indexed mentions whose block and date window can match ``f``."""
        for key in block_keys(f, neighbours=True):
            assert f.date_start is not None and f.date_end is not None
            first, last = f.date_start.toordinal(), f.date_end.toordinal()
            block = self._blocks.get(key)
            if block is None:
                continue
            lo = bisect.bisect_left(block.starts, first - DATE_GAP_DAYS - block.max_span)
            hi = bisect.bisect_right(block.starts, last + DATE_GAP_DAYS)
            for at in range(lo, hi):
                if block.ends[at] >= first - DATE_GAP_DAYS:  # the block's longest interval widened the window
                    yield block.ids[at]
