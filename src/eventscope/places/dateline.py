"""The article's own place: a wire dateline, and outlet names that are no place of events.

"MOUNT VERNON, Ohio (AP) —", "DETROIT (WJBK) -", "SAN BERNARDINO, Calif." open the
body (often glued to the title: "... | WHTM ABC27LANCASTER, Pa.–A driver"). The dateline
place anchors the article: the resolver counts its country and region strongly, and
``main_place`` weighs it above other mentions. "| Colorado Springs Gazette, News" and
"- Los Angeles Times" in a title-like first line name the outlet, not a place of events.
"""

from __future__ import annotations

import re

from ..records import PlaceMention
from .recognize import Toponym

DATELINE_LABEL = "DATELINE"
SEARCH_CHARS = 400  # a dateline opens the body, within the title's length
_CAPS = r"[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3}"
_REGION = r"[A-Z][A-Za-z.]+(?: [A-Z][a-z.]+)?"
DATELINE = re.compile(
    rf"(?<![A-Z])(?P<city>{_CAPS})(?:, (?P<region>{_REGION}))?\s*(?P<agency>\([^()\n]{{1,30}}\))?"
    r"\s*(?P<dash>--|[-\u2013\u2014])?")
# Words a newspaper's name ends with ("the Orange County Register"); with broadcasters' words, an outlet's.
NEWSPAPER_WORDS = frozenset({
    "times", "tribune", "gazette", "herald", "post", "journal", "chronicle", "courier", "register", "observer",
    "examiner", "inquirer", "dispatch", "telegraph", "bulletin", "sentinel", "star", "sun", "globe", "bee"})
OUTLET_WORDS = NEWSPAPER_WORDS | frozenset({
    "news", "daily", "press", "record", "leader", "democrat", "mercury", "citizen",
    "tv", "radio", "fox", "cbs", "nbc", "abc", "cnn", "com", "online", "weather", "sports"})
# An outlet word, also when the body is glued to it ("The Orange County RegisterHussam Ayloush said").
OUTLET_WORD = re.compile(r"(?<![A-Za-z])(?i:" + "|".join(sorted(OUTLET_WORDS)) + r")(?![a-z])")
_SEPARATOR = re.compile(r" [|\u00ab\u2013\u2014-] ")
OUTLET_CHARS = 60  # an outlet name is short


def dateline_toponyms(text: str) -> list[Toponym]:
    """The dateline's town (label DATELINE) and its region, or nothing."""
    for m in DATELINE.finditer(text, 0, SEARCH_CHARS):
        city = m.group("city").strip(" .-'")
        if len(city.replace(" ", "")) < 4 or not (m.group("region") or m.group("agency") or m.group("dash")):
            continue
        start = m.start("city")
        tops = [Toponym(start, start + len(city), city, DATELINE_LABEL)]
        if m.group("region"):
            region = m.group("region").rstrip(".") if len(m.group("region")) > 6 else m.group("region")
            label = "ABBR" if len(region) <= 6 else "GPE"
            tops.append(Toponym(m.start("region"), m.start("region") + len(region), region, label))
        return tops
    return []


def with_dateline(text: str, toponyms: list[Toponym]) -> list[Toponym]:
    found = dateline_toponyms(text)
    if not found:
        return toponyms
    kept = [t for t in toponyms if not any(d.start < t.end and t.start < d.end for d in found)]
    return sorted(kept + found, key=lambda t: (t.start, -t.end))


def outlet_spans(text: str, stop: int = SEARCH_CHARS) -> list[tuple[int, int]]:
    """Segments of the first line (before ``stop``, the dateline) after " | " or " - " that
    name a news outlet."""
    line_end = text.find("\n")
    head = text[: min(stop, line_end if 0 <= line_end < SEARCH_CHARS else SEARCH_CHARS)]
    out = []
    for sep in _SEPARATOR.finditer(head):
        segment = head[sep.end(): sep.end() + OUTLET_CHARS]
        segment = re.split(r" [|\u00ab\u2013\u2014-] ", segment)[0]
        ends = [m.end() for m in OUTLET_WORD.finditer(segment)]
        if ends:
            out.append((sep.end(), sep.end() + ends[-1]))
    return out


def without_outlets(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    found = dateline_toponyms(text)
    spans = outlet_spans(text, found[0].start if found else SEARCH_CHARS)
    return [m for m in mentions if not any(s <= m.start and m.end <= e for s, e in spans)]
