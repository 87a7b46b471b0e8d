"""Cross-article merging: mentions that report the same real event become one event.

Mentions are blocked by event type, geographic cell and a date window, compared
pairwise (place, time, actors, named people, shared wording), and merged as connected components
of the "same event" graph.  Components do not depend on the order mentions
arrive in, so an incremental merge equals a batch merge of the same mentions.
"""

from .compat import compatible
from .mentions import Footprint, Mention, MergedEvent
from .merger import MemoryState, MergeDelta, Merger, MergeState
from .names import name_words, person_keys, person_names
from .people import article_people
from .reconcile import reconcile

__all__ = [
    "Footprint",
    "MemoryState",
    "MergeDelta",
    "MergeState",
    "MergedEvent",
    "Mention",
    "Merger",
    "article_people",
    "compatible",
    "name_words",
    "person_keys",
    "person_names",
    "reconcile",
]
