"""`burdenshare report` opened in Chromium from file://: the page shows its story and needs no
network (every request is gated by the `page` fixture: only the file itself may be read)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from clitools import invoke

from .conftest import Gate


def test_the_report_renders_offline_with_its_table_and_charts(
    tmp_path: Path, page: Any, gate: Gate, shoot: Callable[[str], Path]
) -> None:
    out = tmp_path / "sma-2019.html"
    done = invoke("report", "sma-2019", "--out", str(out))
    assert done.returncode == 0, done.stderr

    page.goto(out.as_uri())
    page.wait_for_load_state("networkidle")
    assert gate.allowed == [out.as_uri()] and gate.blocked == []  # nothing but the file itself
    assert page.title() == "11th ROK-US Special Measures Agreement talks (2019-2021)"
    talks = page.locator("section#talks")
    # the meeting-by-meeting table: the first meeting of the calendar, on screen, ISO-dated
    first = talks.locator("tr.meeting td.date").first
    assert first.is_visible() and first.inner_text() == "2019-09-24"
    assert talks.locator("tr.meeting").count() > 5
    # the offers chart: an inline SVG drawn at a real size, with the parties' paths in it
    chart = talks.locator("svg").first
    box = chart.bounding_box()
    assert chart.is_visible() and box is not None and box["width"] > 400 and box["height"] > 200
    assert chart.locator("path").count() > 10
    assert page.locator("section#analysis svg").first.is_visible()  # the utility space
    shot = shoot("report")
    assert shot.stat().st_size > 20_000
