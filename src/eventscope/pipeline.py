"""The ordered stages: ingest -> nlp -> places -> actors -> times -> events -> assemble.

``analyse`` streams articles through spaCy in batches and returns one typed
Analysis per article; ``extract`` keeps the events.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from . import nlp
from .actors import ActorDictionary, find_actors, generic_actor
from .assemble import fill_actors, group_mentions, locate, to_event
from .errors import EventscopeError
from .events.detect import sentence_mentions
from .events.fatalities import fatalities
from .events.sources import SourceTracker, sentence_source
from .places import Gazetteer, article_country, event_place, find_places
from .records import ActorMention, Article, Event, EventMention, PlaceMention, Rejected, TimeExpr
from .times import tag_times


@dataclass(frozen=True, slots=True)
class Analysis:
    article: Article
    places: tuple[PlaceMention, ...]
    actors: tuple[ActorMention, ...]
    times: tuple[TimeExpr, ...]
    events: tuple[Event, ...]
    unreal: tuple[EventMention, ...] = ()


@lru_cache(maxsize=1)
def _resources() -> tuple[Gazetteer, ActorDictionary]:
    return Gazetteer.default(), ActorDictionary.default()


PARTICIPANT_KINDS = ("armed", "government", "group", None)  # not news agencies, monitors or IGOs


def participants_of(actors: tuple[ActorMention, ...], dictionary: ActorDictionary) -> list[ActorMention]:
    return [m for m in actors if dictionary.kind(m.actor) in PARTICIPANT_KINDS]


def mentions_of(doc: Doc, actors: tuple[ActorMention, ...], dictionary: ActorDictionary) -> list[EventMention]:
    """Event mentions of every sentence, each with the source its sentence reports."""
    tracker = SourceTracker(kind_of=lambda a: dictionary.kind(a) or "", mentions=actors)
    participants = participants_of(actors, dictionary)
    found: list[EventMention] = []
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        source = sentence_source(sent, tracker)
        mentions = sentence_mentions(sent, participants, source)
        if not mentions and found and is_tally(sent):
            found[-1] = replace(found[-1], fatalities=max(found[-1].fatalities or 0, fatalities(sent)))
        found.extend(mentions)
    return specify_weapons(escalate_protests(found))


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
                response = PROTEST_RESPONSES.get(mentions[j].sub_event_type)
                if response is not None:
                    actor2 = mention.actor2 or (mentions[j].actor1 if mentions[j].actor1 != mention.actor1 else None)
                    mention = replace(mention, sub_event_type=response, actor2=actor2,
                                      fatalities=max(mention.fatalities or 0, mentions[j].fatalities or 0))
                    folded.add(j)
                    break
        out.append(mention)
    return out


NEXT_SENTENCE_GAP = 4  # characters between two sentences that follow each other
GENERIC_VIOLENCE = frozenset({"Attack", "Armed clash"})
WEAPON_TYPES = frozenset({"Grenade", "Suicide bomb", "Remote explosive/landmine/IED", "Chemical weapon",
                          "Air/drone strike", "Shelling/artillery/missile attack"})


def specify_weapons(mentions: list[EventMention]) -> list[EventMention]:
    """'Gunmen attacked a market. A grenade exploded in the crowd.': the next sentence names the weapon
    of the attack just told; ACLED types the event by it (a grenade attack is a Grenade event)."""
    out = list(mentions)
    dropped: set[int] = set()
    for j, weapon in enumerate(mentions):
        if weapon.sub_event_type not in WEAPON_TYPES:
            continue
        told = [i for i in range(j) if mentions[i].sentence.end <= weapon.sentence.start
                and weapon.sentence.start - mentions[i].sentence.end <= NEXT_SENTENCE_GAP
                and mentions[i].sub_event_type in GENERIC_VIOLENCE
                and weapon.actor1 in (None, mentions[i].actor1)]
        for i in told:
            out[i] = replace(out[i], sub_event_type=weapon.sub_event_type, event_type=weapon.event_type,
                             fatalities=max(out[i].fatalities or 0, weapon.fatalities or 0))
        if told:
            dropped.add(j)
    return [m for k, m in enumerate(out) if k not in dropped]


MAX_TALLY_WORDS = 12  # '3 fatalities.', 'Two people were killed and four injured.'


def is_tally(sent: SpacySpan) -> bool:
    """A short sentence that only counts the dead of the event told just before."""
    return sum(t.is_alpha for t in sent) <= MAX_TALLY_WORDS and fatalities(sent) > 0


def is_modifier(doc: Doc, place: PlaceMention) -> bool:
    """'Syrian' in 'Syrian troops', 'Britain' in 'Britain-based': a place word that modifies a noun
    names whose actor or origin it is, not where an event happened."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    last = span[-1]
    return last.pos_ == "ADJ" or (last.dep_ in ("amod", "compound", "npadvmod") and last.head.pos_ != "PROPN")


def _inside_actor(place: PlaceMention, actors: tuple[ActorMention, ...]) -> bool:
    """'Syrian' in 'the Syrian Observatory for Human Rights' names an actor, not a site."""
    return any(a.start <= place.start and place.end <= a.end for a in actors)


def analyse_doc(doc: Doc, article: Article) -> Analysis:
    gazetteer, dictionary = _resources()
    places = find_places(doc, article, gazetteer)
    country = article_country(places)
    actors = find_actors(doc, article, dictionary, country=country)
    times = tag_times(doc, article)
    located = []
    sites = tuple(p for p in places if not is_modifier(doc, p) and not _inside_actor(p, actors))
    participants = participants_of(actors, dictionary)
    for mention in mentions_of(doc, actors, dictionary):
        prior = [a for a in participants if a.start < mention.sentence.end]
        filled = fill_actors(mention, prior, country, generic_actor)
        located.append(locate(doc, article, filled, times, sites, event_place))
    events = tuple(to_event(article, group) for group in group_mentions(located))
    return Analysis(article, places, actors, times, events)


def analyse(articles: Iterable[Article], batch_size: int = nlp.BATCH_SIZE) -> Iterator[Analysis | Rejected]:
    """One Analysis per article, in input order (the model is loaded once per process); an article
    whose analysis fails becomes a Rejected record and the batch goes on."""
    pairs = ((a.nlp_text, a) for a in articles)
    for doc, article in nlp.load().pipe(pairs, as_tuples=True, batch_size=batch_size):
        try:
            yield analyse_doc(doc, article)
        except Exception as exc:  # noqa: BLE001 - one article's failure must not end the batch
            error = EventscopeError("E011", kind=type(exc).__name__, detail=str(exc)[:200])
            yield Rejected(article.origin or article.article_id, "E011", str(error))


def _raise(rejected: Rejected) -> None:
    raise EventscopeError("E011", kind="analysis", detail=f"{rejected.origin}: {rejected.reason}")


def extract(articles: Iterable[Article], on_reject: Callable[[Rejected], None] = _raise,
            ) -> Iterator[tuple[Article, tuple[Event, ...]]]:
    """(article, events) in input order; a failed article goes to ``on_reject`` (default: raise)."""
    for analysis in analyse(articles):
        if isinstance(analysis, Rejected):
            on_reject(analysis)
        else:
            yield analysis.article, analysis.events
