"""scripts/eval.py: the gate fails below a pinned floor or on a changed corpus, and never without floors."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eventscope_eval_script", ROOT / "scripts" / "eval.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def evalmod(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    module = load_script()
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"seed": {"_digest": "abc", "precision": 0.8, "recall": 0.85}}))
    monkeypatch.setattr(module, "FLOORS", floors)
    return module


def test_gate_passes_at_or_above_every_floor(evalmod) -> None:  # type: ignore[no-untyped-def]
    assert evalmod.gate({"seed": {"all": {"precision": 0.8, "recall": 0.9}}}, {"seed": "abc"}) == []


def test_gate_fails_below_a_floor_beyond_its_epsilon(evalmod) -> None:  # type: ignore[no-untyped-def]
    within = evalmod.gate({"seed": {"all": {"precision": 0.799, "recall": 0.9}}}, {"seed": "abc"})
    failures = evalmod.gate({"seed": {"all": {"precision": 0.79, "recall": 0.9}}}, {"seed": "abc"})
    assert within == [] and failures == ["seed.all.precision = 0.79 < floor 0.8"]


def test_gate_fails_on_a_changed_corpus_or_a_missing_figure(evalmod) -> None:  # type: ignore[no-untyped-def]
    failures = evalmod.gate({"seed": {"all": {"precision": 0.9}}}, {"seed": "zzz"})
    assert any("digest" in f for f in failures) and any("recall = None" in f for f in failures)


def test_gate_reads_the_check_part_not_the_tune_part(evalmod) -> None:  # type: ignore[no-untyped-def]
    evalmod.FLOORS.write_text(json.dumps({"case": {"accuracy": 0.8}}))
    results = {"case": {"tune": {"accuracy": 0.95}, "check": {"accuracy": 0.7}}}
    assert evalmod.gate(results, {"case": "x"}) == ["case.check.accuracy = 0.7 < floor 0.8"]


def test_events_on_no_event_articles_is_a_ceiling(evalmod) -> None:  # type: ignore[no-untyped-def]
    evalmod.FLOORS.write_text(json.dumps({"voa": {"events_on_no_event_articles": 1}}))
    results = {"voa": {"tune": {}, "check": {"events_on_no_event_articles": 3}}}
    assert evalmod.gate(results, {"voa": "x"}) == ["voa.check.events_on_no_event_articles = 3 > ceiling 1"]


def test_pin_raises_floors_and_lowers_them_only_when_allowed(evalmod) -> None:  # type: ignore[no-untyped-def]
    evalmod.pin({"seed": {"all": {"precision": 0.7, "recall": 0.9}}}, {"seed": "abc"}, lower=False)
    raised = json.loads(evalmod.FLOORS.read_text())["seed"]
    evalmod.pin({"seed": {"all": {"precision": 0.7, "recall": 0.9}}}, {"seed": "abc"}, lower=True)
    lowered = json.loads(evalmod.FLOORS.read_text())["seed"]
    assert (raised["precision"], raised["recall"], lowered["precision"]) == (0.8, 0.9, 0.7)


def test_articles_divide_by_a_stable_hash_of_their_id(tmp_path: Path) -> None:
    module = load_script()
    corpus = tmp_path / "corpus"
    (corpus / "gold").mkdir(parents=True)
    ids = [f"a{i}" for i in range(40)]
    (corpus / "articles.jsonl").write_text("".join(json.dumps({"id": i, "text": "x"}) + "\n" for i in ids))
    for i in ids:
        (corpus / "gold" / f"{i}.gold.json").write_text("{}")
    parts = module._article_parts(corpus, tmp_path / "out")
    check = [json.loads(line)["id"] for line in (parts["check"] / "articles.jsonl").read_text().splitlines()]
    tune = (parts["tune"] / "articles.jsonl").read_text().count("\n")
    assert check == [i for i in ids if module.in_check_part(i)] and 0 < len(check) < 20
    assert len(check) + tune == 40
    assert sorted(p.name for p in (parts["check"] / "gold").iterdir()) == sorted(f"{i}.gold.json" for i in check)


def test_pinned_floors_name_only_known_suites_and_metrics() -> None:
    pinned = json.loads((ROOT / "benchmarks" / "eval_floors.json").read_text())
    assert pinned
    module = load_script()
    suites = {s.name: s for s in module.SUITES}
    for name, floors in pinned.items():
        assert name in suites
        assert {m for m in floors if not m.startswith("_")} <= set(suites[name].metrics)
