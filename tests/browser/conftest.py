"""Browser tests: Debian's headless Chromium, driven by Playwright, against `burdenshare` processes.

- Chromium is installed by the suite when missing (`chromium.py`): the install starts in the
  background right after collection and the browser tests wait for it. They are moved to the
  end of the run, so the install overlaps the rest of the suite (under xdist both workers share
  them out at the end). Where Chromium cannot be installed the tests fail under CI (CI=true)
  and are skipped with the reason elsewhere.
- `server` / `server_with_token`: `burdenshare serve` as a subprocess in an empty working folder
  of its own, one per session (per xdist worker), stopped (Ctrl-C) at the end; its log must
  hold no traceback.
- `page`: a fresh browser context per test whose requests may go to the file it opened or to
  127.0.0.1 only; anything else is blocked and fails the test, as does a JavaScript error.
- `shoot(name)`: a screenshot of the whole page in build/screenshots/ (not committed).
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from clitools import BIN, REPO

from . import chromium as install

HERE = Path(__file__).resolve().parent
SCREENSHOTS = REPO / "build" / "screenshots"
# what works on this kind of machine: no sandbox as root, and nothing that phones home (the
# closed network refuses those connections, many at a time); Playwright gives every launch a
# fresh empty profile (its own --user-data-dir)
FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
TIMEOUT_MS = 20_000
SERVER_START = 90.0


def _in_browser_folder(item: pytest.Item) -> bool:
    return HERE in Path(str(item.path)).resolve().parents


@pytest.hookimpl(trylast=True)  # after -k and -m have deselected
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Browser tests last (Chromium installs meanwhile); start installing it if one will run."""
    browser = [item for item in items if _in_browser_folder(item)]
    if not browser:
        return
    items[:] = [item for item in items if not _in_browser_folder(item)] + browser
    install.start(config)  # if missing; a reason it cannot be is reported by the fixture


@pytest.fixture(scope="session")
def chromium(request: pytest.FixtureRequest) -> Path:
    """/usr/bin/chromium-headless-shell, once the install started at collection (if any) ended."""
    reason = install.wait(request.config)
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"no Chromium for the browser tests: {reason}", pytrace=False)
        pytest.skip(f"no Chromium for the browser tests: {reason}")
    return install.CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium: Path) -> Iterator[Any]:
    """Headless Chromium, launched once for the session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(chromium), headless=True, args=list(FLAGS)
        )
        yield launched
        launched.close()


@dataclass
class Gate:
    """Requests a page made: those let through and those blocked (they left this machine)."""

    allowed: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith("file:") or re.match(r"https?://(127\.0\.0\.1|localhost)[:/]", url):
            self.allowed.append(url)
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()


@pytest.fixture
def gate() -> Gate:
    return Gate()


@pytest.fixture
def page(browser: Any, gate: Gate) -> Iterator[Any]:
    """A page in a fresh context: no cookies from another test, nothing fetched from outside."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    context.route("**/*", gate.route)
    opened = context.new_page()
    opened.on("pageerror", lambda exc: gate.errors.append(str(exc)))
    yield opened
    context.close()
    assert gate.blocked == [], f"the page asked the network for {gate.blocked}"
    assert gate.errors == [], f"JavaScript errors: {gate.errors}"


def follow(page: Any, selector: str) -> None:
    """Click a link or submit button and wait for the page it loads (the next lines then read
    the new page, never the old one)."""
    with page.expect_navigation():
        page.click(selector)


@pytest.fixture
def shoot(request: pytest.FixtureRequest, page: Any) -> Callable[[str], Path]:
    """`shoot("library")` writes build/screenshots/<test>-<n>-library.png of the whole page."""
    stem = re.sub(r"[^\w.-]+", "_", request.node.name)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob(f"{stem}-*.png"):
        old.unlink()
    taken: list[Path] = []

    def take(name: str) -> Path:
        path = SCREENSHOTS / f"{stem}-{len(taken) + 1:02d}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        taken.append(path)
        return path

    return take


@dataclass
class Server:
    """A running `burdenshare serve`: its address, token, working folder, process and log."""

    base: str
    url: str  # as printed: with ?token=... unless --no-token
    token: str | None
    folder: Path
    process: subprocess.Popen[bytes]
    log: Path

    def at(self, path: str) -> str:
        """The address of `path` on this server, with the token if it has one."""
        joined = self.base.rstrip("/") + "/" + path.lstrip("/")
        if self.token is None:
            return joined
        return joined + ("&" if "?" in joined else "?") + f"token={self.token}"

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers(url: str) -> bool:
    """Whether an HTTP server answers at `url` (with any status: a token server says 403)."""
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except urllib.error.HTTPError:
        return True
    except (urllib.error.URLError, OSError):
        return False


def start_server(folder: Path, *options: str) -> Server:
    """`burdenshare serve --port P OPTIONS` in `folder`, once it answers its printed address."""
    port = _free_port()
    log = folder.parent / f"{folder.name}.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [str(BIN), "serve", "--port", str(port), *options],
            cwd=folder, stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + SERVER_START
    while True:
        text = log.read_text(encoding="utf-8", errors="replace")
        printed = re.search(rf"http://127\.0\.0\.1:{port}/\S*", text)
        if printed and _answers(base):
            break
        if process.poll() is not None or time.monotonic() > deadline:
            stop_server(process)
            pytest.fail(f"`burdenshare serve {' '.join(options)}` did not answer:\n{text}")
        time.sleep(0.1)
    token = re.search(r"[?&]token=([^&\s]+)", printed.group(0))
    return Server(base, printed.group(0), token.group(1) if token else None, folder, process, log)


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """Ctrl-C, as a person stops it; killed if it has not ended 10 s later."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _served(folder: Path, *options: str) -> Iterator[Server]:
    server = start_server(folder, *options)
    try:
        yield server
    finally:
        stop_server(server.process)
    assert "Traceback" not in server.output(), server.output()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`burdenshare serve --no-token` in an empty working folder, for the whole session."""
    yield from _served(tmp_path_factory.mktemp("served"), "--no-token")


@pytest.fixture(scope="session")
def server_with_token(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`burdenshare serve` with its random access token, in a working folder of its own."""
    yield from _served(tmp_path_factory.mktemp("served-token"))
