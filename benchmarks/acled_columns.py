"""Agreement of the ACLED CSV's columns with ACLED's own coding, over ACLED rows read as articles.

    python -P benchmarks/acled_columns.py ../shared/eval/acled/dev.jsonl PRED.jsonl

PRED.jsonl is ``eventscope extract`` over the rows' notes (``score_acled.py --input``); the first
event of each row is exported with ``store.export.acled_row`` and compared column by column with
the row, each column only where what it depends on is right (country and admin1 where the place is
within 50 km, interaction where both actors agree as score_acled.py counts them, actor1's exact name
(and, for a state actor, its period) where actor1 agrees so, disorder type where the sub-event type is
right).  ACLED's old numeric inter codes are read as its category names.
Prints one table: column, rows compared, agreement.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventscope.merge import MergedEvent
from eventscope.serialize import event_from_record
from eventscope.store.acled import INTER_CATEGORIES, ascii_name
from eventscope.store.export import acled_row

Row = dict[str, Any]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def words(name: str | None) -> set[str]:
    return set(re.sub(r"[^a-z0-9 ]+", " ", re.sub(r"\(\d{4}-\d{0,4}\)", " ", name or "").lower()).split())


def agrees(pred: str | None, gold: str | None) -> bool:
    p, g = words(pred), words(gold)
    return not p if not g else len(p & g) / len(g) >= 0.5


def gold_interaction(code: Any) -> str:
    first, second = divmod(int(float(code or 0)), 10)
    if not first:
        return ""
    a = INTER_CATEGORIES[first - 1]
    return f"{a} only" if not second else f"{a}-{INTER_CATEGORIES[second - 1]}"


def state(name: str | None) -> bool:
    """A state actor as ACLED names it, without a unit: "Military Forces of Russia (2000-)"."""
    return bool(re.match(r"^(Military Forces|Police Forces|Government) of .+ \(\d{4}-\d{0,4}\)$", name or ""))


def place_right(p: Row, g: Row) -> bool:
    return p["latitude"] != "" and km(float(p["latitude"]), float(p["longitude"]), g["latitude"], g["longitude"]) <= 50


CHECKS: dict[str, tuple[Callable[[Row, Row, Row], bool], Callable[[Row, Row], bool]]] = {
    # column: (when it is compared (export row, gold row, prediction), whether it agrees)
    "country": (lambda p, g, e: place_right(p, g), lambda p, g: p["country"] == g["country"]),
    "iso": (lambda p, g, e: place_right(p, g), lambda p, g: p["iso"] == int(float(g["iso"]))),
    "region": (lambda p, g, e: place_right(p, g), lambda p, g: p["region"] == g["region"]),
    "admin1": (lambda p, g, e: place_right(p, g), lambda p, g: p["admin1"] == (g["admin1"] or "")),
    "admin1 (ASCII-folded gold)": (lambda p, g, e: place_right(p, g),
                                   lambda p, g: p["admin1"] == ascii_name(g["admin1"])),
    "location": (lambda p, g, e: place_right(p, g), lambda p, g: p["location"] == (g["location"] or "")),
    "interaction": (lambda p, g, e: agrees(e.get("actor1"), g["actor1"]) and agrees(e.get("actor2"), g["actor2"]),
                    lambda p, g: p["interaction"] == gold_interaction(g["interaction"])),
    "actor1 (exact name)": (lambda p, g, e: agrees(e.get("actor1"), g["actor1"]),
                            lambda p, g: p["actor1"] == (g["actor1"] or "")),
    "actor1 (state, with period)": (lambda p, g, e: agrees(e.get("actor1"), g["actor1"]) and state(g["actor1"]),
                                    lambda p, g: p["actor1"] == g["actor1"]),
    "disorder_type": (lambda p, g, e: e["sub_event_type"] == g["sub_event_type"],
                      lambda p, g: p["disorder_type"] == g["disorder_type"].replace("Demostrations", "Demonstrations")),
}  # fmt: skip


def main(argv: list[str]) -> int:
    gold = {str(r["event_id_cnty"]): r for r in map(json.loads, Path(argv[0]).read_text("utf-8").splitlines())}
    first: dict[str, Row] = {}
    for pred in map(json.loads, Path(argv[1]).read_text("utf-8").splitlines()):
        first.setdefault(pred["evidence"][0]["article_id"] if pred.get("evidence") else "", pred)
    counts = {name: [0, 0] for name in CHECKS}
    for article_id, pred in first.items():
        if article_id not in gold:
            continue
        exported = acled_row(MergedEvent(event_from_record(pred), (), ()))
        for name, (wanted, agree) in CHECKS.items():
            if wanted(exported, gold[article_id], pred):
                counts[name][0] += 1
                counts[name][1] += agree(exported, gold[article_id])
    print(f"{'column':28} {'compared':>8} {'agree':>6}")
    for name, (n, hits) in counts.items():
        print(f"{name:28} {n:8d} {hits / n if n else 0:6.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
