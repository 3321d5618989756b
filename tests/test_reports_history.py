"""reports.history from Python: `history --json` is `history_dict`; the figure's two panels."""

from __future__ import annotations

import json

from clitools import command_app
from typer.testing import CliRunner

from burdenshare.cli import commands_history
from burdenshare.history.record import load_record
from burdenshare.reports.history import US_ASK_2019_USD, history_dict, history_figure


def test_history_dict_is_what_the_cli_prints() -> None:
    expected = history_dict(load_record(), "USD", 2019)
    args = ["history", "--json", "--real", "2019", "--currency", "USD"]
    result = CliRunner().invoke(command_app(commands_history), args)  # type: ignore[arg-type]
    assert result.exit_code == 0, result.output
    assert result.stdout == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
    assert "real" not in history_dict(load_record(), "KRW", None)["series"][0]


def test_figure_has_a_panel_per_currency_with_nominal_real_and_the_2019_ask() -> None:
    record = load_record()
    figure = history_figure(record, 2015)
    krw, usd = figure.axes
    assert (krw.get_ylabel(), usd.get_ylabel()) == ("KRW bn", "USD M")
    for ax in (krw, usd):
        labels = [line.get_label() for line in ax.get_lines()]
        assert labels[0] == "nominal" and labels[1].startswith("real (constant 2015 won")
    ask = usd.get_lines()[-1]  # the horizontal line of the US ask, in USD M
    assert list(ask.get_ydata()) == [float(US_ASK_2019_USD / 10**6)] * 2
    years = list(krw.get_lines()[0].get_xdata())
    assert years[0] == 1991 and years == sorted(years)
