"""The event database: the only code that writes SQL.

``Store`` opens (creating and migrating) an embedded DuckDB file; ``ingest``
writes articles, their mentions and the merged events in batched
transactions; ``query_events`` reads merged events back.
"""

from .db import Store, StoredArticle
from .ingest import Extractor, IngestStats, ingest
from .query import EventQuery, query_events
from .schema import SCHEMA_VERSION, migrate

__all__ = [
    "SCHEMA_VERSION",
    "EventQuery",
    "Extractor",
    "IngestStats",
    "Store",
    "StoredArticle",
    "ingest",
    "migrate",
    "query_events",
]
