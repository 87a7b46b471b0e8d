"""The event database: the only code that writes SQL.

``Store`` opens (creating and migrating) an embedded DuckDB file; ``ingest``
writes articles, their mentions and the merged events in batched
transactions; ``query_events`` reads merged events back
(``EventFilter``: the one filter of the CLI and the web).
"""

from .db import Store, StoredArticle
from .filters import EventFilter
from .query import query_events
from .schema import SCHEMA_VERSION, migrate
from .writer import Extractor, IngestStats, ingest

__all__ = [
    "SCHEMA_VERSION",
    "EventFilter",
    "Extractor",
    "IngestStats",
    "Store",
    "StoredArticle",
    "ingest",
    "migrate",
    "query_events",
]
