"""Recognise the non-body lines of a news article: title, dateline, captions,
bylines and boilerplate. Each rule is a named helper; thresholds are constants."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime

import dateparser

from ..records import Dropped, Span

MAX_TITLE_CHARS = 200  # a headline is one short line
MAX_BYLINE_WORDS = 12
MAX_BOILERPLATE_CHARS = 160

AGENCIES = {
    "AFP": "AFP", "Agence France-Presse": "AFP", "Reuters": "Reuters", "AP": "AP",
    "Associated Press": "AP", "dpa": "dpa", "DPA": "dpa", "Xinhua": "Xinhua", "ANSA": "ANSA",
    "EFE": "EFE", "Anadolu": "Anadolu Agency", "Anadolu Agency": "Anadolu Agency", "SANA": "SANA",
    "TASS": "TASS", "RIA Novosti": "RIA Novosti", "Interfax": "Interfax", "IRNA": "IRNA",
    "Kyodo": "Kyodo", "Yonhap": "Yonhap", "PTI": "PTI", "UPI": "UPI", "Bernama": "Bernama",
    "Amaq": "Amaq", "Tasnim": "Tasnim", "Fars": "Fars", "KUNA": "KUNA", "WAM": "WAM",
    "Petra": "Petra", "MENA": "MENA", "APA": "APA", "Ukrinform": "Ukrinform", "Sputnik": "Sputnik",
}
_AGENCY_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, AGENCIES), key=len, reverse=True)) + r")\b")

_DATELINE = re.compile(
    r"^\s*(?:(?:Published|Updated|Posted|Last updated|Date)\s*:?\s*(?:on\s+)?)?"
    r"(?P<date>(?:\w+day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+\w+|\w+\s+\d{1,2}(?:st|nd|rd|th)?),?\s+\d{4}"
    r"(?:\s*[-,|@]?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:GMT|UTC|[A-Z]{2,4}))?)?)\s*$"
)
_CAPTION = re.compile(
    r"\((?:AFP|Reuters|AP|EPA|Getty|dpa|Anadolu)[^()]{0,40}\)\s*$|^(?:Photo|Image|Picture)\s*[:/]",
)
_BYLINE = re.compile(r"^\s*(?:By|BY)\s+(?P<names>[A-Z][\w.'-]+(?:[ ,]+(?:and\s+)?[A-Z][\w.'-]+)*)\s*$")
_BOILERPLATE = re.compile(
    r"^\s*(?:subscribe|sign up|newsletter|advertisement|share this|share on|read more|related:|"
    r"follow us|click here|all rights reserved|copyright|©|tags?:|more from)\b",
    re.IGNORECASE,
)


def lines_with_offsets(text: str) -> Iterator[tuple[int, int, str]]:
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        yield offset, offset + len(body), body
        offset += len(line)


def parse_dateline(line: str) -> datetime | None:
    """A publication time from a dateline such as 'Published March 2nd, 2017 - 08:00 GMT'."""
    match = _DATELINE.match(line)
    if not match:
        return None
    value = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", match.group("date")).replace(" - ", " ")
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "TIMEZONE": "UTC",
                "TO_TIMEZONE": "UTC", "RETURN_AS_TIMEZONE_AWARE": True,
                "RELATIVE_BASE": datetime(2000, 1, 1)}
    parsed = dateparser.parse(value, languages=["en"], settings=settings)  # type: ignore[arg-type]
    return parsed.astimezone(UTC) if parsed else None


def byline_authors(line: str) -> tuple[str, ...]:
    match = _BYLINE.match(line)
    if not match or len(line.split()) > MAX_BYLINE_WORDS:
        return ()
    names = re.split(r"\s*(?:,|\band\b)\s*", match.group("names"))
    return tuple(n.strip() for n in names if n.strip())


def is_caption(line: str, repeats: int) -> bool:
    return bool(_CAPTION.search(line)) or (repeats > 1 and len(line) < 400)


def is_boilerplate(line: str) -> bool:
    return len(line) <= MAX_BOILERPLATE_CHARS and bool(_BOILERPLATE.match(line))


def is_title(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= MAX_TITLE_CHARS and not stripped.endswith((".", '"', ":"))


def agencies_in(text: str) -> list[str]:
    return [AGENCIES[m.group(1)] for m in _AGENCY_RE.finditer(text)]


def classify_lines(text: str, find_title: bool) -> tuple[list[Dropped], dict[str, object]]:
    """Mark title, dateline, captions, bylines and boilerplate; collect metadata."""
    lines = [ln for ln in lines_with_offsets(text) if ln[2].strip()]
    counts = Counter(ln[2].strip() for ln in lines)
    dropped: list[Dropped] = []
    meta: dict[str, object] = {"authors": [], "published": None, "title": None, "credits": []}
    for index, (start, end, line) in enumerate(lines):
        reason = _line_reason(line, counts[line.strip()], index, find_title, meta)
        if reason:
            dropped.append(Dropped(Span(start, end), reason))
            if reason == "caption":
                meta["credits"] = [*meta["credits"], *agencies_in(line)]  # type: ignore[misc]
    return dropped, meta


def _line_reason(line: str, repeats: int, index: int, find_title: bool, meta: dict[str, object]) -> str | None:
    if find_title and index == 0 and is_title(line):
        meta["title"] = line.strip()
        return "title"
    if meta["published"] is None and index < 4:
        when = parse_dateline(line)
        if when:
            meta["published"] = when
            return "dateline"
    authors = byline_authors(line)
    if authors:
        meta["authors"] = [*meta["authors"], *authors]  # type: ignore[misc]
        return "byline"
    if is_caption(line, repeats):
        return "caption"
    if is_boilerplate(line):
        return "boilerplate"
    return None
