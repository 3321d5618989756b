"""`burdenshare serve` in Chromium, as a person uses it: the library, the editor's inline errors,
a run with its chart, the frontier's hover, a Monte Carlo followed live and cancelled, a game
played to the end, and the access token. Pages are driven through their documented ids and
`data-test` attributes; every page is screenshotted into build/screenshots/.

The pages' content is checked in depth by tests/test_web.py (the app in process); here what only
a browser shows: the page's script (progress polled without reloading, cancel without leaving
the page, a problem's line link selecting that line, the frontier's hover), the cookie the
token sets, and that nothing is fetched from outside (the `page` fixture's gate)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from burdenshare.scenario import builtin_names, builtin_text

from .conftest import Gate, Server, follow

Shoot = Callable[[str], Path]


def test_web_library_edit_an_error_fix_it_run_and_analyze(
    server: Server, page: Any, gate: Gate, shoot: Shoot
) -> None:
    page.goto(server.at("/"))
    listed = page.locator("#builtins [data-test=scenario-row]")
    assert [row.get_attribute("data-ref") for row in listed.all()] == list(builtin_names())
    shoot("library")

    follow(page, "[data-test=open-sma-2019]")
    editor = page.locator("[data-test=editor]")
    original = editor.input_value()
    assert original == builtin_text("sma-2019")
    bad = original.replace("reservation_value = 0.", "reservation_value = 2.", 1)
    line = next(k for k, text in enumerate(bad.splitlines(), 1) if "reservation_value = 2." in text)
    editor.fill(bad)
    follow(page, "[data-test=check]")
    problem = page.locator("[data-test=problem]")
    assert problem.count() == 1 and problem.is_visible()
    assert problem.get_attribute("data-line") == str(line)
    assert (problem.get_attribute("data-field") or "").endswith(".reservation_value")
    assert "reservation_value" in page.locator("[data-test=cli-message]").inner_text()
    # the problem's "line N" puts the editor's selection on that line (the page's script)
    problem.locator("a.goto").click()
    selected = editor.evaluate("e => e.value.slice(e.selectionStart, e.selectionEnd)")
    assert selected == bad.splitlines()[line - 1]
    assert page.locator("[data-test=result]").count() == 0  # nothing ran
    shoot("inline-error")

    editor.fill(original)
    follow(page, "[data-test=run]")
    assert page.locator("[data-test=valid]").is_visible()
    result = page.locator("[data-test=result][data-action=run]")
    chart = result.locator("svg").first
    box = chart.bounding_box()
    assert chart.is_visible() and box is not None and box["width"] > 400 and box["height"] > 200
    assert result.locator("tr.meeting").count() > 5
    shoot("run")

    follow(page, "[data-test=analyze]")
    page.locator("#frontier").scroll_into_view_if_needed()
    # the frontier's points overlap: hover one that is on top where its centre is
    on_top = page.evaluate(
        """() => [...document.querySelectorAll('#frontier [data-terms]')].findIndex(p => {
            const box = p.getBoundingClientRect();
            return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === p;
        })"""
    )
    assert on_top >= 0
    point = page.locator("#frontier [data-terms]").nth(on_top)
    point.hover()
    terms = point.get_attribute("data-terms")
    assert terms and "ROK" in terms and page.locator("#frontier-terms").inner_text() == terms
    shoot("analyze")
    assert all(url.startswith(server.base) for url in gate.allowed)


def test_web_montecarlo_progress_live_then_cancel(server: Server, page: Any, shoot: Shoot) -> None:
    page.goto(server.at("/montecarlo"))
    page.fill("[data-test=mc-ref]", "sma-2019")
    page.fill("[data-test=mc-runs]", "5000000")
    follow(page, "[data-test=mc-start]")
    job = page.locator("[data-test=job]")
    address = page.url
    # the bar moves while the page stays where it is (the script polls the job)
    page.wait_for_function("() => document.getElementById('mc-progress').value > 0", timeout=60_000)
    assert job.get_attribute("data-state") == "running"
    shoot("montecarlo-running")
    page.click("[data-test=mc-cancel]")
    page.wait_for_function("() => document.getElementById('job').dataset.state === 'cancelled'")
    assert page.url == address and page.locator("[data-test=mc-cancel]").is_disabled()
    done = int(page.locator("[data-test=mc-done]").inner_text().replace(",", ""))
    assert 0 < done < 5_000_000
    experiment = page.locator("[data-test=mc-experiment]")
    assert page.locator("[data-test=mc-result]").is_visible()
    shoot("montecarlo-cancelled")
    ident = experiment.inner_text()
    follow(page, "[data-test=mc-experiment]")  # the runs so far were stored and reopen
    assert page.locator("[data-test=result] svg").first.is_visible()
    shoot("experiment")
    page.goto(server.at("/montecarlo"))
    assert page.locator(f"[data-test=experiments] a[href='/experiments/{ident}']").is_visible()


def test_web_play_a_side_to_the_end(server: Server, page: Any, shoot: Shoot) -> None:
    page.goto(server.at("/scenario/sma-2019"))
    follow(page, "[data-test=play-ROK]")
    turns = 0
    while page.locator("[data-test=play-end]").count() == 0:
        kind = page.locator("[data-test=play-turn]").get_attribute("data-kind")
        if turns == 0:
            shoot("play-first-turn")
        # offers as the page proposes them (its values are where the seat starts from); the
        # first offers to us rejected, then accepted, so the game ends (an agreement or a veto
        # and more talks) well before the calendar does
        answer = "[data-test=play-reject]" if turns < 3 else "[data-test=play-accept]"
        follow(page, answer if kind == "accept" else "[data-test=play-propose]")
        assert page.locator("[data-test=play-error]").count() == 0
        turns += 1
        assert turns < 100, "the game did not end"
    assert turns > 2
    rows = page.locator("[data-test=play-verdict] tbody tr")
    assert rows.nth(0).locator("td").first.inner_text() == "You"
    assert rows.nth(1).locator("td").first.inner_text() == "The model in your seat"
    assert re.fullmatch(r"Your gain over the model: [+-]\d\.\d{3}", page.locator(
        "[data-test=play-gain]").inner_text())  # fmt: skip
    assert page.locator("[data-test=result] svg").first.is_visible()
    shoot("play-end")


def test_web_the_token_opens_the_app_and_is_needed(
    server_with_token: Server, page: Any, shoot: Shoot
) -> None:
    served = server_with_token
    assert served.token is not None
    refused = page.goto(served.base)
    assert refused is not None and refused.status == 403
    assert page.locator("[data-test=builtins]").count() == 0
    shoot("no-token")
    page.goto(served.url)  # the printed address: its cookie, then the page without the token
    assert "token=" not in page.url
    assert page.locator("[data-test=builtins]").is_visible()
    page.goto(served.base + "montecarlo")  # the cookie lets the next pages in
    assert page.locator("[data-test=jobs]").count() == 1
