"""Years written in words, as broadcast transcripts spell them: 'nineteen ninety-six', 'the year two
thousand', 'January nineteen ninety-seven', 'the winter of nineteen ninety-four'."""

from __future__ import annotations

import re

from .lexicon import NUMBERS, ORDINALS, SEASONS, month_number
from .reading import Context, Reading
from .resolve_abs import edge_mod

_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_TAIL = rf"(?:{_TENS}(?:[\s-]+{_ONES})?|{_TEENS}|oh[\s-]+{_ONES}|hundred)"
# "nineteen ninety-six", "eighteen hundred"; "two thousand" only after "the year" (else it is a count)
WORDYEAR = rf"(?:(?:eighteen|nineteen)[\s-]+{_TAIL})"
MILLENNIUM = rf"(?:two\s+thousand(?:\s+and)?(?:[\s-]+(?:{_TEENS}|{_ONES}))?)"


# "the nineties", "the nineteen-eighties": decades named in words
DECADE_WORD = r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
_DECADES = {w: i + 2 for i, w in enumerate(DECADE_WORD[3:-1].split("|"))}


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


def resolve_word_decade(g: dict[str, str | None], ctx: Context) -> Reading | None:
    """'the nineties': in the anchor's century unless more than ten years ahead, then in the one before."""
    tens = _DECADES[(g.get("dw") or "").lower()]
    century = 19 if (g.get("c") or "").lower().startswith("nineteen") or ctx.anchor is None else ctx.anchor.year // 100
    if ctx.anchor is not None and not g.get("c") and century * 100 + tens * 10 > ctx.anchor.year + 10:
        century -= 1
    return Reading("DATE", f"{century}{tens}", "decade", edge_mod(g.get("edge")))


def resolve_century(g: dict[str, str | None], ctx: Context) -> Reading | None:
    """'the 20th century' -> 19, 'the eleventh century' -> 10."""
    text = (g.get("o") or "").lower()
    number = int(re.sub(r"\D", "", text)) if text[:1].isdigit() else ORDINALS.get(text)
    if not number or number > 21:
        return None
    return Reading("DATE", f"{number - 1:02d}", "century", edge_mod(g.get("edge")))


def resolve_year_end(g: dict[str, str | None], ctx: Context) -> Reading | None:
    """'year-end', 'by year's end': the end of the anchor's year (of the last one after 'since')."""
    if ctx.anchor is None:
        return Reading("DATE", "XXXX", "year", "END")
    year = ctx.anchor.year - (g.get("since") is not None)
    return Reading("DATE", str(year), "year", "END")
