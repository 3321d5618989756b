"""`burdenshare report` and `reports.html`: one self-contained page telling a run's story."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import pytest
from builders import one_issue_scenario
from clitools import invoke

from burdenshare.analysis.briefing import analyze
from burdenshare.engine import negotiate
from burdenshare.reports.html import linked, report
from burdenshare.reports.story import offers_figure, trace_rows
from burdenshare.scenario import load

NETWORK = re.compile(r"<script|<link|<img|<iframe|src=|url\((?!#)", re.IGNORECASE)


@pytest.fixture(scope="module")
def sma() -> tuple:  # type: ignore[type-arg]
    scenario = load("sma-2019")
    result = negotiate(scenario)
    return scenario, result, report(scenario, result, analyze(scenario, "reservation"))


def test_the_page_needs_nothing_from_the_network_and_cites_every_source(sma: tuple) -> None:  # type: ignore[type-arg]
    scenario, _, page = sma
    html = page.html()
    assert html.startswith("<!DOCTYPE html>") and NETWORK.search(html) is None
    assert html.count("<svg") == 2  # offers over time, utility space (no Monte Carlo asked)
    for key, text in scenario.sources:
        assert f"<b>{key}</b>" in html
        for url in re.findall(r"https?://[^\s)]+", text):
            assert f'href="{escape(url.rstrip(".,;"))}"' in html
    headings = re.findall(r"<h2>(.*?)</h2>", html)
    assert headings == ["The scenario", "The talks, meeting by meeting", "The bargaining analysis"]


def test_the_talks_are_told_with_iso_dates_and_the_outcome(sma: tuple) -> None:  # type: ignore[type-arg]
    scenario, result, page = sma
    html = page.html()
    assert f"Outcome: agreement on {result.outcome.date.isoformat()}" in html
    for meeting in scenario.calendar.meetings:  # up to the agreement
        shown = f'<td class="date">{meeting.date.isoformat()}</td>' in html
        assert shown == (meeting.date <= result.outcome.date)
    assert "tr class=\"alarm\"" in html  # the vetoes of 2020 are marked


def test_the_same_run_gives_the_same_page(sma: tuple) -> None:  # type: ignore[type-arg]
    scenario, result, page = sma
    again = report(scenario, result, analyze(scenario, "reservation"))
    assert again.html() == page.html()
    assert page._repr_html_().startswith("<style>") and page.body() in page._repr_html_()


def test_rows_join_an_offer_and_its_answers() -> None:
    scenario = one_issue_scenario()
    result = negotiate(scenario)
    rows = trace_rows(result)
    offers = [e for e in result.trace if e.kind == "offer"]
    offer_rows = [r for r in rows if r.tone == "offer"]
    assert len(offer_rows) == len(offers)
    for row, event in zip(offer_rows, offers, strict=True):
        assert (row.by, row.text, row.utilities) == (event.party, event.detail, event.utilities)
    assert rows[0].tone == "meeting" and rows[0].date == scenario.calendar.meetings[0].date


def test_offers_figure_draws_each_party_in_money_with_the_deadline(sma: tuple) -> None:  # type: ignore[type-arg]
    scenario, result, _ = sma
    figure = offers_figure(scenario, result)
    ax = figure.axes[0]
    labels = [line.get_label() for line in ax.get_lines()]
    assert sum(label.endswith(" offers") for label in labels) == len(scenario.parties)
    assert ax.get_ylabel() == "amount (KRW bn per year)"
    assert [a.get_ylabel() for a in ax.child_axes] == ["USD bn per year (at 1180)"]
    first = ax.get_lines()[0]
    usa = [e.offer["amount"] for e in result.trace if e.kind == "offer" and e.party == "USA"]
    assert list(first.get_ydata()) == usa


def test_links_are_escaped_and_made_clickable() -> None:
    text = 'see https://example.org/a?b=1&c=<x>. and "quotes"'
    assert linked(text) == (
        'see <a href="https://example.org/a?b=1&amp;c=">https://example.org/a?b=1&amp;c=</a>'
        "&lt;x&gt;. and &quot;quotes&quot;"
    )


def test_cli_writes_one_file_with_a_monte_carlo(tmp_path: Path) -> None:
    out = tmp_path / "sma.html"
    done = invoke("report", "sma-2019", "--out", str(out), "--montecarlo", "40")
    assert done.returncode == 0, done.stderr
    html = out.read_text(encoding="utf-8")
    assert "<h2>Monte Carlo</h2>" in html and "40 runs" in html
    assert "vetoed by US President (Trump)" in html
    assert NETWORK.search(html) is None


@pytest.mark.parametrize(
    "args, message",
    [
        (("--out", "x.pdf"), "error: --out: expected an .html file name, got 'x.pdf'"),
        (("--out", "x.html", "--montecarlo", "-3"), "error: --montecarlo:"),
    ],
)
def test_cli_refuses_bad_options_and_writes_nothing(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    done = invoke("report", "sma-2019", *args, cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.startswith(message), done.stderr
    assert list(tmp_path.iterdir()) == []


def test_offers_figure_marks_a_stop_gap() -> None:
    """japan-hns-2021: the FY2021 extension is agreed as a stop-gap on 2021-02-17."""
    scenario = load("japan-hns-2021")
    figure = offers_figure(scenario, negotiate(scenario))
    labels = [c.get_label() for c in figure.axes[0].collections]
    assert "stop-gap agreed 2021-02-17" in labels and "agreement 2021-12-21" in labels
