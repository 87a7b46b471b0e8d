"""Resolution by the article's other names: nearby readings, no self-support."""

from __future__ import annotations

from eventscope.places.gazetteer import Candidate
from eventscope.places.recognize import Toponym
from eventscope.places.resolve import resolve


def town(gid: int, name: str, lat: float, lon: float, cc: str, admin1: str, pop: int,
         kind: str = "city", code: str = "PPL", main: bool = True) -> Candidate:
    return Candidate(gid, name, lat, lon, cc, admin1, code, pop, kind, main)


PARIS_FR = town(1, "Paris", 48.85, 2.35, "FR", "11", 2_138_551, code="PPLC")
PARIS_TN = town(2, "Paris", 36.30, -88.33, "US", "TN", 10_150)
PARIS_TX = town(3, "Paris", 33.66, -95.56, "US", "TX", 24_782)
HENRY_TN = town(4, "Henry County", 36.33, -88.30, "US", "TN", 0, "admin2", "ADM2")
HENRY_AL = town(5, "Henry County", 31.51, -85.24, "US", "AL", 0, "admin2", "ADM2")
ALEX_EG = town(6, "Alexandria", 31.20, 29.92, "EG", "06", 5_263_542)
ALEX_EG_REGION = town(7, "Al Iskandariyah", 31.0, 29.8, "EG", "06", 5_369_848, "admin1", "ADM1", False)
ALEX_MN = town(8, "Alexandria", 45.88, -95.38, "US", "MN", 11_843)
MINNESOTA = town(9, "Minnesota", 46.25, -94.25, "US", "MN", 5_000_000, "admin1", "ADM1")


class FakeGazetteer:
    def __init__(self, table: dict[str, list[Candidate]]) -> None:
        self.table = table

    def lookup(self, name: str) -> list[Candidate]:
        return self.table.get(name, [])


def resolved(text: str, names: list[str], table: dict[str, list[Candidate]]) -> dict[str, int | None]:
    tops, at = [], 0
    for name in names:
        start = text.index(name, at)
        tops.append(Toponym(start, start + len(name), name, "GPE"))
        at = start + len(name)
    choices = resolve(FakeGazetteer(table), tops, text)  # type: ignore[arg-type]
    return {c.toponym.text: c.candidate.geonameid if c.candidate else None for c in choices}


def test_town_near_the_articles_county_beats_a_famous_namesake() -> None:
    text = "A fire in Paris destroyed a barn, Henry County officials said."
    table = {"Paris": [PARIS_FR, PARIS_TX, PARIS_TN], "Henry County": [HENRY_AL, HENRY_TN]}
    got = resolved(text, ["Paris", "Henry County"], table)
    assert got == {"Paris": PARIS_TN.geonameid, "Henry County": HENRY_TN.geonameid}


def test_a_name_does_not_vote_for_its_own_first_reading() -> None:
    text = "Meeting in Alexandria will discuss the census in Minnesota."
    table = {"Alexandria": [ALEX_EG_REGION, ALEX_EG, ALEX_MN], "Minnesota": [MINNESOTA]}
    assert resolved(text, ["Alexandria", "Minnesota"], table)["Alexandria"] == ALEX_MN.geonameid


def test_without_other_names_the_famous_reading_stands() -> None:
    text = "She moved to Paris last year."
    assert resolved(text, ["Paris"], {"Paris": [PARIS_FR, PARIS_TN]})["Paris"] == PARIS_FR.geonameid


def test_an_unknown_facility_or_part_lies_in_the_place_it_names() -> None:
    text = "He was taken to Henry County Jail, then to North Paris."
    table = {"Henry County": [HENRY_TN], "Paris": [PARIS_FR]}
    tops = ["Henry County Jail", "North Paris"]
    got = resolved(text, tops, table)
    assert got == {"Henry County Jail": HENRY_TN.geonameid, "North Paris": PARIS_FR.geonameid}


def test_a_name_the_gazetteer_lacks_stays_unresolved() -> None:
    assert resolved("They met at Glacier Ridge.", ["Glacier Ridge"], {})["Glacier Ridge"] is None


def test_a_town_name_is_not_read_as_the_region_an_alias_names_after_it() -> None:
    text = "Police in Alexandria said."
    assert resolved(text, ["Alexandria"], {"Alexandria": [ALEX_EG_REGION, ALEX_EG]})["Alexandria"] == ALEX_EG.geonameid


def test_a_street_named_after_a_place_is_not_in_it() -> None:
    text = "The crash was on Paris Avenue."
    assert resolved(text, ["Paris Avenue"], {"Paris": [PARIS_FR]})["Paris Avenue"] is None


def test_the_county_a_jail_names_helps_read_the_town() -> None:
    text = "Athens police took him to the Henry County Jail."
    athens_gr = town(10, "Athens", 37.98, 23.73, "GR", "ESYE31", 664_046, code="PPLC")
    athens_tn = town(11, "Athens", 36.2, -88.2, "US", "TN", 13_000)
    table = {"Athens": [athens_gr, athens_tn], "Henry County": [HENRY_AL, HENRY_TN]}
    got = resolved(text, ["Athens", "Henry County Jail"], table)
    assert got == {"Athens": athens_tn.geonameid, "Henry County Jail": HENRY_TN.geonameid}
