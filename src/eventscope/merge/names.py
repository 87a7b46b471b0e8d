"""Names of the people an article names, by a cheap capitalisation rule.

A person is a run of two or three capitalised words ("Syed Rizwan Farook",
"Quintonio LeGrier") that contains no word from the stop list below (places,
institutions, titles, calendar words).  Names are lower-cased.

``person_names`` gives the name words of a whole text; ``name_words`` and
``person_keys`` read the full names a mention keeps (see ``people``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

# A capitalised word: "Farook", "LeGrier", "O'Neal", "McDonald"; 3+ letters.
_WORD = r"[A-Z][a-z]*(?:['’]?[A-Z]?[a-z]+)+"
_RUN = re.compile(rf"\b{_WORD}(?:[ \t]+{_WORD}){{1,2}}\b")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")

STOP = frozenset(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today yesterday
    police department county city state states united street avenue boulevard road drive lane
    court district office sheriff officer officers detective sergeant lieutenant chief captain
    deputy deputies agent agents judge attorney general governor mayor president senator
    news times post tribune herald journal gazette daily press associated reuters report reporter
    university college school high hospital medical center centre church mosque park mall
    north south east west northern southern eastern western new san los las santa fort mount lake
    national international federal american america islamic state army forces force ministry
    community family home house inland mountain valley beach island river bay
    the and for with from that this said says there their they his her both either neither
    facebook twitter instagram youtube google copyright rights reserved read more share email
    homicide report shooting shootings killed dead victim victims suspect suspects gun guns
    man men woman women boy girl teen teens child children shot dies died crime stoppers breaking
    bureau division unit task team services service public safety emergency fire rescue
    """.split()  # noqa: SIM905 (a word list reads better as text)
)


def _people(text: str, common: set[str], start: int = 0, end: int | None = None) -> set[str]:
    """Full names (lower case, one space between words) written in ``text[start:end]``."""
    found: set[str] = set()
    for match in _RUN.finditer(text, start, len(text) if end is None else end):
        parts = [p.lower().replace("’", "'") for p in match.group(0).split()]
        if any(p in STOP or p in common for p in parts):
            continue
        found.add(" ".join(parts))
    return found


def _common(text: str) -> set[str]:
    """Words the text also writes in lower case ("About", "Before"): capitalised only at a sentence start."""
    return set(re.findall(r"\b[a-z]{3,}\b", text))


def full_names(text: str) -> set[str]:
    """The full names (lower case) written in ``text`` by the capitalisation rule."""
    return _people(text, _common(text))


def person_names(text: str) -> tuple[str, ...]:
    """Sorted, distinct lower-case name words of the people named in ``text``."""
    return tuple(sorted(name_words(full_names(text))))


def surname_index(text: str) -> dict[str, str]:
    """Last name -> the one full name of the text that ends with it ("farook" -> "syed rizwan farook")."""
    by_last: dict[str, set[str]] = {}
    for name in full_names(text):
        by_last.setdefault(name.split()[-1], set()).add(name)
    return {last: min(names, key=len) for last, names in by_last.items() if len(last) >= 3 and len(
        {n.split()[0] for n in names}) == 1}


def sentence_bounds(text: str) -> list[int]:
    """Offsets where sentences start, and the text's end."""
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]


def sentence_window(bounds: list[int], start: int, end: int, sentences: int) -> tuple[int, int]:
    """The character span of the sentences holding [start, end) and ``sentences`` either side."""
    first = max(0, bisect.bisect_right(bounds, start) - 1 - sentences)
    last = min(len(bounds) - 1, bisect.bisect_right(bounds, max(start, end - 1)) + sentences)
    return bounds[first], bounds[last]


def name_words(names: Iterable[str]) -> set[str]:
    """The words (3+ letters) of full names."""
    return {w for name in names for w in name.split() if len(w) >= 3}


def person_keys(names: Iterable[str]) -> set[tuple[str, str]]:
    """(first, last) word of each full name: "syed farook" and "syed rizwan farook" are one person."""
    keys = set()
    for name in names:
        parts = name.split()
        if len(parts) >= 2:
            keys.add((parts[0], parts[-1]))
    return keys
