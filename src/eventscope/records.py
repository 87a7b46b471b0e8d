"""Typed, frozen records that flow between the stages.

ingest -> Article; nlp -> spaCy Doc over ``Article.nlp_text`` (same length and
offsets as ``Article.text``); times -> TimeExpr; places -> PlaceMention;
actors -> ActorMention; events -> EventMention; assemble -> Event.

Every record that points into an article carries ``start``/``end`` character
offsets into ``Article.text`` (the original text, never rewritten).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
Granularity = Literal["day", "week", "month", "quarter", "season", "year", "decade", "century"]
Modality = Literal["asserted", "hedged", "planned", "predicted", "claimed", "denied", "failed", "negated", "generic",
                   "alleged"]


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character interval [start, end) of ``Article.text``."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Dropped:
    """A region of the article left out of analysis, and why."""

    span: Span
    reason: str  # "title", "dateline", "caption", "byline", "boilerplate"


@dataclass(frozen=True, slots=True)
class Article:
    article_id: str
    text: str
    title: str | None = None
    published: datetime | None = None
    authors: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    url: str | None = None
    dropped: tuple[Dropped, ...] = ()
    origin: str = ""  # the file (and line) it was read from
    warnings: tuple[str, ...] = ()  # coded defects that degraded a field ("[W010] ..."), printed by the CLI

    @property
    def nlp_text(self) -> str:
        """The text with dropped regions blanked out (same length, same offsets)."""
        if not self.dropped:
            return self.text
        chars = list(self.text)
        for drop in self.dropped:
            for i in range(drop.span.start, drop.span.end):
                if chars[i] not in "\n":
                    chars[i] = " "
        return "".join(chars)

    @property
    def published_date(self) -> date | None:
        return self.published.date() if self.published else None


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not be read as an article."""

    origin: str
    code: str
    reason: str


@dataclass(frozen=True, slots=True)
class TimeExpr:
    start: int
    end: int
    text: str
    type: TimeType
    value: str  # TIMEX3 value: 2017-03-01, 2016-12, 2016-Q4, P2W, PAST_REF, XXXX-WXX-3 ...
    date_start: date | None = None
    date_end: date | None = None
    granularity: Granularity | None = None
    mod: str | None = None  # EARLY, MID, LATE, START, END, APPROX, BEFORE, AFTER
    future: bool = False  # the interval lies after the publication time


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    name: str | None = None  # gazetteer name of the resolved place
    geonameid: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    admin1: str | None = None
    feature_code: str | None = None  # PPL, PPLA, PCLI, ADM1, AIRP ...
    population: int = 0
    precision: int = 1  # ACLED geo_precision: 1 the place, 2 near/part of it, 3 region
    parent: str | None = None  # for a sub-place: the town it belongs to
    reason: str | None = None  # why it is unresolved, when geonameid is None

    @property
    def is_country(self) -> bool:
        """A country's own point (GeoNames PCL*): the one test of 'this place is a whole country'."""
        return (self.feature_code or "").startswith("PCL")


@dataclass(frozen=True, slots=True)
class Actor:
    name: str  # canonical ACLED-style name
    actor_type: str  # ACLED inter category, e.g. "State forces", "Rebel group"
    country: str | None = None  # ISO3


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int
    end: int
    text: str
    actor: Actor
    via: str = "alias"  # alias | coreference | generic | nationality


@dataclass(frozen=True, slots=True)
class Source:
    """Who reported an event inside the article."""

    name: str
    start: int
    end: int
    kind: str = "organisation"  # organisation | person | agency | anonymous | media
    via: tuple[str, ...] = ()  # the agencies that carried it (dpa, AFP ...)


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event read from one clause of one sentence."""

    sentence: Span
    trigger: Span
    event_type: str
    sub_event_type: str
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actors: tuple[Actor, ...] = ()
    fatalities: int | None = None
    modality: Modality = "asserted"
    confidence: float = 1.0
    time: TimeExpr | None = None  # the expression that governs the clause
    place: PlaceMention | None = None  # where it happened
    source: Source | None = None
    hedged: bool = False
    plover_type: str | None = None  # PLOVER event type (ASSAULT, COERCE, PROTEST ...)
    plover_mode: str | None = None  # PLOVER mode (heavy-weapons, confiscate, demo ...)
    untriggered: bool = False  # no trigger word: a sentence the model alone typed ('Three died, police said')


@dataclass(frozen=True, slots=True)
class Evidence:
    """What an event was read from: characters [start, end) of an article's text, and those characters
    (the web's evidence spans and the stored ``evidence`` rows are these too)."""

    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Event:
    """An event in ACLED's vocabulary, with the evidence it was read from."""

    event_id: str
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    assoc_actors: tuple[str, ...]
    date_start: date | None  # None: the text gives no date and there is no publication time
    date_end: date | None
    time_precision: int | None
    location: str | None
    admin1: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    source: str | None
    evidence: tuple[Evidence, ...]
    article_ids: tuple[str, ...]
    actor1_type: str | None = None
    actor2_type: str | None = None
    fatalities: int | None = None
    modality: Modality = "asserted"
    hedged: bool = False
    confidence: float = 1.0
    source_via: tuple[str, ...] = ()
    date_basis: str = ""  # the time expression (or "publication") the date came from
    location_reason: str | None = None
    plover_type: str | None = None
    plover_mode: str | None = None
