"""Name keys: how a surface form and a gazetteer name are compared."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]*$")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Strip accents (Mosul == Mōṣul) and typographic quotes."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def name_key(text: str) -> str:
    """Lower-case, accent-free, without periods, single-spaced ("St. Louis" -> "st louis")."""
    folded = fold(text).lower().replace(".", " ").replace("'s ", "s ")
    return _SPACES.sub(" ", folded).strip()


def usable_alias(alias: str) -> bool:
    """Keep Latin-script aliases a news text could use; drop codes like 'PMS'."""
    plain = fold(alias)
    if not _LATIN.match(plain):
        return False
    return not (plain.isupper() and len(plain) <= 4)


# Postal-style abbreviations of US states as news print them after a town
# ("Alexandria, La."): a general style-book table.
US_STATE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas", "Kans.": "Kansas",
    "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts",
    "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nebr.": "Nebraska", "Nev.": "Nevada",
    "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York",
    "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon",
    "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn.": "Tennessee", "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington",
    "W.Va.": "West Virginia", "W. Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
    "D.C.": "Washington, D.C.",
}
ABBREVIATION_KEYS = {name_key(k): v for k, v in US_STATE_ABBREVIATIONS.items()}
