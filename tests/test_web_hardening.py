"""The server's defences: strict integers, allowed hosts, the token's sources, the login limit, 401 challenges."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "web"))

import webdemo  # noqa: E402

from eventscope.cli import app as cli  # noqa: E402
from eventscope.web import create_app  # noqa: E402
from eventscope.web.guard import LOGIN_BURST, LOGIN_REFILL_S, LoginLimiter, host_name  # noqa: E402
from eventscope.web.openapi import document  # noqa: E402

LOCAL = webdemo.LOCAL
TOKEN = "s3cret-token-0123456789"


INTEGER_PARAMS = [
    (path, p["name"])
    for path, item in document()["paths"].items()
    for p in item["get"]["parameters"]
    if p["in"] == "query" and p["schema"].get("type") == "integer"
]
NOT_ASCII_DIGITS = ["²", "⁵", "①", "١٠", "٣", "１", "-0", "+1", " 1", "1 ", "1\n", "0x1", "1_0", "1.0", "9" * 5000]


def test_the_document_has_integer_parameters_to_check() -> None:
    assert {name for _, name in INTEGER_PARAMS} == {"limit", "offset", "zoom", "fatalities"}
    assert len(INTEGER_PARAMS) >= 12


@pytest.mark.parametrize("value", NOT_ASCII_DIGITS)
@pytest.mark.parametrize(("path", "name"), INTEGER_PARAMS)
def test_every_integer_parameter_takes_ascii_digits_only(client: TestClient, path: str, name: str, value: str) -> None:
    response = client.get(path, params={name: value})
    assert response.status_code == 400, response.text
    assert response.json()["error"] == f"{name}: " + response.json()["error"].split(": ", 1)[1]
    assert "ASCII digits" in response.json()["error"]


@pytest.mark.parametrize(("path", "name"), INTEGER_PARAMS)
def test_ascii_digits_within_bounds_are_accepted(client: TestClient, path: str, name: str) -> None:
    required = {"format": "geojson"} if path == "/api/export" else {}
    assert client.get(path, params={name: "2", **required}).status_code == 200
    assert client.get(path, params={name: "02", **required}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "localhost.evil.example", "127.0.0.2", ""])
@pytest.mark.parametrize("path", ["/", "/api/events", "/static/app.js", "/openapi.json", "/login"])
def test_a_host_that_is_not_the_servers_is_a_400(client: TestClient, host: str, path: str) -> None:
    response = client.get(path, headers={"Host": host})
    assert response.status_code == 400 and "Host header not allowed" in response.json()["error"]
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "LOCALHOST.", "127.0.0.1:80", "[::1]:8000", "[::1]"])
def test_localhost_names_are_allowed(client: TestClient, host: str) -> None:
    assert client.get("/api/events", headers={"Host": host}).status_code == 200


def test_serve_host_adds_its_own_name(db: Path) -> None:
    with TestClient(create_app(str(db), hosts=["Events.Example"]), base_url="http://events.example:8000") as c:
        assert c.get("/api/events").status_code == 200
        assert c.get("/api/events", headers={"Host": "localhost"}).status_code == 200
        assert c.get("/api/events", headers={"Host": "other.example"}).status_code == 400


def test_host_names_lose_port_case_and_trailing_dot() -> None:
    assert [host_name(h) for h in ["A.Example:80", "[::1]:8000", "::1", "[::1", "x."]] == [
        "a.example", "::1", "::1", "", "x"]  # fmt: skip


def test_a_401_carries_a_bearer_challenge(db: Path) -> None:
    with TestClient(create_app(str(db), token=TOKEN), base_url=LOCAL) as c:
        for path in ("/api/events", "/", f"/login?token={TOKEN}x"):
            response = c.get(path)
            assert response.status_code == 401 and response.headers["www-authenticate"] == 'Bearer realm="eventscope"'


def test_login_attempts_are_limited_per_client(db: Path) -> None:
    with TestClient(create_app(str(db), token=TOKEN), base_url=LOCAL) as c:
        assert [c.get("/login?token=guess").status_code for _ in range(LOGIN_BURST)] == [401] * LOGIN_BURST
        throttled = c.get(f"/login?token={TOKEN}", follow_redirects=False)  # even the right token must wait
        assert throttled.status_code == 429 and "too many login attempts" in throttled.json()["error"]
        assert 1 <= int(throttled.headers["retry-after"]) <= LOGIN_REFILL_S
        assert c.get("/api/events", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


def test_the_login_bucket_refills_one_attempt_per_interval_for_each_client_apart() -> None:
    now = [0.0]
    limiter = LoginLimiter(burst=2, refill_s=10.0, clock=lambda: now[0])
    assert [limiter.take("a"), limiter.take("a")] == [0.0, 0.0] and limiter.take("a") == pytest.approx(10.0)
    assert limiter.take("b") == 0.0  # another client has its own bucket
    now[0] = 4.0
    assert limiter.take("a") == pytest.approx(6.0)
    now[0] = 10.0
    assert limiter.take("a") == 0.0 and limiter.take("a") > 0
    now[0] = 1000.0
    assert [limiter.take("a"), limiter.take("a")] == [0.0, 0.0] and limiter.take("a") > 0  # never more than burst


def _serve(db: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--host", "0.0.0.0", "--allow-remote", *args], env=env)
    return result.exit_code, " ".join(result.output.split())


def test_the_token_may_come_from_the_environment(db: Path) -> None:
    assert _serve(db, env={"EVENTSCOPE_TOKEN": "short"}) == (2, _serve(db, "--token", "short")[1])
    code, output = _serve(db, env={"EVENTSCOPE_TOKEN": "short"})
    assert code == 2 and "at least 16 characters" in output  # it was read: it is the one found too short


def test_the_token_may_come_from_a_file(db: Path, tmp_path: Path) -> None:
    (tmp_path / "token").write_text("short\n")
    code, output = _serve(db, "--token-file", str(tmp_path / "token"))
    assert code == 2 and "at least 16 characters" in output
    (tmp_path / "empty").write_text("\n")
    code, output = _serve(db, "--token-file", str(tmp_path / "empty"))
    assert code == 2 and "empty" in output and "the token" in output
    code, output = _serve(db, "--token-file", str(tmp_path / "missing"))
    assert code == 2 and "cannot read" in output and "missing" in output
    code, output = _serve(db, "--token-file", str(tmp_path / "token"), "--token", TOKEN)
    assert code == 2 and "not both" in output
