"""Names inside an unresolved toponym: "Henderson County Jail", "Northeast Georgia",
"Port of Los Angeles" lie in Henderson County, Georgia and Los Angeles.

The enclosing place is an answer with a coarser precision (the mention is a part
of it or a facility in it), better than none; a name the gazetteer does not know
stays unresolved.
"""

from __future__ import annotations

DIRECTION_WORDS = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern",
    "southern", "eastern", "western", "central", "upper", "lower", "metro", "greater", "downtown"})
STREET_WORDS = frozenset({
    "street", "st", "avenue", "ave", "road", "rd", "drive", "dr", "boulevard", "blvd", "lane", "ln",
    "highway", "hwy", "route", "pike", "trail", "parkway", "pkwy"})
MIN_PART_CHARS = 3  # "Al" of "Al Hasakeh", "Sur" of "Lanao del Sur" are particles, not places
MIN_TOWN_POPULATION = 15_000  # a town this large may enclose a named part; smaller ones need the article


def part_names(text: str) -> list[str]:
    """Names the toponym may be part of, most specific first; none for a street, which is
    named after a place ("Wells Avenue"), not in it."""
    words = text.split()
    if words and words[-1].lower().rstrip(".") in STREET_WORDS and "County" not in words:
        return []  # but a county road is in its county
    out = []
    if len(words) > 1 and words[0].lower() in DIRECTION_WORDS:
        out.append(" ".join(words[1:]))
    if " of " in text:
        out.append(text.rsplit(" of ", 1)[1])
    out += [" ".join(words[:n]) for n in range(len(words) - 1, 0, -1)]
    return [name for name in out if len(name) > MIN_PART_CHARS and name[0].isupper()]
