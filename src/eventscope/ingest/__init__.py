"""ingest: files, JSON Lines corpora and HTML pages -> Article (or Rejected)."""

from .articles import make_article, parse_time
from .checks import check_text, decode
from .readers import read_inputs

__all__ = ["check_text", "decode", "make_article", "parse_time", "read_inputs"]
