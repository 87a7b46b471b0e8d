import contextlib
import socket
import sys
import threading
import time
from collections.abc import Iterator
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "fixtures" / "store"
sys.path.insert(0, str(HERE))

from linex import extract  # noqa: E402

from eventscope.cli_store import poll_line  # noqa: E402
from eventscope.feeds import Fetcher, Poll, parse_every, read_sources, watch  # noqa: E402
from eventscope.feeds.fetch import MAX_REDIRECTS  # noqa: E402
from eventscope.records import Article, Rejected  # noqa: E402
from eventscope.store import EventFilter, Store, query_events  # noqa: E402

SLOW_S = 3.0  # /slow.xml answers after this long
DRIP_S = 0.2  # /drip sends a byte this often


def closed_port() -> int:
    """A local port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rss(*links: str) -> bytes:
    """A feed whose items are teasers of the pages at ``links``."""
    items = "".join(f"<item><title>T{i}</title><link>{link}</link><description>Teaser {i}.</description></item>"
                    for i, link in enumerate(links))  # fmt: skip
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>{items}</channel></rss>'.encode()


def story(name: str) -> bytes:
    """A page of its own, with one event line."""
    return (f"<html><body><article><h1>{name}</h1><p>Reporters saw the story called {name} unfold.</p>"
            f"<p>EV|Battles|Armed clash|Rebels|Army|2017-03-01|Town {name}|34.5|38.2|3</p></article></body></html>"
            ).encode()  # fmt: skip


class Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}
    pages: dict[str, bytes] = {}  # path -> a feed or page the test wrote

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        with contextlib.suppress(OSError):  # the client gave up (a late answer): no traceback on a later test's stderr
            self._answer()

    def _answer(self) -> None:
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        if self.path in self.pages:
            body = self.pages[self.path]
            self._send(200, body, "application/rss+xml" if body.startswith(b"<?xml") else "text/html")
            return
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if self.path == "/fail.xml":
            self.send_error(500)
            return
        if self.path == "/drip":
            self._drip()
            return
        if self.path == "/slow.xml":
            time.sleep(SLOW_S)
            self.path = "/feed.xml"
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

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _drip(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100")
        self.end_headers()
        for _ in range(100):
            self.wfile.write(b"x")
            self.wfile.flush()
            time.sleep(DRIP_S)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    Handler.hits, Handler.pages = {}, {}
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


def test_a_refused_connection_is_given_up_at_once_not_retried() -> None:
    waits: list[float] = []
    refused = f"http://127.0.0.1:{closed_port()}/story.html"
    page = Fetcher(host_interval=0.0, backoff=0.5, sleep=waits.append).get(refused)
    assert page.error == "ConnectError: [Errno 111] Connection refused" and waits == []


def test_an_answer_later_than_the_fetch_seconds_setting_is_given_up_unretried_and_a_read_timeout_is_retried(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EVENTSCOPE_FETCH_SECONDS", "0.5")
    waits: list[float] = []
    late = Fetcher(host_interval=0.0, backoff=0.5, sleep=waits.append).get(f"{server}/slow.xml")
    assert late.error == "too slow: no whole answer within 0.5 s" and waits == [] and Handler.hits["/slow.xml"] == 1
    monkeypatch.delenv("EVENTSCOPE_FETCH_SECONDS")
    timed_out = Fetcher(host_interval=0.0, backoff=0.5, retries=1, timeout=0.3, sleep=waits.append).get(
        f"{server}/slow.xml")
    assert timed_out.error == "ReadTimeout: timed out" and waits == [0.5] and Handler.hits["/slow.xml"] == 3


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


class FakeTime:
    """A clock that moves only when the code under test sleeps."""

    def __init__(self) -> None:
        self.now, self.sleeps = 0.0, []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        return self.now


def test_a_redirect_loop_waits_for_the_host_at_every_hop_and_is_not_retried(server: str) -> None:
    fake = FakeTime()
    page = Fetcher(host_interval=1.0, backoff=0.0, sleep=fake.sleep, clock=fake.clock).get(f"{server}/loop")
    assert page.error == f"redirect loop: more than {MAX_REDIRECTS} redirects (the last to {server}/loop)"
    assert Handler.hits["/loop"] == MAX_REDIRECTS + 1  # one attempt: a loop is not retried
    assert fake.sleeps == [1.0] * MAX_REDIRECTS  # each hop a second after the one before


def test_teasers_whose_links_fail_are_quarantined_with_the_reason_never_stored_as_the_teaser(server: str) -> None:
    refused = f"http://127.0.0.1:{closed_port()}/story.html"
    Handler.pages["/good.html"] = story("teasers")
    Handler.pages["/teasers.xml"] = rss(f"{server}/missing", f"{server}/fail.xml", f"{server}/loop", refused,
                                        f"{server}/good.html")  # fmt: skip
    found = list(read_sources([f"{server}/teasers.xml"], fetcher=Fetcher(host_interval=0.0, retries=0)))
    rejected = [item for item in found if isinstance(item, Rejected)]
    assert [(r.origin, r.code) for r in rejected] == [(f"{server}/teasers.xml#{n}", "E061") for n in (1, 2, 3, 4)]
    reasons = [r.reason for r in rejected]
    assert reasons[0] == f"[E061] cannot fetch {server}/missing: HTTP 404 Not Found"
    assert reasons[1] == f"[E061] cannot fetch {server}/fail.xml: HTTP 500 Internal Server Error"
    assert reasons[2].startswith(f"[E061] cannot fetch {server}/loop: redirect loop: more than")
    assert reasons[3] == f"[E061] cannot fetch {refused}: ConnectError: [Errno 111] Connection refused"
    (article,) = [item for item in found if isinstance(item, Article)]
    assert article.url == f"{server}/good.html" and "Teaser" not in article.text


def test_bad_item_links_are_quarantined_and_watch_reads_the_later_items(server: str, tmp_path: Path) -> None:
    Handler.pages["/good.html"] = story("bad links")
    Handler.pages["/bad.xml"] = rss("http://[::1", "ftp://files.example/a", f"{server}/good.html")
    polls: list[Poll] = []
    told: list[Rejected] = []
    with Store(str(tmp_path / "db.duckdb")) as store:
        watch([f"{server}/bad.xml"], store, 1.0, polls=1, fetcher=fast(), extractor=partial(extract),
              on_poll=polls.append, on_reject=told.append)  # fmt: skip
    assert [(p.error, p.stats.articles, p.stats.rejected) for p in polls] == [(None, 1, 2)]
    assert [r.reason for r in told] == ["[E061] cannot fetch http://[::1: not a readable link",
                                        "[E061] cannot fetch ftp://files.example/a: bad link 'ftp://files.example/a': "
                                        "not an http(s) address"]


def test_a_failing_feed_backs_off_across_rounds_while_the_others_are_polled_every_round(
    server: str, tmp_path: Path
) -> None:
    polls: list[Poll] = []
    with Store(str(tmp_path / "db.duckdb")) as store:
        watch([f"{server}/fail.xml", f"{server}/feed.xml"], store, 1.0, polls=7, fetcher=Fetcher(
              host_interval=0.0, retries=0), extractor=partial(extract), on_poll=polls.append, sleep=lambda _: None)
    assert Handler.hits["/fail.xml"] == 3 and Handler.hits["/feed.xml"] == 7  # rounds 1, 3 and 6; every round
    assert [poll_line(p) for p in polls if p.feed.endswith("/feed.xml")][:2] == [
        "2 new articles, 2 events", "not modified since the last poll (HTTP 304)"]
    failed = [p for p in polls if p.feed.endswith("/fail.xml")]
    assert [poll_line(p) for p in failed] == [f"failed: HTTP 500 Internal Server Error; sits out {n} round{s}"
                                              for n, s in ((1, ""), (2, "s"), (4, "s"))]  # fmt: skip


def test_a_slow_feed_does_not_hold_up_the_others(server: str, tmp_path: Path) -> None:
    start, arrived = time.monotonic(), {}

    def seen(poll: Poll) -> None:
        arrived[poll.feed.rsplit("/", 1)[1]] = time.monotonic() - start

    with Store(str(tmp_path / "db.duckdb")) as store:
        watch([f"{server}/slow.xml", f"{server}/feed.xml"], store, 1.0, polls=1, fetcher=fast(),
              extractor=partial(extract), on_poll=seen)  # fmt: skip
    assert list(arrived) == ["feed.xml", "slow.xml"] and arrived["feed.xml"] < SLOW_S <= arrived["slow.xml"]


def test_an_answer_that_drips_is_given_up_at_the_deadline_and_one_over_the_byte_limit_at_the_limit(
    server: str,
) -> None:
    start = time.monotonic()
    page = Fetcher(host_interval=0.0, retries=0, deadline=0.5).get(f"{server}/drip")
    assert page.error == "too slow: no whole answer within 0.5 s" and time.monotonic() - start < 0.5 + 5 * DRIP_S
    big = Fetcher(host_interval=0.0, retries=0, max_bytes=100).get(f"{server}/story/1.html")
    assert big.error == "too large: more than the limit of 100 bytes" and big.body == b""
