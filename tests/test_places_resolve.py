"""Resolution and recognition, with a blank spaCy pipeline and hand-set entities."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span

from eventscope.places import Gazetteer, article_country, build_gazetteer, event_place, find_places
from eventscope.records import Article, PlaceMention

FIXTURE = Path(__file__).parent / "fixtures" / "places" / "geonames_small.txt"
NLP = spacy.blank("en")


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    out = tmp_path_factory.mktemp("gaz") / "small.sqlite"
    build_gazetteer([str(FIXTURE)], str(out))
    return Gazetteer.open(out)


def parse(text: str, ents: list[tuple[str, str]]) -> tuple[Doc, Article]:
    doc = NLP(text)
    spans = []
    for phrase, label in ents:
        start = text.index(phrase)
        span = doc.char_span(start, start + len(phrase), label=label)
        assert span is not None
        spans.append(span)
    doc.ents = [s for s in spans if isinstance(s, Span)]
    return doc, Article(article_id="t", text=text)


def places_of(gaz: Gazetteer, text: str, ents: list[tuple[str, str]]) -> tuple[PlaceMention, ...]:
    doc, art = parse(text, ents)
    return find_places(doc, art, gaz)


def test_country_never_resolves_to_a_building_or_small_namesake(gaz: Gazetteer) -> None:
    (turkey,) = places_of(gaz, "Talks were held in Turkey on Monday.", [("Turkey", "GPE")])
    assert turkey.geonameid == 298795 and turkey.feature_code == "PCLI" and turkey.country == "TUR"


def test_one_unresolvable_name_does_not_empty_the_result(gaz: Gazetteer) -> None:
    text = "Fighters moved from Qaryatayn-al-Nowhere to Aleppo."
    found = places_of(gaz, text, [("Qaryatayn-al-Nowhere", "GPE"), ("Aleppo", "GPE")])
    assert [p.text for p in found] == ["Qaryatayn-al-Nowhere", "Aleppo"]
    assert found[0].geonameid is None and found[0].reason
    assert found[1].geonameid == 170063


def test_sub_place_attaches_to_parent_with_precision_2(gaz: Gazetteer) -> None:
    text = "Troops took Palmyra Airport and then a castle outside Palmyra."
    found = places_of(gaz, text, [("Palmyra Airport", "FAC")])
    airport = found[0]
    assert airport.text == "Palmyra Airport" and airport.precision == 2 and airport.parent == "Tadmur"
    assert airport.geonameid == 163808 and airport.feature_code == "AIRP"


def test_part_of_the_city_attaches_to_last_town(gaz: Gazetteer) -> None:
    text = "Shelling hit Aleppo. Rebels held the western sector of the city."
    found = places_of(gaz, text, [("Aleppo", "GPE")])
    sector = [p for p in found if "sector" in p.text][0]
    assert sector.parent == "Aleppo" and sector.precision == 2


@pytest.mark.parametrize("name", ["Palmyra", "Tadmur", "Tadmor"])
def test_palmyra_variants_resolve_to_tadmur(gaz: Gazetteer, name: str) -> None:
    found = places_of(gaz, f"Government forces entered {name} on Thursday.", [(name, "GPE")])
    assert [p.geonameid for p in found] == [163808]


def test_palmyra_found_even_when_tagged_as_a_person(gaz: Gazetteer) -> None:
    found = places_of(gaz, "The army pushed into Palmyra again.", [("Palmyra", "PERSON")])
    assert [p.geonameid for p in found] == [163808]


def test_region_in_the_article_picks_the_namesake_town(gaz: Gazetteer) -> None:
    text = "A fire in Gainesville, Georgia destroyed a barn."
    found = places_of(gaz, text, [("Gainesville", "GPE"), ("Georgia", "GPE")])
    assert found[0].geonameid == 4196586 and found[0].admin1 == "Georgia"


def test_article_country_and_event_place_fallback(gaz: Gazetteer) -> None:
    text = "Clashes hit Aleppo. Later a strike was reported."
    doc, art = parse(text, [("Aleppo", "GPE")])
    found = find_places(doc, art, gaz)
    assert article_country(found) == "SYR"
    later = text.index("Later")
    place = event_place(doc, later, len(text), text.index("strike"), found)
    assert place is not None and place.geonameid == 170063 and place.precision == 3


def test_a_word_of_a_persons_full_name_is_not_a_place(gaz: Gazetteer) -> None:
    text = "Mayor Tom Gainesville spoke. Gainesville said the barn burned in Aleppo."
    doc, art = parse(text, [("Tom Gainesville", "PERSON"), ("Aleppo", "GPE")])
    doc.ents = [*doc.ents, Span(doc, 5, 6, label="GPE")]
    found = find_places(doc, art, gaz)
    assert [p.text for p in found] == ["Aleppo"]


def test_possessive_is_trimmed_before_look_up(gaz: Gazetteer) -> None:
    text = "Aleppo's mayor spoke."
    doc, art = parse(text, [])
    doc.ents = [Span(doc, 0, 2, label="GPE")]
    (aleppo,) = find_places(doc, art, gaz)
    assert aleppo.text == "Aleppo" and aleppo.geonameid == 170063


def test_a_town_named_as_a_place_once_is_a_place_when_written_again(gaz: Gazetteer) -> None:
    text = "The fire in Gainesville spread. Gainesville firefighters came."
    doc, art = parse(text, [])
    doc.ents = [Span(doc, 3, 4, label="GPE")]
    for tok in doc:
        tok.pos_ = "PROPN" if tok.text == "Gainesville" else "NOUN"
    found = find_places(doc, art, gaz)
    assert [p.start for p in found] == [12, 32]


def test_a_town_tagged_person_is_a_place_when_the_article_names_it_as_one(gaz: Gazetteer) -> None:
    text = "Troops have entered Palmyra. The army holds the city of Palmyra now."
    doc, art = parse(text, [("Palmyra", "PERSON")])
    doc.ents = [*doc.ents, Span(doc, 11, 12, label="GPE")]
    found = find_places(doc, art, gaz)
    assert [(p.start, p.geonameid) for p in found] == [(20, 163808), (56, 163808)]


def test_part_of_the_city_attaches_to_the_town_its_sentence_names(gaz: Gazetteer) -> None:
    text = "Fighting went on in Aleppo. Troops took Palmyra Airport, located in the eastern sector of the city."
    found = places_of(gaz, text, [("Aleppo", "GPE"), ("Palmyra Airport", "FAC")])
    sector = [p for p in found if "sector" in p.text][0]
    assert sector.parent == "Tadmur" and sector.geonameid == 163808 and sector.precision == 2
