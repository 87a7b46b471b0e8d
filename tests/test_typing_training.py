"""Training is reproducible: same examples, same artefact; corpus building is deterministic."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from eventscope.events.model import artefact, calibration, corpus, train
from eventscope.events.rules import EVENT_TYPE_OF


def test_templates_cover_every_sub_event_type_and_no_event() -> None:
    examples = corpus.template_examples()
    assert {e.label for e in examples} == set(EVENT_TYPE_OF) | {corpus.NONE}
    assert examples == corpus.template_examples()
    assert all("{" not in e.text for e in examples)


def test_negatives_exclude_conflict_sentences() -> None:
    assert corpus.is_safe_negative("The company said profits rose sharply in the third quarter of the year.")
    assert not corpus.is_safe_negative("Gunmen killed three villagers in the north of the country on Monday.")
    assert not corpus.is_safe_negative("Troops were sent to the capital as unrest grew in the region.")


@pytest.mark.slow  # about 18 s (make test-all runs it)
def test_fit_is_deterministic_and_round_trips(tmp_path: Path) -> None:
    examples = corpus.template_examples(per_template=1)
    a = train.fit(examples, cross_validate=False).model
    b = train.fit(examples, cross_validate=False).model
    assert np.array_equal(a.coef, b.coef)
    artefact.save(a, tmp_path / "a.npz")
    artefact.save(b, tmp_path / "b.npz")
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()
    loaded = artefact.load(tmp_path / "a.npz")
    text = "Police fired tear gas at demonstrators."
    assert np.allclose(loaded.proba(text), a.proba(text), atol=1e-5)


def test_fit_gives_the_same_coefficients_whatever_thread_count_the_caller_allows() -> None:
    examples = corpus.template_examples(per_template=1)
    with threadpool_limits(limits=2):
        two = train.fit(examples, cross_validate=False).model
    with threadpool_limits(limits=1):
        one = train.fit(examples, cross_validate=False).model
    assert np.array_equal(two.coef, one.coef) and np.array_equal(two.intercept, one.intercept)


def test_expected_calibration_error() -> None:
    assert calibration.expected_calibration_error([0.9] * 10, [True] * 9 + [False]) < 1e-9
    assert abs(calibration.expected_calibration_error([1.0, 1.0], [False, False]) - 1.0) < 1e-9


def test_leakage_check_finds_templates_that_copy_a_snippet(tmp_path: Path) -> None:
    spec = tmp_path / "t.yaml"
    spec.write_text('slots: {X: [a]}\nclasses:\n  Grenade:\n    - "{X} lobbed a grenade at the old police post today"\n'
                    '  NONE:\n    - "The bank raised rates"\n', encoding="utf-8")
    snippet = "Yesterday men lobbed a grenade at the old police post, wounding two."
    assert corpus.shared_phrases([snippet], spec) == [
        ("{X} lobbed a grenade at the old police post today", "a grenade at the old")]
    assert corpus.shared_phrases(["Nothing alike here at all."], spec) == []


def test_a_stable_fifth_of_the_acled_rows_is_held_out() -> None:
    rows = [corpus.Example("notes", "Armed clash", "acled", f"XYZ{i}") for i in range(1000)]
    held = [e.key for e in rows if corpus.is_held_out(e)]
    assert 150 <= len(held) <= 250
    assert held[:3] == ["XYZ5", "XYZ8", "XYZ13"]  # pinned: the same rows in every process and version
    assert not corpus.is_held_out(corpus.Example("notes", "Armed clash", "template", "XYZ0"))


def test_case_snippets_take_acled_sub_types_and_other_codes_are_no_event(tmp_path: Path) -> None:
    tsv = tmp_path / "dev.tsv"
    tsv.write_text("id\tEventSnippet\tSubType\n"
                   "7\tJets bombed a depot near the river, killing four.\tAIR_STRIKE\n"
                   "8\tA cyclone flattened fishing huts along the coast.\tNATURAL_DISASTER\n", encoding="utf-8")
    examples = corpus.case_examples(tsv)
    assert [(e.label, e.source, e.key) for e in examples] == [
        ("Air/drone strike", "case", "7"), (corpus.NONE, "case", "8")]
    assert set(corpus.CASE_CODES.values()) == set(EVENT_TYPE_OF)


def _article(folder: Path, art_id: str, text: str, events: list[dict[str, object]]) -> None:
    (folder / "gold").mkdir(parents=True, exist_ok=True)
    with (folder / "articles.jsonl").open("a", encoding="utf-8") as sink:
        sink.write(json.dumps({"id": art_id, "text": text}) + "\n")
    (folder / "gold" / f"{art_id}.gold.json").write_text(json.dumps({"events": events}), encoding="utf-8")


def test_article_sentences_carry_the_gold_sub_type_or_no_event(tmp_path: Path) -> None:
    _article(tmp_path, "a1", "The minister spoke at length on Monday. Rebels stormed a border post at dawn and "
             "held it for hours. Talks resume next week, officials said.",
             [{"types": ["Battles/Armed clash"], "evidence": "stormed a border post"},
              {"types": ["Battles/Armed clash", "Violence against civilians/Attack"], "evidence": "held it"}])
    _article(tmp_path, "a2", "The central bank kept its main rate unchanged for a third month. Exports rose "
             "faster than analysts had expected in the spring.", [])
    examples = corpus.article_examples(tmp_path)
    assert [(e.label, e.key) for e in examples] == [("Armed clash", "a1"), (corpus.NONE, "a2"), (corpus.NONE, "a2")]
    assert examples[0].text == "Rebels stormed a border post at dawn and held it for hours."
