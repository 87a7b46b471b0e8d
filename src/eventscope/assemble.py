"""From event mentions to ACLED events: a date interval, a place, generic actors
where none is named, and one event for mentions of the same event in an article."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc

from .actors import ARMED_TYPES
from .events.arguments import governing_verb, opposing_actor
from .places import article_country
from .records import Actor, ActorMention, Article, Event, EventMention, Evidence, PlaceMention, Span, TimeExpr
from .times import event_interval

PUBLICATION = "publication"  # the basis of a date read from the publication time alone
GENERIC_ACTOR1 = {
    "Peaceful protest": "protesters", "Protest with intervention": "protesters",
    "Excessive force against protesters": "police", "Violent demonstration": "rioters",
    "Mob violence": "rioters", "Arrests": "police", "Attack": "unidentified armed group",
    "Abduction/forced disappearance": "unidentified armed group", "Sexual violence": "unidentified armed group",
    "Remote explosive/landmine/IED": "unidentified armed group", "Grenade": "unidentified armed group",
    "Suicide bomb": "unidentified armed group", "Armed clash": "unidentified armed group",
}
UNKNOWN = "Unidentified"  # ACLED's name for a perpetrator the report does not know
GENERIC_ACTOR2 = {
    "Protest with intervention": "police", "Excessive force against protesters": "protesters",
    "Attack": "civilians", "Abduction/forced disappearance": "civilians", "Sexual violence": "civilians",
    "Mob violence": "civilians",
}


@dataclass(frozen=True, slots=True)
class Located:
    """A mention with its resolved time and place."""

    mention: EventMention
    date_start: date | None
    date_end: date | None
    precision: int | None
    basis: str
    place: PlaceMention | None


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
        candidate = generic(GENERIC_ACTOR2[sub], country)
        actor2 = candidate if candidate != actor1 else None
    return replace(mention, actor1=actor1, actor2=actor2)


def _own_place(item: Located) -> bool:
    place, sent = item.place, item.mention.sentence
    return place is not None and sent.start <= place.start < sent.end


def _same_place(a: Located, b: Located) -> bool:
    """The same place: both mentions name it themselves (same name); or one of them names no place
    and the text dates both explicitly (not from the publication time)."""
    if a.place is None or b.place is None:
        return a.place is None and b.place is None
    if a.place.geonameid != b.place.geonameid:
        return False
    if _own_place(a) and _own_place(b):
        return a.place.text.split("'")[0] == b.place.text.split("'")[0]
    return PUBLICATION not in (a.basis, b.basis)


def _overlap(a: Located, b: Located) -> bool:
    if a.date_start is None or b.date_start is None or a.date_end is None or b.date_end is None:
        return a.date_start is None and b.date_start is None
    return a.date_start <= b.date_end and b.date_start <= a.date_end


def same_event(a: Located, b: Located) -> bool:
    """Two mentions in one article that report one event (ACLED: one type, actor, day range, place)."""
    ma, mb = a.mention, b.mention
    if ma.sub_event_type != mb.sub_event_type:
        return False
    if not (_same_actor(ma.actor1, mb.actor1) or _sides_shared(ma, mb)):
        return False
    if ma.sentence == mb.sentence:  # two triggers of one type in one sentence tell one event
        return _same_site(a, b)
    return _overlap(a, b) and _same_place(a, b)


def _unknown(actor: Actor | None) -> bool:
    return actor is None or actor.name.startswith(UNKNOWN)


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    """One actor, or one side unknown: an unidentified group told again ('There were no injuries') is
    the actor named before, not a second attacker."""
    return a == b or _unknown(a) or _unknown(b)


def _sides_shared(a: EventMention, b: EventMention) -> bool:
    """Either mention's actor1 takes part in the other ('Both sides exchanged fire' after 'A clashed with B',
    or B named first when it hit back)."""
    return (a.actor1 is not None and a.actor1 in (b.actor1, b.actor2)) or \
        (b.actor1 is not None and b.actor1 in (a.actor1, a.actor2))


def _same_site(a: Located, b: Located) -> bool:
    if a.place is None or b.place is None:
        return True
    return a.place.geonameid == b.place.geonameid


def group_mentions(items: Sequence[Located]) -> list[list[Located]]:
    """Mentions grouped into events, in text order of their first mention."""
    groups: list[list[Located]] = []
    for item in items:
        home = next((g for g in groups if same_event(g[0], item)), None)
        if home is None:
            groups.append([item])
        else:
            home.append(item)
    return groups


def event_id(article: Article, first: EventMention) -> str:
    key = f"{article.article_id}|{first.sentence.start}|{first.trigger.start}|{first.sub_event_type}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _best_time(group: Sequence[Located]) -> Located:
    """The most precise dated mention of the group (narrowest interval)."""
    dated = [g for g in group if g.date_start is not None and g.date_end is not None]
    if not dated:
        return group[0]
    return min(dated, key=lambda g: ((g.date_end - g.date_start).days, g.mention.sentence.start))  # type: ignore[operator]


def _best_place(group: Sequence[Located]) -> PlaceMention | None:
    placed = [g.place for g in group if g.place is not None and g.place.geonameid is not None]
    if not placed:
        return group[0].place
    return min(placed, key=lambda p: (p.precision, p.start))


def _lead(group: Sequence[Located]) -> EventMention:
    """The mention whose actors the event takes: the first that names its perpetrator."""
    return next((g.mention for g in group if not _unknown(g.mention.actor1)), group[0].mention)


def to_event(article: Article, group: Sequence[Located]) -> Event:
    first = group[0].mention
    timed = _best_time(group)
    place = _best_place(group)
    evidence = tuple(dict.fromkeys(
        Evidence(article.article_id, article.text[g.mention.sentence.start:g.mention.sentence.end],
                 g.mention.sentence.start, g.mention.sentence.end) for g in group))
    assoc = tuple(dict.fromkeys(a.name for g in group for a in g.mention.assoc_actors))
    source = next((g.mention.source for g in group if g.mention.source is not None), None)
    fatalities = max((g.mention.fatalities or 0) for g in group)
    lead = _lead(group)
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
        fatalities=fatalities, modality=first.modality, hedged=any(g.mention.hedged for g in group),
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
    if place is None or not (place.feature_code or "").startswith("PCL"):
        return False
    home = article_country(places)
    return home is not None and place.country != home


PlaceFinder = Callable[[Doc, int, int, int, tuple[PlaceMention, ...]], PlaceMention | None]


def locate(doc: Doc, article: Article, mention: EventMention, times: tuple[TimeExpr, ...],
           places: tuple[PlaceMention, ...], place_of: PlaceFinder) -> Located:
    when = event_interval(doc, mention.sentence, _dating_anchor(doc, mention), times, article)
    place = place_of(doc, mention.sentence.start, mention.sentence.end, mention.trigger.start, places)
    if mention.event_type in GATHERINGS and _cause_abroad(place, places):
        rest = tuple(p for p in places if p.geonameid != place.geonameid)  # type: ignore[union-attr]
        place = place_of(doc, mention.sentence.start, mention.sentence.end, mention.trigger.start, rest)
    return Located(mention, when.date_start if when else None, when.date_end if when else None,
                   when.time_precision if when else None, when.basis if when else "", place)
