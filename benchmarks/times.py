"""Throughput of tag_times beside dateparser's search_dates on the same texts.

usage: python benchmarks/times.py ARTICLES.jsonl [LIMIT]   (lines with id, text, published)
tag_times is timed without a parse (doc=None: tense falls back to the past) and with the spaCy
parse excluded from the timing (doc given), so the figures are the temporal layer's own cost.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import datetime

from dateparser.search import search_dates

from eventscope import nlp
from eventscope.records import Article
from eventscope.times import tag_times


def load(path: str, limit: int) -> list[Article]:
    arts = []
    with open(path, encoding="utf-8") as handle:
        for line in list(handle)[:limit]:
            row = json.loads(line)
            pub = datetime.fromisoformat(row["published"][:19]) if row.get("published") else None
            arts.append(Article(article_id=str(row["id"]), text=row["text"], published=pub))
    return arts


def timed(label: str, run: object, arts: list[Article]) -> None:
    began = time.perf_counter()
    found = sum(run(a) for a in arts)  # type: ignore[operator]
    took = time.perf_counter() - began
    print(f"| {label:32} | {len(arts) / took:10.1f} | {found / took:12.1f} | {found:6d} |")


def main(argv: list[str]) -> int:
    arts = load(argv[1], int(argv[2]) if len(argv) > 2 else 60)
    docs = {a.article_id: d for a, d in zip(arts, nlp.pipe(a.nlp_text for a in arts), strict=True)}
    print("| tagger | articles/s | expressions/s | found |\n|---|---|---|---|")
    timed("eventscope tag_times (no parse)", lambda a: len(tag_times(None, a)), arts)
    timed("eventscope tag_times (parsed)", lambda a: len(tag_times(docs[a.article_id], a)), arts)

    def dateparser_run(a: Article) -> int:
        base = a.published.replace(tzinfo=None) if a.published else None
        found = search_dates(a.text, languages=["en"], settings={"RELATIVE_BASE": base} if base else {})
        return len(found or [])

    timed("dateparser search_dates", dateparser_run, arts)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
