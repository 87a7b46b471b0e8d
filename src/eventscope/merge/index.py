"""Blocking index: geographic cell, place name and region -> mentions sorted by start day.

A mention is filed under its 0.5-degree cell, its place name and its
first-order region; a lookup touches the 3x3 neighbouring cells, the name and
the region over a date range, so finding the candidates of one mention costs
O(log n + k), and merging n mentions O(n log n) while blocks stay small.
Event types are compared afterwards (``compat``): an attack and the protest
over it can be one story.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

from .compat import DATE_GAP_DAYS, cell_of
from .names import person_keys
from .records import Mention

BlockKey = tuple[str, int, int]


@dataclass(slots=True)
class _Block:
    starts: list[tuple[int, str]] = field(default_factory=list)  # (start day, mention id), sorted
    max_span: int = 0  # longest interval in the block, in days


def block_keys(mention: Mention, neighbours: bool) -> list[BlockKey]:
    """The blocks a mention is filed under (``neighbours=False``) or looked up in (``True``)."""
    event = mention.event
    if event.date_start is None or event.date_end is None:
        return []  # an undated mention cannot be matched in time
    keys: list[BlockKey] = []
    cell = cell_of(event)
    if cell is not None:
        steps = (-1, 0, 1) if neighbours else (0,)
        keys += [("cell", cell[0] + i, cell[1] + j) for i in steps for j in steps]
    for name in (event.location, event.admin1):
        if name:
            keys.append((f"{event.country}:{name.casefold()}", 0, 0))
    keys += [(f"person:{first} {last}", 0, 0) for first, last in sorted(person_keys(mention.names))]
    return keys


class BlockIndex:
    def __init__(self) -> None:
        self._blocks: dict[BlockKey, _Block] = {}

    def add(self, mention: Mention) -> None:
        event = mention.event
        for key in block_keys(mention, neighbours=False):
            assert event.date_start is not None and event.date_end is not None
            span = (event.date_end - event.date_start).days
            block = self._blocks.setdefault(key, _Block())
            bisect.insort(block.starts, (event.date_start.toordinal(), mention.mention_id))
            block.max_span = max(block.max_span, span)

    def candidates(self, mention: Mention) -> Iterator[str]:
        """Ids of the indexed mentions whose block and date window can match ``mention``."""
        event = mention.event
        for key in block_keys(mention, neighbours=True):
            assert event.date_start is not None and event.date_end is not None
            first, last = event.date_start.toordinal(), event.date_end.toordinal()
            block = self._blocks.get(key)
            if block is None:
                continue
            low = first - DATE_GAP_DAYS - block.max_span
            lo = bisect.bisect_left(block.starts, (low, ""))
            hi = bisect.bisect_right(block.starts, (last + DATE_GAP_DAYS, "\uffff"))
            for _, mention_id in block.starts[lo:hi]:
                yield mention_id
