"""Timings that were once asserted in tests, printed as a table: python -P benchmarks/timings.py

- the qualified-place chain finder over a run of capitals with no bracket (1k, 2k, 4k repetitions: linear
  time keeps ms per 1k repetitions flat);
- loading the typing model's artefact (first and median of five loads).
"""

from __future__ import annotations

import os
import time


def _ms(call: object, *args: object) -> float:
    start = time.perf_counter()
    call(*args)  # type: ignore[operator]
    return 1000 * (time.perf_counter() - start)


def main() -> None:
    from eventscope.events import classify as ty
    from eventscope.events.model import artefact
    from eventscope.places.qualified import chains

    print("load " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    print(f"{'measure':48} {'ms':>9} {'ms per 1k':>10}")
    for k in (1000, 2000, 4000):
        text = "A-B C D E F G H I J K L M N O P Q R S T U V W X Y Z " * k
        ms = _ms(lambda t: list(chains(t)), text)
        print(f"{f'capital run without a bracket, {k} repetitions':48} {ms:>9.1f} {ms * 1000 / k:>10.1f}")
    loads = [_ms(artefact.load, ty.MODEL_PATH) for _ in range(5)]
    print(f"{'typing artefact load, first':48} {loads[0]:>9.1f}")
    print(f"{'typing artefact load, median of 5':48} {sorted(loads)[2]:>9.1f}")


if __name__ == "__main__":
    main()
