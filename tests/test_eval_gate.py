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
    assert evalmod.gate({"seed": {"precision": 0.8, "recall": 0.9}}, {"seed": "abc"}) == []


def test_gate_fails_below_a_floor(evalmod) -> None:  # type: ignore[no-untyped-def]
    failures = evalmod.gate({"seed": {"precision": 0.79, "recall": 0.9}}, {"seed": "abc"})
    assert failures == ["seed.precision = 0.79 < floor 0.8"]


def test_gate_fails_on_a_changed_corpus_or_a_missing_figure(evalmod) -> None:  # type: ignore[no-untyped-def]
    failures = evalmod.gate({"seed": {"precision": 0.9}}, {"seed": "zzz"})
    assert any("digest" in f for f in failures) and any("recall = None" in f for f in failures)


def test_pinned_floors_name_only_known_suites_and_metrics() -> None:
    pinned = json.loads((ROOT / "benchmarks" / "eval_floors.json").read_text())
    assert pinned
    module = load_script()
    suites = {s.name: s for s in module.SUITES}
    for name, floors in pinned.items():
        assert name in suites
        assert {m for m in floors if not m.startswith("_")} <= set(suites[name].metrics)
