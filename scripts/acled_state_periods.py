"""Write ``src/eventscope/data/acled_state_periods.csv``: the periods ACLED writes after its state actors.

    python scripts/acled_state_periods.py ACLED.csv [--exclude ROWS.jsonl ...]

ACLED names a state actor with the years of the regime in power: "Military Forces of Russia (2000-)",
"Police Forces of Pakistan (2018-2022)".  This reads every actor column of an ACLED CSV (ISO dates in
``event_date``) and writes, per country as ACLED spells it after "Forces of" and per period, how many
actor names carried it and the first and last event date they were seen on.  Only names without a unit
after the period are read ("Military Forces of Russia (2000-) National Guard" is a unit, and rival
governments are written so: "Government of Yemen (2016-) Supreme Political Council").

The packaged table is made from acledR's ``acled_old_deletion_dummy`` (https://github.com/dtacled/acledR,
data/acled_old_deletion_dummy.rda, GPL-3; ACLED's events of January-June 2022), leaving out the rows of
the ACLED dev notes (``--exclude ../shared/eval/acled/dev.jsonl``) so that the export's agreement on
them is measured on periods it was not made from.  ``store.acled.state_period`` reads it.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "eventscope" / "data" / "acled_state_periods.csv"
ACTOR_COLUMNS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
STATE = re.compile(r"^(?:Military Forces|Police Forces|Government) of (?P<country>.+) "
                   r"\((?P<period>\d{4}-(?:\d{4})?)\)$")  # a unit after the period: no match
HEADER = (
    "# The periods ACLED writes after a state actor's name, per country as written after 'Forces of', with the\n"
    "# number of actor names seen with it and the first and last event date they were seen on. Made by\n"
    "# scripts/acled_state_periods.py from acledR's acled_old_deletion_dummy (https://github.com/dtacled/acledR,\n"
    "# data/acled_old_deletion_dummy.rda, GPL-3; ACLED's events, the facts are ACLED's), without the rows of the\n"
    "# ACLED dev notes. known_through: the last event date of the data read.\n"
)


def excluded_ids(paths: list[str]) -> set[str]:
    """event_id_cnty of the rows to leave out (JSON Lines with that key)."""
    return {str(json.loads(line)["event_id_cnty"]) for p in paths for line in Path(p).read_text("utf-8").splitlines()}


def periods(rows: list[dict[str, str]]) -> tuple[dict[tuple[str, str], list[str]], str]:
    """(country, period) -> the event dates it was seen on; and the last event date read."""
    seen: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in rows:
        for column in ACTOR_COLUMNS:
            for name in filter(None, (row.get(column) or "").split("; ")):
                found = STATE.match(name.strip())
                if found:
                    seen[(found["country"], found["period"])].append(row["event_date"])
    return seen, max(r["event_date"] for r in rows)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("acled", help="an ACLED CSV with ISO event dates")
    parser.add_argument("--exclude", action="append", default=[], help="JSON Lines of rows to leave out")
    args = parser.parse_args(argv)
    left_out = excluded_ids(args.exclude)
    with open(args.acled, encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["event_id_cnty"] not in left_out]
    seen, through = periods(rows)
    with OUT.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER + f"# known_through: {through}\n")
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["country", "period", "names", "first_seen", "last_seen"])
        for (country, period), days in sorted(seen.items()):
            writer.writerow([country, period, len(days), min(days), max(days)])
    print(f"{len(seen)} periods from {len(rows)} rows ({len(left_out)} left out) -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
