"""What a command says on stderr about its inputs, the same for ``extract`` and ``ingest``: each skipped or
quarantined input with its origin (file and line) and coded reason, each degraded field's warning, and the
articles refused for their language once per batch, as a count by language."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from .records import Article, Rejected

ONCE_PER_BATCH = frozenset({"E005"})  # codes told once, with a count, when the batch ends
PREFIX = "eventscope: "


class Reporter:
    def __init__(self, say: Callable[[str], None]) -> None:
        self.say = say
        self.skipped = 0
        self.grouped: Counter[str] = Counter()  # reason -> inputs, for the codes told once
        self.first: dict[str, str] = {}  # reason -> the first input refused for it

    def rejected(self, item: Rejected) -> None:
        self.skipped += 1
        if item.code not in ONCE_PER_BATCH:
            self.say(f"{PREFIX}skipped {item.origin}: {item.reason}")
            return
        self.grouped[item.reason] += 1
        self.first.setdefault(item.reason, item.origin)

    def article(self, article: Article) -> None:
        for line in article.warnings:
            self.say(f"{PREFIX}warning {article.origin or article.article_id}: {line}")

    def items(self, items: Iterable[Article | Rejected]) -> Iterator[Article | Rejected]:
        """The items unchanged, each article's warnings told as it passes (rejections are told by the caller)."""
        for item in items:
            if isinstance(item, Article):
                self.article(item)
            yield item

    def close(self) -> None:
        """Tell the grouped refusals: one line per reason, with the count and the first input."""
        for reason, count in sorted(self.grouped.items()):
            first = self.first[reason]
            self.say(f"{PREFIX}skipped {count} input{'s' if count > 1 else ''} {reason} (the first: {first})")
        self.grouped.clear()
