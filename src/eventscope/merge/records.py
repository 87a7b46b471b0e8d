"""Records of the merge stage: one mention per extracted Event, one merged event per real event."""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Event


@dataclass(frozen=True, slots=True)
class Mention:
    """One extracted Event as stored: the event, the article version it came from, and its outlet."""

    mention_id: str
    article_uid: str  # article key + version
    event: Event
    outlet: str | None = None  # the publisher (URL host) or news agency
    names: tuple[str, ...] = ()  # lower-case name words of the people the article names


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """A real event: reconciled fields in ``event``, and everything behind it."""

    event: Event  # reconciled; event.fatalities is the lowest reported figure
    mention_ids: tuple[str, ...]
    sources: tuple[str, ...]  # distinct reporting sources and outlets
    fatalities_max: int | None = None  # the highest reported figure (a range with event.fatalities)

    @property
    def source_count(self) -> int:
        return len(self.sources)
