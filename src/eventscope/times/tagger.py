"""tag_times: find temporal expressions, resolve their TIMEX3 values against the publication date."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from spacy.tokens import Doc, Token

from ..nlp import text_of
from ..records import Article, TimeExpr
from .grammar import RULES
from .intervals import apply_mod, value_interval
from .reading import Context, Reading, Tense
from .resolve_abs import (
    resolve_clock,
    resolve_day,
    resolve_decade,
    resolve_holiday,
    resolve_month,
    resolve_quarter,
    resolve_season,
    resolve_slash,
    resolve_week_of,
    resolve_weekday,
    resolve_year,
)
from .resolve_rel import (
    resolve_deictic,
    resolve_duration,
    resolve_plural,
    resolve_ref,
    resolve_relunit,
    resolve_set,
    resolve_yearago,
)
from .validate import acceptable
from .words import resolve_century, resolve_word_decade, resolve_word_year, resolve_year_end

Groups = dict[str, str | None]
Resolver = Callable[[Groups, Context], Reading | None]

RESOLVERS: dict[str, Resolver] = {
    "iso": resolve_day,
    "slash": resolve_slash,
    "dmy": resolve_day,
    "dayrange": resolve_day,
    "mdy": resolve_day,
    "weekof": resolve_week_of,
    "my": resolve_month,
    "month": resolve_month,
    "year": resolve_year,
    "wordyear": resolve_word_year,
    "worddecade": resolve_word_decade,
    "century": resolve_century,
    "yearend": resolve_year_end,
    "decade": resolve_decade,
    "deictic": resolve_deictic,
    "weekday": resolve_weekday,
    "ref": resolve_ref,
    "relunit": resolve_relunit,
    "season": resolve_season,
    "dur": resolve_duration,
    "plural": resolve_plural,
    "quarter": resolve_quarter,
    "yearago": resolve_yearago,
    "set": resolve_set,
    "clock": resolve_clock,
    "holiday": resolve_holiday,
}
_PLAN = {"schedule", "reschedule", "slate", "plan", "postpone"}
# Verbs whose infinitive looks ahead even in the past tense: "agreed to meet Friday".
_INTENT = {
    "agree",
    "aim",
    "ask",
    "decide",
    "expect",
    "hope",
    "intend",
    "plan",
    "prepare",
    "promise",
    "schedule",
    "seek",
    "set",
    "threaten",
    "urge",
    "vow",
    "want",
    "wish",
    "call",
    "order",
    "tell",
}
# Present verbs that tell no schedule: states, and verbs whose past looks the same ("hurt ... on Friday")
_STATIVE = {"be", "have", "say", "remain", "stand", "seem", "appear", "hold", "own", "know", "include"}
_SAME_PAST = {"hurt", "cut", "put", "set", "hit", "let", "cost", "spread", "shut", "quit", "bid", "cast", "split"}
_NO_SCHEDULE = frozenset(_STATIVE | _SAME_PAST)
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll"}

_SOON = re.compile(r"\bas\s+(?:soon|early|late)\s+as\s+$|\b(?:next|coming|upcoming)\s+$", re.I)

# Words after which a date is a deadline or a scheduled day, so upcoming whatever the verb's tense:
# "extended to Nov. 20", "payable Dec. 7", "effective Feb. 1", "until January".
_DEADLINE = re.compile(
    r"\b(?:until|till|effective|payable|due|expir(?:e|es|ing)|record|deadline\s+of"
    r"|(?:extended|postponed|delayed|deferred|adjourned|moved|pushed\s+back)\s+(?:to|until))"
    r"\s+(?:on\s+|about\s+|around\s+)?$",
    re.I,
)

_PLUPERFECT = re.compile(r"\bhad\s+(?:been\s+)?\w+", re.I)

# A sentence about a longer stretch than a quarter ("For the nine months, ... a year earlier"): its
# comparisons are with the year before, not with the running quarter.
_LONG_PERIOD = re.compile(r"\b(?:nine|six|9|6)\s+months\b|\bfirst\s+half\b|\byear\s+to\s+date\b", re.I)

_SINCE = re.compile(r"\bsince\s+$", re.I)  # "since Jan. 13": a date before the anchor

Candidate = tuple[int, int, int, re.Match[str]]  # start, end, rule index, match


def find_candidates(text: str) -> list[Candidate]:
    """Every acceptable match of every rule, longest first (earlier rules win ties)."""
    found: list[Candidate] = []
    for index, rule in enumerate(RULES):
        for m in rule.pattern.finditer(text):
            start, end = _trim(text, *m.span(rule.extent or 0))
            if end > start and acceptable(rule.kind, m, text):
                found.append((start, end, index, m))
    found.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    return found


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    while start < end and text[start] in " \t\n":
        start += 1
    return start, end


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Greedy longest non-overlapping candidates, in text order."""
    taken: list[Candidate] = []
    for cand in candidates:
        if all(cand[1] <= t[0] or t[1] <= cand[0] for t in taken):
            taken.append(cand)
    return sorted(taken, key=lambda c: c[0])


def _past_purpose(head: Token) -> bool:
    """An infinitive under a past verb that is no plan or wish: "were held to mark its entry on Friday"."""
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() in _INTENT:
        return False
    past_aux = any(c.tag_ == "VBD" for c in head.children if c.dep_ in ("aux", "auxpass"))
    return head.tag_ == "VBD" or (head.tag_ == "VBN" and past_aux)


def _present_passive(token: Token, auxes: list[Token]) -> bool:
    """A participle whose only auxiliary is a present 'is'/'are': the passive of a present verb."""
    return token.tag_ == "VBN" and bool(auxes) and all(c.lower_ in ("is", "are", "am", "'s", "'re") for c in auxes)


def tense_at(doc: Doc | None, start: int, end: int, weekday: bool = False) -> Tense:
    """The tense of the verb that governs an expression: past unless a future or present form rules.
    A weekday under a present verb is a schedule, so ahead ("the envoys meet Monday")."""
    if _SOON.search(text_of(doc)[max(0, start - 20) : start] if doc is not None else ""):
        return "future"
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is None or len(span) == 0:
        return "past"
    token = span.root
    if token.dep_ == "poss":
        return "past"  # "Wednesday's ruling", "Friday's purchases": news names a day's outcome once it is out
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return "present"
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if token.lemma_.lower() in _PLAN and token.idx < start and not any(c.lower_ == "had" for c in auxes):
        return "future"  # "has scheduled a news conference Thursday": the day named after the plan is ahead
    words = {c.lower_ for c in auxes} | {token.lower_}
    if token.tag_ == "VBN" and "have" in words:
        return "past"  # a modal perfect looks back: "may have been responsible ... on Wednesday"
    if words & _FUTURE_AUX or "going" in words or any(c.tag_ == "MD" and c.lower_ != "could" for c in auxes):
        return "future"
    if any(c.lower_ == "to" and c.dep_ == "aux" for c in token.children):  # "to be completed by Dec. 15"
        if any(c.lower_ == "had" for c in token.head.children):  # "had been scheduled to expire Friday"
            return "past"
        return "past" if _past_purpose(token.head) else "future"
    if _present_passive(token, auxes):
        return "present"  # "when the case is heard in May"
    if token.tag_ in ("VBD", "VBN") or any(c.tag_ == "VBD" for c in token.children if c.dep_ == "aux"):
        return "past"
    if weekday and token.tag_ in ("VBZ", "VBP") and token.lemma_.lower() not in _NO_SCHEDULE:
        return "future"
    return "present" if token.tag_ in ("VBZ", "VBP", "VBG") else "past"


def build(start: int, end: int, text: str, reading: Reading, anchor: date | None) -> TimeExpr:
    span = reading.span
    if span is None and reading.type in ("DATE", "TIME"):
        base = value_interval(reading.value.split("T")[0] if "T" in reading.value else reading.value)
        span = apply_mod(base, reading.mod) if base else None
    if span is not None and anchor is not None and reading.clip:
        span = (span[0], min(span[1], anchor)) if reading.clip == "before" else (max(span[0], anchor), span[1])
        span = span if span[0] <= span[1] else (span[1], span[1])
    future = bool(anchor and span and span[0] > anchor) or reading.value == "FUTURE_REF"
    return TimeExpr(
        start=start,
        end=end,
        text=text[start:end],
        type=reading.type,
        value=reading.value,
        date_start=span[0] if span else None,
        date_end=span[1] if span else None,
        granularity=reading.granularity,
        mod=reading.mod,
        future=future,
    )


def reported_quarter(value: str, anchor: date | None, running: str | None = None) -> bool:
    """A quarter that can be the one a report is about: begun by publication, and less than a year before.

    A forecast ("the third quarter of 1990") or a history ("the third quarter of 1984") is not the
    running quarter that later "third-quarter", "the year-ago period" and "the latest quarter" refer to;
    nor does the quarter still under way ("a fourth-quarter charge") displace a finished one already told,
    nor an earlier one mentioned in passing ("after a flat second quarter").
    """
    if not re.fullmatch(r"\d{4}-Q[1-4]", value):
        return False
    span = value_interval(value)
    if anchor is None or span is None:
        return anchor is None
    if running is not None and span[1] >= anchor and _ended(running, anchor):
        return False
    if running is not None and _before(value, running):
        return False  # "After a flat second quarter, ...": an earlier quarter told in passing
    return span[0] <= anchor and (anchor - span[0]).days < 365


def _before(value: str, running: str) -> bool:
    span, other = value_interval(value), value_interval(running)
    return span is not None and other is not None and span[1] < other[0]


def _ended(value: str, anchor: date) -> bool:
    span = value_interval(value)
    return span is not None and span[1] < anchor


def deadline_before(text: str, start: int, end: int) -> bool:
    """A deadline word leads to the date ('until 9 a.m. Tuesday'), and no pluperfect tells it as over
    ('had been due to expire Friday', 'Until Thursday, they had not')."""
    before = text[max(0, start - 40) : start]
    return bool(_DEADLINE.search(before)) and not _PLUPERFECT.search(before + text[end : end + 30])


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end], cut at a full stop or line break (a quick cut, no parse)."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return text[left : min(stops) if stops else len(text)]


def tag_times(doc: Doc | None, article: Article) -> tuple[TimeExpr, ...]:
    """The article's temporal expressions, resolved against its publication date, sorted by start."""
    text = article.nlp_text
    anchor = article.published_date
    quarter: str | None = None
    day: date | None = None  # the last day the narrative told (not a day ahead)
    last: date | None = None  # the last date of any grain finer than a century
    out: list[TimeExpr] = []
    for start, end, index, m in select(find_candidates(text)):
        ahead = deadline_before(text, start, end)
        kind = RULES[index].kind
        # the sentence is cut only when there is a running quarter to withhold
        running = None if quarter is None or _LONG_PERIOD.search(sentence_around(text, start, end)) else quarter
        ctx = Context(anchor, tense_at(doc, start, end, kind == "weekday"), running, day, last, ahead)
        groups: Groups = m.groupdict()
        reading = RESOLVERS[kind](groups, ctx)
        if reading is None:
            continue
        if kind == "quarter" and reported_quarter(reading.value, anchor, quarter):
            quarter = reading.value
        expr = build(start, end, article.text, reading, anchor)
        out.append(expr)
        if expr.type == "DATE" and expr.granularity not in (None, "century"):
            last = expr.date_start
            day = expr.date_start if expr.granularity == "day" and not expr.future else day
    return tuple(out)
