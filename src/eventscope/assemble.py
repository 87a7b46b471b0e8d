"""From event mentions to ACLED events: a date interval, a place, generic actors
where none is named, and one event for mentions of the same event in an article."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Final

from spacy.tokens import Doc

from .actors import ARMED_TYPES
from .events.arguments import governing_verb, opposing_actor
from .geo import distance_km
from .places import article_country
from .records import Actor, ActorMention, Article, Event, EventMention, Evidence, PlaceMention, Source, Span, TimeExpr
from .times import event_interval
from .vocabulary import TABLE

PUBLICATION = "publication"  # the basis of a date read from the publication time alone
GENERIC_ACTOR1 = {row.name: row.generic_actor1 for row in TABLE if row.generic_actor1}
UNKNOWN = "Unidentified"  # ACLED's name for a perpetrator the report does not know
GENERIC_ACTOR2 = {row.name: row.generic_actor2 for row in TABLE if row.generic_actor2}


@dataclass(frozen=True, slots=True)
class Located:
    """A mention with its resolved time and place."""

    mention: EventMention
    date_start: date | None
    date_end: date | None
    precision: int | None
    basis: str
    place: PlaceMention | None
    named: str = ""  # the words its own sentence names for its place ("" if it names none)
    anaphoric: bool = False  # a definite noun trigger ('the attack'): an event told before, told again
    sequel: bool = False  # told as after the act before it ('A week later, a bomb killed ...'): another act


TOWN_KM: Final = 10.0  # two sites this close are one town's (a square in the city, the city)

GenericActor = Callable[[str, str | None], Actor]


def fill_actors(mention: EventMention, prior: Sequence[ActorMention], country: str | None,
                generic: GenericActor) -> EventMention:
    """Name the actors the text leaves implicit: a battle's sides from the narrative, generic ACLED actors."""
    actor1, actor2 = mention.actor1, mention.actor2
    if actor1 is None and mention.event_type == "Battles":
        armed = [m.actor for m in prior if m.actor.actor_type in ARMED_TYPES]
        actor1 = armed[-1] if armed else None
        if actor2 is None:
            actor2 = opposing_actor(actor1, mention.sentence.end, prior)
    sub = mention.sub_event_type
    if actor1 is None and sub in GENERIC_ACTOR1:
        actor1 = generic(GENERIC_ACTOR1[sub], country)
    if actor2 is None and sub in GENERIC_ACTOR2 and actor1 is not None:
        actor2 = generic(GENERIC_ACTOR2[sub], country)
    if actor2 is not None and actor2 == actor1:
        actor2 = None  # never one actor on both sides: the text named the other side nowhere
    return replace(mention, actor1=actor1, actor2=actor2)


def _unknown(actor: Actor | None) -> bool:
    return actor is None or actor.name.startswith(UNKNOWN)


def same_actors(a: EventMention, b: EventMention) -> bool:
    """Actors that can be one act's: one actor1 (or one unknown: an unidentified group told again is
    the actor named before, not a second attacker), or either mention's actor1 taking part in the
    other ('Both sides exchanged fire' after 'A clashed with B', or B named first when it hit back)."""
    if a.actor1 == b.actor1 or _unknown(a.actor1) or _unknown(b.actor1):
        return True
    return (a.actor1 is not None and a.actor1 in (b.actor1, b.actor2)) or \
        (b.actor1 is not None and b.actor1 in (a.actor1, a.actor2))


def same_site(a: Located, b: Located) -> bool:
    """One place resolved for both, or at least one of them unplaced."""
    if a.place is None or b.place is None:
        return True
    return a.place.geonameid == b.place.geonameid


def one_town(a: PlaceMention, b: PlaceMention) -> bool:
    """Two resolved town-level places (not a region or a country) within ``TOWN_KM`` of each other."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return False
    if max(a.precision, b.precision) > 2 or a.is_country or b.is_country:
        return False
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= TOWN_KM


def event_id(article: Article, first: EventMention) -> str:
    key = f"{article.article_id}|{first.sentence.start}|{first.trigger.start}|{first.sub_event_type}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _best_time(group: Sequence[Located]) -> Located:
    """The most precise mention the text dates (narrowest interval); the publication's guess only when
    the text dates none."""
    dated = [g for g in group if g.date_start is not None and g.date_end is not None]
    # 'the attack' is dated by when it is told of, when a sentence that tells the act dates it
    dated = [g for g in dated if not g.anaphoric and g.basis != PUBLICATION] or dated
    if not dated:
        return group[0]
    return min(dated, key=lambda g: (g.basis == PUBLICATION, (g.date_end - g.date_start).days,  # type: ignore[operator]
                                     g.mention.sentence.start))


def _best_place(group: Sequence[Located]) -> PlaceMention | None:
    placed = [g.place for g in group if g.place is not None and g.place.geonameid is not None]
    if not placed:
        return group[0].place
    return min(placed, key=lambda p: (p.precision, p.start))


def _lead(group: Sequence[Located]) -> EventMention:
    """The mention whose actors the event takes: the first of the event's own sub-type that names its
    perpetrator (a detail of another type, 'the army returned fire', has its own actor order), else
    a mention telling it again ('X claimed responsibility for the attack')."""
    first = group[0].mention
    own = [g.mention for g in group if g.mention.sub_event_type == first.sub_event_type]
    again = [g.mention for g in group if g.anaphoric or g.mention.modality == "claimed"]  # 'X claimed the attack'
    return next((m for m in own + again if not _unknown(m.actor1)), first)


def _perpetrator(source: Source, lead: EventMention) -> bool:
    """'the group said its fighters attacked': the perpetrator telling its own act claims it; it is
    no independent source."""
    return lead.actor1 is not None and source.name == lead.actor1.name


def to_event(article: Article, group: Sequence[Located]) -> Event:
    first = group[0].mention
    timed = _best_time(group)
    place = _best_place(group)
    evidence = tuple(dict.fromkeys(
        Evidence(article.article_id, g.mention.sentence.start, g.mention.sentence.end,
                 article.text[g.mention.sentence.start:g.mention.sentence.end]) for g in group))
    assoc = tuple(dict.fromkeys(a.name for g in group for a in g.mention.assoc_actors))
    lead = _lead(group)
    told = [g.mention.source for g in group if g.mention.source is not None]
    source = next((s for s in told if not _perpetrator(s, lead)), None)
    claimed = first.modality == "claimed" or any(_perpetrator(s, lead) for s in told)
    fatalities = max((g.mention.fatalities or 0) for g in group)
    return Event(
        event_id=event_id(article, first), event_type=first.event_type, sub_event_type=first.sub_event_type,
        actor1=lead.actor1.name if lead.actor1 else None, actor2=lead.actor2.name if lead.actor2 else None,
        assoc_actors=assoc, date_start=timed.date_start, date_end=timed.date_end,
        time_precision=timed.precision, location=_location_name(place),
        admin1=place.admin1 if place else None, country=place.country if place else None,
        latitude=place.latitude if place else None, longitude=place.longitude if place else None,
        geo_precision=place.precision if place and place.geonameid is not None else None,
        source=source.name if source else None, evidence=evidence, article_ids=(article.article_id,),
        actor1_type=lead.actor1.actor_type if lead.actor1 else None,
        actor2_type=lead.actor2.actor_type if lead.actor2 else None,
        fatalities=fatalities, modality="claimed" if claimed else first.modality,
        hedged=claimed or any(g.mention.hedged for g in group),
        confidence=max(g.mention.confidence for g in group), source_via=source.via if source else (),
        date_basis=timed.basis, location_reason=_location_reason(place),
        plover_type=first.plover_type, plover_mode=first.plover_mode,
    )


def _location_name(place: PlaceMention | None) -> str | None:
    if place is None:
        return None
    return place.name or place.text


def _location_reason(place: PlaceMention | None) -> str | None:
    if place is None:
        return "the article names no place for this event"
    return place.reason if place.geonameid is None else None


def _dating_anchor(doc: Doc, mention: EventMention) -> Span:
    """The token whose clause dates the event: a noun trigger's governing verb ('used ... for the
    mass execution' is dated by 'used'), else the trigger itself."""
    span = doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
    if span is None or span[0].pos_ != "NOUN":
        return mention.trigger
    verb = governing_verb(span[0])
    return Span(verb.idx, verb.idx + len(verb)) if verb is not None else mention.trigger


GATHERINGS = frozenset({"Protests", "Riots"})  # where people gather, not what they gather about


def _cause_abroad(place: PlaceMention | None, places: tuple[PlaceMention, ...]) -> bool:
    """A foreign country named at a demonstration is its cause ('in support of Ukraine', 'against the war
    in Ukraine'), not where it took place, when the article is placed in another country."""
    if place is None or not place.is_country:
        return False
    home = article_country(places)
    return home is not None and place.country != home


PlaceFinder = Callable[[Doc, int, int, int, tuple[PlaceMention, ...]], PlaceMention | None]


def locate(doc: Doc, article: Article, mention: EventMention, times: tuple[TimeExpr, ...],
           places: tuple[PlaceMention, ...], place_of: PlaceFinder, told: frozenset[int] | None = None) -> Located:
    when = event_interval(doc, mention.sentence, _dating_anchor(doc, mention), times, article, told)
    place = place_of(doc, mention.sentence.start, mention.sentence.end, mention.trigger.start, places)
    if mention.event_type in GATHERINGS and _cause_abroad(place, places):
        rest = tuple(p for p in places if p.geonameid != place.geonameid)  # type: ignore[union-attr]
        place = place_of(doc, mention.sentence.start, mention.sentence.end, mention.trigger.start, rest)
    return Located(mention, when.date_start if when else None, when.date_end if when else None,
                   when.time_precision if when else None, when.basis if when else "", place)
