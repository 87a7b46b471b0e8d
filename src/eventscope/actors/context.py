"""Actors implied by the sentence: protest and riot participants, perpetrators of bombings.

ACLED names the participants of a protest "Protesters (country)" however the text calls
them ("activists", "citizens", "hundreds of people"), a violent crowd "Rioters (country)",
and the unknown author of a bombing "Unidentified Armed Group (country)". These rules add
or re-label generic mentions sentence by sentence, only when the sentence names no such actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eventscope.records import ActorMention

from .generic import generic_actor

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])|\n+")
PROTEST = re.compile(
    r"\b(?:protest(?:s|ed|ing|ers?)?|demonstrat(?:ed|ion|ions|ing)|rall(?:y|ies|ied)|(?-i:march(?:ed|es)?)"
    r"|sit-ins?|picket(?:s|ed|ing)?|(?:went|go|going|are|were) on strike|general strike|strike action"
    r"|hunger strike|strikers|boycott(?:ed)?|vigil|(?:staged|held|launched|began|observed|called) (?:a |an )?"
    r"(?:\w+ )?strike|to demonstrate|gathered (?:in|outside|at|near|in front of)|with (?:banners|placards)"
    r"|blocked (?:a |the )?(?:roads?|highway|streets?)|chant(?:ed|ing) slogans|to demand)\b",
    re.I,
)
RIOT = re.compile(
    r"\b(?:riot(?:s|ed|ing)?|mob|lynch(?:ed|ing)?|vandali[sz](?:ed|ing)|torch(?:ed|ing)"
    r"|set (?:\w+ )?(?:on )?fire"
    r"|set ablaze|burn(?:ed|t) (?:down )?(?:a|the|several|two|three|vehicles|houses|shops|tyres|tires)"
    r"|pelt(?:ed|ing)|threw (?:stones|rocks|petrol bombs|molotov)|stone-?pelting|ransacked|looted)\b",
    re.I,
)
PEOPLE = re.compile(
    r"\b(?:people|persons|citizens|activists|supporters|members|residents|villagers|locals|youths?|crowds?"
    r"|locals|workers|students|farmers|traders|vendors|inhabitants|parents|relatives|families)\b",
    re.I,
)
DEVICE = re.compile(
    r"\b(?:(?:roadside |car |suicide |magnetic |improvised )?bombs?|IEDs?|improvised explosive devices?"
    r"|landmines?|land mines?|mine explosion|grenades?|explosive devices?|explosives)\b",
    re.I,
)
CROWD_TYPES = frozenset({"Civilians", "Protesters"})


def sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in SENTENCE_END.finditer(text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def _relabel(mention: ActorMention, kind: str, country: str | None) -> ActorMention:
    actor = generic_actor(kind, country)
    return ActorMention(mention.start, mention.end, mention.text, actor, "generic")


def _crowd(text: str, span: tuple[int, int], inside: list[ActorMention], country: str | None) -> list[ActorMention]:
    """Protest or riot participants of one sentence."""
    sentence = text[span[0] : span[1]]
    kind = "rioters" if RIOT.search(sentence) else "protesters" if PROTEST.search(sentence) else None
    types = {m.actor.actor_type for m in inside}
    if kind is None or ("Rioters" if kind == "rioters" else "Protesters") in types:
        return inside
    if kind == "rioters" and any(m.actor.actor_type == "Protesters" for m in inside):
        return [_relabel(m, kind, country) if m.actor.actor_type == "Protesters" else m for m in inside]
    if kind == "protesters" and any(m.actor.actor_type == "Civilians" for m in inside):
        first = next(m for m in inside if m.actor.actor_type == "Civilians")
        return [_relabel(m, kind, country) if m is first else m for m in inside]
    hit = PEOPLE.search(sentence) or (RIOT if kind == "rioters" else PROTEST).search(sentence)
    assert hit is not None
    start, end = span[0] + hit.start(), span[0] + hit.end()
    if any(m.start < end and start < m.end for m in inside):
        return inside
    return [*inside, ActorMention(start, end, text[start:end], generic_actor(kind, country), "generic")]


def _bomber(text: str, span: tuple[int, int], inside: list[ActorMention], country: str | None) -> list[ActorMention]:
    """The unknown author of a bombing, when the sentence names no armed actor."""
    hit = DEVICE.search(text, span[0], span[1])
    armed = {"State forces", "Rebel group", "Political militia", "Identity militia", "External/Other forces"}
    if hit is None or any(m.actor.actor_type in armed for m in inside):
        return inside
    if any(m.start < hit.end() and hit.start() < m.end for m in inside):
        return inside
    actor = generic_actor("unidentified armed group", country)
    return [*inside, ActorMention(hit.start(), hit.end(), hit.group(), actor, "generic")]


def implied_actors(text: str, mentions: tuple[ActorMention, ...], country: str | None) -> tuple[ActorMention, ...]:
    """Mentions with protest/riot participants and unknown bombers added, sorted by start."""
    out: list[ActorMention] = []
    for span in sentences(text):
        inside = [m for m in mentions if span[0] <= m.start < span[1]]
        inside = _bomber(text, span, _crowd(text, span, inside, country), country)
        out += inside
    return tuple(sorted(out, key=lambda m: m.start))
