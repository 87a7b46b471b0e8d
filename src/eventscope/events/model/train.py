"""Fit the typing model: TF-IDF + multinomial logistic regression + temperature.

Deterministic: fixed fold seed, lbfgs, sorted inputs, and the BLAS and OpenMP pools held to
``THREADS`` while fitting. OpenBLAS otherwise runs one thread per core and splits its sums by
thread, so the bytes of the artefact depended on the machine (a two-thread and a one-thread fit
differ by up to 4e-6 in a coefficient). Out-of-fold probabilities give both the cross-validated
figures and the calibration temperature.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from threadpoolctl import threadpool_limits

from .artefact import Floats, LinearTyper, softmax
from .corpus import Example
from .features import analyze

C: Final = 8.0  # inverse regularisation strength
BALANCE: Final = 0.5  # weight = (largest class / class size) ** BALANCE
SOURCE_WEIGHT: Final = {  # news phrasing weighs over notes
    "acled": 1.0, "case": 2.0, "article": 2.0, "template": 4.0, "timebank": 0.5,
}
FOLDS: Final = 5
THREADS: Final = 1  # BLAS / OpenMP threads while fitting: the same bytes on any number of cores
TEMPERATURES: Final = tuple(round(0.3 + 0.05 * i, 2) for i in range(55))


@dataclass(frozen=True, slots=True)
class Fit:
    model: LinearTyper
    oof_logits: Floats  # out-of-fold logits, one row per example
    labels: tuple[str, ...]


def sample_weights(examples: Sequence[Example]) -> Floats:
    counts = Counter(e.label for e in examples)
    top = max(counts.values())
    return np.array([SOURCE_WEIGHT[e.source] * (top / counts[e.label]) ** BALANCE for e in examples])


def _vectorizer() -> TfidfVectorizer:
    return TfidfVectorizer(analyzer=analyze, sublinear_tf=True, min_df=2, dtype=np.float64)


def _fit_linear(x: sparse.csr_matrix, y: Sequence[str], w: Floats) -> LogisticRegression:
    clf = LogisticRegression(C=C, max_iter=3000, tol=1e-6, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        clf.fit(x, list(y), sample_weight=w)
    return clf


def oof_logits(texts: Sequence[str], labels: Sequence[str], w: Floats, classes: Sequence[str]) -> Floats:
    """Logits of each example from a model fit on the other folds."""
    out = np.zeros((len(texts), len(classes)))
    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        splits = list(folds.split(np.zeros(len(labels)), labels))
    for train, test in splits:
        vec = _vectorizer()
        x = vec.fit_transform([texts[i] for i in train])
        clf = _fit_linear(x, [labels[i] for i in train], w[train])
        z = clf.decision_function(vec.transform([texts[i] for i in test]))
        cols = [list(clf.classes_).index(c) if c in clf.classes_ else -1 for c in classes]
        out[np.ix_(test, range(len(classes)))] = np.where(np.array(cols) >= 0, z[:, cols], -30.0)
    return out


def best_temperature(logits: Floats, labels: Sequence[str], classes: Sequence[str]) -> float:
    """The temperature that minimises the out-of-fold negative log-likelihood."""
    gold = np.array([classes.index(y) for y in labels])

    def nll(t: float) -> float:
        p = np.array([softmax(row / t) for row in logits])
        return float(-np.log(p[np.arange(len(gold)), gold] + 1e-12).mean())

    return min(TEMPERATURES, key=nll)


def fit(examples: Sequence[Example], cross_validate: bool = True) -> Fit:
    """Train on all examples; calibrate the temperature on out-of-fold logits."""
    with threadpool_limits(limits=THREADS):
        return _fit(examples, cross_validate)


def _fit(examples: Sequence[Example], cross_validate: bool) -> Fit:
    texts = [e.text for e in examples]
    labels = tuple(e.label for e in examples)
    w = sample_weights(examples)
    vec = _vectorizer()
    clf = _fit_linear(vec.fit_transform(texts), labels, w)
    classes = tuple(str(c) for c in clf.classes_)
    oof = oof_logits(texts, labels, w, classes) if cross_validate else np.zeros((0, len(classes)))
    temperature = best_temperature(oof, labels, classes) if cross_validate else 1.0
    model = LinearTyper(
        classes=classes, vocabulary={str(t): int(i) for t, i in vec.vocabulary_.items()},
        idf=np.asarray(vec.idf_, dtype=np.float64), coef=np.asarray(clf.coef_, dtype=np.float64),
        intercept=np.asarray(clf.intercept_, dtype=np.float64), temperature=temperature,
    )
    return Fit(model, oof, labels)
