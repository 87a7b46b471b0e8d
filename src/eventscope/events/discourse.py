"""Across sentences of one article: what a following sentence adds to the event just told.

A tally sentence adds its dead; the police's response makes a protest one with intervention; a
weapon named next types the attack. Each pass folds the later mention into the earlier one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Span as SpacySpan

from ..records import EventMention, Span
from ..vocabulary import kinds, of_type
from .fatalities import fatalities
from .retype import retype

PROTEST_RESPONSES = {"Protest with intervention": "Protest with intervention",
                     "Arrests": "Protest with intervention",
                     "Excessive force against protesters": "Excessive force against protesters"}
RESPONSE_WINDOW = 2  # sentences after a protest in which the police's response is part of it


def escalate_protests(mentions: list[EventMention]) -> list[EventMention]:
    """A peaceful protest whose next sentences tell of arrests, tear gas or shooting by the police is
    one protest with intervention (or excessive force), as ACLED codes it: the response is folded into
    the protest (the protest's sentence stays its evidence), not a second event."""
    out: list[EventMention] = []
    folded: set[int] = set()
    for i, mention in enumerate(mentions):
        if i in folded:
            continue
        if mention.sub_event_type == "Peaceful protest":
            for j in range(i + 1, min(len(mentions), i + 1 + RESPONSE_WINDOW)):
                response = _response(mentions[j])
                if response is not None:
                    actor2 = mention.actor2 or (mentions[j].actor1 if mentions[j].actor1 != mention.actor1 else None)
                    mention = replace(mention, actor2=actor2,
                                      fatalities=max(mention.fatalities or 0, mentions[j].fatalities or 0))
                    mention = retype(mention, response, mentions[j].plover_mode)
                    folded |= {k for k in range(j, len(mentions)) if mentions[k].sentence == mentions[j].sentence
                               and _response(mentions[k]) is not None}  # the response's sentence, all of it
                    break
        out.append(mention)
    return out


def _response(mention: EventMention) -> str | None:
    """The protest type a following mention makes of a protest: the police's intervention or force."""
    return PROTEST_RESPONSES.get(mention.sub_event_type)


DatesOf = Callable[[Span], frozenset[str]]  # the words that date a sentence ('Last month', 'on Tuesday')
NEXT_SENTENCE_GAP = 4  # characters between two sentences that follow each other
GENERIC_VIOLENCE = kinds("Attack", "Armed clash")
WEAPON_TYPES = of_type("Explosions/Remote violence")


TERRITORY_TAKEN = kinds("Non-state actor overtakes territory", "Government regains territory")
ANAPHOR_OFFSET = 4  # 'The killings took place when ...': an event noun right after 'The' opens the sentence


def _refers_back(later: EventMention, mentions: list[EventMention]) -> bool:
    """The later mention's sentence opens with an event noun ('The killings', 'The attack'): it tells
    more of the event just told, not a new one."""
    return any(m.sentence == later.sentence and 0 < m.trigger.start - m.sentence.start <= ANAPHOR_OFFSET
               for m in mentions)


def _told_at_another_time(later: EventMention, earlier: EventMention, dates: DatesOf) -> bool:
    """'Two weeks ago, a grenade hit a checkpoint ...' after 'In May, rebels raided a village':
    a sentence dated by words of its own, other than the act's before it, tells another act, not that
    act's weapon."""
    own = dates(later.sentence)
    return bool(own) and own != dates(earlier.sentence)


def _refines(later: EventMention, earlier: EventMention, mentions: list[EventMention], dates: DatesOf) -> bool:
    """The later mention names the weapon of the earlier attack, or, referring back to it, tells that
    the battle took the place (ACLED codes the taking)."""
    if later.sub_event_type in WEAPON_TYPES:
        return earlier.sub_event_type in GENERIC_VIOLENCE and not _told_at_another_time(later, earlier, dates)
    return (later.sub_event_type in TERRITORY_TAKEN and earlier.sub_event_type == "Armed clash"
            and _refers_back(later, mentions))


def specify_weapons(mentions: list[EventMention], dates: DatesOf) -> list[EventMention]:
    """'Gunmen attacked a market. A grenade exploded in the crowd.': the next sentence names the weapon
    of the attack just told; ACLED types the event by it (a grenade attack is a Grenade event). 'The
    killings took place when the militants took over the town': the battle took territory."""
    out = list(mentions)
    dropped: set[int] = set()
    for j, weapon in enumerate(mentions):
        if weapon.sub_event_type not in WEAPON_TYPES | TERRITORY_TAKEN:
            continue
        told = [i for i in range(j) if mentions[i].sentence.end <= weapon.sentence.start
                and weapon.sentence.start - mentions[i].sentence.end <= NEXT_SENTENCE_GAP
                and _refines(weapon, mentions[i], mentions, dates) and weapon.actor1 in (None, mentions[i].actor1)]
        for i in told:
            out[i] = retype(replace(out[i], fatalities=max(out[i].fatalities or 0, weapon.fatalities or 0)),
                            weapon.sub_event_type, weapon.plover_mode)
        if told:
            dropped.add(j)
    return [m for k, m in enumerate(out) if k not in dropped]


MAX_TALLY_WORDS = 12  # '3 fatalities.', 'Two people were killed and four injured.'


def is_tally(sent: SpacySpan) -> bool:
    """A short sentence that only counts the dead of the event told just before."""
    return sum(t.is_alpha for t in sent) <= MAX_TALLY_WORDS and fatalities(sent) > 0
