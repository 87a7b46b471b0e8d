"""Misspelt long names: 'Syrian Obsevratory for Human Rights' is the Syrian Observatory.

Only names of three words or more are matched fuzzily: short names and acronyms
differ by one letter from other words far too often.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from rapidfuzz import fuzz, process

from .dictionary import ActorDictionary
from .model import ActorEntry

MIN_WORDS = 3
MIN_SCORE = 90.0  # rapidfuzz ratio (0-100) over case-folded names
NAME_RUN = re.compile(r"\b[A-Z][\w'-]+(?:\s+(?:of|for|the|and|de|al|[A-Z][\w'-]+)){2,8}")


COMMON = frozenset({"of", "for", "the", "and", "de", "al", "forces", "military", "police", "group", "army",
                    "national", "front", "movement", "party", "people", "state", "united"})


@cache
def _long_aliases(dictionary: ActorDictionary) -> tuple[list[str], list[ActorEntry], dict[str, list[int]]]:
    """Long aliases (case-folded), their entries, and an index from each distinctive word to aliases."""
    names: list[str] = []
    entries: list[ActorEntry] = []
    by_word: dict[str, list[int]] = {}
    for entry in dictionary:
        for alias in entry.aliases:
            if len(alias.text.split()) >= MIN_WORDS:
                for word in set(alias.text.casefold().split()) - COMMON:
                    by_word.setdefault(word, []).append(len(names))
                names.append(alias.text.casefold())
                entries.append(entry)
    return names, entries, by_word


def _runs(text: str) -> Iterator[tuple[int, int]]:
    """Capitalised word runs and their suffixes of 3+ words ('Britain-based Syrian Obsevratory ...')."""
    for match in NAME_RUN.finditer(text):
        words = [m.start() + match.start() for m in re.finditer(r"\S+", match.group())]
        for i, start in enumerate(words):
            if len(words) - i >= MIN_WORDS:
                yield start, match.end()


def fuzzy_hits(text: str, dictionary: ActorDictionary, taken: set[int]) -> Iterator[tuple[int, int, ActorEntry]]:
    """(start, end, entry) for capitalised runs that nearly equal a long alias and overlap nothing taken."""
    names, entries, by_word = _long_aliases(dictionary)
    covered: set[int] = set(taken)
    for start, end in _runs(text):
        run = text[start:end].casefold()
        pool = sorted({i for w in run.split() for i in by_word.get(w, ())})  # aliases sharing a word
        if not pool or covered.intersection(range(start, end)):
            continue
        best = process.extractOne(run, [names[i] for i in pool], scorer=fuzz.ratio, score_cutoff=MIN_SCORE)
        if best is not None:
            covered.update(range(start, end))
            yield start, end, entries[pool[best[2]]]
