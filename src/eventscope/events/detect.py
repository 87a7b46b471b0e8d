"""Event mentions in every sentence: triggers, their modality and arguments; the type is `decide`d."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..actors import PARTICIPANT_TYPES
from ..records import ActorMention, EventMention, Source, Span
from ..vocabulary import kinds
from . import lexicon as lx
from .arguments import Arguments, find_arguments, opposing_actor
from .classify import EventTyper, Typing
from .clause import clause_lemmas, told_as_known
from .decide import ARMS, RULE_ONLY_CONFIDENCE, Clause, decide, decide_untriggered
from .fatalities import fatalities
from .modality import hedged, modality

MONTHS = frozenset({"march", "may"})  # month names that are also trigger lemmas
MIN_UNTRIGGERED_WORDS = 5  # a sentence typed without a trigger word must say more than a count
TERRITORY_OPPOSED = kinds("Government regains territory", "Non-state actor overtakes territory", "Armed clash")


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token
    frame: str
    end: int  # character offset where the trigger phrase ends


_PHRASES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _frame in lx.PHRASE_TRIGGERS.items():
    _PHRASES_BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _frame))


def _phrase_triggers(sent: SpacySpan) -> Iterator[Trigger]:
    tokens = list(sent)
    lemmas = [t.lemma_.lower() for t in tokens]
    for i, lemma in enumerate(lemmas):
        for phrase, frame in _PHRASES_BY_FIRST.get(lemma, ()):
            if tuple(lemmas[i:i + len(phrase)]) == phrase:
                last = tokens[i + len(phrase) - 1]
                if tokens[i].pos_ in ("NOUN", "PROPN") and last.pos_ == "VERB":
                    continue  # a noun and the verb it is the subject of: 'prisoners exchanged gunfire'
                yield Trigger(tokens[i], frame, last.idx + len(last))


REFERRING_VERBS = frozenset({"describe", "condemn", "denounce", "criticise", "criticize", "commemorate", "remember",
                             "decry", "deplore", "term"})
EVENT_HEADS = frozenset({"death", "incident", "spree", "attack", "rampage", "victim", "killing", "suspect"})


REACTING_VERBS = REFERRING_VERBS | {"justify", "blame", "speak", "respond", "react", "retaliate", "apologise",
                                    "apologize", "mourn", "investigate", "probe"}
RELATIVE_TIME = frozenset({"after", "following", "before", "since"})  # 'in a statement after the attack'


def _refers_back(token: Token) -> bool:
    """'described the destruction of the temple', 'condemned the attack': talk about an event
    reported elsewhere, not a new one; so is a known act ('the attack', told_as_known) that dates or
    prompts what the sentence tells ('a statement following the attack', 'blamed X for the strike',
    'spoke out against the attack')."""
    if token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_.lower() in REFERRING_VERBS:
        return True
    if not told_as_known(token):
        return False
    if token.dep_ in ("dobj", "nsubjpass"):
        return token.head.lemma_.lower() in REACTING_VERBS
    prep = token.head
    if token.dep_ != "pobj":
        return False
    return prep.lower_ in RELATIVE_TIME or (prep.dep_ == "prep" and prep.head.lemma_.lower() in REACTING_VERBS)


GATHER_VERBS = frozenset({"gather", "assemble", "block", "blockade", "converge", "congregate"})
PROTEST_PURPOSES = frozenset({"demand", "denounce", "protest", "condemn", "oppose", "reject", "urge", "call",
                              "express", "voice", "support", "decry", "press", "claim", "show"})


def _gathered_to_protest(token: Token) -> bool:
    """'people assembled in Heerlen to support ...', 'residents blocked an avenue to demand ...', 'activists
    gathered in Helsinki, demanding ...': a gathering or a blockade for a stated demand is a demonstration."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in GATHER_VERBS:
        return False
    purposes = [c for c in token.children if c.dep_ in ("xcomp", "advcl")
                and (c.tag_ == "VBG" or any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]
    return any(p.lemma_.lower() in PROTEST_PURPOSES for p in purposes)


def _word_trigger(token: Token) -> Trigger | None:
    lemma = token.lemma_.lower()
    if token.lower_ in MONTHS and token.text[:1].isupper():
        return None
    if _gathered_to_protest(token):
        return Trigger(token, lx.PROTEST, token.idx + len(token))
    attributive = token.dep_ == "amod" and token.head.lemma_.lower() not in EVENT_HEADS  # 'captured troops'
    if token.pos_ == "VERB" and lemma in lx.VERB_TRIGGERS and not attributive:
        return Trigger(token, lx.VERB_TRIGGERS[lemma], token.idx + len(token))
    modifier = token.dep_ == "compound" and token.head.lemma_.lower() not in EVENT_HEADS
    if token.pos_ in ("NOUN", "PROPN") and lemma in lx.NOUN_TRIGGERS and not modifier and not _refers_back(token):
        frame = lx.NOUN_TRIGGERS[lemma]
        if lemma == "strike" and any(c.lower_ in ("hunger", "general", "labour", "labor") for c in token.children):
            frame = lx.PROTEST
        return Trigger(token, frame, token.idx + len(token))
    return None


def find_triggers(sent: SpacySpan) -> list[Trigger]:
    """Triggers in text order; a phrase wins over the words inside it."""
    phrases = list(_phrase_triggers(sent))
    covered = {t.i for p in phrases for t in sent.doc[p.token.i:p.token.i + 4] if t.idx < p.end}
    words = [w for t in sent if t.i not in covered and (w := _word_trigger(t)) is not None]
    return sorted(phrases + words, key=lambda t: t.token.i)


def _armed_context(lemmas: frozenset[str], mentions: Sequence[ActorMention]) -> bool:
    return bool(mentions) or bool(lemmas & (lx.ARMED_WORDS | ARMS | lx.DEATH_WORDS))


def _sentence_actors(sent: SpacySpan, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """Actors in the sentence that can take part in an event (not news agencies or monitors)."""
    return [m for m in mentions if sent.start_char <= m.start and m.end <= sent.end_char
            and m.actor.actor_type in PARTICIPANT_TYPES]


def mention_for(trigger: Trigger, sent: SpacySpan, actors: Sequence[ActorMention],
                source: Source | None, typer: EventTyper) -> EventMention | None:
    """The event mention a trigger heads, or None if it is not an event that happened."""
    token = trigger.token
    lemmas = clause_lemmas(token, sent)
    local = _sentence_actors(sent, actors)
    if token.lemma_.lower() in lx.NEEDS_ARMED and not _armed_context(lemmas, local):
        return None
    mood = modality(token, sent)
    if mood not in ("asserted", "claimed"):
        return None
    args = find_arguments(token, actors)
    decision = decide(Clause(token, trigger.frame, sent, lemmas, args), typer)
    if decision is None:
        return None
    return _mention(trigger, sent, decision.typing, args, actors, mood, source)


def content_span(sent: SpacySpan) -> Span:
    """The sentence without leading and trailing whitespace (blanked layout lines included)."""
    words = [t for t in sent if not t.is_space]
    if not words:
        return Span(sent.start_char, sent.start_char)
    return Span(words[0].idx, words[-1].idx + len(words[-1]))


def _mention(trigger: Trigger, sent: SpacySpan, typing: Typing, args: Arguments,
             actors: Sequence[ActorMention], mood: str, source: Source | None) -> EventMention:
    actor2 = args.actor2
    if actor2 is None and typing.sub_event_type in TERRITORY_OPPOSED:
        actor2 = opposing_actor(args.actor1, sent.start_char, actors)
    return EventMention(
        sentence=content_span(sent),
        trigger=Span(trigger.token.idx, trigger.end),
        event_type=typing.event_type,
        sub_event_type=typing.sub_event_type,
        actor1=args.actor1,
        actor2=actor2,
        assoc_actors=args.assoc,
        fatalities=fatalities(sent),
        modality="claimed" if mood == "claimed" else "asserted",
        confidence=typing.confidence,
        source=source,
        hedged=hedged(trigger.token, sent) or mood == "claimed",
        plover_type=typing.plover_type,
        plover_mode=typing.plover_mode,
    )


SURE = 0.9  # a typing the model is this sure of outranks a rule-only one told before it in the sentence


def _surest_first(found: list[EventMention]) -> list[EventMention]:
    """Text order, except that a guess (rule-only confidence) gives way to a sure typing in the same
    sentence: 'reinforced the area after shelling that killed a soldier' tells surely of the shelling."""
    if len(found) > 1 and found[0].confidence <= RULE_ONLY_CONFIDENCE:
        sure = next((m for m in found[1:] if m.confidence >= SURE), None)
        if sure is not None:
            return [sure] + [m for m in found if m is not sure]
    return found


NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
PRIOR_MARKS = frozenset({"after", "since"})  # 'days after it was seized by the army': what went before


def in_passing(token: Token) -> bool:
    """A trigger that describes a noun ('fighters killed in the city') or lies in a relative clause
    ('the unit that carried out the shelling') tells a past event in passing, not the sentence's news."""
    if token.dep_ == "acl" and token.head.pos_ in NOMINAL:
        return True
    current = token
    while current.head.i != current.i:
        if current.dep_ == "relcl" and current.head.pos_ in NOMINAL:
            return True
        if current.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in PRIOR_MARKS for c in current.children):
            return True
        current = current.head
    return False


def sentence_mentions(sent: SpacySpan, actors: Sequence[ActorMention], source: Source | None,
                      typer: EventTyper) -> list[EventMention]:  # fmt: skip
    """A sentence's events, the news first: in text order, except that events told in passing (in_passing)
    follow, and a rule-only guess gives way to a sure typing (_surest_first)."""
    triggers = find_triggers(sent)
    pairs = [(t, m) for t in triggers if (m := mention_for(t, sent, actors, source, typer)) is not None]
    if pairs or triggers:
        news: list[EventMention] = []
        aside: list[EventMention] = []
        for t, m in pairs:
            (aside if in_passing(t.token) else news).append(m)
        return _surest_first(news) + aside
    lemmas = frozenset(t.lemma_.lower() for t in sent)
    if sum(t.is_alpha for t in sent) < MIN_UNTRIGGERED_WORDS:
        return []  # '3 fatalities.' completes the previous sentence's event
    if not _armed_context(lemmas, _sentence_actors(sent, actors)):
        return []
    decision = decide_untriggered(sent, typer)
    if decision is None:
        return []
    root = sent.root
    mood = modality(root, sent)
    if mood not in ("asserted", "claimed"):
        return []
    trigger = Trigger(root, lx.ATTACK, root.idx + len(root))
    found = _mention(trigger, sent, decision.typing, find_arguments(root, actors), actors, mood, source)
    return [replace(found, untriggered=True)]
