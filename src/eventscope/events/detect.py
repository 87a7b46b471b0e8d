"""Event mentions in every sentence: triggers, their modality, arguments and type."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..actors import NON_STATE_ARMED, PARTICIPANT_TYPES
from ..records import ActorMention, EventMention, Source, Span
from . import lexicon as lx
from .arguments import Arguments, find_arguments, governing_verb, opposing_actor
from .fatalities import fatalities
from .modality import hedged, modality
from .plover import plover
from .rules import (
    ARMED_TYPES,
    AT_A_PROTEST,
    CAPTIVES,
    DEMONSTRATIONS,
    EVENT_TYPE_OF,
    LETHAL,
    MISSILES_OF_A_CROWD,
    SCUFFLES,
    Cues,
    allowed_subtypes,
    demonstrators_violent,
    rule_is_sure,
    rule_subtype,
)
from .typing import Typing, type_mention, type_sentence

MONTHS = frozenset({"march", "may"})  # month names that are also trigger lemmas
MIN_UNTRIGGERED_WORDS = 5  # a sentence typed without a trigger word must say more than a count
RULE_ONLY_CONFIDENCE = 0.25  # a rule the model did not confirm (right about as often, on the dev sets)
TERRITORY_OPPOSED = frozenset({"Government regains territory", "Non-state actor overtakes territory",
                               "Armed clash"})


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
                yield Trigger(tokens[i], frame, last.idx + len(last))


REFERRING_VERBS = frozenset({"describe", "condemn", "denounce", "criticise", "criticize", "commemorate", "remember",
                             "decry", "deplore", "term"})
EVENT_HEADS = frozenset({"death", "incident", "spree", "attack", "rampage", "victim", "killing", "suspect"})


def _refers_back(token: Token) -> bool:
    """'described the destruction of the temple', 'condemned the attack': talk about an event
    reported elsewhere, not a new one."""
    return token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_.lower() in REFERRING_VERBS


ARMS = lx.AIR_CUES | lx.SHELL_CUES | lx.IED_CUES | lx.FIREARM_CUES | lx.GRENADE_CUES  # what armed groups fire
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


def _clause_head(trigger: Token) -> Token:
    modifier = trigger.dep_ in ("amod", "compound")  # 'shooting death': the clause is the head noun's
    head = trigger if trigger.pos_ == "VERB" and not modifier else trigger.head
    if head.dep_ in ("prep", "agent") and head.head.pos_ in ("VERB", "AUX"):
        head = head.head  # 'died from gunfire during a demonstration': the verb's words are the noun's too
    elif head.lower_ == "of" and head.head.pos_ in ("NOUN", "NUM"):
        head = governing_verb(head.head) or head  # 'dozens of arrests were made after ...': the verb's clause
    elif trigger.dep_ == "conj" and any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in trigger.children):
        head = trigger.head  # 'cleared the mines and destroyed them': the first verb's words name 'them'
    return head


def _clause_tokens(head: Token, sent: SpacySpan) -> list[Token]:
    return list(head.subtree) if head.i >= sent.start and head.i < sent.end else list(sent)


def _lemmas(tokens: list[Token]) -> frozenset[str]:
    return frozenset(t.lemma_.lower() for t in tokens) | frozenset(t.lower_ for t in tokens)


def _clause_lemmas(trigger: Token, sent: SpacySpan) -> frozenset[str]:
    return _lemmas(_clause_tokens(_clause_head(trigger), sent))


TOPIC_PREPS = frozenset({"against", "over", "about", "after", "for"})


CROWD_VIOLENCE = MISSILES_OF_A_CROWD | SCUFFLES


def _crowd_violent(trigger: Token, sent: SpacySpan) -> bool:
    """Stones thrown or clashes in the clause, not in what a protest is about ('protested against
    the clashes', 'against the laying of stones')."""
    head = _clause_head(trigger)
    tokens = _clause_tokens(head, sent)
    if not {t.lemma_.lower() for t in tokens} & CROWD_VIOLENCE:
        return False

    def topical(token: Token) -> bool:
        current = token
        while current.i != head.i and current.head.i != current.i:
            if current.dep_ == "prep" and current.lower_ in TOPIC_PREPS:
                return True
            current = current.head
        return False

    return demonstrators_violent(_lemmas([t for t in tokens if not topical(t)]))


STATE_NOUNS = frozenset({"troop", "troops", "trooper", "soldier", "army", "military", "policeman", "marine",
                         "gendarme", "paratrooper"})
REBEL_NOUNS = frozenset({"rebel", "fighter", "militant", "insurgent", "jihadist", "guerrilla", "separatist",
                         "extremist", "terrorist", "militiaman", "militia"})


def _side_of(agent: Token | None) -> str | None:
    """An agent the actor dictionary does not name still tells its side: 'troopers captured two camps'
    (state forces), 'the Kurdish fighters regained control' (a non-state group)."""
    if agent is None:
        return None
    lemma = agent.lemma_.lower()
    if lemma in STATE_NOUNS or (lemma == "force" and any(c.lemma_.lower() in STATE_NOUNS for c in agent.children)):
        return "State forces"
    return "Rebel group" if lemma in REBEL_NOUNS else None


def _governed_by_death(token: Token) -> bool:
    """'died from gunfire during a demonstration': a noun trigger in a phrase of a verb of killing."""
    prep = token.head
    return token.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.lemma_.lower() in LETHAL


CONVEYANCES = frozenset({"train", "bus", "plane", "aircraft", "airliner", "jet", "ship", "vessel", "ferry", "boat",
                         "tanker", "truck", "lorry", "minibus", "coach", "convoy"})  # taken with those aboard
INTRUDE = frozenset({"storm", "enter"})  # into a school or a village: an attack, not a capture


def _refine_frame(trigger: Token, frame: str, lemmas: frozenset[str], patient: Token | None) -> str:
    """'seized a weapons cache' disrupts weapons use, 'captured a senior commander' arrests him,
    'stormed a university' attacks it: what was taken (the object, else the clause's words) tells."""
    if frame != lx.TAKE:
        return frame
    taken = patient.lemma_.lower() if patient is not None else ""
    if taken in lx.CACHE_CUES or (lemmas & lx.CACHE_CUES and not lemmas & lx.TERRITORY_CUES):
        return lx.DISRUPT
    if taken in lx.CIVILIAN_PLACES and trigger.lemma_.lower() in INTRUDE:
        return lx.ATTACK
    if taken in CONVEYANCES:
        return lx.ABDUCT  # 'seized a passenger train', 'took over a bus': a hijacking (ACLED: abduction)
    return lx.ARREST if taken in CAPTIVES else frame


CROWD_WORDS = frozenset({"mob", "crowd", "youth", "cadre", "supporter", "villager", "resident", "local", "worker",
                         "student", "activist", "member", "group", "people", "man", "men"})
DEMONSTRATION_WORDS = lx.PROTEST_CUES | {"protest", "rally", "march", "demonstrate", "riot", "rioter", "mob",
                                        "crowd", "strike", "picket", "sit-in", "lynch", "torch", "vandalise"}


def _supported(typing: Typing, lemmas: frozenset[str]) -> bool:
    """A type guessed for a sentence with no trigger needs a word of its own family in the sentence."""
    weapons = lx.AIR_CUES | lx.SHELL_CUES | lx.IED_CUES | lx.GRENADE_CUES | lx.CHEMICAL_CUES | lx.SUICIDE_CUES
    if typing.event_type in ("Protests", "Riots"):
        return bool(lemmas & DEMONSTRATION_WORDS)
    if typing.event_type == "Explosions/Remote violence":
        return bool(lemmas & weapons) and bool(lemmas & (lx.DEATH_WORDS | {"attack", "hit", "target", "strike"}))
    if typing.event_type in ("Battles", "Violence against civilians"):
        return bool(lemmas & (lx.DEATH_WORDS | lx.FIREARM_CUES | {"injure", "wound", "attack", "abduct"}))
    return True


def _armed_context(lemmas: frozenset[str], mentions: Sequence[ActorMention]) -> bool:
    return bool(mentions) or bool(lemmas & (lx.ARMED_WORDS | ARMS | lx.DEATH_WORDS))


def _sentence_actors(sent: SpacySpan, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """Actors in the sentence that can take part in an event (not news agencies or monitors)."""
    return [m for m in mentions if sent.start_char <= m.start and m.end <= sent.end_char
            and m.actor.actor_type in PARTICIPANT_TYPES]


def mention_for(trigger: Trigger, sent: SpacySpan, actors: Sequence[ActorMention],
                source: Source | None) -> EventMention | None:
    """The event mention a trigger heads, or None if it is not an event that happened."""
    token = trigger.token
    lemmas = _clause_lemmas(token, sent)
    local = _sentence_actors(sent, actors)
    if token.lemma_.lower() in lx.NEEDS_ARMED and not _armed_context(lemmas, local):
        return None
    mood = modality(token, sent)
    if mood not in ("asserted", "claimed"):
        return None
    args = find_arguments(token, actors)
    trigger = Trigger(token, _refine_frame(token, trigger.frame, lemmas, args.patient), trigger.end)
    if trigger.frame == lx.ARREST and _disappeared(args, lemmas):
        trigger = Trigger(token, lx.ABDUCT, trigger.end)
    if trigger.frame == lx.ARREST:  # 'dozens of arrests were made during a demonstration': the protest's
        lemmas = lemmas | (frozenset(t.lemma_.lower() for t in sent) & AT_A_PROTEST)
    if trigger.frame == lx.BASE and not lemmas & lx.BASE_CUES:
        return None
    patient = args.patient.lemma_.lower() if args.patient is not None else ""
    cues = Cues(trigger.frame, lemmas, args.actor1.actor_type if args.actor1 else _side_of(args.agent),
                args.actor2.actor_type if args.actor2 else None,
                target_civilian=patient in lx.CIVILIAN_CUES | lx.CIVILIAN_PLACES and args.actor2 is None,
                target_protesters=patient in lx.PROTEST_CUES, lethal_verb=_governed_by_death(token))
    typing = constrained_typing(sent.text, cues)
    if typing is None:
        return None
    if typing.sub_event_type in MET_PROTESTS and _crowd_violent(token, sent):
        typing = as_riot(typing, cues.lemmas)
    return _mention(trigger, sent, typing, args, actors, mood, source)


def _disappeared(args: Arguments, lemmas: frozenset[str]) -> bool:
    """ACLED: a non-state armed group detaining people abducts them, and a detainee whose whereabouts
    are unknown has disappeared, whoever holds him."""
    held_by_armed_group = args.actor1 is not None and args.actor1.actor_type in NON_STATE_ARMED
    return held_by_armed_group or "whereabouts" in lemmas


MET_PROTESTS = frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters"})


def as_riot(typing: Typing, lemmas: frozenset[str]) -> Typing:
    """A protest whose demonstrators threw stones or clashed (_crowd_violent) is a violent demonstration."""
    kind, mode = plover("Violent demonstration", lemmas)
    return replace(typing, event_type="Riots", sub_event_type="Violent demonstration", plover_type=kind,
                   plover_mode=mode)


def constrained_typing(sentence: str, cues: Cues) -> Typing | None:
    """The model proposes, the trigger's frame disposes: a type the frame does not admit (or a
    'no event' the rules are sure of) gives way to the rules' type."""
    typing = type_mention(sentence, cues)
    allowed = allowed_subtypes(cues)
    if not cues.lemmas & DEMONSTRATION_WORDS and cues.frame not in (lx.PROTEST, lx.RIOT, lx.MOB, lx.INTERVENE):
        allowed = allowed - DEMONSTRATIONS  # a protest needs a word of protest ...
        if cues.lemmas & CROWD_WORDS and cues.actor1_type not in ARMED_TYPES:
            allowed = allowed | {"Mob violence"}  # ... a mob only an unarmed crowd
    if cues.frame in HARM_FRAMES and cues.lemmas & lx.DISASTER_WORDS and not _perpetrated(cues):
        return None  # 'a tsunami killed 222 people': nobody's violence
    if cues.frame == lx.CLASH and _brawl(cues):
        kind, mode = plover("Mob violence", cues.lemmas)
        return Typing("Riots", "Mob violence", typing.confidence if typing else RULE_ONLY_CONFIDENCE, kind, mode)
    if typing is not None and typing.sub_event_type in allowed and not _rules_overrule(typing, cues):
        return typing
    if typing is None and not rule_is_sure(cues):
        return None
    sub = rule_subtype(cues)
    confidence = typing.confidence / 4 if typing is not None else RULE_ONLY_CONFIDENCE
    kind, mode = plover(sub, cues.lemmas)
    return Typing(EVENT_TYPE_OF[sub], sub, confidence, kind, mode)


BRAWLERS = frozenset({"group", "family", "individual", "supporter", "cadre", "villager", "resident", "youth",
                      "student", "local", "worker", "people", "member", "neighbour", "neighbor"})
TRIBAL = frozenset({"tribe", "tribesman", "tribesmen", "tribal", "clan", "clansman", "clansmen", "communal"})


def _brawl(cues: Cues) -> bool:
    """Groups of people clashing with no armed organisation, weapon or armed word on either side ('supporters
    of two parties clashed', 'clashes erupted between two families'): ACLED's mob violence, not a battle.
    Tribes and clans clashing are communal militias: a battle."""
    armed = cues.actor1_type in ARMED_TYPES or cues.actor2_type in ARMED_TYPES
    return not armed and bool(cues.lemmas & BRAWLERS) and not cues.lemmas & (lx.ARMED_WORDS | ARMS | TRIBAL)


HARM_FRAMES = frozenset({lx.KILL, lx.SHOOT, lx.EXPLODE, lx.ATTACK, lx.DESTROY})  # a protest over an accident stays
SPECIFIC_WEAPONS = frozenset({"Suicide bomb", "Chemical weapon"})  # not grenades: ACLED's 'grenade launchers' shell


def _perpetrated(cues: Cues) -> bool:
    return cues.actor1_type in ARMED_TYPES or bool(cues.lemmas & (lx.ARMED_WORDS | ARMS))


def _rules_overrule(typing: Typing, cues: Cues) -> bool:
    """A suicide bomber's device is no mere IED, a chemical agent no mere shell; protesters who died
    from gunfire during a demonstration were at no peaceful protest."""
    rule = rule_subtype(cues)
    if rule in SPECIFIC_WEAPONS and typing.event_type == "Explosions/Remote violence":
        return rule != typing.sub_event_type
    return (typing.sub_event_type == "Peaceful protest" and cues.frame == lx.PROTEST and cues.lethal_verb
            and rule == "Excessive force against protesters")


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


def sentence_mentions(sent: SpacySpan, actors: Sequence[ActorMention], source: Source | None) -> list[EventMention]:
    """A sentence's events, the news first: in text order, except that events told in passing (in_passing)
    follow, and a rule-only guess gives way to a sure typing (_surest_first)."""
    triggers = find_triggers(sent)
    pairs = [(t, m) for t in triggers if (m := mention_for(t, sent, actors, source)) is not None]
    if pairs or triggers:
        news: list[EventMention] = []
        aside: list[EventMention] = []
        for t, m in pairs:
            (aside if in_passing(t.token) else news).append(m)
        return _surest_first(news) + aside
    lemmas = frozenset(t.lemma_.lower() for t in sent)
    if sum(t.is_alpha for t in sent) < MIN_UNTRIGGERED_WORDS:
        return []  # '3 fatalities.' completes the previous sentence's event
    typing = type_sentence(sent.text) if _armed_context(lemmas, _sentence_actors(sent, actors)) else None
    if typing is None or not _supported(typing, lemmas):
        return []
    root = sent.root
    mood = modality(root, sent)
    if mood not in ("asserted", "claimed"):
        return []
    trigger = Trigger(root, lx.ATTACK, root.idx + len(root))
    return [_mention(trigger, sent, typing, find_arguments(root, actors), actors, mood, source)]
