"""Checks that turn raw bytes into text or a clear refusal (errors E001-E005)."""

from __future__ import annotations

import re

from ..errors import InputError

MAX_BYTES = 10_000_000  # one article; a corpus file is streamed and checked per record
MIN_WORDS_FOR_LANGUAGE = 25  # shorter texts are too short to judge
MIN_ENGLISH_SHARE = 0.06  # share of very common English words in English news is ~0.3
MAX_CONTROL_SHARE = 0.01  # control characters other than whitespace

_ENGLISH = frozenset({
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was", "with", "as", "by",
    "at", "from", "it", "be", "has", "have", "are", "were", "said", "an", "this", "its", "he",
    "they", "his", "not", "but", "or", "which", "their", "after", "who", "been", "will", "had",
    "more",
})
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode(raw: bytes, origin: str, limit: int = MAX_BYTES) -> str:
    """Decode bytes as UTF-8 text, refusing empty, huge and binary content."""
    if len(raw) > limit:
        raise InputError("E004", size=len(raw), limit=limit)
    if not raw.strip():
        raise InputError("E001")
    if b"\x00" in raw:
        raise InputError("E002")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("E003") from exc
    return check_text(text)


def check_text(text: str) -> str:
    """Refuse text that is empty, binary-looking or not English."""
    if not text.strip():
        raise InputError("E001")
    if len(_CONTROL.findall(text)) > MAX_CONTROL_SHARE * len(text) + 1:
        raise InputError("E002")
    language = guess_non_english(text)
    if language:
        raise InputError("E005", lang=language)
    return text


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_OTHER = {
    "French": _set("le la les des du et est une dans pour que qui sur pas avec ont été par au aux"),
    "Spanish": _set("el los las del y es una en por que con para se fue su sus lo como"),
    "German": _set("der die das und ist nicht mit den von zu ein eine sich auf dem im für wurde"),
    "Portuguese": _set("o os da do das dos e em um uma para com que não foi por ao pela pelo"),
    "Italian": _set("il di che è la per un una non sono della del gli le con da nel alla"),
    "Indonesian": _set("yang dan di dari ini itu dengan untuk tidak dalam akan pada juga ke"),
}


def guess_non_english(text: str) -> str | None:
    """A cheap language check: None for English (or too short to tell), else the likely language.

    English is refused only when another language's common words outnumber English ones:
    notes dense with place and actor names have few function words of any language."""
    words = [w.lower() for w in _WORD.findall(text[:20_000])]
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return None
    latin = sum(1 for w in words if w.isascii())
    if latin < 0.5 * len(words):
        return "a non-Latin script"
    english = sum(1 for w in words if w in _ENGLISH)
    if english >= MIN_ENGLISH_SHARE * len(words):
        return None
    scores = {lang: sum(1 for w in words if w in common) for lang, common in _OTHER.items()}
    language, best = max(scores.items(), key=lambda kv: kv[1])
    return language if best > 2 * english and best >= MIN_ENGLISH_SHARE * len(words) else None
