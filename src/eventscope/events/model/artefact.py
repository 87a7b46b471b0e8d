"""The trained typing model as a small, versioned artefact (one ``.npz``).

A linear model over TF-IDF features with a temperature for calibration. Scoring
needs only numpy: no scikit-learn import at run time.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from .features import analyze

Floats = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class LinearTyper:
    """Classes (ACLED sub-event types and ``NONE``) scored by a calibrated linear model."""

    classes: tuple[str, ...]
    vocabulary: dict[str, int]
    idf: Floats
    coef: Floats  # (n_classes, n_features)
    intercept: Floats
    temperature: float

    def vectorize(self, text: str) -> tuple[list[int], Floats]:
        """Sparse TF-IDF vector (sublinear tf, l2-normalised) as (indices, values)."""
        counts = Counter(t for t in analyze(text) if t in self.vocabulary)
        index = [self.vocabulary[t] for t in sorted(counts)]
        values = np.array([(1.0 + math.log(counts[t])) for t in sorted(counts)], dtype=np.float64)
        values = values * self.idf[index]
        norm = float(np.linalg.norm(values))
        return index, values / norm if norm > 0 else values

    def logits(self, text: str) -> Floats:
        index, values = self.vectorize(text)
        return self.coef[:, index] @ values + self.intercept

    def proba(self, text: str) -> Floats:
        """Calibrated class probabilities, in the order of ``classes``."""
        return softmax(self.logits(text) / self.temperature)


def softmax(z: Floats) -> Floats:
    e = np.exp(z - z.max())
    return e / e.sum()


def save(model: LinearTyper, path: Path) -> None:
    terms = sorted(model.vocabulary, key=model.vocabulary.__getitem__)
    with path.open("wb") as handle:
        np.savez_compressed(
            handle, classes=np.array(model.classes), terms=np.array(terms),
            idf=model.idf.astype(np.float32), coef=model.coef.astype(np.float32),
            intercept=model.intercept.astype(np.float32), temperature=np.array([model.temperature]),
        )


def load(path: Path) -> LinearTyper:
    with np.load(path, allow_pickle=False) as data:
        terms = [str(t) for t in data["terms"]]
        return LinearTyper(
            classes=tuple(str(c) for c in data["classes"]),
            vocabulary={t: i for i, t in enumerate(terms)},
            idf=data["idf"].astype(np.float64), coef=data["coef"].astype(np.float64),
            intercept=data["intercept"].astype(np.float64), temperature=float(data["temperature"][0]),
        )
