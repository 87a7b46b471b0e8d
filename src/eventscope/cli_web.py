"""``eventscope serve``: the read-only web UI and JSON API (registered on the main app)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

LOCAL = frozenset({"127.0.0.1", "localhost", "::1"})
WILDCARD = frozenset({"0.0.0.0", "::"})  # binds every address: no one name to answer to
TOKEN_ENV = "EVENTSCOPE_TOKEN"


def _token(token: str | None, token_file: Path | None) -> str | None:
    """The token from ``--token`` / $EVENTSCOPE_TOKEN or from the first line of ``--token-file``."""
    if token_file is None:
        return token
    if token is not None:
        raise typer.BadParameter(f"give --token (or ${TOKEN_ENV}) or --token-file, not both", param_hint="--token-file")
    try:
        lines = token_file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise typer.BadParameter(f"cannot read {token_file}: {exc}", param_hint="--token-file") from exc
    found = lines[0].strip() if lines else ""
    if not found:
        raise typer.BadParameter(f"{token_file} is empty: its first line is the token", param_hint="--token-file")
    return found


def serve_cmd(
    db: Annotated[str, typer.Option(help="The event database (opened read-only).")] = "events.duckdb",
    host: Annotated[str, typer.Option(help="Address to bind (non-local needs --allow-remote).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    allow_remote: Annotated[bool, typer.Option("--allow-remote", help="Permit a non-local bind.")] = False,
    token: Annotated[
        str | None, typer.Option(envvar=TOKEN_ENV, help=f"Bearer token every request must carry (or ${TOKEN_ENV}).")
    ] = None,
    token_file: Annotated[
        Path | None, typer.Option(help="File whose first line is the token (kept out of the process list).")
    ] = None,
    allow_host: Annotated[
        list[str] | None, typer.Option(help="Another name the server answers to in the Host header (repeatable).")
    ] = None,
) -> None:
    """Serve the map, timeline and evidence UI and the JSON API over DB (read-only)."""
    import uvicorn

    from .web import create_app

    token = _token(token, token_file)
    if host not in LOCAL and not (allow_remote and token):
        raise typer.BadParameter("a non-local bind needs --allow-remote and --token TOKEN", param_hint="--host")
    if token is not None and len(token) < 16:
        raise typer.BadParameter("use a token of at least 16 characters", param_hint="--token")
    hosts = [*([] if host in WILDCARD else [host]), *(allow_host or [])]
    typer.echo(f"eventscope: serving {db} at http://{host}:{port}/" + (" (token required)" if token else ""))
    uvicorn.run(create_app(db, token=token, hosts=hosts), host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)
