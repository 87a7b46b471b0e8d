"""Filters that keep words which only look like dates ('may', 'march', 'a second', '$5 a year') out."""

from __future__ import annotations

import re

_PREPS = {
    "in",
    "since",
    "until",
    "till",
    "by",
    "of",
    "from",
    "through",
    "before",
    "after",
    "during",
    "early",
    "late",
    "to",
    "and",
    "last",
    "next",
    "this",
    "between",
    "mid",
    "or",
    "throughout",
    "on",
    "that",
    "the",  # only before a common noun: _THE_MONTH_NOUN
}
_MODALS = {"will", "may", "might", "could", "would", "should", "to"}
# "the March accession", "the May elections": a month before a common noun (not "the March of the
# Mothers", "the May Day rally", "the May Yu hall")
_THE_MONTH_NOUN = re.compile(r" (?!of\b)[a-z]")
_PRIOR_WORD = re.compile(r"([A-Za-z]+)\W*$")


def prior_word(text: str, start: int) -> str:
    m = _PRIOR_WORD.search(text[max(0, start - 30) : start])
    return m.group(1).lower() if m else ""


def acceptable(kind: str, m: re.Match[str], text: str) -> bool:
    g = m.groupdict()
    if kind == "month":
        return _bare_month_ok(g, m, text)
    if kind in ("weekday", "holiday") and not g.get("rel"):
        word = g.get("wd") or g.get("hd") or ""
        return word[:1].isupper()
    if kind == "year":
        after = text[m.end() : m.end() + 12].lower()
        return not re.match(r"\s*(?:%|percent|per\b|[-–]\d)|[.,]\d", after)  # "2082.1" is a number
    if kind == "ref" and (g.get("w") or "").lower() == "soon":  # "will soon", "to soon grow", "soon will"
        return prior_word(text, m.start()) in _MODALS or bool(re.match(r"\s+(?:will|be)\b", text[m.end() :]))
    if kind == "dur":
        return _duration_ok(g, m, text)
    if kind == "plural":
        return bool(g.get("w") or g.get("dir")) or prior_word(text, m.start()) in ("for", "over", "within")
    if text.startswith(("-to-", "-over-", "-on-"), m.end()):
        return False  # "the quarter-to-quarter comparison", "year-over-year growth": a comparison, no time
    return not _a_name(kind, g, m, text)


def _a_name(kind: str, g: dict[str, str | None], m: re.Match[str], text: str) -> bool:
    """Words of a title, not a time: "High Noon", ABC's "This Week"."""
    if kind == "clock" and g.get("noon"):
        return prior_word(text, m.start()) == "high"
    if kind == "relunit" and m.group(0) == "This Week":
        return text[max(0, m.start() - 2) : m.start()].endswith(('"', "“", "`"))
    return False


def _bare_month_ok(g: dict[str, str | None], m: re.Match[str], text: str) -> bool:
    name = g.get("m") or ""
    if g.get("edge") or g.get("rel") or g.get("ly"):
        return True
    short = len(name) <= 4 and not name.endswith(".") and name.lower() not in ("june", "july", "may")
    if not name[:1].isupper() or short:
        return False
    if name.lower() in ("may", "march") or name.endswith("."):
        prior = prior_word(text, m.start())
        return prior in _PREPS and (prior != "the" or _THE_MONTH_NOUN.match(text, m.end()) is not None)
    return True


def _duration_ok(g: dict[str, str | None], m: re.Match[str], text: str) -> bool:
    n = (g.get("n") or "").lower()
    unit = (g.get("u") or "").lower()
    if (n in ("a", "an") and unit.startswith("second")) or re.match(r"-?\s*old\b", text[m.end() : m.end() + 5]):
        return False  # "a second attack", "a 6-year-old boy"
    if g.get("det") and re.fullmatch(r"(?:1[5-9]|20)\d\d", n):
        return False  # "the 1988 quarter" names a year's quarter, not 1988 quarters
    if unit.startswith("quarter") and "-" in m.group(0):
        return False  # "three-quarters"
    if (g.get("dir") or "").lower() == "old":
        return False
    if n in ("a", "an") and not g.get("det") and not g.get("dir"):
        before = text[max(0, m.start() - 30) : m.start()]
        return not re.search(r"\d|\bcents?\b|\btimes?\b|\bonce\b|\btwice\b|\bper\b", before)
    return True
