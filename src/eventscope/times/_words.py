"""Years written in words, as broadcast transcripts spell them: 'nineteen ninety-six', 'the year two
thousand', 'January nineteen ninety-seven', 'the winter of nineteen ninety-four'."""

from __future__ import annotations

import re

from ._lexicon import NUMBERS, SEASONS, month_number
from ._reading import Context, Reading

_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_TAIL = rf"(?:{_TENS}(?:[\s-]+{_ONES})?|{_TEENS}|oh[\s-]+{_ONES}|hundred)"
# "nineteen ninety-six", "eighteen hundred"; "two thousand" only after "the year" (else it is a count)
WORDYEAR = rf"(?:(?:eighteen|nineteen)[\s-]+{_TAIL})"
MILLENNIUM = rf"(?:two\s+thousand(?:\s+and)?(?:[\s-]+(?:{_TEENS}|{_ONES}))?)"


def word_year(text: str) -> int | None:
    """The year spelled out by text, None when it is not one."""
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w not in ("and", "")]
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(NUMBERS.get(w, 0) for w in words[2:])
    if not words or words[0] not in ("eighteen", "nineteen"):
        return None
    rest = words[1:]
    if rest == ["hundred"]:
        return NUMBERS[words[0]] * 100
    return NUMBERS[words[0]] * 100 + sum(NUMBERS.get(w, 0) for w in rest if w != "oh")


def resolve_word_year(g: dict[str, str | None], ctx: Context) -> Reading | None:
    year = word_year(g.get("wy") or g.get("wy2") or "")
    if year is None:
        return None
    if g.get("m"):
        return Reading("DATE", f"{year:04d}-{month_number(g['m'] or ''):02d}", "month")
    if g.get("s"):
        return Reading("DATE", f"{year:04d}-{SEASONS[(g['s'] or '').lower()]}", "season")
    return Reading("DATE", f"{year:04d}", "year")
