"""`burdenshare serve`: the local web app on this machine."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from burdenshare.cli._common import reports_input_errors
from burdenshare.errors import InputError, Problem

LOCAL = ("127.0.0.1", "localhost", "::1")


def serve(
    port: Annotated[int, typer.Option("--port", help="The port to listen on.")] = 8765,
    host: Annotated[
        str,
        typer.Option("--host", help="The address to bind (default: this machine only)."),
    ] = "127.0.0.1",
    no_token: Annotated[
        bool,
        typer.Option("--no-token", help="No access token (anyone who reaches the port gets in)."),
    ] = False,
    store: Annotated[
        Path | None,
        typer.Option("--store", help="DuckDB results file (default: results.duckdb here)."),
    ] = None,
) -> None:
    """Serve the web app on http://HOST:PORT/ with the current directory as its working
    folder: the scenario library and editor, runs, analysis, Monte Carlo jobs, what-if, the
    SMA history, news and play a side. Stop it with Ctrl-C."""
    import socket

    import uvicorn

    from burdenshare.web.app import create_app
    from burdenshare.web.safety import new_token

    if not 0 <= port <= 65535:
        raise InputError(Problem("--port", f"expected 0 to 65535, got {port}"))
    if store is not None and not store.parent.is_dir():
        raise InputError(Problem("--store", f"folder {store.parent} does not exist"), str(store))
    token = None if no_token else new_token()
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except OSError as exc:
        listener.close()
        reason = "in use" if exc.errno == 98 else (exc.strerror or str(exc))
        raise InputError(
            Problem("--port", f"cannot listen on {host}:{port}: {reason}; choose another --port")
        ) from None
    listener.listen(128)
    port = listener.getsockname()[1]
    # the host names it answers to on this machine (no DNS rebinding); an address of its own
    # or IPv6 (whose Host header the check does not parse): any
    hosts = ("127.0.0.1", "localhost") if host in ("127.0.0.1", "localhost") else None
    app = create_app(Path.cwd(), token, store, hosts)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
    print(f"burdenshare serving {Path.cwd()} at {url}", file=sys.stderr, flush=True)
    if host not in LOCAL:
        print(f"note: listening on {host}: other machines can reach it", file=sys.stderr)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on")
    server = uvicorn.Server(config)
    try:
        server.run(sockets=[listener])
    finally:
        listener.close()


def register(app: typer.Typer) -> None:
    """Attach the serve command."""
    app.command("serve")(reports_input_errors(serve))
