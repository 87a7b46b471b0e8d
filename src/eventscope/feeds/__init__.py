"""Feeds: RSS/Atom parsing, polite HTTP fetching, URL inputs and continuous polling."""

from .fetch import Fetched, Fetcher
from .parse import feed_articles, looks_like_feed
from .sources import count_inputs, read_sources
from .watch import Poll, parse_every, poll_feed, watch

__all__ = [
    "Fetched", "Fetcher", "Poll", "count_inputs", "feed_articles", "looks_like_feed", "parse_every", "poll_feed",
    "read_sources", "watch",
]  # fmt: skip
