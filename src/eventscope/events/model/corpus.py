"""Training examples for the typing model, read from the data a training run names.

Five sources, each an ``Example``: ACLED rows (notes -> sub-event type), CASE 2021
snippets (news phrasing, their codes mapped to ACLED's sub-types or ``NONE``), the
sentences of hand-annotated dev articles (a gold event's evidence sentence -> its
sub-type; sentences of articles without events -> ``NONE``), news-style sentences
expanded from ``data/typing_templates.yaml`` (written from ACLED's codebook), and
non-conflict news sentences from TimeBank (label ``NONE``). Every dev corpus's
check part (``in_check_part`` of its id) is left out by the caller.
"""

from __future__ import annotations

import csv
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
    source: str  # "acled", "case", "article", "template" or "timebank"
    key: str = ""  # the unit's id in its dev corpus (ACLED event_id_cnty, CASE id, article id, TimeML path)


def acled_examples(path: Path) -> list[Example]:
    """One example per ACLED row: its notes and its sub-event type."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Example(r["notes"], r["sub_event_type"], "acled", str(r.get("event_id_cnty") or ""))
            for r in rows if r.get("notes")]


# CASE 2021 task 2 codes -> ACLED sub-event types; the other codes (disasters, diplomacy, crime,
# attributions) are no conflict event
CASE_CODES: Final = {
    "ARMED_CLASH": "Armed clash", "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "CHEM_WEAP": "Chemical weapon", "AIR_STRIKE": "Air/drone strike", "SUIC_BOMB": "Suicide bomb",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack", "REM_EXPLOS": "Remote explosive/landmine/IED",
    "GRENADE": "Grenade", "PEACE_PROTEST": "Peaceful protest", "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters", "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence", "AGREEMENT": "Agreement", "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity", "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established", "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory", "OTHER": "Other",
    "SEX_VIOL": "Sexual violence", "ATTACK": "Attack", "ABDUCT_DISSAP": "Abduction/forced disappearance",
}


def case_examples(path: Path) -> list[Example]:
    """One example per CASE snippet (``id``, ``EventSnippet``, ``SubType`` columns), keyed by its id."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [Example(r["EventSnippet"], CASE_CODES.get(r["SubType"], NONE), "case", str(r["id"]))
            for r in rows if r.get("EventSnippet")]


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


def _article_sentences(text: str) -> list[str]:
    return [c for c in re.split(r"(?<=[.!?”\"])\s+", " ".join(text.split())) if len(c.split()) >= 4]


def _gold_subtype(types: list[str]) -> str | None:
    """The one sub-event type a gold event accepts ('Riots/Mob violence'), None when it accepts several."""
    subs = {sub for t in types for sub in CASE_CODES.values() if t.endswith("/" + sub)}
    return subs.pop() if len(subs) == 1 else None


def _evidence_sentence(sentences: list[str], evidence: str) -> str:
    """The sentence holding an evidence phrase (the phrase itself when it spans sentences)."""
    phrase = " ".join(evidence.split())
    return next((s for s in sentences if phrase in s), phrase)


def article_examples(folder: Path) -> list[Example]:
    """Per article of ``folder`` (``articles.jsonl`` + ``gold/<id>.gold.json``): the evidence sentence of
    each gold event with one accepted sub-type; every sentence of an article without gold events as
    ``NONE`` (statements, plans, trends and history the annotators did not count)."""
    out: list[Example] = []
    for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        article = json.loads(line) if line.strip() else None
        gold_path = folder / "gold" / f"{article['id']}.gold.json" if article else None
        if not article or not gold_path or not gold_path.exists():
            continue
        sentences = _article_sentences(article["text"])
        events = json.loads(gold_path.read_text(encoding="utf-8"))["events"]
        if not events:
            out.extend(Example(s, NONE, "article", article["id"]) for s in sentences if len(s.split()) >= 6)
        for event in events:
            sub = _gold_subtype(event["types"])
            phrases = event["evidence"] if isinstance(event["evidence"], list) else [event["evidence"]]
            out.extend(Example(_evidence_sentence(sentences, p), sub, "article", article["id"])
                       for p in phrases if sub)
    return out


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
