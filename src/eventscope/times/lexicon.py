"""Words and regular-expression pieces of English temporal expressions (no locale)."""

from __future__ import annotations

from collections.abc import Iterable

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 1,
    "tuesday": 2,
    "wednesday": 3,
    "thursday": 4,
    "friday": 5,
    "saturday": 6,
    "sunday": 7,
}
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}
ORDINALS: dict[str, int] = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}
NUMBERS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "a half": 0,
    "half a": 0,
}
VAGUE_NUMBERS = ("several", "a few", "few", "a couple of", "couple of", "many", "some")
# unit -> (TIMEX3 duration letter, is a time unit, granularity)
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True),
    "minute": ("M", True),
    "hour": ("H", True),
    "day": ("D", False),
    "week": ("W", False),
    "weekend": ("WE", False),
    "fortnight": ("2W", False),
    "month": ("M", False),
    "quarter": ("Q", False),
    "year": ("Y", False),
    "decade": ("DE", False),
    "century": ("CE", False),
}
MODS: dict[str, str] = {
    "about": "APPROX",
    "around": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "nearly": "APPROX",
    "almost": "APPROX",
    "approximately": "APPROX",
    "more than": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "less than": "LESS_THAN",
    "up to": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS",
    "early": "EARLY",
    "mid": "MID",
    "mid-": "MID",
    "late": "LATE",
    "the end of": "END",
    "the beginning of": "START",
    "the start of": "START",
    "the middle of": "MID",
    "end of": "END",
    "beginning of": "START",
    "the turn of": "START",
}


def alt(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first, spaces as flexible whitespace."""
    items = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(w.replace(".", r"\.").replace(" ", r"\s+") for w in items) + ")"


B = r"(?<![\w$£€.,'-])"  # left boundary
E = r"(?![\w%])"  # right boundary
MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)"
)
WEEKDAY = alt(WEEKDAYS)
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
NUMWORD = (
    r"(?:\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four"
    r"|five|six|seven|eight|nine))?|" + alt(k for k in NUMBERS if " " in k or k.isalpha())[3:-1] + ")"
)
VAGUE = alt(VAGUE_NUMBERS)
UNIT = alt(UNITS) + r"s?"
SEASON = alt(SEASONS)
PART = alt(PARTS_OF_DAY)
ORDINAL = alt(ORDINALS)
APPROX = alt(k for k, v in MODS.items() if v not in ("EARLY", "MID", "LATE", "END", "START"))
EDGE = r"(?:(?:early|late|mid)-?|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)"


def number_value(text: str) -> int | None:
    """The integer a number word or numeral denotes, None when vague ('several')."""
    word = " ".join(text.lower().replace(",", "").split())
    if word in NUMBERS:
        return NUMBERS[word]
    if word in ("a couple of", "couple of"):  # TIMEX3 (as HeidelTime): "a couple of years" is P2Y
        return 2
    if word.replace(".", "", 1).isdigit():
        return int(float(word))
    if "-" in word:
        tens, _, unit = word.partition("-")
        if tens in NUMBERS and unit in NUMBERS:
            return NUMBERS[tens] + NUMBERS[unit]
    return None


def month_number(text: str) -> int:
    key = text.lower().rstrip(".")
    return MONTHS.get(key, MONTHS.get(key[:3], 0))


def unit_key(text: str) -> str:
    word = text.lower()
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and word[:-1] in UNITS else word
