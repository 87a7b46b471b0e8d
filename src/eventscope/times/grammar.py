"""The patterns that find temporal expressions; each names the resolver that reads it.

Extents follow TimeML: determiners and modifiers ("the past two weeks", "late
March", "a year ago", "at least 30 days") are inside, prepositions are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import (
    APPROX,
    DAYNUM,
    EDGE,
    MONTH,
    NUMWORD,
    ORDINAL,
    PART,
    SEASON,
    UNIT,
    VAGUE,
    WEEKDAY,
    YEAR,
    B,
    E,
)
from .words import DECADE_WORD, MILLENNIUM, WORDYEAR


@dataclass(frozen=True, slots=True)
class Rule:
    kind: str
    pattern: re.Pattern[str]
    extent: str | None = None  # the named group that is the TIMEX3, when the rest only gives context


def _rule(kind: str, body: str, extent: str | None = None) -> Rule:
    return Rule(kind, re.compile(B + "(?:" + body + ")" + E, re.IGNORECASE), extent)  # both edges bind every branch


_EA = r"(?:(?P<ea>earlier|later|early|late)\s+)?"
_REL = r"(?P<rel>last|next|this|past|coming|previous|following)"
_DET = (
    r"(?P<det>(?:the\s+)?(?:past|last|next|coming|previous|following|current|same|latest|prior|preceding)|the\s+(?:full|whole|entire)(?=\s+(?:fiscal\s+)?year)"
    r"|that\s+same|that|this|last|next|past|coming|the)"
)
_UNITWORD = r"(?P<u>day|week|weekend|month|quarter|year|decade|century|period|morning|afternoon|evening|night)"
_DIR = r"(?:\s+(?P<dir>ago|earlier|from\s+now|old|long))?"  # "after", "before", "later" are signals
_SEP = r"\s*(?:-|–|to|and|until|till|through)\s*"

RULES: tuple[Rule, ...] = (
    _rule("iso", rf"(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<h>[0-2]\d):(?P<mi>\d\d))?"),
    _rule("slash", r"(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})"),
    _rule(
        "dmy",
        rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{DAYNUM})(?:\s+of)?\s+(?P<m>{MONTH})"
        rf"(?:,?\s+(?P<y>{YEAR}))?",
    ),
    _rule("dayrange", rf"(?P<d>{DAYNUM})(?={_SEP}{DAYNUM}(?:\s+of)?\s+(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?)"),
    # "April 24 and 25": the second day is its own TIMEX3, in the first one's month
    _rule(
        "dayrange",
        rf"(?P<m>{MONTH})\s+{DAYNUM}{_SEP}(?P<d>{DAYNUM})(?!\s*(?:percent|[ap]\.?m\b|o'clock))"
        rf"(?:,?\s+(?P<y>{YEAR}))?",
        extent="d",
    ),
    _rule("weekof", rf"the\s+week\s+of\s+(?P<m>{MONTH})\s+(?P<d>{DAYNUM})(?:,?\s+(?P<y>{YEAR}))?"),
    _rule("mdy", rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<m>{MONTH})\s+(?P<d>{DAYNUM})(?:,?\s+(?P<y>{YEAR}))?"),
    _rule("my", rf"(?:(?P<edge>{EDGE})\s*)?(?P<m>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEAR})"),
    # "last Oct. 23": the month-and-day is the TIMEX3, not "last Oct."
    _rule(
        "month",
        rf"(?:(?P<edge>{EDGE})\s*)?(?:{_REL}\s+)?(?P<m>{MONTH})(?!\.?\s+{DAYNUM}\b)"
        rf"(?:\s+(?P<ly>last|next|this)\s+year)?",
    ),
    _rule("year", rf"(?:(?P<edge>{EDGE})\s*|fiscal\s+|the\s+year\s+|(?:pre|post)-)?(?P<y>{YEAR})"),
    _rule(
        "wordyear",
        rf"(?:the\s+year\s+|(?P<m>{MONTH})\s+|the\s+(?P<s>{SEASON})\s+of\s+)?(?P<wy>{WORDYEAR})"
        rf"|the\s+year\s+(?P<wy2>{MILLENNIUM})",
    ),
    _rule(
        "worddecade",
        rf"the\s+(?:(?P<edge>{EDGE})\s*)?(?:(?P<c>nineteen|twenty)[\s-]+)?(?P<dw>{DECADE_WORD})",
    ),
    _rule(
        "century",
        rf"(?:the\s+)?(?:(?P<edge>{EDGE})\s*)?(?P<o>\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL})[\s-]+century",
    ),
    _rule("yearend", r"(?:(?<=since\s)(?P<since>))?(?:the\s+)?year(?:'s)?[\s-]+end"),
    _rule("decade", rf"(?:the\s+)?(?:(?P<edge>{EDGE})\s*)?(?P<dec>(?:1[5-9]|20)\d0|'\d0)'?s"),
    _rule(
        "deictic",
        r"(?:(?P<ea>earlier|later|early|late)\s+)?(?P<w>today|tonight|yesterday|tomorrow"
        r"|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|last\s+night)"
        rf"(?:\s+(?P<part>{PART}))?",
    ),
    _rule(
        "weekday",
        # "Earlier Friday": the weekday alone is the TIMEX3 ("earlier" is outside 4 times of 5 in TimeBank)
        rf"(?:(?P<ea>early|late)\s+)?(?:(?:the\s+(?=previous|following))?{_REL}\s+)?(?P<wd>{WEEKDAY})"
        rf"(?:\s+(?P<part>{PART}))?",
    ),
    _rule(
        "ref",
        r"(?P<w>now|right\s+now|currently|nowadays|these\s+days|at\s+present|presently|recently"
        r"|more\s+recently|most\s+recently|lately|the\s+past|the\s+(?:near\s+|distant\s+|foreseeable\s+)?future"
        r"|the\s+(?:near|short)\s+term|a\s+later\s+date|as\s+soon\s+as\s+possible"
        r"|the\s+present"
        # adjectival "current" (TimeML PRESENT_REF: "its current wife"); "soon" after a modal or "to"
        r"|current(?=\s+[a-z])(?!\s+(?:account|year|quarter|month|week|period|fiscal)\b)"
        r"|soon(?!\s+(?:after|as)\b))",
    ),
    _rule(
        "relunit",
        rf"(?:(?P<edge>{EDGE})\s+)?{_EA}{_DET}\s+(?:fiscal\s+)?{_UNITWORD}"
        r"(?:(?=\s+(?P<ended>ended|ending|ends|to\s+date)\b))?",
    ),
    _rule(
        "season",
        rf"(?:(?P<edge>{EDGE})\s*)?(?:{_REL}\s+|(?P<the>the)\s+)?(?P<s>{SEASON})"
        rf"(?:\s+(?:of\s+)?(?P<y>{YEAR}))?",
    ),
    _rule(
        "dur",
        rf"(?:(?P<det>(?:the\s+)?(?:past|last|next|coming|first|previous|following|final|latest)|the)\s+)?"
        rf"(?:(?P<mod>{APPROX})\s+)?(?:the\s+(?:past|last|next)\s+)?(?P<n>{NUMWORD}|{VAGUE})(?P<half>\s+1/2)?"
        rf"(?:\s+(?:more|additional|extra|further|straight|consecutive|trading|business|working))?[\s-]+(?P<u>{UNIT})(?P<half2>\s+and\s+a\s+half)?{_DIR}",
    ),
    _rule(
        "plural",
        rf"(?:(?P<w>recent|coming|past|future|the\s+past|the\s+coming|the(?=\s+\w+s\s+ahead\b))\s*)?(?P<u>(?:day|week"
        rf"|month|quarter|year|decade|hour|minute)s)(?:\s+(?P<ahead>ahead)|{_DIR})",
    ),
    _rule(
        "quarter",
        rf"(?:(?P<yr>(?:this|last|next)\s+year's|the\s+year-(?:earlier|ago))\s+)?"
        rf"(?:(?P<the>the)\s+)?(?:(?P<y0>{YEAR})\s+)?(?:fiscal[\s-]+)?"
        rf"(?:(?P<o>{ORDINAL}|(?<=the\s)(?:last|final))[\s-]+(?:fiscal\s+)?(?P<qh>quarter|half|qtr\.?)"
        rf"|(?P<q>q[1-4]))(?!\s+of\s+the\s)(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<y>{YEAR}))?"
        rf"|the\s+(?P<y1>{YEAR})\s+(?:fiscal\s+)?(?:quarter|period)",
    ),
    _rule(
        "yearago",
        r"(?:the\s+(?:(?:comparable|corresponding)\s+)?)?year-(?:earlier|ago|before)"
        r"(?:\s+(?P<u>quarter|period|month|week|year))?"
        # "For the quarter a year ago", "the corresponding period last year", "last year's quarter"
        r"|the\s+(?:(?:comparable|corresponding|same)\s+)?(?:quarter|period)\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year)"
        r"|last\s+year's\s+(?:quarter|period)",
    ),
    _rule(
        "set",
        rf"(?P<w>daily|weekly|monthly|annually|yearly|hourly|nightly)|(?:every|each|per)\s+"
        rf"(?:other\s+)?(?:(?P<u>{UNIT})|(?P<wd>{WEEKDAY})|(?P<m>{MONTH}))|(?P<wds>{WEEKDAY})s",
    ),
    _rule(
        "clock",
        r"(?:(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)"
        r"|(?P<noon>noon|midday|midnight))(?:\s+\(?(?:[ECMP][SD]T|GMT|UTC|local\s+time)\)?)?"
        rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{WEEKDAY})|(?P<dw>today|yesterday|tomorrow)"
        rf"|(?P<m>{MONTH})\s+(?P<d>{DAYNUM})(?!\s*,?\s*\d)))?",
    ),
    _rule(
        "holiday",
        r"(?P<hd>christmas(?:\s+day|\s+eve)?|new\s+year's(?:\s+day|\s+eve)?|thanksgiving(?:\s+day)?"
        rf"|easter(?:\s+sunday)?|independence\s+day|halloween)(?:\s+(?P<y>{YEAR}))?",
    ),
)
