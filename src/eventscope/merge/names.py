"""Name words of the people an article names, by a cheap capitalisation rule.

A person is a run of two or three capitalised words ("Syed Rizwan Farook",
"Quintonio LeGrier") that contains no word from the stop list below (places,
institutions, titles, calendar words).  The words are lower-cased; merging
compares these sets between articles, so a shared surname is evidence that two
reports concern the same people.
"""

from __future__ import annotations

import re

# A capitalised word: "Farook", "LeGrier", "O'Neal", "McDonald"; 3+ letters.
_WORD = r"[A-Z][a-z]*(?:['’]?[A-Z]?[a-z]+)+"
_RUN = re.compile(rf"\b{_WORD}(?:[ \t]+{_WORD}){{1,2}}\b")

STOP = frozenset(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today yesterday
    police department county city state states united street avenue boulevard road drive lane
    court district office sheriff officer officers detective sergeant lieutenant chief captain
    deputy deputies agent agents judge attorney general governor mayor president senator
    news times post tribune herald journal gazette daily press associated reuters report reporter
    university college school high hospital medical center centre church mosque park mall
    north south east west northern southern eastern western new san los las santa fort mount lake
    national international federal american america islamic state army forces force ministry
    community family home house inland mountain valley beach island river bay
    the and for with from that this said says there their they his her
    facebook twitter instagram youtube google copyright rights reserved read more share email
    homicide report shooting shootings killed dead victim victims suspect suspects gun guns
    man men woman women boy girl teen teens child children shot dies died crime stoppers breaking
    bureau division unit task team services service public safety emergency fire rescue
    """.split()  # noqa: SIM905 (a word list reads better as text)
)


def person_names(text: str) -> tuple[str, ...]:
    """Sorted, distinct lower-case name words of the people named in ``text``.

    A word the text also writes in lower case ("About", "Before") is an ordinary
    word capitalised at a sentence start, not a name.
    """
    common = set(re.findall(r"\b[a-z]{3,}\b", text))
    words: set[str] = set()
    for match in _RUN.finditer(text):
        parts = [p.lower().replace("’", "'") for p in match.group(0).split()]
        if any(p in STOP or p in common for p in parts):
            continue
        words.update(p for p in parts if len(p) >= 3)
    return tuple(sorted(words))
