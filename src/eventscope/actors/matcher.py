"""Alias matching over raw text with an Aho-Corasick automaton; longest match wins."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Generic, TypeVar

import ahocorasick

T = TypeVar("T")

_PUNCT = {"\u2019": "'", "\u2018": "'", "`": "'", "-": " ", "\u2010": " ", "\u2011": " ", "\u2013": " "}
_ASCII_CASED = str.maketrans({"`": "'", "-": " "})
_ASCII_LOWER = str.maketrans({**{chr(c): chr(c).lower() for c in range(65, 91)}, "`": "'", "-": " "})


@cache
def _fold_char(c: str, lower: bool) -> str:
    """Fold one character to one character (offsets must not move)."""
    if c in _PUNCT:
        return _PUNCT[c]
    if not lower:
        return c
    folded = c.lower()
    if len(folded) != 1:
        return c
    base = unicodedata.normalize("NFD", folded)[0]
    return base if base.isascii() else folded


def fold(text: str, lower: bool = True) -> str:
    """Same-length folding: case, accents, apostrophes and hyphens ("al-Qaeda" = "al Qaeda")."""
    if text.isascii():  # the common case: one C-level pass
        return text.translate(_ASCII_LOWER if lower else _ASCII_CASED)
    return "".join(_fold_char(c, lower) for c in text)


@dataclass(frozen=True, slots=True)
class Hit(Generic[T]):
    start: int
    end: int
    payload: T


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


class AliasMatcher(Generic[T]):
    """Finds (alias, payload) pairs in text; exact aliases must match case too."""

    def __init__(self, pairs: Iterable[tuple[str, bool, T]]) -> None:
        self._auto = ahocorasick.Automaton()
        table: dict[str, list[tuple[str, bool, T]]] = {}
        for alias, exact, payload in pairs:
            key = fold(alias).strip()
            if len(key) >= 2:
                table.setdefault(key, []).append((fold(alias, lower=False), exact, payload))
        for key, candidates in table.items():
            self._auto.add_word(key, (len(key), candidates))
        if table:
            self._auto.make_automaton()
        self._empty = not table

    def _candidates(self, text: str) -> list[Hit[T]]:
        folded, cased = fold(text), fold(text, lower=False)
        hits: list[Hit[T]] = []
        for last, (length, candidates) in self._auto.iter(folded):
            start, end = last - length + 1, last + 1
            if not _bounded(folded, start, end):
                continue
            # later candidates override earlier ones (user files load last)
            for alias, exact, payload in reversed(candidates):
                if not exact or cased[start:end] == alias:
                    hits.append(Hit(start, end, payload))
                    break
        return hits

    def find(self, text: str) -> list[Hit[T]]:
        """Non-overlapping hits sorted by start; a longer match beats any match it overlaps."""
        if self._empty:
            return []
        chosen: list[Hit[T]] = []
        taken: set[int] = set()
        for hit in sorted(self._candidates(text), key=lambda h: (h.start - h.end, h.start)):
            span = range(hit.start, hit.end)
            if not taken.intersection(span):
                chosen.append(hit)
                taken.update(span)
        return sorted(chosen, key=lambda h: h.start)
