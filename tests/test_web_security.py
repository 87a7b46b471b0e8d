"""Article text is untrusted: markup in it comes back as inert data from the API."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from starlette.testclient import TestClient

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "web"))

import webdemo  # noqa: E402

from eventscope.store import Store  # noqa: E402
from eventscope.store.read_api import run  # noqa: E402
from eventscope.web import create_app  # noqa: E402

LOCAL = "http://localhost"  # the server answers to localhost names only


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(create_app(str(webdemo.build(tmp_path_factory.mktemp("web") / "events.duckdb"))), base_url=LOCAL)


def test_markup_in_an_article_is_escaped_in_the_bytes_and_intact_in_the_data(client: TestClient) -> None:
    (summary,) = client.get("/api/events?type=Protests").json()["events"]
    response = client.get(f"/api/events/{summary['event_id']}")
    body = response.text
    assert response.headers["content-type"].startswith("application/json")
    for raw in ("<script>", "</script>", "<img", "<a href", "<b "):
        assert raw not in body  # written as \u003c...: no HTML parser can see a tag in these bytes
    (article,) = response.json()["articles"]
    assert webdemo.EVIL_SENTENCE in article["text"] and article["url"] == webdemo.EVIL_URL
    assert response.json()["mentions"][0]["evidence"][0]["text"] == webdemo.EVIL_SENTENCE


def test_sql_in_a_filter_is_only_a_value(client: TestClient) -> None:
    page = client.get("/api/events", params={"q": "x' OR 1=1 --", "actor": "%' ; DROP TABLE events; --"}).json()
    assert page == {"has_more": False, "events": []}
    assert len(client.get("/api/events").json()["events"]) == 5


def test_the_server_opens_the_database_read_only(tmp_path: Path) -> None:
    db = webdemo.build(tmp_path / "events.duckdb")
    store = Store(str(db), read_only=True)
    create_app(store)
    with pytest.raises(Exception, match="read-only"):
        run(store, "DELETE FROM events", [])


def test_the_page_inserts_data_as_text_only() -> None:
    script = (Path(create_app.__code__.co_filename).parent / "static" / "app.js").read_text()
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script and "eval(" not in script
