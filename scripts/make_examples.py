"""Write examples/centcom.jsonl from re3d's CENTCOM press releases (US government works,
public domain). The releases carry no date; each gets the publication day its text implies."""

from __future__ import annotations

import json
import sys
from pathlib import Path

CHOSEN = {  # article number in the CENTCOM URL -> publication time we assign
    "1039229": "2016-12-28T12:00:00+00:00",
    "1023962": "2016-12-08T12:00:00+00:00",
    "1032110": "2016-12-16T12:00:00+00:00",
}


def main(shared: str) -> None:
    rows = []
    for line in Path(shared, "eval/re3d/CENTCOM/documents.json").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        number = next((n for n in CHOSEN if f"/{n}/" in doc["sourceUrl"]), None)
        if number:
            rows.append({"id": f"centcom-{number}", "title": doc["title"], "url": doc["sourceUrl"],
                         "published": CHOSEN[number], "text": doc["text"]})
    rows.sort(key=lambda r: r["id"])
    with open("examples/centcom.jsonl", "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared")
