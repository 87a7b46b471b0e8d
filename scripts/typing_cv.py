"""Cross-validation of the typing stage THROUGH THE PIPELINE on the tune parts of ACLED and CASE.

    python scripts/typing_cv.py --shared ../shared [--sources acled,template,timebank] [--balance 0.5]
                                [--set decide.MODEL_SURE=0.97 --set typing.RULE_BOOST=3]

The tune rows of ACLED and CASE are divided into FOLDS folds by a stable hash of their id; a model is
trained per fold without that fold's tune rows (check parts are never read: ``corpus.is_held_out``), all
fold models sharing the temperature that fits their out-of-fold logits. Every tune row is then run through
the whole pipeline with the model that did not see it, and scored by the shared scorers, so that a prior,
threshold or recipe is chosen on honest tune figures before the check parts are looked at (``scripts/eval.py``).
Prints model-only out-of-fold accuracy / macro-F1 and the pipeline's figures.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import importlib.util
import json
import subprocess
import sys
import tempfile
import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from eventscope import nlp
from eventscope.actors import ActorDictionary
from eventscope.events.classify import EventTyper
from eventscope.events.model import corpus, train
from eventscope.events.model.artefact import LinearTyper, softmax
from eventscope.ingest.readers import read_inputs
from eventscope.pipeline import Pipeline, analyse_doc
from eventscope.places import Gazetteer
from eventscope.records import Article
from eventscope.serialize import dumps, event_record

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_typing import examples, macro_f1  # noqa: E402

_spec = importlib.util.spec_from_file_location("eval_script", Path(__file__).resolve().parent / "eval.py")
assert _spec is not None and _spec.loader is not None
evaluation = importlib.util.module_from_spec(_spec)
sys.modules["eval_script"] = evaluation
_spec.loader.exec_module(evaluation)

FOLDS = 5
KEYED = ("acled", "case")  # the dev corpora whose tune rows are scored (and so kept out of their fold's model)
SUITES = ("acled", "case")
FIGURES = {"acled": ("sub_event_type", "sub_event_type_macro_f1"), "case": ("accuracy", "weighted_f1_acled25")}
TEMPERATURES = (0.1, 0.2, *train.TEMPERATURES)  # margins of other linear models are smaller than LR's


def fold(key: str) -> int:
    return int.from_bytes(hashlib.sha256(("fold:" + key).encode()).digest()[:8], "big") % FOLDS


def fit_plain(data: Sequence[corpus.Example]) -> LinearTyper:
    """train.fit's vectoriser and classifier, without its own cross-validation (temperature 1)."""
    vec = train._vectorizer()
    clf = LogisticRegression(C=train.C, max_iter=3000, tol=1e-6)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        clf.fit(vec.fit_transform([e.text for e in data]), [e.label for e in data],
                sample_weight=train.sample_weights(data))
    return LinearTyper(tuple(str(c) for c in clf.classes_), {str(t): int(i) for t, i in vec.vocabulary_.items()},
                       np.asarray(vec.idf_, dtype=np.float64), np.asarray(clf.coef_, dtype=np.float64),
                       np.asarray(clf.intercept_, dtype=np.float64), 1.0)


def fold_models(data: Sequence[corpus.Example]) -> list[LinearTyper]:
    """One model per fold, without that fold's scored tune rows; one shared out-of-fold temperature."""
    models, held = [], []
    for k in range(FOLDS):
        model = fit_plain([e for e in data if not (e.source in KEYED and fold(e.key) == k)])
        models.append(model)
        held.extend((e, model.logits(e.text), model) for e in data if e.source in KEYED and fold(e.key) == k)

    def nll(t: float) -> float:
        return -sum(float(np.log(softmax(z / t)[m.classes.index(e.label)] + 1e-12)) if e.label in m.classes
                    else -27.6 for e, z, m in held) / len(held)

    temperature = min(TEMPERATURES, key=nll)
    for source in KEYED:
        rows = [(e.label, m.classes[int(np.argmax(z))]) for e, z, m in held if e.source == source]
        if rows:
            gold, guess = [g for g, _ in rows], [p for _, p in rows]
            accuracy = sum(g == p for g, p in rows) / len(rows)
            print(f"model alone, out of fold, {source} tune ({len(rows)}): accuracy {accuracy:.3f}, "
                  f"macro-F1 {macro_f1(gold, guess):.3f}; temperature {temperature}")
    return [LinearTyper(m.classes, m.vocabulary, m.idf, m.coef, m.intercept, temperature) for m in models]


def tune_articles(shared: Path, suite_name: str, work: Path) -> tuple[Path, list[Article]]:
    """The suite's tune part (as scripts/eval.py divides it) and its articles."""
    suite = next(s for s in evaluation.SUITES if s.name == suite_name)
    part = evaluation.split(suite, shared / "eval" / suite.corpus, work)["tune"]
    path = work / f"{suite_name}.articles.jsonl"
    evaluation.run_to([sys.executable, str(shared / "eval" / suite.scorer), "--input", str(part)], path)
    return part, [a for a in read_inputs([str(path)]) if isinstance(a, Article)]


def score(shared: Path, suite_name: str, models: list[LinearTyper], work: Path) -> dict[str, float]:
    part, articles = tune_articles(shared, suite_name, work)
    gazetteer, dictionary = Gazetteer.default(), ActorDictionary.default()
    pipelines = [Pipeline(gazetteer, dictionary, EventTyper(m)) for m in models]
    pred = work / f"{suite_name}.pred.jsonl"
    with pred.open("w", encoding="utf-8") as sink:
        docs = nlp.load().pipe((a.nlp_text for a in articles), batch_size=nlp.BATCH_SIZE)
        for doc, article in zip(docs, articles, strict=True):
            try:
                events = analyse_doc(doc, article, pipelines[fold(article.article_id)]).events
            except Exception:  # noqa: BLE001 - as Pipeline.analyse: a failed article has no events
                continue
            sink.write("".join(dumps(event_record(e)) + "\n" for e in events))
    scorer = shared / "eval" / next(s for s in evaluation.SUITES if s.name == suite_name).scorer
    report = subprocess.run([sys.executable, str(scorer), str(part), str(pred)], check=True,
                            capture_output=True, text=True).stdout
    return dict(json.loads(report.strip().splitlines()[-1]))


def override(settings: Sequence[str]) -> None:
    """``module.NAME=value`` under eventscope.events (``decide.MODEL_SURE=0.95``), for this run only."""
    for item in settings:
        target, _, value = item.partition("=")
        module, _, name = target.rpartition(".")
        mod = importlib.import_module(f"eventscope.events.{module}")
        if not hasattr(mod, name):
            raise SystemExit(f"no {name} in eventscope.events.{module}")
        setattr(mod, name, float(value))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--sources", default="acled,template,timebank")
    parser.add_argument("--balance", type=float, default=train.BALANCE, help="train.BALANCE for this run")
    parser.add_argument("--set", action="append", default=[], help="module.NAME=value under eventscope.events")
    args = parser.parse_args()
    train.BALANCE = args.balance  # type: ignore[misc]
    override(args.set)
    data = [e for e in examples(args.shared, tuple(args.sources.split(","))) if not corpus.is_held_out(e)]
    models = fold_models(data)
    with tempfile.TemporaryDirectory() as tmp:
        for suite in SUITES:
            figures = score(args.shared, suite, models, Path(tmp) / suite)
            print(f"pipeline, {suite} tune: " + ", ".join(f"{k} {figures.get(k)}" for k in FIGURES[suite]))


if __name__ == "__main__":
    main()
