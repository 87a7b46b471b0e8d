"""Qualified names: "X (A, B)" and "X, B" resolve X inside A and B."""

from __future__ import annotations

import pytest
import spacy

from eventscope.places import Gazetteer, build_gazetteer, find_places
from eventscope.places.qualified import chains, resolve_chain
from eventscope.records import Article, PlaceMention

# id, name, lat, lon, feature code, cc, admin1, population
ROWS = [
    (5368361, "Los Angeles", 34.05, -118.24, "PPL", "US", "CA", 3_971_883),
    (5332921, "California", 37.25, -119.75, "ADM1", "US", "CA", 37_691_912),
    (3526900, "Los Angeles", 18.85, -96.95, "PPL", "MX", "30", 1_500),
    (3514780, "Veracruz", 19.33, -96.67, "ADM1", "MX", "30", 7_643_194),
    (3514783, "Veracruz", 19.18, -96.14, "PPL", "MX", "30", 428_323),
    (203717, "Nord-Kivu", -0.5, 29.0, "ADM1", "CD", "11", 6_655_000),
    (204953, "Rutshuru", -1.18, 29.45, "PPL", "CD", "11", 82_680),
    (214974, "Kiwanja", -1.15, 29.45, "PPL", "CD", "11", 5_000),
    (1262180, "Maharashtra", 19.5, 75.0, "ADM1", "IN", "16", 112_374_333),
    (1261731, "Nashik", 19.99, 73.79, "PPL", "IN", "16", 1_486_053),
]
NLP = spacy.blank("en")


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    folder = tmp_path_factory.mktemp("qualified")
    dump = folder / "XX.txt"
    lines = [f"{gid}\t{name}\t{name}\t\t{lat}\t{lon}\t{code[0] if code == 'ADM1' else 'P'}\t{code}\t{cc}\t\t"
             f"{admin1}\t\t\t\t{people}\t\t0\tUTC\t2024-01-01"
             for gid, name, lat, lon, code, cc, admin1, people in ROWS]
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    build_gazetteer([str(dump)], str(folder / "q.sqlite"))
    return Gazetteer.open(folder / "q.sqlite")


def places(gaz: Gazetteer, text: str, ent: str = "") -> tuple[PlaceMention, ...]:
    doc = NLP(text)
    if ent:
        span = doc.char_span(text.index(ent), text.index(ent) + len(ent), label="GPE")
        doc.ents = [span] if span is not None else []
    return find_places(doc, Article(article_id="t", text=text), gaz)


def named(found: tuple[PlaceMention, ...], text: str) -> PlaceMention:
    return next(p for p in found if p.text.startswith(text))


def test_parenthesised_units_are_read_narrowest_first() -> None:
    chain = next(chains("traders rallied in Nashik city (Nashik, Maharashtra) on Friday"))
    assert [p.name for p in chain.parts] == ["Nashik", "Nashik", "Maharashtra"]
    assert chain.parts[0].end - chain.parts[0].start == len("Nashik city")


def test_a_parenthesis_that_is_not_a_list_of_places_is_no_chain() -> None:
    assert not list(chains("gunmen (coded as Unidentified Armed Group) fired"))
    assert not list(chains("a protest was held. [size=no report]"))


def test_a_town_after_a_comma_lies_in_the_region_named_there(gaz: Gazetteer) -> None:
    found = places(gaz, "On 4 June 2021, in Los Angeles, Veracruz, two farmers were beaten.")
    town = named(found, "Los Angeles")
    assert (town.country, town.precision, town.geonameid) == ("MEX", 1, 3526900)


def test_an_unknown_town_takes_its_narrowest_known_unit_with_precision_2(gaz: Gazetteer) -> None:
    chain = next(chains("Rebels fought soldiers in Kabindi (Binza, Rutshuru, Nord-Kivu)."))
    resolved = resolve_chain(gaz, chain)
    x, cand, precision, within = resolved[0]
    assert (x.name, cand.name, precision, within) == ("Kabindi", "Rutshuru", 2, True)
    found = places(gaz, "Rebels fought soldiers in Kabindi (Binza, Rutshuru, Nord-Kivu).")
    assert named(found, "Kabindi").parent == "Rutshuru"


def test_the_last_unit_is_the_region_not_its_namesake_town(gaz: Gazetteer) -> None:
    chain = next(chains("a protest in Amatlan (Veracruz) on Monday"))
    resolved = resolve_chain(gaz, chain)
    assert [(p.name, c.feature_code, n, w) for p, c, n, w in resolved] == [
        ("Amatlan", "ADM1", 3, True), ("Veracruz", "ADM1", 3, False)]


def test_a_designator_word_joins_the_name_span(gaz: Gazetteer) -> None:
    found = places(gaz, "Students protested in Nashik city on Monday.", ent="Nashik")
    assert any(p.text == "Nashik city" and p.name == "Nashik" for p in found)



def test_the_coders_own_phrase_names_the_place_in_the_articles_country(gaz: Gazetteer) -> None:
    found = places(gaz, "Clashes in Kabindi (Binza, Rutshuru, Nord-Kivu) [coded to Kiwanja].")
    assert (named(found, "Kiwanja").country, named(found, "Kiwanja").precision) == ("COD", 1)


def test_an_event_place_outside_the_articles_country_ranks_last() -> None:
    from eventscope.places import event_place

    text = "Maraba pupils beat a watchman near Kiptoi (Aldai, Nandi)."
    doc = NLP(text)
    at = text.index
    maraba = PlaceMention(0, 6, "Maraba", name="Maraba", geonameid=1, country="BRA", feature_code="PPL")
    kiptoi = PlaceMention(at("Kiptoi"), at("Kiptoi") + 6, "Kiptoi", name="Nandi", geonameid=2, country="KEN",
                          admin1="Nandi", feature_code="ADM1", precision=3, parent="Nandi")
    nandi = PlaceMention(at("Nandi"), at("Nandi") + 5, "Nandi", name="Nandi", geonameid=2, country="KEN",
                         admin1="Nandi", feature_code="ADM1", precision=3)
    chosen = event_place(doc, 0, len(text), at("beat"), (maraba, kiptoi, nandi))
    assert chosen is not None and chosen.text == "Kiptoi"


def test_a_region_gives_way_to_a_town_inside_it() -> None:
    from eventscope.places import event_place

    text = "Nurses rallied in Cankaya town, Ankara over pay in Turkey."
    doc = NLP(text)
    at = text.index
    turkey = PlaceMention(at("Turkey"), at("Turkey") + 6, "Turkey", name="Turkey", geonameid=1, country="TUR",
                          feature_code="PCLI", precision=3)
    town = PlaceMention(at("Cankaya"), at("Cankaya") + 12, "Cankaya town", name="Ankara", geonameid=2,
                        country="TUR", admin1="Ankara", feature_code="PPLC", precision=2)
    chosen = event_place(doc, 0, len(text), at("rallied"), (turkey, town))
    assert chosen is not None and chosen.text == "Cankaya town"


def test_a_long_run_of_capitals_without_a_bracket_is_no_chain() -> None:  # its time: benchmarks/timings.py
    assert not list(chains("A-B C D E F G H I J K L M N O P Q R S T U V W X Y Z " * 2000))
