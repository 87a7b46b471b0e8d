"""Who reported it, inside the article: 'Rami Abdel Rahman, head of the Syrian
Observatory for Human Rights, told dpa' -> Syrian Observatory for Human Rights via dpa;
'Sources close to the Syrian regime told dpa'; 'a military official said'."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..nlp import text_of
from ..records import Actor, ActorMention, Source

REPORT_VERBS = frozenset({"say", "tell", "add", "report", "claim", "announce", "state", "confirm", "quote",
                          "cite", "note", "explain", "allege", "insist", "accuse", "warn", "write", "post"})
SOURCE_KINDS = ("ngo", "igo", "agency", "media", "government")
ANAPHORS = frozenset({"he", "she", "they", "it", "official", "source", "spokesman", "spokeswoman",
                      "spokesperson", "monitor"})
MONITOR_WORDS = ("monitor", "observatory", "watchdog", "rights group")
MAX_UNPARSED_SUBJECT = 8  # tokens before a reporting verb read as its subject when the parse has none


@dataclass
class SourceTracker:
    """Reading state across the sentences of one article."""

    kind_of: Callable[[Actor], str]
    mentions: Sequence[ActorMention]
    last: Source | None = None
    affiliation: dict[str, str] = field(default_factory=dict)  # person -> organisation

    def org_in(self, start: int, end: int) -> ActorMention | None:
        for m in self.mentions:
            if start <= m.start and m.end <= end and self.kind_of(m.actor) in SOURCE_KINDS:
                return m
        return None

    def first_monitor(self) -> ActorMention | None:
        return next((m for m in self.mentions if self.kind_of(m.actor) == "ngo"), None)

    def agencies_in(self, tokens: Sequence[Token]) -> tuple[str, ...]:
        if not tokens:
            return ()
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        return tuple(m.actor.name for m in self.mentions
                     if start <= m.start and m.end <= end and self.kind_of(m.actor) == "agency")


def _reporting_subject(sent: SpacySpan) -> tuple[Token, Token] | None:
    """(reporting verb, head of its subject) — or ('according', its object)."""
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
            objs = [c for c in token.nbor().children if c.dep_ == "pobj"]
            if objs:
                return token, objs[0]
        if token.pos_ == "VERB" and token.lemma_.lower() in REPORT_VERBS:
            subj = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                return token, subj[0]
            before = [t for t in sent if t.i < token.i and not t.is_space]
            if 0 < len(before) <= MAX_UNPARSED_SUBJECT and before[0].i == sent.start:
                return token, before[0]  # a subject the parser missed ('Sources closes to X told dpa')
    return None


def _phrase_bounds(token: Token, verb: Token) -> tuple[int, int]:
    """The subject phrase: its subtree, or everything up to the verb when the parse found no subject."""
    parsed = token.head == verb or token.dep_ == "pobj"
    tokens = list(token.subtree) if parsed else [t for t in token.sent if token.i <= t.i < verb.i]
    clauses = [t for c in tokens if c.dep_ in CLAUSE_MODIFIERS and c.i > token.i for t in c.subtree]
    if clauses:  # 'a lawyer, representing the families', 'the protesters we interviewed': the reporter, not the clause
        first = min(t.i for t in clauses)
        tokens = [t for t in tokens if t.i < first]
    tokens = tokens or [token]
    while len(tokens) > 1 and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _person_in(doc: Doc, start: int, end: int, org_start: int) -> str | None:
    """The person a subject phrase names before its organisation ('Rami Abdel Rahman, head of X')."""
    phrase = doc.char_span(start, end, alignment_mode="expand")
    person = next((e for e in (phrase.ents if phrase is not None else ()) if e.label_ == "PERSON"), None)
    if person is not None:
        return str(person.text)
    span = doc.char_span(start, min(end, org_start), alignment_mode="contract")
    names = [t.text for t in span or [] if t.pos_ == "PROPN" and t.text[:1].isupper()]
    leading = " ".join(names[:4])
    return leading if len(names) >= 2 else None


def _resolve(subject: Token, verb: Token, tracker: SourceTracker, doc: Doc) -> Source | None:
    start, end = _phrase_bounds(subject, verb)
    text = text_of(doc)[start:end]
    org = tracker.org_in(start, end)
    if org is not None:
        person = _person_in(doc, start, end, org.start)
        if person:
            tracker.affiliation[person] = org.actor.name
        return Source(org.actor.name, start, end, kind=tracker.kind_of(org.actor))
    for person_name, org_name in tracker.affiliation.items():
        if person_name in text or text in person_name or person_name.split()[-1] in text.split():
            return Source(org_name, start, end, kind="ngo")
    lowered = text.lower()
    if any(w in lowered for w in MONITOR_WORDS) and tracker.first_monitor() is not None:
        monitor = tracker.first_monitor()
        assert monitor is not None
        return Source(monitor.actor.name, start, end, kind="ngo")
    definite = lowered.startswith(("the ", "this ", "that ")) or subject.pos_ == "PRON"
    if subject.lemma_.lower() in ANAPHORS and tracker.last is not None and definite:
        return Source(tracker.last.name, start, end, kind=tracker.last.kind)
    if subject.tag_ in WH_TAGS or any(c.tag_ in WH_TAGS for c in subject.children):
        return None  # 'whose eye was said to ...': a relative clause, not a reporter
    carrier = _carried_by(subject)
    if carrier is not None:  # 'data from a monitoring group', 'a memo by the ministry': who wrote it
        return _resolve(carrier, verb, tracker, doc)
    kind = "person" if subject.ent_type_ == "PERSON" else "anonymous"
    return Source(_tidy(text), start, end, kind=kind)


WH_TAGS = frozenset({"WP", "WP$", "WDT", "WRB"})
CLAUSE_MODIFIERS = frozenset({"acl", "relcl"})  # clauses that describe a reporter
CARRIERS = frozenset({"data", "datum", "memo", "report", "statement", "figure", "tally", "document", "letter", "record",
                      "count", "estimate", "survey", "analysis", "study", "footage", "video"})
PARENTHESIS = re.compile(r"\s*(?:\([^)]*\)?|,\s*or\s+[A-Z][A-Za-z-]*)\s*$")  # 'X (ABC', 'X, or ABC'


def _carried_by(subject: Token) -> Token | None:
    """The author a document noun names ('data from X', 'a memo by X', 'a statement of X')."""
    if subject.lemma_.lower() not in CARRIERS:
        return None
    for prep in subject.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _tidy(text: str) -> str:
    """One line, without a trailing parenthetical or alias ('the Northern Front (NF', 'the Northern
    Front, or NF' -> the name)."""
    return PARENTHESIS.sub("", " ".join(text.split())) or " ".join(text.split())


def sentence_source(sent: SpacySpan, tracker: SourceTracker) -> Source | None:
    """The source a sentence reports (None if it reports none); remembers it for anaphora."""
    found = _reporting_subject(sent)
    if found is None:
        return None
    verb, subject = found
    source = _resolve(subject, verb, tracker, sent.doc)
    if source is None:
        return None
    objects = [t for c in verb.children if c.dep_ in ("dobj", "dative", "prep") for t in c.subtree]
    via = tracker.agencies_in(objects) or tracker.agencies_in(list(sent))
    via = tuple(v for v in via if v != source.name)
    source = Source(source.name, source.start, source.end, source.kind, via)
    tracker.last = source
    return source
