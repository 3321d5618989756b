"""reports.backtest from Python: `backtest --json` is `backtest_dict`; the figure's grid."""

from __future__ import annotations

import json

from clitools import command_app
from typer.testing import CliRunner

from burdenshare.cli import commands_backtest
from burdenshare.experiments.backtest import BASELINES, backtest_cases
from burdenshare.history.outcomes import actual_outcomes
from burdenshare.history.record import load_record
from burdenshare.reports.backtest import backtest_dict, backtest_figure

NAMES = ("sma-2024", "japan-hns-2021")


def test_backtest_dict_is_what_the_cli_prints_and_the_figure_has_a_row_per_case() -> None:
    record = load_record()
    cases = commands_backtest.backtest_inputs(record, actual_outcomes(record))
    results = backtest_cases(cases, NAMES, 2, 4)
    args = ["backtest", *NAMES, "-n", "2", "--seed", "4", "--json"]
    result = CliRunner().invoke(command_app(commands_backtest), args)  # type: ignore[arg-type]
    assert result.exit_code == 0, result.output
    printed = result.stdout[result.stdout.index("{") :]
    assert printed == json.dumps(backtest_dict(results), ensure_ascii=False, indent=2) + "\n"

    figure = backtest_figure(results)
    columns = max(sum(not q.event for q in r.model.quantities) for r in results) + 1
    assert len(figure.axes) == len(NAMES) * columns
    rows = [figure.axes[k * columns] for k in range(len(NAMES))]
    assert [ax.get_ylabel().split("\n")[0] for ax in rows] == list(NAMES)
    events = figure.axes[columns - 1]
    assert events.get_title().startswith("P(agreement by deadline)")
    model_lapse = results[0].model.quantity("lapse")
    assert model_lapse is not None
    xs = [line.get_xdata()[0] for line in events.get_lines()]
    assert model_lapse.probability in xs
    assert len(figure.legends[0].get_texts()) == len(BASELINES) + 4
