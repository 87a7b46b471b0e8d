"""Re-pin the golden output of the seed article (do it on purpose, and say why in the commit)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

out = subprocess.run([sys.executable, "-m", "eventscope", "extract", "--format", "jsonl",
                      str(ROOT / "examples/palmyra-2017-03-02.txt")], check=True, capture_output=True, text=True)
(ROOT / "tests/golden/palmyra-2017-03-02.jsonl").write_text(out.stdout, encoding="utf-8")
print(f"pinned {len(out.stdout.splitlines())} events")
