"""HTML pages: trafilatura keeps the article text and reads title, authors and date."""

from __future__ import annotations

from datetime import datetime

import trafilatura
from trafilatura.deduplication import LRUCache
from trafilatura.settings import LRU_SIZE

from ..errors import InputError
from ..records import Article
from .articles import make_article
from .checks import check_text
from .fields import read_published


def article_from_html(html: str, article_id: str, *, origin: str, published: datetime | None) -> Article:
    # a cache of this page's own: trafilatura's default one outlives the call, and a paragraph (or a whole
    # page) it has seen more than twice in the process is dropped, so a page read again lost its text
    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               deduplicate=LRUCache(maxsize=LRU_SIZE))
    if not text or not text.strip():
        raise InputError("E008")
    text = check_text(text)
    meta = trafilatura.extract_metadata(html)
    authors = tuple(a.strip() for a in (meta.author or "").split(";") if a.strip()) if meta else ()
    when = read_published(meta.date).value if meta and meta.date else None
    return make_article(
        text,
        article_id,
        origin=origin,
        title=meta.title if meta else None,
        published=when or published,
        url=meta.url if meta else None,
        authors=authors,
        find_title=False,
    )
