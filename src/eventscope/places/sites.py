"""Which of an article's places can be where an event happened (the others name an actor or an origin)."""

from __future__ import annotations

from typing import Final

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..events.lexicon import NOUN_TRIGGERS
from ..records import ActorMention, PlaceMention

PLACE_NOUNS: Final = frozenset({"province", "region", "state", "city", "capital", "border", "territory", "coast",
                                "town", "village", "district", "county", "area", "part", "side", "north", "south",
                                "east", "west", "northeast", "northwest", "southeast", "southwest", "centre",
                                "center", "interior", "frontier", "soil", "airspace", "waters", "heartland",
                                "outskirts", "port", "island"})
# titles whose 'of' names the office's country or region ('the Prime Minister of X', 'the Governor of Y State')
OFFICES: Final = frozenset({"minister", "president", "governor", "premier", "chancellor", "king", "queen",
                            "prince", "ambassador", "envoy", "secretary", "senator", "commissioner", "prefect",
                            "emir", "sultan", "emperor", "representative", "attorney", "speaker"})
SUFFERERS: Final = frozenset({"nsubjpass", "dobj"})  # 'four Canadians were shot', 'wounded two Danes'
# verbs whose subject undergoes or hosts what happens: a country as their subject is still a place
UNDERGOING: Final = frozenset({"witness", "suffer", "see", "experience", "face", "endure", "record", "register",
                               "host", "have", "undergo", "mourn", "remain", "become"})


def event_sites(doc: Doc, places: tuple[PlaceMention, ...], actors: tuple[ActorMention, ...]
                ) -> tuple[PlaceMention, ...]:
    """The places that can be an event's site: not modifiers, not inside an actor's name."""
    return tuple(p for p in places if not is_modifier(doc, p) and not _inside_actor(p, actors))


def is_modifier(doc: Doc, place: PlaceMention) -> bool:
    """'Syrian' in 'Syrian troops', 'Britain' in 'Britain-based': a place word that modifies a noun
    names whose actor or origin it is, not where an event happened; so does a nationality that is
    the people an act was done to ('four Canadians were shot')."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    last = span[-1]
    if last.pos_ != "ADJ" and last.head.lemma_ in NOUN_TRIGGERS and not place.is_country:
        return False  # "the San Bernardino shooting" happened there ("US raids" are the US's)
    if _owner(last, place) or _sufferers(last) or _country_acting(last, place) or _office_of(span, place):
        return True
    if last.dep_ == "amod" and last.head.lemma_.lower() in PLACE_NOUNS:
        return False  # 'Congolese villages', 'Afghan soil': where; 'an American base' stays whose
    return last.pos_ == "ADJ" or (last.dep_ in ("amod", "compound", "npadvmod") and last.head.pos_ != "PROPN")


def _office_of(span: SpacySpan, place: PlaceMention) -> bool:
    """'the Prime Minister of X', 'the Governor of Y State': a country or region an office is of names the
    office, not where an act happened (read from the words, which the parser often hangs elsewhere)."""
    first = span[0]
    if first.i < 2 or not (place.is_country or place.precision >= 3):
        return False
    doc = first.doc
    return doc[first.i - 1].lower_ == "of" and doc[first.i - 2].lemma_.lower() in OFFICES


def _sufferers(token: Token) -> bool:
    return token.ent_type_ == "NORP" and token.tag_ in ("NNS", "NNPS") and token.dep_ in SUFFERERS


def _country_acting(token: Token, place: PlaceMention) -> bool:
    """A country that is the subject of a verb of doing ('X launched an offensive into Y', 'X fired
    missiles') or the agent of a passive one ('operated by X') is its government acting, not the place
    where it acted; one that witnessed or suffered an act ('X suffered its deadliest attack') is still
    its place."""
    if place.is_country and token.dep_ == "pobj" and token.head.dep_ == "agent":
        return True  # 'a mine operated by China', 'strikes carried out by Russia': the doer, not the place
    return (place.is_country and token.dep_ == "nsubj" and token.head.pos_ == "VERB"
            and token.head.lemma_.lower() not in UNDERGOING)


def _owner(token: Token, place: PlaceMention) -> bool:
    """"Chad's presidential guard", "Peru's military", "Ghana's president": a country's possessive on a
    noun that is no place names whose actor or office it is, not where it acted ("Syria's Idlib
    province", "Nigeria's northeast" are places)."""
    if token.dep_ != "poss" or not place.is_country:
        return False
    head = token.head
    return head.ent_type_ not in ("GPE", "LOC", "FAC") and head.lemma_.lower() not in PLACE_NOUNS


def _inside_actor(place: PlaceMention, actors: tuple[ActorMention, ...]) -> bool:
    """'Syrian' in 'the Syrian Observatory for Human Rights' names an actor, not a site."""
    return any(a.start <= place.start and place.end <= a.end for a in actors)
