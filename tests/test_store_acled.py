"""The ACLED CSV loads like ACLED's own: it joins acledR's reference tables and its integer columns are integers."""

import csv
import io
import sys
from datetime import date
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "store"))

from corpus import articles, write_corpus  # noqa: E402
from linex import extract  # noqa: E402

from eventscope.cli import app  # noqa: E402
from eventscope.ingest import read_inputs  # noqa: E402
from eventscope.merge import MergedEvent  # noqa: E402
from eventscope.records import Event, Evidence  # noqa: E402
from eventscope.store import Store, ingest  # noqa: E402
from eventscope.store.acled import (  # noqa: E402
    INTERACTIONS,
    acled_country,
    actor_name,
    ascii_name,
    disorder_type,
    interaction,
)
from eventscope.store.export import acled_row  # noqa: E402

ACLEDR = Path(__file__).parent / "fixtures" / "acledR"  # acledR's reference tables (GPL-3), see README.md there
INTEGER_COLUMNS = ["year", "time_precision", "iso", "geo_precision", "fatalities", "timestamp"]


def exported_csv(tmp_path: Path) -> str:
    db = tmp_path / "db.duckdb"
    records = [*articles(9), {"id": "nowhere", "text": "EV|Protests|Peaceful protest|Protesters|||||\n"}]
    with Store(str(db), clock=lambda: 1_700_000_000) as store:
        ingest(read_inputs([str(write_corpus(tmp_path / "c.jsonl", records))]), store, extract)
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "acled-csv"])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_export_joins_acledrs_countries_and_event_categories_without_losing_a_row(tmp_path: Path) -> None:
    df = pd.read_csv(io.StringIO(exported_csv(tmp_path)))
    located = df[df.country.notna()]
    countries = pd.read_csv(ACLEDR / "acled_countries.csv")
    joined = located.merge(countries, on="country", how="inner", suffixes=("", "_acledr"), validate="many_to_one")
    assert len(joined) == len(located) == len(df) - 1 and set(joined.country) == {"Syria"}
    assert (joined.region == joined.region_acledr).all()
    categories = pd.read_csv(ACLEDR / "acled_event_categories.csv")
    typed = df.merge(categories, on=["event_type", "sub_event_type"], how="inner", validate="many_to_one")
    assert len(typed) == len(df)


def test_integer_columns_load_as_integers_even_for_an_event_without_place_or_date(tmp_path: Path) -> None:
    df = pd.read_csv(io.StringIO(exported_csv(tmp_path)))
    converted = df[INTEGER_COLUMNS].astype(int)
    unplaced = converted[df.location.isna()]
    assert len(unplaced) == 1 and unplaced.iloc[0].to_dict() == {
        "year": 0, "time_precision": 0, "iso": 0, "geo_precision": 0, "fatalities": 0, "timestamp": 1_700_000_000}
    assert (converted[df.country == "Syria"].iso == 760).all()


def test_acleds_44_interactions_pair_categories_in_code_order() -> None:
    assert len(INTERACTIONS) == len(set(INTERACTIONS)) == 44
    assert interaction("Rebel group", "State forces") == "State forces-Rebel group" in INTERACTIONS
    assert interaction("Protesters", "") == "Protesters only" in INTERACTIONS
    assert interaction("Civilians", "External/Other forces") == "Civilians-External/Other forces" in INTERACTIONS
    assert interaction("", "") == ""


def _event(**fields: object) -> Event:
    base: dict[str, object] = dict(
        event_id="e1", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        actor1="Military Forces of Russia", actor2="Civilians (Syria)", assoc_actors=(), date_start=date(2022, 3, 1),
        date_end=date(2022, 3, 1), time_precision=1, location="Ḩimş", admin1="Ḩimş", country="SYR",
        latitude=34.73, longitude=36.71, geo_precision=1, source=None, article_ids=("a",),
        evidence=(Evidence("a", 0, 25, "Russian jets struck Homs."), Evidence("a", 0, 25, "Russian jets struck Homs.")),
        actor1_type="State forces", actor2_type="Civilians",
    )  # fmt: skip
    base.update(fields)
    return Event(**base)  # type: ignore[arg-type]


def test_foreign_state_forces_are_external_forces_and_home_forces_state_forces() -> None:
    abroad = acled_row(MergedEvent(_event(), ("m",), ()))
    assert (abroad["inter1"], abroad["interaction"]) == ("External/Other forces", "Civilians-External/Other forces")
    home = acled_row(MergedEvent(_event(actor1="Military Forces of Syria"), ("m",), ()))
    assert (home["inter1"], home["interaction"]) == ("State forces", "State forces-Civilians")
    assert home["civilian_targeting"] == "Civilian targeting"


def test_places_are_plain_ascii_and_notes_quote_the_evidence_once() -> None:
    row = acled_row(MergedEvent(_event(), ("m",), ()))
    assert (row["admin1"], row["location"], row["country"], row["iso"]) == ("Hims", "Hims", "Syria", 760)
    assert row["notes"] == "Russian jets struck Homs." and row["tags"] == ""
    assert ascii_name("Łódź") == "Lodz" and ascii_name("Ta‘izz") == "Ta'izz"


def test_disorder_type_follows_the_sub_event_type() -> None:
    assert disorder_type("Mob violence") == "Political violence"
    assert disorder_type("Violent demonstration") == "Demonstrations"
    assert disorder_type("Excessive force against protesters") == "Political violence; Demonstrations"
    assert disorder_type("Arrests") == "Strategic developments"


def test_every_acledr_country_has_its_acled_name_and_region_in_the_package_table() -> None:
    with (ACLEDR / "acled_countries.csv").open(encoding="utf-8") as handle:
        expected = {(r["country"], r["region"]) for r in csv.DictReader(handle)}
    from eventscope.store.acled import _countries

    assert {(c.name, c.region) for c in _countries().values()} == expected
    kosovo, hong_kong = acled_country("XKX"), acled_country("HKG")
    assert kosovo is not None and kosovo.iso == 0
    assert hong_kong is not None and (hong_kong.name, hong_kong.iso) == ("China", 156)


def test_state_actors_carry_the_period_acled_wrote_for_the_regime_of_the_events_day() -> None:
    assert actor_name("Military Forces of Russia", date(2022, 3, 1)) == "Military Forces of Russia (2000-)"
    assert actor_name("Police Forces of the Philippines", date(2022, 3, 1)) == \
        "Police Forces of the Philippines (2016-2022)"  # fmt: skip
    # a change of government inside acledR's data: the new period from the first day ACLED's names carry it
    assert actor_name("Government of Pakistan", date(2022, 4, 1)) == "Government of Pakistan (2018-2022)"
    assert actor_name("Government of Pakistan", date(2022, 5, 1)) == "Government of Pakistan (2022-)"
    assert actor_name("Military Forces of Somalia", date(2016, 6, 1)) == "Military Forces of Somalia (2012-2017)"


def test_an_actor_the_periods_do_not_cover_keeps_its_name() -> None:
    after_the_data, before_the_regime = date(2024, 1, 1), date(1999, 1, 1)
    assert actor_name("Military Forces of Russia", after_the_data) == "Military Forces of Russia"
    assert actor_name("Military Forces of Russia", before_the_regime) == "Military Forces of Russia"
    assert actor_name("Military Forces of Russia", None) == "Military Forces of Russia"
    assert actor_name("Islamic State", date(2022, 3, 1)) == "Islamic State"
    assert actor_name("Military Forces of Atlantis", date(2022, 3, 1)) == "Military Forces of Atlantis"
    assert actor_name(None, date(2022, 3, 1)) == ""


def test_the_acled_row_names_actors_and_associated_actors_with_their_period() -> None:
    row = acled_row(MergedEvent(_event(assoc_actors=("Police Forces of Russia",)), ("m",), ()))
    assert row["actor1"] == "Military Forces of Russia (2000-)" and row["actor2"] == "Civilians (Syria)"
    assert (row["assoc_actor_1"], row["assoc_actor_2"]) == ("Police Forces of Russia (2000-)", "")


def test_associated_actors_stand_beside_the_actor_their_reports_named_them_with(tmp_path: Path) -> None:
    clash = "EV|Battles|Armed clash|{}|{}|2017-03-01|Palmyra|34.56|38.27|3|{}"
    islamic_state, army = "Islamic State", "Military Forces of Syria"
    records = [{"id": "a", "text": clash.format(islamic_state, army, "Tribal fighters") + "\n"},
               {"id": "b", "text": clash.format(army, islamic_state, "Wagner Group") + "\n"},
               {"id": "c", "text": clash.format(islamic_state, army, "") + "\n"}]  # fmt: skip
    db = tmp_path / "db.duckdb"
    with Store(str(db)) as store:
        ingest(read_inputs([str(write_corpus(tmp_path / "c.jsonl", records))]), store, extract)
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "acled-csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 1, result.output
    row = rows[0]
    assert (row["actor1"], row["actor2"]) == (islamic_state, "Military Forces of Syria (2000-)")
    assert (row["assoc_actor_1"], row["assoc_actor_2"]) == ("Tribal fighters", "Wagner Group")
