"""The wording of a report: copies of one wire story tell an event in the same sentences.

Syndicated news is the commonest duplicate there is: the same agency story on
many sites, word for word.  Each evidence sentence of a mention is reduced to a
key (lower-case letters and digits, md5, first 16 hex digits); two mentions that
share a key tell the event in the same words.  Short sentences ("There were no
fatalities.") are said of many events and make no key.  The store computes the
same key in SQL for files written before keys were kept (schema migration 5).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

MIN_WORDS = 8  # a sentence this long is one report's wording, not a stock phrase
KEY_HEX = 16  # hex digits of md5 kept: 64 bits
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def normal_wording(text: str) -> str:
    """Lower-case letters and digits, single spaces (as ``regexp_replace(lower(t), '[^a-z0-9]+', ' ', 'g')``)."""
    return _NOT_WORD.sub(" ", text.lower()).strip()


def wording_keys(sentences: Iterable[str]) -> tuple[str, ...]:
    """The sorted, distinct keys of the sentences long enough to tell one report."""
    keys = set()
    for sentence in sentences:
        words = normal_wording(sentence)
        if len(words.split(" ")) >= MIN_WORDS:
            keys.add(hashlib.md5(words.encode("utf-8"), usedforsecurity=False).hexdigest()[:KEY_HEX])
    return tuple(sorted(keys))
