"""The clause a trigger heads: its head, its tokens and their lemmas (what typing and detection read)."""

from __future__ import annotations

from typing import Final

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .arguments import governing_verb
from .lexicon import AIR_CUES, FIREARM_CUES, GRENADE_CUES, IED_CUES, SHELL_CUES


def clause_head(trigger: Token) -> Token:
    modifier = trigger.dep_ in ("amod", "compound")  # 'shooting death': the clause is the head noun's
    head = trigger if trigger.pos_ == "VERB" and not modifier else trigger.head
    if head.dep_ in ("prep", "agent") and head.head.pos_ in ("VERB", "AUX"):
        head = head.head  # 'died from gunfire during a demonstration': the verb's words are the noun's too
    elif head.lower_ == "of" and head.head.pos_ in ("NOUN", "NUM"):
        head = governing_verb(head.head) or head  # 'dozens of arrests were made after ...': the verb's clause
    elif trigger.dep_ == "conj" and any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in trigger.children):
        head = trigger.head  # 'cleared the mines and destroyed them': the first verb's words name 'them'
    return head


def clause_tokens(head: Token, sent: SpacySpan) -> list[Token]:
    return list(head.subtree) if head.i >= sent.start and head.i < sent.end else list(sent)


def lemmas_of(tokens: list[Token]) -> frozenset[str]:
    return frozenset(t.lemma_.lower() for t in tokens) | frozenset(t.lower_ for t in tokens)


def children_through(token: Token, deps: tuple[str, ...]) -> list[Token]:
    """A token's children, and the children of those whose relation is one of ``deps``: where the parser
    hangs a word one level lower than it belongs ('the [Port Kilifi] shooting', 'beaten, usually by guards')."""
    return [w for c in token.children for w in ([c, *c.children] if c.dep_ in deps else [c])]


def clause_lemmas(trigger: Token, sent: SpacySpan) -> frozenset[str]:
    return lemmas_of(clause_tokens(clause_head(trigger), sent))


DEFINITE = frozenset({"the", "this", "that", "these", "those"})
DESCRIBING = frozenset({"prep", "acl", "relcl"})  # a noun's own words: 'the attack on a base that ...'


def _dating(phrase: Token) -> bool:
    """'on Tuesday', 'last week': a phrase that dates the noun, not one that describes it."""
    return phrase.dep_ == "prep" and any(c.ent_type_ in ("DATE", "TIME") for c in phrase.children)


PLACING = frozenset({"in", "at", "near", "outside"})


def _placing(phrase: Token) -> bool:
    """'at the airport of X', 'in X': a phrase that places the noun, not one that describes it."""
    return phrase.dep_ == "prep" and phrase.lower_ in PLACING and any(
        c.dep_ == "pobj" and c.ent_type_ in ("GPE", "LOC", "FAC") for c in phrase.children)


MEANS: Final = frozenset({"use", "involve", "employ"})  # 'staged the attack using eight drones'
WEAPONS: Final = AIR_CUES | SHELL_CUES | IED_CUES | FIREARM_CUES | GRENADE_CUES  # 'with drones', not 'with soldiers'


def _by_means(phrase: Token) -> bool:
    """'using eight drones', 'with helicopters': how the act was done, said of the act told before."""
    if phrase.dep_ == "acl":
        return phrase.lemma_.lower() in MEANS
    return phrase.dep_ == "prep" and phrase.lower_ == "with" and any(
        c.dep_ == "pobj" and c.lemma_.lower() in WEAPONS for c in phrase.children)


def told_as_known(token: Token) -> bool:
    """A noun trigger told as known: 'the attack', 'this shooting', "Tuesday's bombing"; not one
    that its own words describe ('the mass execution of captured troops', 'the attack that ...')."""
    if token.pos_ != "NOUN" or any(c.dep_ in DESCRIBING and not (_dating(c) or _placing(c) or _by_means(c))
                                   for c in token.children):
        return False
    words = children_through(token, ("compound",))  # 'the' of 'the Port Kilifi shooting' hung on the name
    return any((w.dep_ == "det" and w.lower_ in DEFINITE) or w.dep_ == "poss" for w in words)
