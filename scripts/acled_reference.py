"""Write ``src/eventscope/data/acled_countries.csv`` and ``acled_event_categories.csv`` from acledR's tables.

    python scripts/acled_reference.py tests/fixtures/acledR/acled_countries.csv \
        tests/fixtures/acledR/acled_event_categories.csv

acledR (https://github.com/dtacled/acledR, GPL-3) ships ACLED's country names
and regions; this adds the ISO 3166-1 codes an event carries (alpha-3) and ACLED
writes (numeric ``iso``: pycountry's, 0 for Kosovo as ACLED has it), and the
territories ACLED codes under another country (Hong Kong under China ...).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import pycountry

from eventscope.actors import countries

DATA = Path(__file__).resolve().parent.parent / "src" / "eventscope" / "data"
NAMED = {"Sint Maarten": "SXM", "Bailiwick of Guernsey": "GGY", "Bailiwick of Jersey": "JEY",
         "Falkland Islands": "FLK"}  # acledR names neither pycountry nor eventscope spell so  # fmt: skip
NUMERIC = {"XKX": 0}  # Kosovo has no ISO 3166-1 numeric code; ACLED writes 0
# territories acledR does not list: ACLED codes their events in the sovereign state
CODED_AS = {"HKG": "CHN", "MAC": "CHN", "ESH": "MAR", "ALA": "FIN", "SJM": "NOR", "BVT": "NOR", "ATF": "FRA"}
HEADER = (
    "# ACLED's country names and regions, from acledR's acled_countries table (https://github.com/dtacled/acledR,\n"
    "# data/acled_countries.rda, GPL-3; the facts are ACLED's), with ISO 3166-1 codes added by\n"
    "# scripts/acled_reference.py: iso3 is the event's country, iso ACLED's numeric code (pycountry's; Kosovo 0).\n"
    "# A territory acledR does not list is coded as the country in coded_as.\n"
)
CATEGORIES_HEADER = (
    "# ACLED's event and sub-event types with their disorder categories, acledR's acled_event_categories table\n"
    "# (https://github.com/dtacled/acledR, data/acled_event_categories.rda, GPL-3; the facts are ACLED's).\n"
)


def iso3_of(name: str, known: dict[str, str]) -> str:
    if name in NAMED:
        return NAMED[name]
    if name.lower() in known:
        return known[name.lower()]
    return str(pycountry.countries.lookup(name).alpha_3)


def numeric(iso3: str) -> int:
    if iso3 in NUMERIC:
        return NUMERIC[iso3]
    found = pycountry.countries.get(alpha_3=iso3)
    if found is None:
        raise SystemExit(f"no ISO 3166-1 numeric code for {iso3}: add it to NUMERIC")
    return int(found.numeric)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("countries", help="acledR's acled_countries as CSV (country, region, start_year)")
    parser.add_argument("categories", help="acledR's acled_event_categories as CSV")
    args = parser.parse_args(argv)
    text = Path(args.categories).read_text(encoding="utf-8")
    (DATA / "acled_event_categories.csv").write_text(CATEGORIES_HEADER + text, encoding="utf-8")
    known = {n.lower(): c.iso3 for c in countries().values() for n in c.surface_names}
    with open(args.countries, encoding="utf-8") as handle:
        source = list(csv.DictReader(handle))
    rows = {iso3_of(r["country"], known): r for r in source}
    table = [[iso3, numeric(iso3), r["country"], r["region"], iso3] for iso3, r in sorted(rows.items())]
    table += [[iso3, table_row[1], table_row[2], table_row[3], target]
              for iso3, target in sorted(CODED_AS.items())
              for table_row in table if table_row[0] == target]  # fmt: skip
    out_path = DATA / "acled_countries.csv"
    with out_path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["iso3", "iso", "country", "region", "coded_as"])
        writer.writerows(sorted(table))
    print(f"{len(table)} countries -> {out_path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
