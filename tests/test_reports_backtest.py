"""reports.backtest from Python: `backtest --json` is `backtest_list`; the figure's grid."""

from __future__ import annotations

import json

from clitools import command_app
from typer.testing import CliRunner

from burdenshare.cli import commands_backtest
from burdenshare.experiments.backtest import backtest
from burdenshare.history.outcomes import actual_outcomes
from burdenshare.history.record import load_record
from burdenshare.reports.backtest import backtest_figure, backtest_list
from burdenshare.scenario.uncertainty import load_uncertain

NAMES = ("sma-2019", "sma-2024")


def test_backtest_list_is_what_the_cli_prints_and_the_figure_has_a_row_per_scenario() -> None:
    known = actual_outcomes(load_record())
    results = []
    for name in NAMES:
        loaded, uncertain = load_uncertain(name, [])
        results.append(backtest(loaded.scenario, uncertain, known[name], 1, 4))
    args = ["backtest", *NAMES, "-n", "1", "--seed", "4", "--json"]
    result = CliRunner().invoke(command_app(commands_backtest), args)  # type: ignore[arg-type]
    assert result.exit_code == 0, result.output
    printed = result.stdout[result.stdout.index("[") :]
    assert printed == json.dumps(backtest_list(results), ensure_ascii=False, indent=2) + "\n"

    figure = backtest_figure(results)
    columns = max(len(r.issues) for r in results) + 1
    assert len(figure.axes) == len(NAMES) * columns
    rows = [figure.axes[k * columns] for k in range(len(NAMES))]
    assert [ax.get_ylabel().split("\n")[0] for ax in rows] == list(NAMES)
    lapse = figure.axes[columns - 1]
    assert lapse.get_title() == "P(lapse): predicted vs 1/0"
    assert list(lapse.get_lines()[0].get_xdata()) == [results[0].p_lapse]
