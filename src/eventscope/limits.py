"""The limits on one input, as settings: (name, default, help); an environment variable of that name wins."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limit:
    name: str
    default: int
    help: str

    @property
    def value(self) -> int:
        """The environment's value when it is a positive integer, else the default."""
        given = os.environ.get(self.name, "")
        return int(given) if given.isdigit() and int(given) > 0 else self.default


MAX_BYTES = Limit("EVENTSCOPE_MAX_BYTES", 10_000_000,
                  "bytes read of one file, page or record; a larger one is refused (E004)")
MAX_CHARS = Limit("EVENTSCOPE_MAX_CHARS", 400_000,
                  "characters of one article analysed (spaCy takes 1.9 GB for 600k); the rest is reported (W015)")
MAX_SENTENCE_TOKENS = Limit("EVENTSCOPE_MAX_SENTENCE_TOKENS", 150,
                            "tokens of one sentence; a longer run-on is split at clause boundaries before parsing")
LIMITS = (MAX_BYTES, MAX_CHARS, MAX_SENTENCE_TOKENS)
