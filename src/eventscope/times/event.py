"""event_interval: the dates of an event from the temporal expression that governs its clause.

The cascade, in order (each step a named helper):
1. an expression in the trigger's own clause (dependency path, prepositional attachment);
2. an expression in an enclosing clause; a reporting verb's time ("said on Wednesday") only bounds the
   event's end: the day before it up to it (present-tense reports: that day);
3. an expression in a subordinate adverbial clause of the trigger's clause ("After ... in May 2015, they
   packed ..."), never one inside a relative clause about something else;
4. the narrative time of the previous sentences, only for a past clause (simple past, past passive
   "were killed", past perfect "had gathered") that is not itself a report, or an anaphoric "at the
   time" / "then"; across a paragraph break only a sentence that tells an act carries its time;
5. the publication date: the day before publication up to publication day (ACLED precision 2) — wire
   news reports the events of the last day or two.
Then 'since X' runs to publication, and no interval ends after publication (``_to_publication``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..nlp import worded_sentences
from ..records import Article, TimeExpr

CLAUSE_DEPS = {"ROOT", "ccomp", "relcl", "advcl", "xcomp", "parataxis", "csubj", "acl", "pcomp"}
REPORTING = {
    "say",
    "tell",
    "report",
    "add",
    "announce",
    "state",
    "claim",
    "confirm",
    "according",
    "note",
    "write",
    "declare",
    "reveal",
    "insist",
    "explain",
    "deny",
    "accuse",
    "allege",
    "warn",
    "quote",
    "cite",
}
BLANK_LINE = re.compile(r"\n[ \t]*\n")
NON_FINITE = frozenset({"acl", "xcomp"})  # a participle or infinitive clause: its head's time
LOOKBACK_SENTENCES = 3  # how far the narrative time carries
FALLBACK_DAYS = 1  # publication fallback: [published - 1 day, published]
_ANAPHORA = re.compile(r"\b(?:at\s+the\s+time|at\s+that\s+time|by\s+then|back\s+then|then)\b", re.I)
MAX_GLUE_CHARS = 40  # longer than any text _RANGE_GLUE can match between two expressions of one range
_RANGE_GLUE = re.compile(r"^\s*(?:-|–|to|and|until|till|through)\s*$")


@dataclass(frozen=True, slots=True)
class EventTime:
    date_start: date
    date_end: date
    time_precision: int  # ACLED: 1 day, 2 week or less, 3 month or coarser
    basis: str  # the governing expression's text, or "publication"
    expr: TimeExpr | None


def chars(span: object) -> tuple[int, int]:
    if isinstance(span, SpacySpan):
        return span.start_char, span.end_char
    return int(getattr(span, "start", 0)), int(getattr(span, "end", 0))


def precision(start: date, end: date) -> int:
    days = (end - start).days + 1
    return 1 if days <= 1 else 2 if days <= 7 else 3


def clause_of(token: Token) -> Token:
    """The head of the clause a token belongs to."""
    for _ in range(50):
        if token.dep_ in CLAUSE_DEPS or token.head is token:
            return token
        token = token.head
    return token


def _root(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _dated(times: tuple[TimeExpr, ...], lo: int, hi: int) -> list[TimeExpr]:
    return [t for t in times if lo <= t.start and t.end <= hi and t.date_start and t.date_end]


def _make(expr: TimeExpr, times: tuple[TimeExpr, ...], text: str) -> EventTime:
    """The event interval an expression gives, joined with its partner in a range ('3 and 5 March')."""
    assert expr.date_start is not None and expr.date_end is not None
    start, end, basis = expr.date_start, expr.date_end, expr.text
    for other in times:
        if not expr.end < other.start <= expr.end + MAX_GLUE_CHARS:
            continue  # only a short word joins a range: the text between is not even sliced
        if other.date_end and _RANGE_GLUE.match(text[expr.end : other.start]):
            end, basis = max(end, other.date_end), text[expr.start : other.end]
            break
    return EventTime(start, end, precision(start, end), basis, expr)


def _reported(expr: TimeExpr, present: bool) -> EventTime:
    assert expr.date_end is not None
    end = expr.date_end
    start = end if present else end - timedelta(days=1)
    return EventTime(start, end, precision(start, end) if present else 2, expr.text, expr)


def _is_present(verb: Token) -> bool:
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"have", "has", "had", "was", "were", "did"}:
        return False
    return verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBG" and bool(auxes & {"is", "are", "am"}))


def _clause_path(trigger: Token) -> list[Token]:
    """The trigger's clause head, then the heads of the clauses that enclose it, innermost first."""
    path = [clause_of(trigger)]
    while path[-1].head is not path[-1] and len(path) < 20:
        path.append(clause_of(path[-1].head))
    return path


def _own_or_enclosing(
    doc: Doc, trigger: Token, dated: list[TimeExpr], times: tuple[TimeExpr, ...], text: str
) -> EventTime | None:
    """Steps 1 and 2: the nearest expression attached to the trigger's clause or an enclosing one."""
    clauses = [(t, clause_of(r)) for t in dated if (r := _root(doc, t.start, t.end)) is not None]
    path = _clause_path(trigger)
    for depth, head in enumerate(path):
        mine = [t for t, c in clauses if c == head]
        if not mine:
            continue
        best = min(mine, key=lambda t: abs(t.start - trigger.idx))
        if _under_report(path[: depth + 1]) and best.start > head.idx:  # "said on Wednesday", not "On 5 May, X said"
            return _reported(best, _is_present(path[0]))
        return _make(best, times, text)
    return None


def _under_report(path: list[Token]) -> bool:
    """Whether a clause on the path is the complement of a reporting verb above it."""
    return any(
        low.dep_ in ("ccomp", "parataxis") and high.lemma_.lower() in REPORTING
        for low, high in zip(path, path[1:], strict=False)
    )


def _subordinate(
    doc: Doc, trigger: Token, dated: list[TimeExpr], times: tuple[TimeExpr, ...], text: str
) -> EventTime | None:
    """Step 3: an expression in an adverbial clause under the trigger's clause, not in a relative clause;
    a non-finite clause takes the time of the clause it hangs on ('After the talks failed on Friday, the
    militia fired shells hitting a clinic': the shelling is Friday's)."""
    own = clause_of(trigger)
    while own.dep_ in NON_FINITE and own.tag_ in ("VBG", "VBN", "VB") and own.head is not own:
        own = clause_of(own.head)
    for expr in sorted(dated, key=lambda t: abs(t.start - trigger.idx)):
        root = _root(doc, expr.start, expr.end)
        if root is None:
            continue
        path = _clause_path(root)
        if own in path and not any(c.dep_ in ("relcl", "ccomp", "acl") for c in path[: path.index(own)]):
            return _make(expr, times, text)
    return None


def _narrative(
    doc: Doc, sentence: tuple[int, int], trigger: Token, times: tuple[TimeExpr, ...], text: str,
    told: frozenset[int] | None = None,
) -> EventTime | None:
    """Step 4: the time of the previous sentences, for a past clause ('Two militants were killed, the army
    said') or an anaphoric 'then'; not for the report itself ('the army said' is dated by publication).
    Across a paragraph break only a sentence that tells an act (one of ``told``, the starts of the
    article's event sentences) carries its time: a background paragraph's date ('markets were
    reopened in June') is not the next paragraph's narrative."""
    verb = clause_of(trigger)
    anaphoric = bool(_ANAPHORA.search(text[sentence[0] : sentence[1]]))
    reports = verb.lemma_.lower() in REPORTING
    simple_past = _past(verb) and not reports
    if not (anaphoric or simple_past):
        return None
    previous = [s for s in worded_sentences(doc) if s[1] <= sentence[0]]  # not a stray closing quote
    for start, end in reversed(previous[-LOOKBACK_SENTENCES:]):
        if told is not None and _break_between(doc, text, start, end, sentence[0]) \
                and not any(start <= t < end for t in told):
            continue  # a background paragraph
        dated = [t for t in _dated(times, start, end) if not t.future]
        if dated:
            return _make(dated[0], times, text)
    return None


def _break_between(doc: Doc, text: str, start: int, end: int, later: int) -> bool:
    """A paragraph break after the words of the sentence [start, end) and before the one at ``later``: a
    blank line in a text that has blank lines (hard-wrapped lines are not paragraphs), else a line break
    (one paragraph a line, as extracted pages are)."""
    gap = text[start + len(text[start:end].rstrip()):later]
    blank = doc.user_data.get(BLANK_LINES_KEY)
    if blank is None:
        blank = doc.user_data[BLANK_LINES_KEY] = BLANK_LINE.search(text) is not None  # read once per document
    return BLANK_LINE.search(gap) is not None if blank else "\n" in gap


BLANK_LINES_KEY = "eventscope.blank_lines"


def _past(verb: Token) -> bool:
    """A past clause: simple past ('clashed'), passive ('were killed') or past perfect ('had gathered')."""
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _publication(article: Article) -> EventTime | None:
    """Step 5: no expression governs the event: the day before publication through publication day."""
    day = article.published_date
    if day is None:
        return None
    return EventTime(day - timedelta(days=FALLBACK_DAYS), day, 2, "publication", None)


def event_interval(
    doc: Doc, sentence: object, trigger: object, times: tuple[TimeExpr, ...], article: Article,
    told: frozenset[int] | None = None,
) -> EventTime | None:
    """The date interval of the event whose trigger is given, or None when nothing dates it."""
    text = article.text
    s_start, s_end = chars(sentence)
    t_start, t_end = chars(trigger)
    head = _root(doc, t_start, t_end)
    dated = _dated(times, s_start, s_end)
    if head is not None:
        found = (
            _own_or_enclosing(doc, head, dated, times, text)
            or _subordinate(doc, head, dated, times, text)
            or _narrative(doc, (s_start, s_end), head, times, text, told)
        )
        if found is not None:
            return _to_publication(found, article)
    elif dated:
        return _to_publication(_make(dated[0], times, text), article)
    fronted = _fronted(doc, dated, s_start)
    return _to_publication(_make(fronted, times, text), article) if fronted is not None else _publication(article)


SINCE = re.compile(r"\b(?:since|ever since)\s+(?:early\s+|late\s+|mid-?)?$", re.I)
SINCE_REACH = 16  # characters before an expression in which 'since' opens it


def _to_publication(found: EventTime, article: Article) -> EventTime:
    """'since March' runs from March to publication; no interval of a past act ends after publication."""
    day = article.published_date
    if day is None or found.date_start > day:
        return found
    end = found.date_end
    expr = found.expr
    if expr is not None and SINCE.search(article.text[max(0, expr.start - SINCE_REACH):expr.start]):
        end = max(end, day)
    end = min(end, day)
    if end == found.date_end:
        return found
    return EventTime(found.date_start, end, precision(found.date_start, end), found.basis, expr)


MAX_FRONT_TOKENS = 3  # 'On 31 March 2022, ...': the date opens the sentence


def _fronted(doc: Doc, dated: list[TimeExpr], s_start: int) -> TimeExpr | None:
    """A past date that opens the sentence dates what the sentence tells, whatever the parse made of
    the rest (names such as 'Rio Grande do Norte' can derail the clause structure)."""
    for expr in dated:
        before = doc.char_span(s_start, expr.start, alignment_mode="expand")
        words = [t for t in before or () if not t.is_space and not t.is_punct]
        if len(words) <= MAX_FRONT_TOKENS and not expr.future:
            return expr
    return None
