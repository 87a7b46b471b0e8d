"""Shared helpers: run the real pipeline on small texts written in the tests."""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from eventscope import nlp
from eventscope.ingest import make_article
from eventscope.pipeline import Analysis, Pipeline
from eventscope.records import Article, Event
from eventscope.times import tag_times

PUBLISHED = datetime(2017, 3, 2, 8, 0, tzinfo=UTC)
sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "web"))

import webdemo  # noqa: E402


@pytest.fixture(scope="module", name="db")
def web_demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The web tests' demo database (a module may define its own ``db``)."""
    return webdemo.build(tmp_path_factory.mktemp("web") / "events.duckdb")


@pytest.fixture(scope="module", name="client")
def web_demo_client(db: Path) -> Iterator[TestClient]:
    """A client of the server on the demo database, as a local browser reaches it."""
    from eventscope.web import create_app

    with TestClient(create_app(str(db)), base_url=webdemo.LOCAL) as c:
        yield c


@pytest.fixture(scope="module")
def history_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database with Palmyra's earlier changes of hands (2015, 2016): the control map's tests."""
    return webdemo.build(tmp_path_factory.mktemp("web") / "history.duckdb", webdemo.DEMO_HISTORY)


@pytest.fixture(scope="module")
def history_client(history_db: Path) -> Iterator[TestClient]:
    from eventscope.web import create_app

    with TestClient(create_app(str(history_db)), base_url=webdemo.LOCAL) as c:
        yield c


@functools.cache
def pipeline() -> Pipeline:
    """The packaged pipeline, built once for the tests of this process."""
    return Pipeline.default()


def run_text(text: str, published: datetime | None = PUBLISHED, article_id: str = "t") -> Analysis:
    article = make_article(text, article_id, origin="test", published=published, find_title=False)
    (analysis,) = list(pipeline().analyse([article]))
    assert isinstance(analysis, Analysis), analysis
    return analysis


def events_of(text: str, published: datetime | None = PUBLISHED) -> tuple[Event, ...]:
    return run_text(text, published).events


@pytest.fixture(scope="session")
def seed_path() -> str:
    from pathlib import Path

    return str(Path(__file__).resolve().parent.parent / "examples" / "palmyra-2017-03-02.txt")


def time_values(text: str, published: datetime | None, parse: bool = False) -> dict[str, str]:
    """Each temporal expression tag_times finds in a text -> its TIMEX3 value (parse: with the spaCy doc)."""
    art = Article(article_id="t", text=text, published=published)
    return {t.text: t.value for t in tag_times(nlp.load()(art.nlp_text) if parse else None, art)}
