"""Toponym spans: spaCy entities, checked and completed by the gazetteer.

1. entities labelled GPE, LOC or FAC;
2. NORP entities that are a country's demonym ("Russian", "Palestinians");
3. gazetteer names the model missed or mislabelled (it tags Palmyra as PERSON):
   capitalised token runs whose key is a country, first-order region or
   sizeable town, outside other entities (or inside a one-word PERSON);
4. state abbreviations after a town ("Alexandria, La.");
5. right after "in" or "near", outside entities, a town too small for the
   matcher's name table that the gazetteer knows ("demonstrated in Amilly").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..nlp import text_of
from .names import ABBREVIATION_KEYS, name_key

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
BLOCKING_LABELS = frozenset({"PERSON", "DATE", "TIME", "CARDINAL", "MONEY", "QUANTITY", "PERCENT"})
REGION_KINDS = frozenset({"country", "admin1", "continent"})
NOT_PLACES = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "aug", "sept", "oct", "nov", "dec", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "sen", "gen", "rep", "gov",
    "officer", "police", "god", "man", "north", "south", "east", "west", "central", "center", "hall",
    "union", "st", "mount", "lot", "area", "city", "county", "state", "market", "metro", "gulf",
    "university", "bank", "federal", "human", "western", "southern", "northern", "eastern", "time",
    "green", "eagle", "superior", "bell", "lincoln", "victoria", "hope", "liberty", "independence"})
EXTENDERS = frozenset({"County", "Parish", "Province", "Governorate", "District", "City"})
MAX_NGRAM = 4
ABBREVIATED_STATES = frozenset({"La.", "Ind.", "Miss.", "Mass.", "Wash.", "Del.", "Ore.", "Mo.", "Pa."})
SMALL_TOWN_PREPS = frozenset({"in", "near"})  # where a town too small for the matcher is still read
LOCATIVE = frozenset({"in", "at", "near", "from", "outside", "to", "into", "across", "of", "around"})
TRIM_WORDS = frozenset({"the"})
DATELINE_MARKS = frozenset({",", "-", "--", "\u2014", "\u2013", "("})
POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})


@dataclass(frozen=True, slots=True)
class Toponym:
    start: int
    end: int
    text: str
    label: str  # GPE, LOC, FAC, NORP, GAZ (gazetteer match), ABBR


@dataclass(frozen=True, slots=True)
class Hit:
    """Tokens [start, end) spell a gazetteer key (or a state abbreviation after a comma)."""

    start: int
    end: int
    key: str
    abbreviation: bool


class Recognizer:
    """Finds toponym spans; ``names`` are the keys the gazetteer matcher accepts."""

    def __init__(self, names: dict[str, str], demonyms: frozenset[str],
                 small_town: Callable[[str], bool] | None = None) -> None:
        self.names = names  # key -> kind (country, admin1, continent, city)
        self.demonyms = demonyms
        self.small_town = small_town  # is this text a town too small for ``names``? (a gazetteer lookup)

    def __call__(self, doc: Doc) -> list[Toponym]:
        """Twice: a town the article names as a place once is a place wherever it is
        written the same way ("in Gainesville" ... "a Gainesville restaurant")."""
        hits = self._ngram_hits(doc)
        small = self._small_towns(doc)
        found = self._find(doc, hits, small, frozenset())
        return self._find(doc, hits, small, frozenset(name_key(t.text) for t in found))

    def _find(self, doc: Doc, hits: list[Hit], small: list[Toponym], known: frozenset[str]) -> list[Toponym]:
        matches = self._gazetteer_matches(doc, hits, known)
        found = [_widest(t, matches) for ent in doc.ents if (t := self._from_entity(ent, known)) is not None]
        found = [_extend(doc, t) for t in found]
        taken = {i for t in found for i in range(t.start, t.end)}
        blocked = _blocked_chars(doc)
        for extra in matches + small:
            chars = set(range(extra.start, extra.end))
            if not chars & taken and not chars & blocked:
                found.append(extra)
                taken |= chars
        people = _person_words(doc)
        found = [t for t in found if not self._a_person(t, people)]
        return _dedupe(sorted(found, key=lambda t: (t.start, -t.end)))

    def _a_person(self, top: Toponym, people: frozenset[str]) -> bool:
        """One word that the article also uses inside a person's full name ("Sen. Ben Nelson ...
        Nelson said"); a country keeps its reading."""
        key = name_key(top.text)
        return " " not in key and key in people and self.names.get(key) != "country"

    def _from_entity(self, ent: SpacySpan, known: frozenset[str]) -> Toponym | None:
        label, ent = ent.label_, _trim(ent)
        if len(ent) == 0:
            return None
        if label in PLACE_LABELS:
            return Toponym(ent.start_char, ent.end_char, ent.text, label)
        if label == "NORP" and name_key(ent.text) in self.demonyms:
            return Toponym(ent.start_char, ent.end_char, ent.text, "NORP")
        if label == "PERSON" and len(ent) == 1 and self._strong_name(ent, known):
            return Toponym(ent.start_char, ent.end_char, ent.text, "GAZ")
        if label in ("PERSON", "ORG") and _taken(ent) and self._a_town(ent.text):
            return Toponym(ent.start_char, ent.end_char, ent.text, "GAZ")
        return None

    def _a_town(self, text: str) -> bool:
        key = name_key(text)
        return self.names.get(key) == "city" or (self.small_town is not None and self.small_town(text))

    def _strong_name(self, ent: SpacySpan, known: frozenset[str]) -> bool:
        """A region, or a town after 'in' or named as a place elsewhere in the article."""
        key = name_key(ent.text)
        kind = self.names.get(key)
        before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        return kind in ("country", "admin1") or (kind == "city" and (before in LOCATIVE or key in known))

    def _small_towns(self, doc: Doc) -> list[Toponym]:
        """A town below the matcher's population, only right after 'in' or 'near' and outside entities
        ("demonstrated in Amilly."): the longest capitalised run the gazetteer knows as a town."""
        if self.small_town is None:
            return []
        out = []
        for i in range(1, len(doc)):
            if doc[i - 1].lower_ not in SMALL_TOWN_PREPS or doc[i].ent_type_:
                continue
            run = i
            while run < min(len(doc), i + MAX_NGRAM) and doc[run].text[:1].isupper() and not doc[run].ent_type_:
                run += 1
            for end in range(run, i, -1):
                span = doc[i:end]
                if name_key(span.text) not in NOT_PLACES and _sensible(span) and self.small_town(span.text):
                    out.append(Toponym(span.start_char, span.end_char, span.text, "GAZ"))
                    break
        return out

    def _ngram_hits(self, doc: Doc) -> list[Hit]:
        """Every gazetteer or state-abbreviation key the tokens spell, longest first at each token
        (what does not depend on the article's known places, computed once)."""
        texts = [t.text for t in doc]  # read once: indexing a Doc builds a Token each time
        spaces = [t.whitespace_ for t in doc]
        hits: list[Hit] = []
        for i, first in enumerate(texts):
            if not first[:1].isupper() or (first in ABBREVIATED_STATES and (i == 0 or texts[i - 1] != ",")):
                continue
            for n in range(min(MAX_NGRAM, len(texts) - i), 0, -1):
                if not texts[i + n - 1][:1].isupper():
                    continue
                key = name_key("".join(texts[j] + spaces[j] for j in range(i, i + n - 1)) + texts[i + n - 1])
                after_comma = i > 0 and texts[i - 1] == ","
                if (key in ABBREVIATION_KEYS and after_comma) or key in self.names:
                    hits.append(Hit(i, i + n, key, key in ABBREVIATION_KEYS and after_comma))
        return hits

    def _gazetteer_matches(self, doc: Doc, hits: list[Hit], known: frozenset[str]) -> list[Toponym]:
        """Left to right, the longest plausible hit at each token; a match consumes its tokens."""
        out: list[Toponym] = []
        next_free = 0
        for hit in hits:
            if hit.start < next_free:
                continue
            span = doc[hit.start:hit.end]
            if hit.abbreviation:
                out.append(Toponym(span.start_char, span.end_char, span.text, "ABBR"))
            elif self._plausible(span, hit.key, known):
                out.append(Toponym(span.start_char, span.end_char, span.text, "GAZ"))
            else:
                continue
            next_free = hit.end
        return out

    def _plausible(self, span: SpacySpan, key: str, known: frozenset[str]) -> bool:
        """A region name anywhere; a town inside a name ("Dublin City Council"), after 'in',
        in a dateline ("COLUMBUS --") or named as a place elsewhere in the article."""
        if key in NOT_PLACES or not _sensible(span):
            return False
        if self.names[key] in REGION_KINDS or key in known or _dateline(span):
            return True
        first = span[0]
        before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
        return before in LOCATIVE or first.ent_type_ in ("ORG", "FAC", "GPE", "LOC")


# verbs of taking ground: what they take is a place, whatever the entity tagger calls it
TAKING: Final = frozenset({"enter", "capture", "seize", "recapture", "retake", "overrun", "storm", "liberate",
                           "occupy"})


def _taken(ent: SpacySpan) -> bool:
    """'entered X and Y', 'captured X': a name that is what a verb of taking ground took (the tagger
    often reads an unfamiliar town as a person)."""
    token = ent.root
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token.dep_ == "dobj" and token.head.lemma_.lower() in TAKING


def _dateline(span: SpacySpan) -> bool:
    """Capitals opening a sentence and followed by a dash or comma: "COLUMBUS -- ..."."""
    doc = span.doc
    opens = span.start == 0 or span[0].is_sent_start or doc[span.start - 1].text in (".", "\n")
    follows = doc[span.end].text if span.end < len(doc) else ""
    return opens and span.text.isupper() and follows in DATELINE_MARKS


def _sensible(span: SpacySpan) -> bool:
    """Reject sentence-initial common words ("Will", "Mobile") and lone short capitals."""
    first = span[0]
    if len(span) == 1 and (first.is_stop or len(first.text) < 3 or first.pos_ not in ("PROPN",)):
        return False
    return not (len(span) == 1 and first.is_sent_start and first.pos_ != "PROPN")


def _trim(ent: SpacySpan) -> SpacySpan:
    start = ent.start
    while start < ent.end and ent.doc[start].lower_ in TRIM_WORDS:
        start += 1
    end = ent.end
    while end > start and (ent.doc[end - 1].lower_ in POSSESSIVE or (
            ent.doc[end - 1].is_punct and ent.doc[end - 1].text != ".")):
        end -= 1
    return ent.doc[start:end]


def _person_words(doc: Doc) -> frozenset[str]:
    """Keys of the words of multi-word PERSON entities."""
    return frozenset(name_key(tok.text) for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
                     for tok in ent if tok.text[:1].isupper())


def _blocked_chars(doc: Doc) -> set[int]:
    return {i for ent in doc.ents if ent.label_ in BLOCKING_LABELS
            for i in range(ent.start_char, ent.end_char)}


def _widest(top: Toponym, matches: list[Toponym]) -> Toponym:
    """A gazetteer name that contains the entity wins: "South Charleston" over "Charleston"."""
    for m in matches:
        if m.start <= top.start and top.end <= m.end and (m.end - m.start) > (top.end - top.start):
            return Toponym(m.start, m.end, m.text, top.label)
    return top


def _extend(doc: Doc, top: Toponym) -> Toponym:
    """Take in a following "County"/"Parish": "Laurel" + "County"."""
    span = doc.char_span(top.start, top.end, alignment_mode="expand")
    if span is None or span.end >= len(doc) or doc[span.end].text not in EXTENDERS:
        return top
    if top.text.split()[-1] in EXTENDERS:
        return top
    end = doc[span.end].idx + len(doc[span.end].text)
    return Toponym(top.start, end, text_of(doc)[top.start:end], top.label)


def _dedupe(tops: list[Toponym]) -> list[Toponym]:
    out: list[Toponym] = []
    for top in tops:
        if not out or top.start >= out[-1].end:
            out.append(top)
    return out
