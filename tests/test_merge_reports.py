"""Reports of one act by several outlets, worded and typed their own way, become one stored event
(the whole pipeline: extraction, typing, the merger and the store)."""

from __future__ import annotations

import json
from pathlib import Path

from eventscope.ingest import read_inputs
from eventscope.store import Store, ingest

PUBLISHED = "2024-05-16T09:00:00+00:00"  # a Thursday: 'Tuesday' is 14 May, 'Wednesday' 15 May
HIJACKING = {  # invented reports of one invented train hijacking
    "seized-named": "The Pakistani Taliban seized the Kestrel Express near Kohat on Tuesday, officials said.",
    "seized-it": "On Tuesday gunmen stopped a passenger train on a bridge near Kohat and seized it. "
                 "At least 12 passengers died in the attack.",
    "rifle-and-bomb": "A passenger train came under a rifle and bomb assault near Kohat on Tuesday.",
}
RESCUE = {  # two invented reports of the army's operation against the hijackers the next day
    "operation": "Troops fought the Pakistani Taliban near Kohat on Wednesday night, killing 20 militants, "
                 "the army said.",
    "clash": "Soldiers clashed with gunmen near Kohat on Wednesday, killing 20 of them.",
}


def stored_events(tmp_path: Path, reports: dict[str, str]) -> list[tuple[str, list[str], int | None]]:
    corpus = tmp_path / "reports.jsonl"
    rows = [{"id": key, "text": text, "published": PUBLISHED} for key, text in reports.items()]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with Store(str(tmp_path / "events.duckdb")) as store:
        ingest(read_inputs([str(corpus)]), store)
        sql = "SELECT sub_event_type, article_ids, fatalities_min FROM events ORDER BY 1, 2"
        return [(sub, sorted(ids), deaths) for sub, ids, deaths in store.conn.execute(sql).fetchall()]


def test_three_differently_worded_reports_of_one_train_hijacking_are_one_abduction(tmp_path: Path) -> None:
    assert stored_events(tmp_path, HIJACKING) == [
        ("Abduction/forced disappearance", sorted(HIJACKING), 12)]


def test_the_next_days_battle_told_by_two_outlets_is_one_battle_apart_from_the_hijacking(tmp_path: Path) -> None:
    assert stored_events(tmp_path, HIJACKING | RESCUE) == [
        ("Abduction/forced disappearance", sorted(HIJACKING), 12), ("Armed clash", sorted(RESCUE), 20)]
