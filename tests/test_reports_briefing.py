"""reports.briefing and reports.utility_space: the `analyze` report and figure from Python."""

from __future__ import annotations

import json

from clitools import command_app
from typer.testing import CliRunner

from burdenshare.analysis.briefing import analyze
from burdenshare.cli import commands_analyze
from burdenshare.reports.briefing import VARY_POINTS, briefing_dict, simulate, vary_limit
from burdenshare.reports.utility_space import utility_space_figure
from burdenshare.scenario import load

LIMIT = "ratifiers.national-assembly.limits.0.max_change_pct"


def test_briefing_dict_is_what_analyze_prints_without_its_timings() -> None:
    analysis = analyze(load("sma-2019"), "reservation")
    curve = vary_limit(analysis, LIMIT, 0, 100, lambda extra: load("sma-2019", [extra]))
    expected = briefing_dict(analysis, [], curve, simulate(analysis, 2))
    args = ["analyze", "sma-2019", "--json", "--run", "--seed", "2", "--vary", f"{LIMIT}=0..100"]
    result = CliRunner().invoke(command_app(commands_analyze), args)  # type: ignore[arg-type]
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert set(printed.pop("timing_seconds")) == {
        "load",
        "frontier_and_solutions",
        "total_in_process",
    }
    assert list(printed) == list(expected)
    assert printed == json.loads(json.dumps(expected))


def test_the_sweep_has_one_point_per_value_and_a_looser_limit_never_shrinks_the_overlap() -> None:
    analysis = analyze(load("sma-2019"), "reservation")
    curve = vary_limit(analysis, LIMIT, 0, 100, lambda extra: load("sma-2019", [extra]))
    values = [p["value"] for p in curve["points"]]
    assert curve["field"] == LIMIT and len(values) == VARY_POINTS
    assert values[0] == 0 and values[-1] == 100
    overlaps = [p["overlap"] for p in curve["points"]]
    assert overlaps == sorted(overlaps)


def test_the_figure_holds_frontier_solutions_and_each_sides_offers() -> None:
    analysis = analyze(load("sma-2019"), "reservation")
    talks = simulate(analysis, 0)
    figure = utility_space_figure(analysis, talks.offers())
    ax = figure.axes[0]  # the second axes is the density's colour bar
    assert len(figure.axes) == 2
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels[0].startswith("Pareto frontier")
    assert "disagreement point" in labels
    assert any(label.startswith("Nash (") for label in labels)
    assert {"offers by USA", "offers by ROK"} <= set(labels)
    offers = talks.to_dict()["offers"]
    drawn = sum(
        len(line.get_xdata()) for line in ax.get_lines() if line.get_label().startswith("offers")
    )
    assert drawn == offers
    assert ax.get_xlabel() == "utility of USA"
    assert (
        not utility_space_figure(analysis)
        .axes[0]
        .get_legend_handles_labels()[1][-1]
        .startswith("offers")
    )
