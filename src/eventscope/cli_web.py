"""``eventscope serve``: the read-only web UI and JSON API (registered on the main app)."""

from __future__ import annotations

from typing import Annotated

import typer

LOCAL = frozenset({"127.0.0.1", "localhost", "::1"})


def serve_cmd(
    db: Annotated[str, typer.Option(help="The event database (opened read-only).")] = "events.duckdb",
    host: Annotated[str, typer.Option(help="Address to bind (non-local needs --allow-remote).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    allow_remote: Annotated[bool, typer.Option("--allow-remote", help="Permit a non-local bind.")] = False,
    token: Annotated[str | None, typer.Option(help="Bearer token every request must carry.")] = None,
) -> None:
    """Serve the map, timeline and evidence UI and the JSON API over DB (read-only)."""
    import uvicorn

    from .web import create_app

    if host not in LOCAL and not (allow_remote and token):
        raise typer.BadParameter("a non-local bind needs --allow-remote and --token TOKEN", param_hint="--host")
    if token is not None and len(token) < 16:
        raise typer.BadParameter("use a token of at least 16 characters", param_hint="--token")
    typer.echo(f"eventscope: serving {db} at http://{host}:{port}/" + (" (token required)" if token else ""))
    uvicorn.run(create_app(db, token=token), host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)
