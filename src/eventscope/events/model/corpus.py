"""Training examples for the typing model, read from the data a training run names.

Three sources, each an ``Example``: ACLED rows (notes -> sub-event type), news-style
sentences expanded from ``data/typing_templates.yaml`` (written from ACLED's
codebook), and non-conflict news sentences from TimeBank (label ``NONE``).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import yaml

from .. import lexicon as lx
from .features import WORD, stem

NONE: Final = "NONE"
HELD_OUT_EVERY: Final = 5  # one ACLED row in five (by a stable hash of its id) is kept out of training
TEMPLATES: Final = Path(__file__).resolve().parents[2] / "data" / "typing_templates.yaml"
_SLOT: Final = re.compile(r"\{([A-Z]+)\}")
_TAG: Final = re.compile(r"<[^>]+>")

# words that make a sentence unsafe as a "no conflict event" example
CONFLICTWORDS: Final = frozenset(
    set(lx.VERB_TRIGGERS) | set(lx.NOUN_TRIGGERS) | lx.AIR_CUES | lx.SHELL_CUES | lx.IED_CUES
    | lx.SUICIDE_CUES | lx.GRENADE_CUES | lx.FIREARM_CUES | lx.PROTEST_CUES | lx.DEATH_WORDS
    | {"war", "military", "troop", "police", "soldier", "weapon", "rebel", "army", "terrorist", "terrorism",
       "militant", "crime", "criminal", "violence", "violent", "force", "hostage", "prison", "jail",
       "victim", "wounded", "injured", "gunman", "security", "insurgent", "militia", "combat", "invasion",
       "iraq", "iraqi", "bombing", "killed", "died", "dying", "suspect", "charged", "murdered"}
)


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    label: str
    source: str  # "acled", "template" or "timebank"
    key: str = ""  # the ACLED row's id (event_id_cnty)


def acled_examples(path: Path) -> list[Example]:
    """One example per ACLED row: its notes and its sub-event type."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Example(r["notes"], r["sub_event_type"], "acled", str(r.get("event_id_cnty") or ""))
            for r in rows if r.get("notes")]


def in_check_part(key: str) -> bool:
    """The fixed *check* part of every dev corpus: one unit in ``HELD_OUT_EVERY`` by a stable hash of
    its id (ACLED row id, CASE snippet id, article id, TimeML file path). Never trained on, never read
    for errors; ``scripts/eval.py`` gates on it."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % HELD_OUT_EVERY == 0


def is_held_out(example: Example) -> bool:
    """An example from a dev corpus's check part (keyed by its id), kept out of training so that
    the trainer's held-out figures are honest; templates have no key and are always trained on."""
    return bool(example.key) and in_check_part(example.key)


def _fill(template: str, slots: dict[str, list[str]], rng: random.Random) -> str:
    return _SLOT.sub(lambda m: rng.choice(slots[m.group(1)]), template)


def template_examples(path: Path = TEMPLATES, per_template: int = 12, seed: int = 13) -> list[Example]:
    """Each template filled ``per_template`` times with slot fillers from a seeded generator."""
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    out: list[Example] = []
    for label, templates in spec["classes"].items():
        for template in templates:
            texts = {_fill(template, spec["slots"], rng) for _ in range(per_template)}
            out.extend(Example(t, label, "template") for t in sorted(texts))
    return out


def _word_grams(text: str, n: int) -> set[tuple[str, ...]]:
    words = WORD.findall(text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def shared_phrases(snippets: Iterable[str], path: Path = TEMPLATES, n: int = 5) -> list[tuple[str, str]]:
    """(template, phrase) for each template sharing an ``n``-word sequence (slots excluded) with a
    snippet: a leakage check, so that hand-written templates stay general phrasings, not paraphrases."""
    seen: set[tuple[str, ...]] = set().union(*(_word_grams(s, n) for s in snippets))
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: list[tuple[str, str]] = []
    for template in (t for templates in spec["classes"].values() for t in templates):
        pieces = _SLOT.split(template)[::2]  # the text between slots
        hits = sorted({" ".join(g) for piece in pieces for g in _word_grams(piece, n) & seen})
        out.extend((template, h) for h in hits[:1])
    return out


def _sentences(text: str) -> Iterator[str]:
    for chunk in re.split(r"(?<=[.!?])\s+", " ".join(text.split())):
        if 8 <= len(chunk.split()) <= 60:
            yield chunk


def is_safe_negative(sentence: str) -> bool:
    """No trigger, weapon, death or security word anywhere in the sentence."""
    return not {stem(w) for w in WORD.findall(sentence.lower())} & CONFLICTWORDS


def timebank_examples(folders: Iterable[Path], limit: int = 600) -> list[Example]:
    """Non-conflict news sentences from TimeML files, every k-th safe one up to ``limit``; each keyed
    by its file as ``<folder>/<file>.tml`` (the TimeBank suite's id), so check files stay out."""
    safe: list[tuple[str, str]] = []
    for folder in folders:
        for path in sorted(folder.glob("*.tml")):
            key = f"{folder.name}/{path.name}"
            if in_check_part(key):
                continue
            body = path.read_text(encoding="utf-8").split("<TEXT>")[-1]
            safe.extend((s, key) for s in _sentences(_TAG.sub(" ", body)) if is_safe_negative(s))
    step = max(1, len(safe) // limit)
    return [Example(s, NONE, "timebank", key) for s, key in safe[::step][:limit]]
