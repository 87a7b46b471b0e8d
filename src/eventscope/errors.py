"""One exception tree with coded messages.

EventscopeError
 +-- InputError        an input file cannot be read as an article (skipped, reported)
 +-- ConfigError       a dictionary, gazetteer or setting is malformed
 +-- StoreError        the database cannot be opened or migrated
"""

from __future__ import annotations


class Errors:
    E001 = "empty input"
    E002 = "binary content (NUL bytes or non-text data)"
    E003 = "not valid UTF-8 (and not a recognisable legacy encoding)"
    E004 = "too large: {size} bytes exceeds the limit of {limit} bytes"
    E005 = "not English (looks like {lang})"
    E006 = "malformed JSON on line {line}: {detail}"
    E007 = "JSON record on line {line} has no usable 'text'"
    E008 = "no readable text after removing markup"
    E009 = "cannot read: {detail}"
    E010 = "bad publication time {value!r}: {detail}"
    E011 = "analysis failed ({kind}: {detail}); the article was skipped"
    E020 = "actor dictionary {path}: {detail}"
    E030 = "gazetteer {path}: {detail}"
    E040 = "database {path}: {detail}"
    E050 = "extraction failed: {detail}"
    E060 = "unreadable feed {url}: {detail}"
    E061 = "cannot fetch {url}: {detail}"
    E070 = "usage: {detail}"
    E071 = "cannot {action} {path}: {detail}"


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
