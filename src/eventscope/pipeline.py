"""The ordered stages: ingest -> nlp -> places -> actors -> times -> events -> assemble.

A ``Pipeline`` is built from its resources (gazetteer, actor dictionary, typing model and threshold):
``Pipeline.default()`` the packaged ones, as the settings name them; a caller builds one and passes it on
(the CLI, the store's writer, each Dask worker), and nothing is held at module level.
``Pipeline.analyse`` streams articles through spaCy in batches and returns one typed Analysis per article;
``Pipeline.extract`` keeps the events.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from . import nlp
from .actors import ActorDictionary, find_actors, generic_actor
from .assemble import PlaceFinder, fill_actors, locate, to_event
from .document import document_events
from .errors import EventscopeError
from .events.classify import EventTyper
from .events.detect import sentence_mentions
from .events.discourse import escalate_protests, is_tally, specify_weapons
from .events.fatalities import fatalities
from .events.sources import SourceTracker, sentence_source
from .places import Gazetteer, article_country, event_place, find_places
from .places.country_point import at_capital
from .places.sites import event_sites
from .records import ActorMention, Article, Event, EventMention, PlaceMention, Rejected, Span, TimeExpr
from .settings import current
from .times import tag_times


@dataclass(frozen=True, slots=True)
class Analysis:
    article: Article
    places: tuple[PlaceMention, ...]
    actors: tuple[ActorMention, ...]
    times: tuple[TimeExpr, ...]
    events: tuple[Event, ...]
    persons: tuple[tuple[int, int], ...] = ()  # character spans of the PERSON entities (the merge's people)


def _raise(rejected: Rejected) -> None:
    raise EventscopeError("E011", kind="analysis", detail=f"{rejected.origin}: {rejected.reason}")


@dataclass(frozen=True)
class Pipeline:
    """The stages over their resources; cheap to pass on, built once per process (``default``)."""

    gazetteer: Gazetteer
    dictionary: ActorDictionary
    typer: EventTyper  # the typing model and the least confidence of an event kept

    @classmethod
    def default(cls, threshold: float | None = None) -> Pipeline:
        """The packaged gazetteer (or the ``gazetteer`` setting's), actor dictionary and typing model, with
        ``threshold`` (default: the ``typing_threshold`` setting)."""
        limit = current().typing_threshold if threshold is None else threshold
        return cls(Gazetteer.default(), ActorDictionary.default(), EventTyper.packaged(limit))

    def analyse(self, articles: Iterable[Article], batch_size: int = nlp.BATCH_SIZE) -> Iterator[Analysis | Rejected]:
        """One Analysis per article, in input order (the spaCy model is loaded once per process); an article
        whose analysis fails becomes a Rejected record and the batch goes on."""
        pairs = ((a.nlp_text, a) for a in articles)
        for doc, article in nlp.load().pipe(pairs, as_tuples=True, batch_size=batch_size):
            try:
                yield analyse_doc(doc, article, self)
            except Exception as exc:  # noqa: BLE001 - one article's failure must not end the batch
                error = EventscopeError("E011", kind=type(exc).__name__, detail=str(exc)[:200])
                yield Rejected(article.origin or article.article_id, "E011", str(error))

    def analyses(
        self, articles: Iterable[Article], on_reject: Callable[[Rejected], None] = _raise
    ) -> Iterator[Analysis]:
        """The Analysis of each article in input order; a failed article goes to ``on_reject`` (default: raise)."""
        for analysis in self.analyse(articles):
            if isinstance(analysis, Rejected):
                on_reject(analysis)
            else:
                yield analysis

    def extract(
        self, articles: Iterable[Article], on_reject: Callable[[Rejected], None] = _raise
    ) -> Iterator[tuple[Article, tuple[Event, ...]]]:
        """(article, events) in input order; a failed article goes to ``on_reject`` (default: raise)."""
        for analysis in self.analyses(articles, on_reject):
            yield analysis.article, analysis.events


PARTICIPANT_KINDS = ("armed", "government", "group", None)  # not news agencies, monitors or IGOs


def participants_of(actors: tuple[ActorMention, ...], dictionary: ActorDictionary) -> list[ActorMention]:
    return [m for m in actors if dictionary.kind(m.actor) in PARTICIPANT_KINDS]


def mentions_of(
    doc: Doc, actors: tuple[ActorMention, ...], participants: list[ActorMention], dictionary: ActorDictionary,
    typer: EventTyper,
) -> list[EventMention]:
    """Event mentions of every sentence, each with the source its sentence reports."""
    tracker = SourceTracker(kind_of=lambda a: dictionary.kind(a) or "", mentions=actors)
    found: list[EventMention] = []
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        source = sentence_source(sent, tracker)
        mentions = sentence_mentions(sent, participants, source, typer)
        if not mentions and found and is_tally(sent):
            found[-1] = replace(found[-1], fatalities=max(found[-1].fatalities or 0, fatalities(sent)))
        found.extend(mentions)
    return specify_weapons(escalate_protests(found), lambda span: dates_of(doc, span))


def dates_of(doc: Doc, span: Span) -> frozenset[str]:
    """The words that date a sentence: its DATE entities ('Last month', 'on Tuesday')."""
    sent = doc.char_span(span.start, span.end, alignment_mode="expand")
    return frozenset(e.text.lower() for e in sent.ents if e.label_ == "DATE") if sent is not None else frozenset()


def _finder(places: tuple[PlaceMention, ...], gazetteer: Gazetteer) -> PlaceFinder:
    """An event's place (event_place, the article's main place counted over all its ``places``), a whole
    country's at its capital (country_point)."""
    def find(doc: Doc, start: int, end: int, trigger: int, sites: tuple[PlaceMention, ...]) -> PlaceMention | None:
        return at_capital(event_place(doc, start, end, trigger, sites, named=places), gazetteer)
    return find


def analyse_doc(doc: Doc, article: Article, pipeline: Pipeline) -> Analysis:
    gazetteer, dictionary = pipeline.gazetteer, pipeline.dictionary
    places = find_places(doc, article, gazetteer)
    country = article_country(places)
    actors = find_actors(doc, article, dictionary, country=country)
    times = tag_times(doc, article)
    located = []
    sites = event_sites(doc, places, actors)
    participants = participants_of(actors, dictionary)
    mentions = mentions_of(doc, actors, participants, dictionary, pipeline.typer)
    told = frozenset(m.sentence.start for m in mentions)
    place_of = _finder(places, gazetteer)
    for mention in mentions:
        prior = [a for a in participants if a.start < mention.sentence.end]
        filled = fill_actors(mention, prior, country, generic_actor)
        located.append(locate(doc, article, filled, times, sites, place_of, told))
    events = tuple(to_event(article, group) for group in document_events(doc, located))
    persons = tuple((e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON")
    return Analysis(article, places, actors, times, events, persons)
