"""`burdenshare serve` in Chromium: the pages tests/browser/test_web_flow.py does not walk
through (describe, save a copy, what-if, the SMA history, news, the Monte Carlo page), each
used as a person uses it and screenshotted into build/screenshots/."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .conftest import Server, follow

Shoot = Callable[[str], Path]
REPO = Path(__file__).resolve().parents[2]
SEED = REPO / ".." / "shared" / "seed" / "000_aeb335dba5fa7fdb.txt"


def test_web_describe_and_save_a_copy(server: Server, page: Any, shoot: Shoot) -> None:
    page.goto(server.at("/scenario/japan-hns-2021"))
    follow(page, "[data-test=describe]")
    described = page.locator("[data-test=result][data-action=describe]")
    assert described.locator("ol.sources li").count() > 3  # the sources, as links
    shoot("describe")
    page.fill("[data-test=save-as]", "japan-copy.toml")
    follow(page, "[data-test=save]")
    assert page.url.endswith("/scenario/japan-copy.toml?saved=1")
    assert (server.folder / "japan-copy.toml").is_file()
    follow(page, "[data-test=nav-library]")
    assert page.locator("#files [data-ref='japan-copy.toml']").is_visible()


def test_web_whatif_two_variants_side_by_side(server: Server, page: Any, shoot: Shoot) -> None:
    page.goto(server.at("/whatif"))
    page.fill("[data-test=whatif-ref]", "sma-2019")
    page.fill("[data-test=whatif-b]", "ratifiers.national-assembly.limits.0.max_change_pct=10")
    follow(page, "[data-test=whatif-run]")
    sides = page.locator("[data-test=whatif-result] [data-test=outcome]")
    assert sides.count() == 2
    assert sides.nth(0).inner_text().startswith("Outcome: agreement")
    assert sides.nth(1).inner_text().startswith("Outcome: no agreement")
    assert page.locator("[data-test=whatif-result] svg").count() == 2
    shoot("whatif")


def test_web_history_and_news(server: Server, page: Any, shoot: Shoot) -> None:
    page.goto(server.at("/history"))
    chart = page.locator("[data-test=chart] svg")
    box = chart.bounding_box()
    assert box is not None and box["width"] > 400
    shoot("history")
    page.goto(server.at("/news"))
    page.fill("[data-test=news-text]", SEED.read_text(encoding="utf-8"))
    page.fill("[data-test=news-scenario]", "sma-2019")
    follow(page, "[data-test=news-read]")
    assert page.locator("[data-test=timeline] [data-test=event]").count() >= 1
    assert page.locator("[data-test=diff]").is_visible()
    shoot("news")


def test_web_montecarlo_page_lists_and_starts(server: Server, page: Any, shoot: Shoot) -> None:
    page.goto(server.at("/montecarlo"))
    assert page.locator("[data-test=jobs]").is_visible()
    page.fill("[data-test=mc-ref]", "japan-hns-2021")
    page.fill("[data-test=mc-runs]", "200")
    follow(page, "[data-test=mc-start]")
    page.wait_for_function(
        "() => document.getElementById('job').dataset.state === 'done'", timeout=120_000
    )
    assert page.locator("[data-test=mc-done]").inner_text() == "200"
    follow(page, "[data-test=mc-experiment]")
    assert page.locator("[data-test=result] svg").first.is_visible()
    page.goto(server.at("/montecarlo"))
    assert page.locator("[data-test=experiment-row]").count() >= 1
    shoot("montecarlo-page")
