"""`burdenshare serve`: every route of the web app through Starlette's TestClient (no browser):
the token, refused paths and sizes, the editor's inline problems (the CLI's own messages), a
run with its chart, the frontier, Monte Carlo jobs (start, progress, cancel, stored, reopened),
a side played to the end (saved and replayed), what-if, history and news."""

from __future__ import annotations

import html
import json
import re
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from clitools import invoke
from starlette.testclient import TestClient

from burdenshare.engine import negotiate
from burdenshare.files import MAX_SCENARIO_BYTES
from burdenshare.reports.play import Person
from burdenshare.scenario import builtin_names, builtin_text, load
from burdenshare.strategies import build
from burdenshare.web import game
from burdenshare.web.app import create_app
from burdenshare.web.safety import COOKIE, MAX_BODY

TOKEN = "test-token"
SMA = builtin_text("sma-2019")
JAPAN = "japan-hns-2021"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    work = tmp_path / "work"
    work.mkdir()
    return work


@pytest.fixture()
def client(folder: Path) -> Iterator[TestClient]:
    app = create_app(folder, TOKEN, hosts=("testserver",))
    with TestClient(app) as c:
        c.cookies.set(COOKIE, TOKEN)
        yield c


def text_of(page: str, ident: str) -> str:
    """The text inside the element with id `ident` (tags dropped, entities decoded)."""
    found = re.search(rf'id="{ident}"[^>]*>(.*?)</(pre|p|ul|span|div|table)>', page, re.S)
    assert found is not None, f"no #{ident}"
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).strip()


def test_the_token_is_needed_and_the_printed_url_sets_it(folder: Path) -> None:
    with TestClient(create_app(folder, TOKEN, hosts=("testserver",))) as c:
        refused = c.get("/")
        assert refused.status_code == 403 and "access token" in refused.text
        assert c.get("/?token=wrong").status_code == 403
        first = c.get("/?token=" + TOKEN)
        assert first.status_code == 200 and 'id="builtins"' in first.text
        cookie = first.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
        assert first.headers["referrer-policy"] == "same-origin"  # no token to another site
        assert c.get("/").status_code == 200  # the cookie now
        assert c.get("/static/app.js").status_code == 200
    with TestClient(create_app(folder, TOKEN, hosts=("testserver",))) as c:
        assert c.get("/", headers={"X-Burdenshare-Token": TOKEN}).status_code == 200
    with TestClient(create_app(folder, None, hosts=("testserver",))) as c:
        assert c.get("/").status_code == 200  # --no-token


def test_other_hosts_and_cross_site_forms_are_refused(folder: Path) -> None:
    with TestClient(create_app(folder, None)) as c:  # only localhost names by default
        assert c.get("/").status_code == 400
    with TestClient(create_app(folder, None, hosts=("testserver",))) as c:
        evil = c.post(
            "/scenario/sma-2019",
            data={"text": SMA, "action": "save", "save_as": "x.toml"},
            headers={"Origin": "http://evil.example"},
        )
        assert evil.status_code == 403 and not (folder / "x.toml").exists()


def test_the_library_lists_every_builtin_and_the_folders_files(
    client: TestClient, folder: Path
) -> None:
    (folder / "mine.toml").write_text(SMA.replace('title = "', 'title = "Mine: ', 1))
    (folder / "broken.toml").write_text("title = [")
    page = client.get("/").text
    for name in builtin_names():
        assert f'data-ref="{name}"' in page
    assert 'data-ref="mine.toml"' in page and "Mine: " in page
    assert 'data-ref="broken.toml"' in page and "not readable as a scenario" in page


@pytest.mark.parametrize(
    "ref",
    [
        "../secret.toml",
        "%2e%2e/secret.toml",
        "sub/%2e%2e/%2e%2e/secret.toml",
        ".hidden.toml",
        "link.toml",
    ],
)
def test_no_path_outside_the_working_folder(client: TestClient, folder: Path, ref: str) -> None:
    secret = folder.parent / "secret.toml"
    secret.write_text(SMA)
    (folder / "link.toml").symlink_to(secret)
    page = client.get(f"/scenario/{ref}")
    assert page.status_code in (404, 400) and "Special Measures" not in page.text
    if ref != "../secret.toml":  # that one the client itself resolves to /secret.toml
        assert "refused" in page.text
    saved = client.post(
        "/scenario/sma-2019", data={"text": SMA, "action": "save", "save_as": "../out.toml"}
    )
    assert saved.status_code == 400 and "refused" in saved.text
    assert not (folder.parent / "out.toml").exists()
    for absolute in ("/etc/passwd", str(secret)):
        assert client.get("/play/" + absolute).status_code == 400


def test_a_bad_scenario_shows_each_problem_inline_as_the_cli_says_it(
    client: TestClient, folder: Path
) -> None:
    bad = SMA.replace("reservation_value = 0.", "reservation_value = 2.", 1)
    line = next(k for k, text in enumerate(bad.splitlines(), 1) if "reservation_value = 2." in text)
    (folder / "bad.toml").write_text(bad)
    page = client.get("/scenario/bad.toml")
    assert 'id="error-list"' in page.text
    problem = re.search(
        r'<li class="problem"[^>]*data-line="(\d+)" data-field="([^"]+)"', page.text
    )
    assert problem is not None
    assert int(problem.group(1)) == line and problem.group(2).endswith(".reservation_value")
    cli = invoke("validate", "bad.toml", cwd=folder)
    assert cli.returncode == 2
    assert text_of(page.text, "cli-message") == cli.stderr.strip()
    # the same text posted from the editor under the same name: the same message
    posted = client.post("/scenario/bad.toml", data={"text": bad, "action": "run"})
    assert posted.status_code == 422 and text_of(posted.text, "cli-message") == cli.stderr.strip()
    assert 'id="result"' not in posted.text  # nothing ran
    broken = client.post(
        "/scenario/bad.toml", data={"text": 'title = "t"\nwhat is this\n', "action": "check"}
    )
    assert broken.status_code == 422 and 'data-line="2"' in broken.text
    assert "malformed TOML" in broken.text


def test_fixed_text_runs_and_shows_the_story_and_the_offers_chart(client: TestClient) -> None:
    page = client.post("/scenario/sma-2019", data={"text": SMA, "action": "run", "seed": "0"})
    assert page.status_code == 200 and 'id="valid"' in page.text
    result = page.text[page.text.index('id="result"') :]
    assert "<svg" in result  # the offers figure, inline
    outcome = negotiate(load("sma-2019")).outcome
    assert f"Outcome: agreement on {outcome.date.isoformat()}" in html.unescape(result)
    assert 'class="meeting"' in result  # the meeting-by-meeting table


def test_analyze_draws_the_frontier_with_each_points_terms(client: TestClient) -> None:
    """Each drawn point's terms and utilities are the frontier's own (analysis.briefing)."""
    from burdenshare.analysis.briefing import analyze

    text = builtin_text(JAPAN)
    page = client.post(f"/scenario/{JAPAN}", data={"text": text, "action": "analyze"}).text
    points = re.findall(r'<circle class="point"[^>]*data-terms="([^"]*)"', page)
    scenario = load(JAPAN)
    space = analyze(scenario, "reservation").space
    first = f"{scenario.describe(space.terms(0))} — USA {space.points[0][0]:.3f}"
    assert len(points) > 10 and html.unescape(points[0]).startswith(first)
    assert 'class="solution nash"' in page and "Kalai–Smorodinsky" in page


def test_save_writes_into_the_working_folder(client: TestClient, folder: Path) -> None:
    saved = client.post(
        "/scenario/sma-2019",
        data={"text": SMA, "action": "save", "save_as": "copy.toml"},
        follow_redirects=False,
    )
    assert saved.status_code == 303 and (folder / "copy.toml").read_text() == SMA
    assert 'data-ref="copy.toml"' in client.get("/").text


def wait(client: TestClient, ident: str, states: tuple[str, ...]) -> dict[str, object]:
    """The job's state once it is one of `states` (the first Monte Carlo of a process may
    compile the batch engine: up to a minute on a fresh cache, then cached)."""
    for _ in range(6000):
        state = client.get(f"/api/jobs/{ident}").json()
        if state["state"] in states:
            return dict(state)
        time.sleep(0.05)
    raise AssertionError(f"job {ident} never reached {states}: {state}")


def test_montecarlo_job_progress_store_reopen_and_cancel(client: TestClient, folder: Path) -> None:
    started = client.post(
        "/montecarlo", data={"ref": JAPAN, "runs": "40", "seed": "1"}, follow_redirects=False
    )
    assert started.status_code == 303
    ident = started.headers["location"].rsplit("/", 1)[1]
    assert 'id="mc-progress"' in client.get(started.headers["location"]).text
    done = wait(client, ident, ("done", "failed"))
    assert done["state"] == "done" and done["done"] == 40 and done["fraction"] == 1.0
    listed = client.get("/montecarlo").text
    assert f"/experiments/{done['experiment']}" in listed and "40 / 40" in listed
    reopened = client.get(f"/experiments/{done['experiment']}")
    assert reopened.status_code == 200 and "<svg" in reopened.text
    assert (folder / "results.duckdb").exists()
    # a long one, cancelled: it stops between chunks, its runs so far stay stored
    long = client.post(
        "/montecarlo", data={"ref": JAPAN, "runs": "1000000"}, follow_redirects=False
    )
    job = long.headers["location"].rsplit("/", 1)[1]
    wait(client, job, ("running",))
    assert client.get("/").status_code == 200  # other pages while it runs
    cancelled = client.post(
        f"/montecarlo/job/{job}/cancel", headers={"Accept": "application/json"}
    ).json()
    assert cancelled["id"] == job
    end = wait(client, job, ("cancelled", "done", "failed"))
    assert end["state"] == "cancelled" and int(str(end["done"])) < 1000000


def test_montecarlo_of_edited_text_with_a_bad_range_is_refused(client: TestClient) -> None:
    refused = client.post("/montecarlo", data={"ref": "sma-2019", "runs": "0"})
    assert refused.status_code == 400 and "runs" in refused.text
    assert client.get("/api/jobs/nope").status_code == 404


def test_the_web_game_of_the_models_own_decisions_is_the_models_run() -> None:
    """Replaying a person's decisions step by step (as the pages do) gives the exact run."""
    sma = load("sma-2019")
    strategy = build("ratification-aware", {"inner": "anchoring", "hold": 0, "e": 0.5})
    person = Person(strategy.propose, strategy.accepts)
    model = negotiate(sma, {"ROK": person})
    turn, result, taken = game.play(sma, "ROK", person.decisions, 0)
    assert turn is None and result is not None and result.trace == model.trace
    assert taken == person.decisions
    for k in (0, 3, len(person.decisions) - 1):
        turn, result, taken = game.play(sma, "ROK", person.decisions[:k], 0)
        assert result is None and turn is not None and taken == person.decisions[:k]
        assert turn.kind == ("accept" if "accept" in person.decisions[k] else "propose")
        # the talks shown so far are the model's, up to the person's k-th decision
        shown = turn.so_far.trace
        assert shown == model.trace[: len(shown)]
        due = model.trace[len(shown)]
        assert due.party == "ROK" and due.kind == ("response" if turn.kind == "accept" else "offer")


def test_play_a_side_to_the_end_save_and_replay(client: TestClient) -> None:
    """ROK rejects every offer and proposes its last terms again, to the end of the talks."""
    page = client.get("/play/sma-2019?party=ROK").text
    for _ in range(200):
        if 'id="play-end"' in page:
            break
        decisions = html.unescape(re.search(r'name="decisions" value="([^"]*)"', page).group(1))
        form = {"party": "ROK", "seed": "0", "decisions": decisions}
        if 'data-kind="accept"' in page:
            form["action"] = "reject"
        else:
            form["action"] = "propose"
            for name, value in re.findall(r'name="issue\.([^"]+)"[^>]*value="([^"]*)"', page):
                form[f"issue.{name}"] = html.unescape(value)
        page = client.post("/play/sma-2019", data=form).text
    assert 'id="play-end"' in page and 'id="play-verdict"' in page and "Nash point" in page
    decisions = html.unescape(re.search(r'name="decisions" value="([^"]*)"', page).group(1))
    saved = client.post(
        "/play/sma-2019",
        data={"party": "ROK", "seed": "0", "decisions": decisions, "action": "save"},
    )
    game_file = saved.json()
    assert game_file["format"] == "burdenshare-game/1" and game_file["party"] == "ROK"
    replayed = client.post(
        "/play/sma-2019",
        data={"party": "ROK", "seed": "0", "action": "replay"},
        files={"replay": ("game.json", json.dumps(game_file).encode())},
    ).text
    assert 'id="play-end"' in replayed
    assert text_of(replayed, "play-gain") == text_of(page, "play-gain")
    other = client.post(
        "/play/sma-2019",
        data={"party": "USA", "action": "replay"},
        files={"replay": ("game.json", json.dumps(game_file).encode())},
    )
    assert other.status_code == 400
    assert "the game was played as 'ROK', not 'USA'" in html.unescape(other.text)


def test_a_bad_offer_is_one_message_and_the_turn_is_asked_again(client: TestClient) -> None:
    page = client.get("/play/sma-2019?party=USA").text
    assert 'data-kind="propose"' in page
    form = {"party": "USA", "decisions": "[]", "action": "propose"}
    for name, value in re.findall(r'name="issue\.([^"]+)"[^>]*value="([^"]*)"', page):
        form[f"issue.{name}"] = html.unescape(value)
    money = next(k for k in form if k.startswith("issue.") and form[k][0].isdigit())
    form[money] = "-5"
    again = client.post("/play/sma-2019", data=form).text
    assert 'id="play-error"' in again and "your offer." in text_of(again, "play-error")
    assert 'data-kind="propose"' in again and "[]" in html.unescape(again)


def test_uploads_are_checked_like_the_cli_and_size_limited(
    client: TestClient, folder: Path
) -> None:
    bad = client.post("/upload", files={"file": ("bad.toml", b"title = [")})
    (folder / "cli.toml").write_bytes(b"title = [")
    cli = invoke("validate", "cli.toml", cwd=folder)
    assert bad.status_code == 400
    assert text_of(bad.text, "error") == cli.stderr.strip().removeprefix("error: ").replace(
        "cli.toml", "bad.toml"
    )
    assert not (folder / "bad.toml").exists()
    big = client.post("/upload", files={"file": ("big.toml", b"#" * (MAX_SCENARIO_BYTES + 1))})
    assert big.status_code == 400 and "larger than the 4 MiB an input may have" in big.text
    huge = client.post("/upload", files={"file": ("huge.toml", b"#" * (MAX_BODY + 1))})
    assert huge.status_code == 413
    edited = client.post(
        "/scenario/sma-2019", data={"text": "a" * (MAX_SCENARIO_BYTES + 1), "action": "check"}
    )
    assert edited.status_code == 413 and "larger than the 4 MiB an input may have" in edited.text
    good = client.post(
        "/upload", files={"file": ("new.toml", SMA.encode())}, follow_redirects=False
    )
    assert good.status_code == 303 and (folder / "new.toml").read_text() == SMA
    again = client.post("/upload", files={"file": ("new.toml", SMA.encode())})
    assert again.status_code == 400 and "rename it" in again.text
    assert client.get("/").status_code == 200  # still serving


def test_whatif_history_and_news(client: TestClient) -> None:
    page = client.post(
        "/whatif",
        data={
            "ref": "sma-2019",
            "set_a": "",
            "set_b": "ratifiers.national-assembly.limits.0.max_change_pct=10",
        },
    ).text
    sides = re.findall(r'<ul data-test="outcome">(.*?)</ul>', page, re.S)
    assert len(sides) == 2 and "Outcome: agreement" in sides[0]
    assert "Outcome: no agreement" in sides[1]
    wrong = client.post("/whatif", data={"ref": "sma-2019", "set_b": "parties.XX.weight=1"})
    assert wrong.status_code == 422 and "--set" in wrong.text
    assert client.get("/history").text.count("<svg") == 1
    seed = (Path(__file__).resolve().parents[1] / ".." / "shared" / "seed").glob("*.txt")
    report = next(iter(sorted(seed)), None)
    if report is None:
        pytest.skip("no seed report beside the repository")
    news = client.post(
        "/news",
        data={"scenario": "sma-2019"},
        files={"files": ("seed.txt", report.read_bytes())},
    )
    assert news.status_code == 200 and 'id="timeline"' in news.text and 'id="diff"' in news.text
    empty = client.post("/news", data={"text": ""})
    assert empty.status_code == 422 and "paste a report" in empty.text


def test_serve_refuses_a_port_in_use() -> None:
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    try:
        port = taken.getsockname()[1]
        done = invoke("serve", "--port", str(port))
        assert done.returncode == 2
        assert f"--port: cannot listen on 127.0.0.1:{port}: in use" in done.stderr
        assert "Traceback" not in done.stderr
    finally:
        taken.close()


def test_every_script_style_and_image_is_the_apps_own(client: TestClient) -> None:
    """Nothing is fetched from the network: every script, style sheet and icon a page loads is
    one of the package's static files (links to sources are links, not loads)."""
    pages = [client.get(p).text for p in ("/", "/scenario/sma-2019", "/montecarlo", "/news")]
    loads = [
        url
        for page in pages
        for url in re.findall(r'<(?:script|img|link)[^>]*(?:src|href)="([^"]+)"', page)
    ]
    assert loads and all(url.startswith("/static/") for url in loads), loads
    for url in set(loads):
        assert client.get(url).status_code == 200
    assert "@import" not in client.get("/static/app.css").text
