"""Fatalities stated in a sentence: 'killing 6 civilians', '2 people were killed',
'resulting in 3 fatalities', 'killed a suspected thief' (one). 0 when no death is stated."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .lexicon import DEATH_WORDS

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "dozen": 12, "dozens": 24, "hundred": 100, "hundreds": 200, "a": 1, "an": 1,
}
KILL_VERBS = frozenset({"kill", "execute", "behead", "massacre", "murder", "slay", "lynch", "assassinate"})
MAX_FATALITIES = 100_000


def number_value(token: Token) -> int | None:
    text = token.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    return NUMBER_WORDS.get(text)


def _victim_heads(sent: SpacySpan) -> list[Token]:
    """Nouns denoting the dead: objects of kill verbs, subjects of 'die', 'N dead', 'N fatalities'."""
    heads: list[Token] = []
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in KILL_VERBS:
            heads += [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        elif lemma == "die" and token.pos_ == "VERB":
            heads += [c for c in token.children if c.dep_ == "nsubj"]
        elif lemma in ("fatality", "death", "body", "dead", "casualty") and token.pos_ in ("NOUN", "ADJ"):
            heads.append(token)
    for head in list(heads):
        heads += [c for c in head.children if c.dep_ == "conj"]
    return heads


def _count(head: Token) -> int | None:
    if head.lemma_.lower() == "dead" and head.head.pos_ == "NUM":
        return number_value(head.head)
    for child in head.children:
        if child.dep_ in ("nummod", "quantmod") or (child.dep_ == "det" and child.lower_ in ("a", "an")):
            value = number_value(child)
            if value is not None:
                return value
    if head.pos_ == "NUM":
        return number_value(head)
    if head.pos_ == "PROPN" or (head.pos_ == "NOUN" and head.tag_ == "NN"):
        return 1  # 'killed a suspected thief', 'killed Ahmed'
    return None


def fatalities(sent: SpacySpan) -> int:
    """The number of people the sentence says were killed (0 if it says none were)."""
    if not any(t.lemma_.lower() in DEATH_WORDS for t in sent):
        return 0
    total = 0
    for head in _victim_heads(sent):
        if head.lemma_.lower() in ("death", "casualty") and not any(c.dep_ == "nummod" for c in head.children):
            continue
        value = _count(head)
        if value:
            total += value
    return min(total, MAX_FATALITIES)
