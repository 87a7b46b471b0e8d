"""Where an event happened, for the events stage, and an article's country."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..nlp import text_of
from ..records import PlaceMention
from .dateline import NEWSPAPER_WORDS
from .qualified import CODED

LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "around", "inside", "on", "into", "across"})
MAX_TREE_DISTANCE = 6
REGION_CODES = ("PCL", "ADM", "CONT")
SAYING = frozenset({"say", "speak", "tell", "announce", "state", "declare", "add", "claim", "confirm", "report",
                    "write", "post", "explain"})
REPORTED = frozenset({"ccomp", "conj", "xcomp", "parataxis"})  # what a verb of saying reports
DATELINE_WEIGHT = 3
# "Orange County Register", "Chicago Tribune": a place that names a newspaper is no place of events
NEWSPAPER = re.compile(r"\s+(?:County\s+)?(?:" + "|".join(w.title() for w in sorted(NEWSPAPER_WORDS)) + r")\b")


def event_place(doc: Doc, sentence_start: int, sentence_end: int, trigger_start: int,
                places: tuple[PlaceMention, ...], named: tuple[PlaceMention, ...] | None = None) -> PlaceMention | None:
    """The clause's own place (nearest in the tree, 'in/at/near X' first), else the
    sentence's, else the article's main place with its precision reduced to 3. A place
    outside the article's country ranks last; a region gives way to a place inside it.
    ``places`` are the places that can be a site; the main place is the site the article names
    most, counting its mentions among ``named`` (all its places, 'X's forces' and 'the government
    of X' too: an article about a country names it as an owner more often than as a site)."""
    whole = _per_article(doc, places, places if named is None else named)
    if whole.coded is not None:
        return whole.coded
    trigger = _token_at(doc, trigger_start)
    inside = [p for p in places if sentence_start <= p.start and p.end <= sentence_end and p.geonameid
              and not (trigger is not None and _where_told(doc, trigger, p))]
    country = whole.country
    if inside and trigger is not None:
        ranked = sorted(inside, key=lambda p: (_foreign(p, country), _distance(doc, trigger, p), _coarseness(p),
                                               p.start))
        if _distance(doc, trigger, ranked[0]) <= MAX_TREE_DISTANCE:
            return _narrowest(ranked[0], ranked)
    if inside:
        ranked = sorted(inside, key=lambda p: (_foreign(p, country), _coarseness(p), p.start))
        return _narrowest(ranked[0], ranked)
    main = whole.main
    return replace(main, precision=max(main.precision, 3)) if main is not None else None


@dataclass(frozen=True, slots=True)
class _Article:
    """What every event of an article asks of its places, found once per article (not once per event)."""

    coded: PlaceMention | None
    country: str | None
    main: PlaceMention | None


PER_ARTICLE_KEY = "eventscope.event_place"


def _per_article(doc: Doc, places: tuple[PlaceMention, ...], named: tuple[PlaceMention, ...]) -> _Article:
    cached = doc.user_data.get(PER_ARTICLE_KEY)
    if cached is None or cached[0] is not places or cached[2] is not named:  # the events stage passes the same
        text = text_of(doc)  # tuples to each event
        cached = doc.user_data[PER_ARTICLE_KEY] = (places, _Article(
            _coded_place(text, places), article_country(places), main_place(places, text, named)), named)
    found: _Article = cached[1]
    return found


def _coded_place(text: str, places: tuple[PlaceMention, ...]) -> PlaceMention | None:
    for match in CODED.finditer(text):
        named = [p for p in places if p.geonameid and match.end() <= p.start <= match.end() + 2]
        if named:
            return named[0]
    return None


def _foreign(place: PlaceMention, country: str | None) -> bool:
    return country is not None and place.country != country and not _region(place)


def _narrowest(chosen: PlaceMention, ranked: list[PlaceMention]) -> PlaceMention:
    """A town must beat its own region, and a region its country: 'Cankaya town, Ankara ... in Turkey'
    is Cankaya, 'a depot in X District, Country' is the district."""
    if not _region(chosen):
        return chosen
    country = chosen.is_country
    within = [p for p in ranked if p.country == chosen.country and _coarseness(p) < _coarseness(chosen) and (
        country or p.admin1 == chosen.admin1)]
    return min(within, key=_coarseness) if within else chosen


def _coarseness(place: PlaceMention) -> int:
    """0 a town or site, 1 a region within a country, 2 a country or continent."""
    code = place.feature_code or ""
    return 2 if code.startswith(("PCL", "CONT")) else 1 if code.startswith("ADM") else 0


def main_place(places: tuple[PlaceMention, ...], text: str = "",
               named: tuple[PlaceMention, ...] | None = None) -> PlaceMention | None:
    """The most often named resolved place, most specific first on ties; a dateline in
    capitals ("MOUNT VERNON, Ohio (AP) -") counts as DATELINE_WEIGHT mentions; a place
    naming a newspaper in ``text`` ("the Orange County Register") does not count. The
    mentions counted are ``named`` when given (a place of ``places`` named elsewhere too)."""
    def counted(found: tuple[PlaceMention, ...]) -> list[PlaceMention]:
        return [p for p in found if p.geonameid is not None and not NEWSPAPER.match(text, p.end)]

    resolved = counted(places)
    if not resolved:
        return None
    counts: Counter[int | None] = Counter()
    for p in counted(places if named is None else named):
        counts[p.geonameid] += DATELINE_WEIGHT if _capitals(p) else 1
    return min(resolved, key=lambda p: (-counts[p.geonameid], _region(p), p.start))


def article_country(places: tuple[PlaceMention, ...]) -> str | None:
    """ISO3 of the country most of the article's resolved places lie in; a town, a district or a
    place within a region counts twice, a country or region once ("Polish workers ... in
    Springfield (Illinois)")."""
    counts: Counter[str] = Counter()
    for p in places:
        if p.country:
            counts[p.country] += 2 if p.parent or not _region(p) or p.feature_code == "ADM2" else 1
    if not counts:
        return None
    return min(counts, key=lambda c: (-counts[c], c))


def _capitals(place: PlaceMention) -> bool:
    letters = [c for c in place.text if c.isalpha()]
    return len(letters) >= 4 and place.text.isupper() and not _region(place)


def _region(place: PlaceMention) -> bool:
    return (place.feature_code or "").startswith(REGION_CODES)


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _where_told(doc: Doc, trigger: Token, place: PlaceMention) -> bool:
    """'Speaking on television in X, he said they had attacked ...', 'told reporters in X that ...': a
    place on a verb of saying, whose report holds the trigger, is where the act was told, not done."""
    token = _token_at(doc, place.start)
    if token is None:
        return False
    above_trigger = {t.i for t in trigger.ancestors}
    below = token
    for anc in token.ancestors:
        if anc.i == trigger.i or (anc.lemma_.lower() in SAYING and below.dep_ in REPORTED):
            return False  # the act's own words, or the words reported ('said ... that X was taken')
        if anc.lemma_.lower() in SAYING and (anc.i in above_trigger or anc.dep_ == "advcl"):
            return True
        below = anc
    return False


def _distance(doc: Doc, trigger: Token, place: PlaceMention) -> int:
    """Edges between the trigger and the place's head, one less under a locative preposition."""
    token = _token_at(doc, place.start)
    if token is None:
        return 99
    up_trigger = {t.i: n for n, t in enumerate([trigger, *trigger.ancestors])}
    for n, anc in enumerate([token, *token.ancestors]):
        if anc.i in up_trigger:
            bonus = 1 if token.head.lower_ in LOCATIVE_PREPS else 0
            return n + up_trigger[anc.i] - bonus
    return 99
