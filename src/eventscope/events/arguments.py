"""Who did what to whom: actor1, actor2 and associated actors of a trigger,
read from the dependency parse and the article's actor mentions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from ..actors import NON_STATE_ARMED, PARTICIPANT_TYPES, STATE
from ..records import Actor, ActorMention
from .sources import REPORT_VERBS

AGENT_DEPS = ("nsubj", "agent")
PATIENT_DEPS = ("dobj", "nsubjpass", "obj", "attr")
PATIENT_PREPS = frozenset({"against", "on", "with", "at", "upon", "targeting"})
NOUN_AGENT_PREPS = frozenset({"by", "from"})
CLIMB_DEPS = ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acl")
BATTLE_SIDES = NON_STATE_ARMED | {STATE}  # who opposes whom in a battle (external forces take no side here)


@dataclass(frozen=True, slots=True)
class Arguments:
    actor1: Actor | None
    actor2: Actor | None
    assoc: tuple[Actor, ...]
    patient: Token | None  # the head of the patient phrase, actor or not
    agent: Token | None = None  # the head of the agent phrase, actor or not


def _span_actors(tokens: Sequence[Token], mentions: Sequence[ActorMention]) -> list[ActorMention]:
    if not tokens:
        return []
    start, end = min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)
    head = tokens[0]
    return [m for m in mentions if (start <= m.start and m.end <= end) or m.start <= head.idx < m.end]


def _phrase(token: Token) -> list[Token]:
    """The token's phrase without relative clauses or appositions that bring other actors."""
    skip = {"relcl", "acl", "appos", "advcl"}
    out = [token]
    for child in token.children:
        if child.dep_ not in skip:
            out.extend(_phrase(child))
    return out


def _children(token: Token, deps: Sequence[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _agent_token(trigger: Token) -> Token | None:
    """The subject of the trigger, climbing xcomp/conj chains ('managed to take', 'packed ... and reduced')."""
    current: Token | None = trigger
    for _ in range(4):
        if current is None:
            return None
        subj = _children(current, ("nsubj",))
        agent = [g for c in _children(current, ("agent",)) for g in c.children if g.dep_ == "pobj"]
        if agent or subj:
            return (agent or subj)[0]
        if current.pos_ == "NOUN":
            return _noun_agent(current)
        current = _climb(current)
    return None


def _climb(clause: Token) -> Token | None:
    """The clause whose subject also acts in ``clause``: none for a passive without its 'by' phrase
    ('Lopez was shot') or one a reporting verb governs ('..., authorities said': they only tell it;
    'ISWAP claimed to have killed' shares its subject: xcomp)."""
    head = clause.head
    if clause.dep_ not in CLIMB_DEPS or head == clause or _children(clause, ("nsubjpass", "auxpass")):
        return None
    told = head.lemma_.lower() in REPORT_VERBS and clause.dep_ != "xcomp"
    return None if told else head


def _noun_agent(noun: Token) -> Token | None:
    """'airstrikes by regime jets', "Daesh's attack", 'Russian airstrikes'; else the governing verb's subject."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in NOUN_AGENT_PREPS:
            objs = _children(child, ("pobj",))
            if objs:
                return objs[0]
        if child.dep_ in ("poss", "compound", "amod") and child.text[:1].isupper():
            return child  # "Daesh's attack", 'Russian airstrikes', 'regime jets' (capitalised modifiers only)
    following = noun.doc[noun.i + 1:noun.i + 4]
    by = next((t for t in following if t.lower_ == "by"), None)
    if by is not None and by.i + 1 < len(noun.doc):
        return _children(by, ("pobj",))[0] if _children(by, ("pobj",)) else noun.doc[by.i + 1]
    verb = governing_verb(noun)
    return _agent_token(verb) if verb is not None and verb != noun else None


def governing_verb(token: Token) -> Token | None:
    """The verb a noun phrase hangs from through prepositions ('reduced them to piles of rubble')."""
    current = token
    for _ in range(5):
        if current.pos_ in ("VERB", "AUX") and current != token:
            return current
        if current.dep_ not in ("pobj", "prep", "dobj", "attr", "npadvmod", "nsubjpass", "nsubj") \
                or current.head == current:
            return None
        current = current.head
    return None


def _patient_token(trigger: Token) -> Token | None:
    direct = _children(trigger, PATIENT_DEPS)
    if direct:
        return direct[0]
    preps = PATIENT_PREPS | {"of"} if trigger.pos_ == "NOUN" else PATIENT_PREPS
    for prep in _children(trigger, ("prep",)):
        if prep.lower_ in preps:
            objs = _children(prep, ("pobj",))
            if objs:
                return objs[0]
    return None


PRONOUNS = frozenset({"they", "it", "he", "she", "who", "which"})


def _antecedent(pronoun: Token, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """'they packed them with explosives': the last actor named before the pronoun in its sentence."""
    before = [m for m in mentions if pronoun.sent.start_char <= m.start < pronoun.idx]
    return before[-1:] if before else []


def find_arguments(trigger: Token, mentions: Sequence[ActorMention]) -> Arguments:
    """Agent and patient actors of a trigger; only actors that can take part (not agencies or monitors)."""
    mentions = [m for m in mentions if m.actor.actor_type in PARTICIPANT_TYPES]
    agent_tok = _agent_token(trigger)
    patient_tok = _patient_token(trigger)
    agents = _span_actors(_phrase(agent_tok), mentions) if agent_tok is not None else []
    if not agents and agent_tok is not None and agent_tok.lower_ in PRONOUNS:
        agents = _antecedent(agent_tok, mentions)
    patients = _span_actors(_phrase(patient_tok), mentions) if patient_tok is not None else []
    actor1 = agents[0].actor if agents else None
    actor2 = next((m.actor for m in patients if m.actor != actor1), None)
    assoc = tuple(dict.fromkeys(m.actor for m in agents[1:] if m.actor not in (actor1, actor2)))
    return Arguments(actor1, actor2, assoc, patient_tok, agent_tok)


def opposing_actor(actor: Actor | None, before: int, mentions: Sequence[ActorMention]) -> Actor | None:
    """The last armed actor of the other side mentioned before offset ``before`` (else after it)."""
    if actor is None:
        return None
    state = actor.actor_type == STATE

    def other(m: ActorMention) -> bool:
        armed = m.actor.actor_type in BATTLE_SIDES
        return armed and (m.actor.actor_type == STATE) != state and m.actor != actor

    earlier = [m for m in mentions if m.start < before and other(m)]
    if earlier:
        return earlier[-1].actor
    later = [m for m in mentions if m.start >= before and other(m)]
    return later[0].actor if later else None
