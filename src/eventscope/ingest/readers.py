"""Read paths (plain text, JSON Lines corpora, HTML) into Articles or Rejected inputs."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

from ..errors import InputError
from ..records import Article, Rejected
from .articles import make_article, parse_time
from .checks import MAX_BYTES, check_text, decode

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def read_inputs(paths: Iterable[str], published: datetime | None = None) -> Iterator[Article | Rejected]:
    """Yield one Article per readable article, one Rejected per bad input, in input order. An article
    repeated with the same id and the same text (a corpus listing a document twice) is read once."""
    seen: set[tuple[str, str]] = set()
    for item in _read_all(paths, published):
        if isinstance(item, Article):
            key = (item.article_id, hashlib.sha1(item.text.encode()).hexdigest())
            if key in seen:
                continue
            seen.add(key)
        yield item


def _read_all(paths: Iterable[str], published: datetime | None) -> Iterator[Article | Rejected]:
    for path in paths:
        try:
            if path != "-" and os.path.isdir(path):
                yield from _read_all(sorted(_walk(path)), published)
            elif path.endswith(".jsonl"):
                yield from read_jsonl(path, published)
            else:
                yield read_document(path, published)
        except InputError as exc:
            yield Rejected(path, exc.code, str(exc))
        except OSError as exc:
            yield Rejected(path, "E009", str(InputError("E009", detail=exc.strerror or str(exc))))


def _walk(root: str) -> Iterator[str]:
    for folder, _, names in os.walk(root):
        for name in names:
            if name.endswith((".txt", ".jsonl", *HTML_SUFFIXES)):
                yield os.path.join(folder, name)


def _read_bytes(path: str, limit: int) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read(limit + 1)
    if os.path.getsize(path) > limit:
        raise InputError("E004", size=os.path.getsize(path), limit=limit)
    return Path(path).read_bytes()


def read_document(path: str, published: datetime | None) -> Article:
    text = decode(_read_bytes(path, MAX_BYTES), path)
    name = "stdin" if path == "-" else os.path.basename(path)
    if path.lower().endswith(HTML_SUFFIXES):
        from .html import article_from_html

        return article_from_html(text, name, origin=path, published=published)
    return make_article(text, name, origin=path, published=published)


def read_jsonl(path: str, published: datetime | None) -> Iterator[Article | Rejected]:
    """One article a line; a bad line is rejected alone, the rest of the corpus goes on."""
    if os.path.getsize(path) == 0:
        raise InputError("E001")
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            origin = f"{path}:{number}"
            try:
                yield _article_from_record(raw, number, origin, published)
            except InputError as exc:
                yield Rejected(origin, exc.code, str(exc))


def _article_from_record(raw: bytes, number: int, origin: str, published: datetime | None) -> Article:
    try:
        record = json.loads(decode(raw, origin, MAX_BYTES))
    except json.JSONDecodeError as exc:
        raise InputError("E006", line=number, detail=exc.msg) from exc
    text = record.get("text") if isinstance(record, dict) else None
    if not isinstance(text, str):
        raise InputError("E007", line=number)
    check_text(text)
    return make_article(
        text,
        str(record.get("id", number)),
        origin=origin,
        title=record.get("title"),
        published=parse_time(record.get("published")) or published,
        url=record.get("url"),
        find_title=False,
    )
