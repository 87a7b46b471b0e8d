"""Checks that turn raw bytes into text or a clear refusal (errors E001-E005): decoding by a numbered
cascade of encodings, then emptiness, binary content and language."""

from __future__ import annotations

import re
import unicodedata

import charset_normalizer

from ..errors import InputError
from ..settings import current

MIN_WORDS_FOR_LANGUAGE = 25  # shorter texts are too short to judge
MIN_ENGLISH_SHARE = 0.06  # share of very common English words in English news is ~0.3
MAX_CONTROL_SHARE = 0.01  # control characters other than whitespace (terminal escapes are removed first)
MAX_STRAY_UTF8_SHARE = 0.001  # invalid bytes in text otherwise UTF-8 that are replaced rather than refused
MIN_WESTERN_ASCII_SHARE = 0.7  # letters that must be ASCII for bytes to be read as Windows-1252
MIN_LETTERS_FOR_SCRIPT = 10  # letters needed to tell a non-Latin script
MAX_NON_LATIN_SHARE = 0.5  # letters outside the Latin script above this share: not English
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_ANSI = re.compile(r"\x1b\[[0-9;?]{0,32}[ -/]{0,4}[@-~]|\x1b[@-Z\\-_]")  # CSI and two-character escapes

_ENGLISH = frozenset({
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was", "with", "as", "by",
    "at", "from", "it", "be", "has", "have", "are", "were", "said", "an", "this", "its", "he",
    "they", "his", "not", "but", "or", "which", "their", "after", "who", "been", "will", "had",
    "more",
})
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode(raw: bytes, limit: int | None = None, declared: str | None = None) -> str:
    """Bytes to checked text: decoded as ``decode_bytes`` does, then refused when empty, binary or not English."""
    return check_text(decode_bytes(raw, limit, declared))


def decode_bytes(raw: bytes, limit: int | None = None, declared: str | None = None) -> str:
    """Bytes to text, by the first step that reads them (E003 when none does):
    1. a byte-order mark (UTF-8, UTF-16, UTF-32);  2. the declared charset (HTTP header, ``<meta>``);
    3. UTF-8;  4. UTF-8 with a few stray bytes replaced;  5. Windows-1252 when it reads as Latin text;
    6. charset-normalizer's detection (Cyrillic, Greek, CJK legacy encodings ...)."""
    limit = limit or current().max_bytes
    if len(raw) > limit:
        raise InputError("E004", limit=limit)
    if not raw.strip():
        raise InputError("E001")
    text = _by_bom(raw) or _strict(raw, declared)
    if text is None:
        if b"\x00" in raw:
            raise InputError("E002")
        text = _strict(raw, "utf-8") or _mostly_utf8(raw) or _western(raw) or _detected(raw)
    if text is None:
        raise InputError("E003")
    return text


def _by_bom(raw: bytes) -> str | None:
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return _strict(raw[len(bom):], codec)
    return None


def _strict(raw: bytes, codec: str | None) -> str | None:
    if not codec:
        return None
    try:
        return raw.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _mostly_utf8(raw: bytes) -> str | None:
    """UTF-8 damaged in a few places (a byte lost mid-article): those bytes become U+FFFD."""
    text = raw.decode("utf-8", "replace")
    bad = text.count("\ufffd") - raw.count("\ufffd".encode())
    wide = sum(1 for c in text if ord(c) > 0x7F and c != "\ufffd")
    return text if wide and bad <= MAX_STRAY_UTF8_SHARE * len(raw) + 1 else None


def _western(raw: bytes) -> str | None:
    """Windows-1252 (a superset of Latin-1's printable range) when almost all its letters are ASCII."""
    text = _strict(raw, "cp1252")
    if text is None:
        return None
    letters = [c for c in text if c.isalpha()]
    ascii_letters = sum(1 for c in letters if c.isascii())
    return text if letters and ascii_letters >= MIN_WESTERN_ASCII_SHARE * len(letters) else None


def _detected(raw: bytes) -> str | None:
    best = charset_normalizer.from_bytes(raw).best()
    return str(best) if best is not None else None


def check_text(text: str) -> str:
    """The text without terminal escape sequences; refused when empty, binary-looking or not English."""
    text = _ANSI.sub("", text)
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
    script = non_latin_script(text[:20_000])
    if script:
        return f"{script} script"
    words = [w.lower() for w in _WORD.findall(text[:20_000])]
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return None
    english = sum(1 for w in words if w in _ENGLISH)
    if english >= MIN_ENGLISH_SHARE * len(words):
        return None
    scores = {lang: sum(1 for w in words if w in common) for lang, common in _OTHER.items()}
    language, best = max(scores.items(), key=lambda kv: kv[1])
    return language if best > 2 * english and best >= MIN_ENGLISH_SHARE * len(words) else None


def non_latin_script(text: str) -> str | None:
    """The main script of the text's letters when most are not Latin ('CJK', 'Cyrillic', 'Arabic' ...):
    counted by letter, so a short Chinese text with no spaces is told as well as a long Russian one."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < MIN_LETTERS_FOR_SCRIPT:
        return None
    scripts = [unicodedata.name(c, "UNKNOWN").split()[0] for c in letters if not c.isascii()]
    other = [s for s in scripts if s != "LATIN"]
    if len(other) <= MAX_NON_LATIN_SHARE * len(letters):
        return None
    name = max(sorted(set(other)), key=other.count)
    return name.capitalize() if name != "CJK" else name
