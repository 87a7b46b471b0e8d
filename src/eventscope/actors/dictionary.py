"""The actor dictionary: packaged YAML + generated state forces + user YAML files."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any, cast

import yaml

from eventscope.errors import ConfigError
from eventscope.records import Actor

from .country import countries
from .matcher import AliasMatcher, fold
from .model import ACTOR_TYPES, KINDS, ActorEntry, Alias, Kind, is_exact
from .states import state_entries

YEARS = re.compile(r"\s*\(\d{4}-\d{0,4}\)")


def name_key(name: str) -> str:
    """Lookup key of a canonical name: no year range, folded case, single spaces."""
    return " ".join(fold(YEARS.sub("", name)).split())


def _entry_from(raw: dict[str, Any], old: ActorEntry | None, origin: str) -> ActorEntry:
    if not isinstance(raw, dict) or not raw.get("name"):
        raise ConfigError("E020", path=origin, detail=f"an entry needs a name: {raw!r}")
    actor_type = raw.get("type", old.actor.actor_type if old else "Political militia")
    kind = raw.get("kind", old.kind if old else "armed")
    if actor_type not in ACTOR_TYPES or kind not in KINDS:
        raise ConfigError("E020", path=origin, detail=f"{raw['name']}: bad type {actor_type!r} or kind {kind!r}")
    country = raw.get("country", old.actor.country if old else None)
    actor = Actor(str(raw["name"]), actor_type, country.upper() if country else None)
    new = [Alias(str(a), exact=is_exact(str(a))) for a in raw.get("aliases") or ()]
    new += [Alias(str(a), exact=True) for a in raw.get("exact") or ()]
    kept = () if old is None or raw.get("replace_aliases") else old.aliases
    removed = {fold(str(a)) for a in raw.get("remove_aliases") or ()}
    aliases = [a for a in (Alias(actor.name), *kept, *new) if fold(a.text) not in removed]
    return ActorEntry(actor, cast(Kind, kind), tuple(dict.fromkeys(aliases)), old.branch if old else None)


def _read_yaml(text: str, origin: str) -> list[dict[str, Any]]:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise ConfigError("E020", path=origin, detail=str(exc)) from exc
    entries = data.get("actors", []) if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise ConfigError("E020", path=origin, detail="expected a list of actors (or a mapping with 'actors')")
    return entries


def _packaged() -> str:
    return resources.files("eventscope.actors").joinpath("data/actors.yaml").read_text(encoding="utf-8")


class ActorDictionary:
    """Canonical actors with their aliases, ACLED type, country and kind."""

    def __init__(self, entries: Iterable[ActorEntry] = ()) -> None:
        self._entries: dict[str, ActorEntry] = {}
        for entry in entries:
            self._entries[name_key(entry.actor.name)] = entry

    @classmethod
    def default(cls) -> ActorDictionary:
        """The packaged dictionary, built once per process."""
        return _default()

    @classmethod
    def load(cls, paths: Iterable[str | Path] = ()) -> ActorDictionary:
        """The packaged dictionary extended (and overridden) by user YAML files, in order."""
        merged = cls(state_entries(countries().values()))
        merged.update(_read_yaml(_packaged(), "eventscope/actors/data/actors.yaml"), "actors.yaml")
        for path in paths:
            try:
                text = Path(path).read_text(encoding="utf-8")
            except OSError as exc:
                raise ConfigError("E020", path=str(path), detail=str(exc)) from exc
            merged.update(_read_yaml(text, str(path)), str(path))
        return merged

    def update(self, raws: Iterable[dict[str, Any]], origin: str) -> None:
        """Add entries; an entry whose name exists extends or overrides it."""
        for raw in raws:
            old = self._entries.get(name_key(str(raw.get("name", "")))) if isinstance(raw, dict) else None
            entry = _entry_from(raw, old, origin)
            self._entries[name_key(entry.actor.name)] = entry
        self.__dict__.pop("matcher", None)
        self.__dict__.pop("_state_index", None)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[ActorEntry]:
        return iter(self._entries.values())

    def entry(self, name: str) -> ActorEntry | None:
        """The entry of a canonical name (year ranges and case ignored), else of an alias."""
        found = self._entries.get(name_key(name))
        if found is None:
            hits = self.matcher.find(name.strip())
            whole = [h for h in hits if h.start == 0 and h.end == len(name.strip())]
            found = whole[0].payload[0] if whole else None
        return found

    def by_name(self, name: str) -> Actor | None:
        found = self.entry(name)
        return found.actor if found else None

    def kind(self, actor: Actor | str) -> Kind | None:
        """armed | igo | ngo | agency | media | government | group, or None when unknown."""
        found = self.entry(actor.name if isinstance(actor, Actor) else actor)
        return found.kind if found else None

    def state_forces(self, country: str, branch: str = "military") -> Actor | None:
        """The generated state actor of a country: branch military | police | government."""
        return self._state_index.get((country.upper(), branch))

    @cached_property
    def _state_index(self) -> dict[tuple[str, str], Actor]:
        return {(e.actor.country, e.branch): e.actor for e in self._entries.values() if e.branch and e.actor.country}

    @cached_property
    def matcher(self) -> AliasMatcher[tuple[ActorEntry, Alias]]:
        pairs = ((a.text, a.exact, (e, a)) for e in self._entries.values() for a in e.aliases)
        return AliasMatcher(pairs)


@cache
def _default() -> ActorDictionary:
    return ActorDictionary.load(())
