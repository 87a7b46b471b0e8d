"""Reliability of predicted probabilities: expected calibration error and a table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Bin:
    low: float
    high: float
    count: int
    confidence: float  # mean predicted probability of the chosen class
    accuracy: float  # share of those predictions that were right


def reliability(confidences: Sequence[float], correct: Sequence[bool], bins: int = 10) -> list[Bin]:
    """Predictions grouped by confidence into equal-width bins."""
    out: list[Bin] = []
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        idx = [i for i, c in enumerate(confidences) if low < c <= high or (b == 0 and c == 0.0)]
        if idx:
            conf = sum(confidences[i] for i in idx) / len(idx)
            acc = sum(correct[i] for i in idx) / len(idx)
            out.append(Bin(low, high, len(idx), conf, acc))
    return out


def expected_calibration_error(confidences: Sequence[float], correct: Sequence[bool], bins: int = 10) -> float:
    """Mean |accuracy - confidence| over bins, weighted by bin size."""
    table = reliability(confidences, correct, bins)
    total = sum(b.count for b in table)
    return sum(b.count * abs(b.accuracy - b.confidence) for b in table) / total if total else 0.0


def format_table(table: Sequence[Bin]) -> str:
    lines = ["bin        n     conf   acc"]
    lines += [f"{b.low:.1f}-{b.high:.1f}  {b.count:5d}  {b.confidence:.3f}  {b.accuracy:.3f}" for b in table]
    return "\n".join(lines)
