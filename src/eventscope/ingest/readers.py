"""Read paths (plain text, JSON Lines corpora, HTML) into Articles or Rejected inputs.

Only regular files are read (a device, FIFO or socket is refused without blocking), and the size limit
applies to the bytes actually read. A failure of one input or one record is that input's coded
Rejected record; the batch goes on.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import BinaryIO

from ..addresses import not_a_path
from ..errors import InputError
from ..records import Article, Rejected
from ..settings import current
from .articles import make_article
from .checks import check_text, decode, decode_bytes
from .fields import clean, record_fields

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".jsonl", *HTML_SUFFIXES)  # read from a directory, in any case (X.TXT)
SKIP_CHUNK = 1 << 20  # an over-long JSON line is skipped this many bytes at a time
META_SNIFF_BYTES = 4096  # an HTML page declares its charset near the top
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"))


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
            if (why := not_a_path(path)) is not None:
                yield Rejected(path, "E015", str(InputError("E015", detail=why)))
            elif path != "-" and os.path.isdir(path):
                yield from _read_all(sorted(_walk(path)), published)
            elif path.lower().endswith(".jsonl"):
                yield from read_jsonl(path, published)
            else:
                yield read_document(path, published)
        except InputError as exc:
            yield Rejected(path, exc.code, str(exc))
        except OSError as exc:
            yield Rejected(path, "E009", str(InputError("E009", detail=exc.strerror or str(exc))))
        except Exception as exc:  # noqa: BLE001 - error policy: one input's failure is that input's record
            yield unreadable(path, exc)


def count_local(path: str) -> int:
    """How many inputs a local path holds, without reading them as articles: a directory its text files', a
    JSON Lines corpus its lines (blank ones too), anything else 1 (an unreadable input is one rejection)."""
    if os.path.isdir(path):
        return sum(count_local(p) for p in _walk(path))
    if not path.lower().endswith(".jsonl"):
        return 1
    try:
        with open_regular(path) as handle:
            lines, last = 0, b"\n"
            while chunk := handle.read(SKIP_CHUNK):
                lines, last = lines + chunk.count(b"\n"), chunk[-1:]
    except (OSError, InputError):
        return 1
    return max(1, lines + (last != b"\n"))


def unreadable(origin: str, exc: BaseException) -> Rejected:
    """E014: an input that failed in a way no check foresaw (the batch goes on)."""
    error = InputError("E014", kind=type(exc).__name__, detail=str(exc)[:200])
    return Rejected(origin, "E014", str(error))


def _walk(root: str) -> Iterator[str]:
    for folder, _, names in os.walk(root):
        for name in names:
            if name.lower().endswith(TEXT_SUFFIXES):
                yield os.path.join(folder, name)


def open_regular(path: str) -> BinaryIO:
    """The file opened for reading when it is a regular file; a device, FIFO or socket is refused (E013)
    at once: the open does not block (O_NONBLOCK) and nothing is read from it."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise InputError("E013", kind=next((kind for test, kind in _KINDS if test(mode)), "not a file"))
    return os.fdopen(fd, "rb")


def read_limited(handle: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` bytes; E004 when there are more (whatever the file's size claims)."""
    raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise InputError("E004", limit=limit)
    return raw


def _read_bytes(path: str, limit: int) -> bytes:
    if path == "-":
        return read_limited(sys.stdin.buffer, limit)
    with open_regular(path) as handle:
        return read_limited(handle, limit)


def declared_charset(raw: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` near its top."""
    match = _META_CHARSET.search(raw[:META_SNIFF_BYTES])
    return match.group(1).decode("ascii") if match else None


def read_document(path: str, published: datetime | None) -> Article:
    raw = _read_bytes(path, current().max_bytes)
    name = "stdin" if path == "-" else os.path.basename(path)
    if path.lower().endswith(HTML_SUFFIXES):
        from .html import article_from_html

        return article_from_html(decode_bytes(raw, declared=declared_charset(raw)), name, origin=path,
                                 published=published)  # fmt: skip
    return make_article(decode(raw), name, origin=path, published=published)


def read_jsonl(path: str, published: datetime | None) -> Iterator[Article | Rejected]:
    """One article a line; a bad line is rejected alone (a line over the size limit is skipped unread), the
    rest of the corpus goes on."""
    limit = current().max_bytes
    with open_regular(path) as handle:
        number = 0
        while raw := handle.readline(limit + 1):
            number += 1
            origin = f"{path}:{number}"
            if len(raw) > limit and not raw.endswith(b"\n"):
                _skip_line(handle)
                yield Rejected(origin, "E004", str(InputError("E004", limit=limit)))
            elif raw.strip():
                yield record_article(raw, number, origin, published)
        if number == 0:
            raise InputError("E001")


def _skip_line(handle: BinaryIO) -> None:
    while (chunk := handle.readline(SKIP_CHUNK)) and not chunk.endswith(b"\n"):
        pass


def record_article(raw: bytes, number: int, origin: str, published: datetime | None) -> Article | Rejected:
    """One JSON line as an Article, or its coded Rejected record: nothing it holds ends the corpus."""
    try:
        return _article_from_record(raw, number, origin, published)
    except InputError as exc:
        return Rejected(origin, exc.code, str(exc))
    except Exception as exc:  # noqa: BLE001 - error policy: one record's failure is that record's
        return unreadable(origin, exc)


def _article_from_record(raw: bytes, number: int, origin: str, published: datetime | None) -> Article:
    try:
        record = json.loads(decode_bytes(raw))
    except json.JSONDecodeError as exc:
        raise InputError("E006", line=number, detail=exc.msg) from exc
    except RecursionError as exc:
        raise InputError("E012", line=number) from exc
    text = record.get("text") if isinstance(record, dict) else None
    if not isinstance(text, str):
        raise InputError("E007", line=number)
    repaired = clean(text)
    fields = record_fields(record, str(number))
    return make_article(
        check_text(repaired.value or ""),
        fields.article_id,
        origin=origin,
        title=record.get("title"),
        published=fields.published or published,
        url=record.get("url"),
        find_title=False,
        warnings=fields.warnings + ((repaired.warning,) if repaired.warning else ()),
    )
