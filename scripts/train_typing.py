"""Rebuild the typing model artefact from the data it names (``make train``).

usage: python scripts/train_typing.py [--shared ../shared] [--out src/eventscope/data/typing_model.npz]

Reads ACLED rows (``eval/acled/dev.jsonl``), TimeBank/AQUAINT news
(``eval/time/tbaq``) and the codebook templates shipped in the package; with
``--sources`` also the tune parts of the CASE snippets (``eval/case/dev.tsv``) and
of the annotated articles (``eval/articles/*``). Each corpus's check part (by a
stable hash of its id, ``corpus.is_held_out``) is kept out of training; prints the
model's accuracy and macro-F1 on the held-out ACLED rows,
cross-validated figures on the training rows and the calibration of the
out-of-fold probabilities; writes one ``.npz``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
from pathlib import Path

import numpy as np

from eventscope.events.model import artefact, calibration, corpus, train
from eventscope.events.model.artefact import softmax

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src" / "eventscope" / "data" / "typing_model.npz"


# the shipped model's sources: adding CASE snippets or article sentences raised the tune figures
# and lowered or left the check figures of the pipeline (README, 'Event typing')
DEFAULT_SOURCES = ("acled", "template", "timebank")
SOURCES = ("acled", "case", "article", "template", "timebank")


def examples(shared: Path, sources: tuple[str, ...] = DEFAULT_SOURCES) -> list[corpus.Example]:
    """Every example of the named sources, check parts included (the caller leaves them out)."""
    ev, tbaq = shared / "eval", shared / "eval" / "time" / "tbaq"
    readers = {
        "acled": lambda: corpus.acled_examples(ev / "acled" / "dev.jsonl"),
        "case": lambda: corpus.case_examples(ev / "case" / "dev.tsv"),
        "article": lambda: [e for f in ("voa", "wikinews") for e in corpus.article_examples(ev / "articles" / f)],
        "template": corpus.template_examples,
        "timebank": lambda: corpus.timebank_examples([tbaq / "TimeBank", tbaq / "AQUAINT"]),
    }
    return [e for source in sources for e in readers[source]()]


def macro_f1(gold: list[str], pred: list[str]) -> float:
    scores = []
    for label in sorted(set(gold)):
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, pred, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def scores(gold: list[str], guess: list[str], conf: list[float]) -> tuple[float, float, float]:
    """Accuracy, macro-F1 and expected calibration error of guesses made with these confidences."""
    right = [g == p for g, p in zip(gold, guess, strict=True)]
    return sum(right) / len(right), macro_f1(gold, guess), calibration.expected_calibration_error(conf, right)


def held_out_report(model: artefact.LinearTyper, held: list[corpus.Example]) -> None:
    """The final model on the ACLED rows it never saw (the honest figure to publish)."""
    held = [e for e in held if e.source == "acled"]
    if not held:
        return
    probs = [model.proba(e.text) for e in held]
    guess = [model.classes[int(p.argmax())] for p in probs]
    acc, macro, ece = scores([e.label for e in held], guess, [float(p.max()) for p in probs])
    print(f"held-out ACLED rows {len(held)} (1 in {corpus.HELD_OUT_EVERY}, not trained on): "
          f"accuracy {acc:.3f}, macro-F1 {macro:.3f}, ECE {ece:.3f}")


def report(fit: train.Fit, data: list[corpus.Example]) -> None:
    """Cross-validated accuracy / macro-F1 on the ACLED rows and out-of-fold calibration."""
    classes = fit.model.classes
    probs = np.array([softmax(z / fit.model.temperature) for z in fit.oof_logits])
    acled = [i for i, e in enumerate(data) if e.source == "acled"]
    gold = [data[i].label for i in acled]
    guess = [classes[int(probs[i].argmax())] for i in acled]
    conf = [float(probs[i].max()) for i in acled]
    acc, macro, ece = scores(gold, guess, conf)
    print(f"ACLED training rows {len(acled)}: {train.FOLDS}-fold CV accuracy {acc:.3f}, macro-F1 {macro:.3f}")
    print(f"temperature {fit.model.temperature}; out-of-fold ECE on ACLED rows {ece:.3f}")
    right = [g == p for g, p in zip(gold, guess, strict=True)]
    print(calibration.format_table(calibration.reliability(conf, right)))


def leakage(shared: Path) -> None:
    """Templates sharing a 5-word sequence with a CASE dev snippet (they should be general phrasings)."""
    dev = shared / "eval" / "case" / "dev.tsv"
    if not dev.exists():
        return
    with dev.open(encoding="utf-8", newline="") as handle:
        snippets = [row["EventSnippet"] for row in csv.DictReader(handle, delimiter="\t")]
    shared_with_dev = corpus.shared_phrases(snippets)
    print(f"templates sharing a 5-word phrase with CASE dev snippets: {len(shared_with_dev)}")
    for template, phrase in shared_with_dev:
        print(f"  '{phrase}' in: {template}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--no-cv", action="store_true", help="skip cross-validation (temperature 1)")
    parser.add_argument("--sources", default=",".join(DEFAULT_SOURCES),
                        help=f"comma-separated training sources among {', '.join(SOURCES)}")
    args = parser.parse_args()
    sources = tuple(s for s in args.sources.split(",") if s)
    if unknown := set(sources) - set(SOURCES):
        parser.error(f"unknown sources: {', '.join(sorted(unknown))}")
    everything = examples(args.shared, sources)
    held = [e for e in everything if corpus.is_held_out(e)]
    data = [e for e in everything if not corpus.is_held_out(e)]
    leakage(args.shared)
    counts = ", ".join(f"{s} {sum(e.source == s for e in data)}" for s in sources)
    print(f"training examples: {len(data)} ({counts}); held-out check-part examples: {len(held)}")
    fit = train.fit(data, cross_validate=not args.no_cv)
    held_out_report(fit.model, held)
    if not args.no_cv:
        report(fit, data)
    artefact.save(fit.model, args.out)
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()[:16]
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {len(fit.model.vocabulary)} features, "
          f"sha256 {digest})")


if __name__ == "__main__":
    main()
