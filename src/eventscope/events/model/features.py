"""Text -> sparse features for the typing model (shared by training and inference).

Word stems, stem bigrams and cue-group tokens (``__air``, ``__grenade`` ...) taken
from the trigger lexicon, so that warplane, jet and helicopter share evidence.
ACLED notes' bookkeeping (dates, ``[size=...]``, admin names in parentheses) is
removed so the model learns the event, not the note format.
"""

from __future__ import annotations

import re
from typing import Final

from .. import lexicon as lx

_BRACKETS: Final = re.compile(r"\[[^\]]*\]|\([^)]*\)")
_MONTHS: Final = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|december)\b"
)
WORD: Final = re.compile(r"[a-z]+(?:-[a-z]+)*")

CUE_GROUPS: Final[dict[str, frozenset[str]]] = {
    "__air": lx.AIR_CUES, "__shell": lx.SHELL_CUES, "__ied": lx.IED_CUES,
    "__suicide": lx.SUICIDE_CUES, "__grenade": lx.GRENADE_CUES, "__chemical": lx.CHEMICAL_CUES,
    "__firearm": lx.FIREARM_CUES, "__civilian": lx.CIVILIAN_CUES, "__protest": lx.PROTEST_CUES,
    "__intervention": lx.INTERVENTION_CUES, "__territory": lx.TERRITORY_CUES, "__death": lx.DEATH_WORDS,
}
_CUE_OF: Final[dict[str, tuple[str, ...]]] = {}
for _name, _words in CUE_GROUPS.items():
    for _w in _words:
        _CUE_OF[_w] = (*_CUE_OF.get(_w, ()), _name)


def clean(text: str) -> str:
    """Lower-case text without bracketed asides and month names."""
    return _MONTHS.sub(" ", _BRACKETS.sub(" ", text.lower()))


def stem(word: str) -> str:
    """A crude, deterministic singular: 'strikes' -> 'strike', 'militias' stays."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def analyze(text: str) -> list[str]:
    """The feature tokens of a text: stems, stem bigrams, cue groups."""
    stems = [stem(w) for w in WORD.findall(clean(text))]
    tokens = list(stems)
    tokens.extend(f"{a} {b}" for a, b in zip(stems, stems[1:], strict=False))
    for s in stems:
        tokens.extend(_CUE_OF.get(s, ()))
    return tokens
