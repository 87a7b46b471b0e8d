"""``eventscope serve`` and a watcher on one DuckDB file at once, each in its own process: the server holds the
file only while it answers, the writer only while it writes a batch, so neither waits for the other to stop."""

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "fixtures" / "store"
STORIES = ("story1.html", "story2.html")


class Feed(BaseHTTPRequestHandler):
    """An RSS feed of the first ``listed`` stories (ETag by that number), and the story pages."""

    listed = 1

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        host = f"127.0.0.1:{self.server.server_address[1]}"
        etag = f'"v{self.listed}"'
        if self.path == "/feed.xml":
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            items = "".join(f"<item><title>Story {n}</title><link>http://{host}/story/{n}.html</link></item>"
                            for n in range(1, self.listed + 1))  # fmt: skip
            body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>w</title>{items}</channel></rss>'
        elif self.path in ("/story/1.html", "/story/2.html"):
            body = (HERE / "feeds" / STORIES[int(self.path[7]) - 1]).read_text().replace("HOST", host)
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml" if self.path.endswith(".xml") else "text/html")
        self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def feed() -> Iterator[str]:
    Feed.listed = 1
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Feed)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/feed.xml"
    httpd.shutdown()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def event_ids(port: int) -> list[str]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events", timeout=10) as response:
        return [e["event_id"] for e in json.load(response)["events"]]


def wait_for(check: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return True
        except OSError:  # the server is not listening yet
            pass
        time.sleep(0.2)
    return False


def test_new_events_a_watcher_writes_appear_in_the_api_of_a_running_server(feed: str, tmp_path: Path) -> None:
    db, port = tmp_path / "live.duckdb", free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), *filter(None, [os.environ.get("PYTHONPATH")])])}
    watcher = subprocess.Popen([sys.executable, str(HERE / "run_watch.py"), str(db), "0.2", feed], env=env,
                               stdout=subprocess.PIPE, text=True)  # fmt: skip
    server = None
    try:
        assert watcher.stdout is not None and watcher.stdout.readline().split() == ["200", "1"]
        server = subprocess.Popen([sys.executable, "-m", "eventscope", "serve", "--db", str(db), "--port", str(port)],
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
        assert wait_for(lambda: len(event_ids(port)) == 1, 60), "the server did not answer with the first event"
        first = event_ids(port)
        Feed.listed = 2  # a second story in the feed: the watcher stores it while the server runs
        assert wait_for(lambda: len(event_ids(port)) == 2, 30), "the new event did not appear"
        assert set(first) < set(event_ids(port))
        assert watcher.poll() is None and server.poll() is None  # neither gave up on the file
    finally:
        for proc in (watcher, server):
            if proc is not None:
                proc.kill()
                proc.wait()
