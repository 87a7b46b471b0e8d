"""Did it happen? Plans, predictions, denials, negations, failed acts and acts told as a court's
verdict are not events that happened; hedged reports are events marked as hedged."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..nlp import text_of
from ..records import Modality

INTENT = frozenset({"plan", "intend", "prepare", "aim", "seek", "try", "attempt", "vow", "threaten", "want",
                    "hope", "focus", "ready", "push", "pledge", "promise", "order", "call", "urge", "demand",
                    "propose", "consider", "decide", "warn", "mull", "look", "bid", "effort", "operation", "hire",
                    "campaign", "offensive", "mission", "need", "able", "necessary"})
PREDICT_AUX = frozenset({"will", "would", "could", "may", "might", "shall", "should", "ca", "can", "'ll"})
PREDICT_WORDS = frozenset({"expect", "likely", "possible", "predict", "forecast", "fear", "imminent",
                           "anticipate", "unlikely", "soon"})
DENY = frozenset({"deny", "reject", "dismiss", "refute"})
FAIL = frozenset({"foil", "thwart", "fail", "prevent", "avert"})
NEARLY = frozenset({"almost", "nearly"})  # 'was almost gunned down': it did not happen
# a court's words on a past case: 'sentenced for the killing', 'pleaded guilty to attempted murder',
# 'convicted of the shooting' tell a trial, not the act (told elsewhere, if at all). A charge or an
# accusation is not among them: 'a man accused of shooting a driver' is often the only report of the shooting
LEGAL = frozenset({"convict", "sentence", "plead", "acquit", "testify", "guilty", "trial", "conviction"})
GOVERNING_NOUNS = INTENT | LEGAL  # a noun whose phrase tells a plan or a verdict: 'its plan for', 'a conviction for'
HEDGE_WORDS = frozenset({"reportedly", "allegedly", "purportedly", "apparently", "unconfirmed", "rumour",
                         "rumor", "alleged", "suspected"})
HEDGE_PHRASES = ("reports are saying", "reports say", "it is believed", "according to unconfirmed",
                 "is said to", "are said to", "were said to", "was said to", "it was not clear", "unverified")
PREDICT_PHRASES = ("matter of time", "expected to", "set to", "about to", "on the verge of", "poised to")
CONDITIONAL = frozenset({"if", "unless", "whether"})
SUBJECT = frozenset({"nsubj", "nsubjpass", "dep"})  # 'dep': the parser's attachment of a subject it misread
BACKGROUND_MARKS = frozenset({"after", "since", "because", "as", "when", "while", "following"})  # told as done


def _chain(token: Token, sent: SpacySpan) -> list[Token]:
    """The trigger and its governors up to the sentence root, stopping after a reporting verb
    ('X said that ...' frames the report; only a denial or a claim there changes the event)."""
    chain = [token]
    while chain[-1].head != chain[-1] and chain[-1].head.i >= sent.start and len(chain) < 8:
        if chain[-1].dep_ == "pobj" and chain[-1].head.head.pos_ in ("NOUN", "PROPN"):
            if chain[-1].head.head.lemma_.lower() in GOVERNING_NOUNS:
                chain.append(chain[-1].head.head)  # 'its plan for mass arrests', 'a conviction for murder'
            break  # 'the shooters in the mass shooting had planned ...': a phrase inside a noun phrase
        if chain[-1].dep_ in SUBJECT and len(chain) > 1 and chain[-2].dep_ in ("acl", "relcl"):
            break  # 'hundreds of youths protested ...; [they] demanded': a clause on the subject is done
        if chain[-1].dep_ in ("acl", "relcl") and (chain[-1].tag_ == "VBD" or _in_agent_phrase(chain[-1].head)):
            break  # a finite past clause on a noun is done ('members of the X campaign gathered'), and so is one
            # on a passive's 'by' noun ('pensioners called by the platform protested', misparsed)
        if chain[-1].dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS
                                               for c in chain[-1].children):
            break  # 'vowed an investigation after seven people were murdered': the murders happened
        if chain[-1].dep_ in ("ccomp", "parataxis"):
            if chain[-1].head.lemma_.lower() in DENY | {"claim"}:
                chain.append(chain[-1].head)
            break
        chain.append(chain[-1].head)
    return chain


def _in_agent_phrase(noun: Token) -> bool:
    """The noun of a passive's 'by' phrase ('called by the platform')."""
    return noun.dep_ == "pobj" and noun.head.dep_ == "agent"


def _is_infinitive_purpose(token: Token) -> bool:
    """'an operation to oust X', 'managed to seize' is fine; 'plans to seize' is caught by INTENT."""
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    return has_to and token.dep_ in ("acl", "advcl", "relcl") and token.head.pos_ == "NOUN"


def modality(token: Token, sent: SpacySpan) -> Modality:
    """The modality of the event headed by ``token`` in ``sent``."""
    chain = _chain(token, sent)
    lemmas = [t.lemma_.lower() for t in chain]
    text = sent.text.lower()
    if any(t.dep_ == "pcomp" and t.head.lower_ == "without" for t in chain):
        return "negated"  # 'defused without exploding', 'without having to detonate it', 'without firing a shot'
    for t in chain:
        for child in t.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return "negated"
            if child.dep_ == "mark" and child.lower_ in CONDITIONAL:
                return "predicted"
    if any(lemma in DENY for lemma in lemmas[1:]):
        return "denied"
    if any(lemma in FAIL for lemma in lemmas[1:]) or any(c.dep_ == "advmod" and c.lower_ in NEARLY
                                                          for c in token.children):
        return "failed"
    if any(lemma in LEGAL for lemma in lemmas[1:]):
        return "alleged"
    if any(lemma in INTENT for lemma in lemmas[1:]) or _is_infinitive_purpose(token):
        return "planned"
    if _predicted(chain, lemmas, text):
        return "predicted"
    if _habitual(token) and not _opens_text(sent):
        return "generic"
    if any(lemma == "claim" for lemma in lemmas[1:]):
        return "claimed"
    return "asserted"


def _predicted(chain: list[Token], lemmas: list[str], text: str) -> bool:
    for t in chain[:3]:
        if any(c.dep_ == "aux" and c.lower_ in PREDICT_AUX for c in t.children):
            return True
    if any(lemma in PREDICT_WORDS for lemma in lemmas):
        return True
    head = chain[0]
    return any(p in text for p in PREDICT_PHRASES) and head.dep_ in ("csubj", "nsubj", "xcomp", "ROOT")


def _opens_text(sent: SpacySpan) -> bool:
    """Headlines and ledes tell past events in the present ('Police fire tear gas at protesters')."""
    return not text_of(sent.doc)[:sent.start_char].strip()


def _habitual(token: Token) -> bool:
    """'The Coalition takes all feasible precautions during ... airstrikes': the simple present of a
    verb other than 'be' states what usually happens, not an event."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ not in ("VBZ", "VBP") or verb.lemma_ == "be":
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def hedged(token: Token, sent: SpacySpan) -> bool:
    text = sent.text.lower()
    if any(p in text for p in HEDGE_PHRASES):
        return True
    return any(t.lower_ in HEDGE_WORDS for t in sent)
