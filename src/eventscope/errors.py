"""One exception tree with coded messages.

Errors (E0xx) skip or quarantine an input; Warnings (W0xx) tell a field of an article left empty or
an article cut, and the article is read.

EventscopeError
 +-- InputError        an input file cannot be read as an article (skipped, reported)
 +-- ConfigError       a dictionary, gazetteer or setting is malformed
 +-- StoreError        the database cannot be opened or migrated
"""

from __future__ import annotations


class Errors:
    E001 = "empty input"
    E002 = "binary content (NUL bytes or non-text data)"
    E003 = "not decodable as text (no declared, marked or detected encoding reads it)"
    E004 = "too large: more than the limit of {limit} bytes"
    E005 = "not English (looks like {lang})"
    E006 = "malformed JSON on line {line}: {detail}"
    E007 = "JSON record on line {line} has no usable 'text'"
    E008 = "no readable text after removing markup"
    E009 = "cannot read: {detail}"
    E010 = "bad publication time {value!r}: {detail}"
    E011 = "analysis failed ({kind}: {detail}); the article was skipped"
    E012 = "JSON record on line {line} is nested too deeply"
    E013 = "not a regular file ({kind})"
    E014 = "unreadable record ({kind}: {detail})"
    E015 = "not a file path: {detail}"
    E020 = "actor dictionary {path}: {detail}"
    E030 = "gazetteer {path}: {detail}"
    E040 = "database {path}: {detail}"
    E041 = "database {path} is damaged ({detail}): restore it from a copy, or ingest into a new file"
    E050 = "extraction failed: {detail}"
    E051 = ("extraction took longer than the budget of {seconds} s per article (EVENTSCOPE_ARTICLE_SECONDS); "
            "the article was skipped")
    E060 = "unreadable feed {url}: {detail}"
    E061 = "cannot fetch {url}: {detail}"
    E070 = "usage: {detail}"
    E071 = "cannot {action} {path}: {detail}"


class Warnings:
    """Defects that degrade one field of an article; the article is read (printed, not counted as skipped)."""

    W010 = "publication time {value} unreadable: the article is read without one (relative dates unresolved)"
    W011 = "url {value} unreadable: the article is read without one"
    W012 = "title {value} is not text: the article is read without one"
    W013 = "id {value} is not a string or a number: the article is read as {fallback}"
    W014 = "{count} lone surrogate character(s) replaced by U+FFFD"
    W015 = "text cut at {limit} characters for analysis; the {rest} characters after it are not read"


def warning(code: str, **kwargs: object) -> str:
    """A coded warning line, ``[W010] ...``."""
    return f"[{code}] {getattr(Warnings, code).format(**kwargs)}"


class EventscopeError(Exception):
    code = "E000"

    def __init__(self, code: str, **kwargs: object) -> None:
        self.code = code
        template = getattr(Errors, code, code)
        super().__init__(f"[{code}] {template.format(**kwargs)}")


class InputError(EventscopeError):
    pass


class ConfigError(EventscopeError):
    pass


class StoreError(EventscopeError):
    pass
