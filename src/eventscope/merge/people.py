"""The people an article names near an event: spaCy PERSON entities, read from a few sentences only.

Two reports are compared by the victims and shooters of *their* event, not by
every spokesman or earlier case the article also mentions.  A mention's people are

1. the PERSON entities of its evidence sentences and ``NEAR_SENTENCES`` either side;
2. when those sentences name nobody, the PERSON entities the article gives an
   age ("Quintonio LeGrier, 19,", "55-year-old Bettie Jones"): in crime news the
   victims and the accused.

The entities come from the article's own parse (``pipeline.Analysis.persons``)
when the extractor gives it; otherwise only those sentences go through the
named-entity recogniser (tagger and parser off).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from .names import STOP, sentence_bounds, sentence_window, surname_index

NEAR_SENTENCES = 1  # sentences either side of an evidence span whose people count as the event's
_AGE = re.compile(r"\b\d{1,3}-year-old\b|,\s*\d{1,3}\s*(?:,|\.|$)")
_AGE_BEFORE = re.compile(r"\d{1,3}-year-old\s+(?:\w+\s+){0,2}$")  # "a 55-year-old neighbour, Bettie Jones" is too far
_AGE_AFTER = re.compile(r"^,\s*\d{1,3}\s*(?:,|\.|\s|$)")
_CAPITAL_RUN = re.compile(r"(?<![\w’'.-])[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*")  # "by Farook, 28" is a run of one
_NAME_CHARS = re.compile(r"[^a-z' -]+")
_NOT_A_NAME = re.compile(r"[.@/\\]\w|\b[A-Z]{3,}\b")  # "CBSDFW.COM", "WBNS": outlets, not people
# Officials quoted about the event ("Police Chief Jarrod Burguan said") speak about many events: not its people.
_TITLE_BEFORE = re.compile(
    r"\b(?:chief|spokes(?:man|woman|person)|sgt|sergeant|lt|lieutenant|capt|captain|det|detective|sheriff|"
    r"mayor|gov|governor|president|senator|sen|rep|attorney|prosecutor|coroner|examiner|judge|commissioner|"
    r"director|superintendent|reporter|correspondent|anchor|editor|lawyer|attorneys?)\.?\s+$",
    re.IGNORECASE,
)
_SPEAKS_AFTER = re.compile(r"^\s*(?:,[^,]{0,60},\s*)?(?:said|says|told|added|explained)\b")

# text -> [(start, end, label)] of its entities; injectable so tests need no model
Recogniser = Callable[[Sequence[str]], list[list[tuple[int, int, str]]]]


NER_ONLY = ("tagger", "parser", "attribute_ruler", "lemmatizer")  # the process's one model, entities only


def spacy_entities(texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
    from .. import nlp

    docs = nlp.load().pipe(texts, disable=list(NER_ONLY))
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in docs]


def normal_name(surface: str) -> str | None:
    """'Quintonio LeGrier’s' -> 'quintonio legrier'; None for a one-word or stop-listed name."""
    words = _NAME_CHARS.sub(" ", surface.lower().replace("’", "'")).split()
    words = [w.removesuffix("'s").strip("'") for w in words]
    words = [w for w in words if len(w) >= 2 and w not in {"jr", "sr", "ii", "iii", "iv"}]
    if len(words) < 2 or any(w in STOP for w in words):
        return None
    return " ".join(words)


def article_people(
    text: str,
    spans_per_event: Sequence[Iterable[tuple[int, int]]],
    recognise: Recogniser = spacy_entities,
    persons: Sequence[tuple[int, int]] | None = None,
) -> list[tuple[str, ...]]:
    """For each event (its evidence spans), the sorted full names of its people (see the module doc).
    ``persons``, the PERSON spans of the article's own parse, spare running ``recognise`` on its sentences."""
    bounds = sentence_bounds(text)
    windows = [[sentence_window(bounds, s, e, NEAR_SENTENCES) for s, e in spans] for spans in spans_per_event]
    aged = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1) if _AGE.search(text, bounds[i], bounds[i + 1])]
    pieces = sorted({w for ws in windows for w in ws} | set(aged))
    found = _entities(text, pieces, recognise, persons)
    with_age = {n for piece in aged for n in _people(text, piece, found[piece], need_age=True)}
    surnames = surname_index(text)
    near = [
        {n for w in ws for n in _people(text, w, found[w], need_age=False) | _by_surname(text, w, surnames)}
        for ws in windows
    ]
    return [tuple(sorted(names or with_age)) for names in near]


def _entities(
    text: str, pieces: list[tuple[int, int]], recognise: Recogniser, persons: Sequence[tuple[int, int]] | None
) -> dict[tuple[int, int], list[tuple[int, int, str]]]:
    """piece -> its entities, offsets relative to the piece."""
    if persons is None:
        return dict(zip(pieces, recognise([text[s:e] for s, e in pieces]), strict=True))
    return {(a, b): [(s - a, e - a, "PERSON") for s, e in persons if a <= s and e <= b] for a, b in pieces}


def _by_surname(text: str, piece: tuple[int, int], surnames: dict[str, str]) -> set[str]:
    """People a piece names by last name alone ("carried out by Farook, 28"): the article's full name
    ending in it, unless a title or a verb of saying marks an official speaking."""
    names = set()
    for m in _CAPITAL_RUN.finditer(text, *piece):
        full = surnames.get(m.group(0).lower())
        if full is None or _TITLE_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            continue
        if not _SPEAKS_AFTER.match(text[m.end() : m.end() + 80]):
            names.add(full)
    return names


def _people(text: str, piece: tuple[int, int], ents: list[tuple[int, int, str]], need_age: bool) -> set[str]:
    names: set[str] = set()
    for start, end, label in ents:
        if label != "PERSON":
            continue
        s, e = piece[0] + start, piece[0] + end
        if need_age and not (_AGE_BEFORE.search(text[max(0, s - 40) : s]) or _AGE_AFTER.match(text[e : e + 8])):
            continue
        if _NOT_A_NAME.search(text[s:e]) or _TITLE_BEFORE.search(text[max(0, s - 30) : s]):
            continue
        if text[max(0, s - 1) : s] == "-":
            continue  # the tail of a hyphenated name ('Jaish-e-Mohammed', 'Hizb-ut-Tahrir'): an organisation's
        if _SPEAKS_AFTER.match(text[e : e + 80]) and not need_age:
            continue
        name = normal_name(text[s:e])
        if name:
            names.add(name)
    return names
