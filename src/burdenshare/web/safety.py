"""What keeps the local web app safe by default: the access token, the size of a request, the
origin of a form, and paths that stay inside the working folder.

* **Token**: a random token is printed in the URL (`/?token=…`, as notebook servers do); a
  visit with it sets an HTTP-only, same-site cookie (the page's script then drops the token
  from the address bar; no page sends a referrer to another site). Every other request needs
  the cookie (or the `X-Burdenshare-Token` header); without it, 403.
* **Origin**: a form posted from another site (its `Origin` header naming another host) is
  refused, so a page elsewhere cannot drive the app through the browser.
* **Size**: a request body larger than `MAX_BODY` is refused (413) before it is read whole.
* **Paths**: `inside` turns a name typed in a page into a path in the working folder, refusing
  absolute paths, `..`, hidden names and symbolic links that lead out.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from burdenshare.errors import InputError, Problem
from burdenshare.files import MAX_SCENARIO_BYTES
from burdenshare.limits import MAX_NEWS_BYTES

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

COOKIE = "burdenshare_token"
HEADER = b"x-burdenshare-token"
MAX_BODY = 3 * max(MAX_SCENARIO_BYTES, MAX_NEWS_BYTES) + 64 * 1024
"""Largest request body (12 MiB and the form around it): the largest input the CLI reads (a
scenario of 4 MiB), which a browser's form encoding can make up to three times longer."""


def new_token() -> str:
    """A random access token (32 bytes, URL-safe)."""
    return secrets.token_urlsafe(32)


async def _respond(send: Send, status: int, text: str, headers: list[tuple[bytes, bytes]]) -> None:
    body = text.encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/html; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _with_headers(send: Send, extra: list[tuple[bytes, bytes]]) -> Send:
    """`send`, adding `extra` headers to the response."""

    async def sending(message: Message) -> None:
        if message.get("type") == "http.response.start":
            message = {**message, "headers": [*message.get("headers", []), *extra]}
        await send(message)

    return sending


def _page(title: str, message: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body>"
        f'<h1>{title}</h1><p data-test="refused">{message}</p></body></html>'
    )


class Guard:
    """The ASGI middleware in front of every page: token, origin and body size (see the
    module). `token=None` (`serve --no-token`) lets every request from the machine in."""

    def __init__(self, app: ASGIApp, token: str | None, max_body: int = MAX_BODY) -> None:
        self.app = app
        self.token = token
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        path = scope.get("path", "/")
        if self.token is not None and not path.startswith("/static/"):
            query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
            given = query.get("token")
            if given is not None and secrets.compare_digest(given, self.token):
                cookie = f"{COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict"
                send = _with_headers(send, [(b"set-cookie", cookie.encode())])
                headers[b"cookie"] = f"{COOKIE}={self.token}".encode()
            if not self._has_token(headers):
                await _respond(
                    send,
                    403,
                    _page(
                        "Access token needed",
                        "This burdenshare server needs its access token: open the address "
                        "<code>burdenshare serve</code> printed (it ends in "
                        "<code>?token=…</code>).",
                    ),
                    [],
                )
                return
        if scope.get("method", "GET") not in ("GET", "HEAD") and not _same_origin(headers):
            await _respond(
                send, 403, _page("Refused", "A form from another site cannot post here."), []
            )
            return
        send = _with_headers(send, [(b"referrer-policy", b"same-origin")])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await _too_large(send, self.max_body)
            return
        await self.app(scope, self._limited(receive), send)

    def _has_token(self, headers: dict[bytes, bytes]) -> bool:
        assert self.token is not None
        header = headers.get(HEADER)
        if header is not None and secrets.compare_digest(header.decode("latin-1"), self.token):
            return True
        raw = headers.get(b"cookie")
        if raw is None:
            return False
        cookie: SimpleCookie = SimpleCookie()
        try:
            cookie.load(raw.decode("latin-1"))
        except Exception:  # a malformed cookie header is no token
            return False
        found = cookie.get(COOKIE)
        return found is not None and secrets.compare_digest(found.value, self.token)

    def _limited(self, receive: Receive) -> Receive:
        """`receive`, refusing a body (sent without a length) that grows past the limit."""
        seen = 0
        limit = self.max_body

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message.get("type") == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLargeError(limit)
            return message

        return limited


class BodyTooLargeError(Exception):
    """A request body over the limit, found while reading it."""

    def __init__(self, limit: int) -> None:
        super().__init__(too_large_message(limit))


def too_large_message(limit: int) -> str:
    """What a refused, too large request is told."""
    return f"the request is larger than the {limit / 2**20:,.0f} MiB the app accepts"


async def _too_large(send: Send, limit: int) -> None:
    await _respond(send, 413, _page("Too large", too_large_message(limit)), [])


def _same_origin(headers: dict[bytes, bytes]) -> bool:
    """Whether a posting page came from this server (no `Origin` header: not a browser's
    cross-site form, which always sends one)."""
    origin = headers.get(b"origin")
    if origin is None:
        return True
    host = headers.get(b"host", b"").decode("latin-1")
    found = urlsplit(origin.decode("latin-1"))
    return found.netloc == host


def inside(folder: Path, name: str, field: str = "file") -> Path:
    """`name` (relative, as typed in a page) as a path inside `folder`; `InputError` for an
    absolute path, `..`, a hidden name, or a symbolic link whose target is outside."""
    text = name.strip()
    problem = None
    if not text:
        problem = "expected a file name in the working folder"
    elif "\x00" in text or "\\" in text:
        problem = "expected a plain file name"
    elif text.startswith("/") or Path(text).is_absolute() or (len(text) > 1 and text[1] == ":"):
        problem = "an absolute path is refused: the app only reads and writes its working folder"
    elif any(part in ("..", ".") or part.startswith(".") for part in Path(text).parts):
        problem = "'..' and hidden names are refused: the app only reads its working folder"
    if problem is not None:
        raise InputError(Problem(field, problem), name[:200])
    base = folder.resolve()
    path = base / text
    try:
        real = path.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        raise InputError(Problem(field, "cannot be resolved (a link loop)"), text) from None
    if real != base and base not in real.parents:
        raise InputError(
            Problem(field, "leads outside the working folder (a symbolic link); refused"), text
        )
    return path
