import sys
import threading
from collections.abc import Iterator
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "fixtures" / "store"
sys.path.insert(0, str(HERE))

from linex import extract  # noqa: E402

from eventscope.feeds import Fetcher, parse_every, read_sources, watch  # noqa: E402
from eventscope.records import Article  # noqa: E402
from eventscope.store import EventFilter, Store, query_events  # noqa: E402


class Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        if self.path == "/flaky" and self.hits[self.path] < 3:
            self.send_response(503)
            self.send_header("Retry-After", "0")
            self.end_headers()
            return
        name = {"/feed.xml": "feed.xml", "/story/1.html": "story1.html", "/story/2.html": "story2.html",
                "/flaky": "story1.html"}.get(self.path)  # fmt: skip
        if name is None:
            self.send_error(404)
            return
        if self.path == "/feed.xml" and self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.end_headers()
            return
        host = f"127.0.0.1:{self.server.server_address[1]}"
        body = (HERE / "feeds" / name).read_text().replace("HOST", host).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml" if name.endswith(".xml") else "text/html")
        self.send_header("ETag", '"v1"')
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    Handler.hits = {}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def fast() -> Fetcher:
    return Fetcher(host_interval=0.0, backoff=0.0, timeout=5.0)


def test_a_feed_url_gives_one_article_per_entry_from_its_page(server: str) -> None:
    found = list(read_sources([f"{server}/feed.xml"], fetcher=fast()))
    assert all(isinstance(a, Article) for a in found) and len(found) == 2
    assert found[0].url == f"{server}/story/1.html" and found[0].title == "Clash near Palmyra"
    assert "EV|Battles" in found[0].text


def test_retries_with_backoff_after_server_errors(server: str) -> None:
    waits: list[float] = []
    fetcher = Fetcher(host_interval=0.0, backoff=0.5, sleep=waits.append)
    page = fetcher.get(f"{server}/flaky")
    assert page.status == 200 and waits == [0.5, 1.0]


def test_per_host_rate_limit_spaces_requests() -> None:
    waits: list[float] = []
    fetcher = Fetcher(host_interval=2.0, sleep=waits.append, clock=lambda: 100.0)
    fetcher._wait_for_host("http://a.example/1")
    fetcher._wait_for_host("http://a.example/2")
    fetcher._wait_for_host("http://b.example/1")
    assert waits == [2.0]


def test_unreachable_url_is_quarantined(server: str) -> None:
    found = list(read_sources([f"{server}/missing"], fetcher=fast()))
    assert len(found) == 1 and found[0].code == "E061"  # type: ignore[union-attr]


def test_watch_polls_conditionally_and_ingests_only_new_articles(server: str, tmp_path: Path) -> None:
    sleeps: list[float] = []
    with Store(str(tmp_path / "db.duckdb")) as store:
        watch([f"{server}/feed.xml"], store, parse_every("15m"), polls=2, fetcher=fast(),
              extractor=partial(extract), sleep=sleeps.append)  # fmt: skip
        events = query_events(store, EventFilter())
    assert sleeps == [900.0] and len(events) == 2
    assert Handler.hits["/feed.xml"] == 2 and Handler.hits["/story/1.html"] == 1  # the 2nd poll got 304


def test_an_entry_with_a_broken_link_is_read_from_the_feed_and_the_later_entries_go_on(tmp_path: Path) -> None:
    feed = tmp_path / "f.rss"
    body = ("Government troops clashed with rebels near the town on Monday, killing three fighters, "
            "officials said. ") * 5
    items = "".join(f"<item><title>T{i}</title><link>{link}</link><description>{body}</description></item>"
                    for i, link in enumerate(["http://[::1", "http://example.test/2"]))
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>{items}</channel></rss>')
    first, second = list(read_sources([str(feed)], fetcher=Fetcher(retries=0)))
    assert isinstance(first, Article) and first.url is None and first.text.startswith("Government troops")
    assert isinstance(second, Article) and second.url == "http://example.test/2"
