"""Misspelt long names: 'Syrian Obsevratory for Human Rights' is the Syrian Observatory.

Only names of three words or more are matched fuzzily: short names and acronyms
differ by one letter from other words far too often.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from rapidfuzz import fuzz, process

from ._dictionary import ActorDictionary
from ._model import ActorEntry

MIN_WORDS = 3
MIN_SCORE = 90.0  # rapidfuzz ratio (0-100) over case-folded names
NAME_RUN = re.compile(r"\b[A-Z][\w'-]+(?:\s+(?:of|for|the|and|de|al|[A-Z][\w'-]+)){2,8}")


@cache
def _long_aliases(dictionary: ActorDictionary) -> tuple[list[str], list[ActorEntry]]:
    names: list[str] = []
    entries: list[ActorEntry] = []
    for entry in dictionary:
        for alias in entry.aliases:
            if len(alias.text.split()) >= MIN_WORDS:
                names.append(alias.text.casefold())
                entries.append(entry)
    return names, entries


def _runs(text: str) -> Iterator[tuple[int, int]]:
    """Capitalised word runs and their suffixes of 3+ words ('Britain-based Syrian Obsevratory ...')."""
    for match in NAME_RUN.finditer(text):
        words = [m.start() + match.start() for m in re.finditer(r"\S+", match.group())]
        for i, start in enumerate(words):
            if len(words) - i >= MIN_WORDS:
                yield start, match.end()


def fuzzy_hits(text: str, dictionary: ActorDictionary, taken: set[int]) -> Iterator[tuple[int, int, ActorEntry]]:
    """(start, end, entry) for capitalised runs that nearly equal a long alias and overlap nothing taken."""
    names, entries = _long_aliases(dictionary)
    if not names:
        return
    covered: set[int] = set(taken)
    for start, end in _runs(text):
        if covered.intersection(range(start, end)):
            continue
        best = process.extractOne(text[start:end].casefold(), names, scorer=fuzz.ratio, score_cutoff=MIN_SCORE)
        if best is not None:
            covered.update(range(start, end))
            yield start, end, entries[best[2]]
