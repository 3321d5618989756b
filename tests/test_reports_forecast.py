"""reports.forecast from Python: `forecast --json` is `forecast_dict`; the figure's panels."""

from __future__ import annotations

import json

from clitools import command_app
from typer.testing import CliRunner

from burdenshare.cli import commands_forecast
from burdenshare.reports.forecast import compare_models, forecast_dict, forecast_figure, prepare
from burdenshare.scenario import load_source
from burdenshare.stakeholders.forecast import forecast_stakeholders


def test_forecast_dict_is_what_the_cli_prints_for_a_scenario_with_compare() -> None:
    loaded = load_source("sma-2019")
    stakeholders = loaded.scenario.stakeholders
    assert stakeholders is not None
    sf = prepare(loaded, negotiate=True)
    smp = forecast_stakeholders(stakeholders, "smp")
    others = compare_models(stakeholders, smp)
    assert list(others) == ["smp", "bdm", "mean", "median"] and others["smp"] is smp
    expected = forecast_dict(smp, "sma-2019", others, sf)
    args = ["forecast", "sma-2019", "--compare", "--json"]
    result = CliRunner().invoke(command_app(commands_forecast), args)  # type: ignore[arg-type]
    assert result.exit_code == 0, result.output
    assert result.stdout == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
    assert {"compare", "real_units", "negotiation"} <= set(expected)
    alone = forecast_dict(others["smp"], "sma-2019")
    assert not {"compare", "real_units", "negotiation"} & set(alone)


def test_figure_has_a_panel_per_dimension_with_each_actor_and_each_forecast() -> None:
    stakeholders = load_source("sma-2019").scenario.stakeholders
    assert stakeholders is not None
    result = forecast_stakeholders(stakeholders, "smp")
    figure = forecast_figure(result)
    assert len(figure.axes) == len(result.dimensions)
    for k, ax in enumerate(figure.axes):
        labels = [line.get_label() for line in ax.get_lines()]
        assert labels == [*result.actors, "forecast: smp"]
        assert list(ax.get_lines()[-1].get_ydata()) == [result.forecast[k]] * 2
    compared = forecast_figure(
        result, {"smp": result, "mean": forecast_stakeholders(stakeholders, "mean")}
    )
    assert [line.get_label() for line in compared.axes[0].get_lines()][-2:] == [
        "forecast: smp",
        "forecast: mean",
    ]


def test_json_says_whether_each_model_settled() -> None:
    """sma-2019: SMP settles in 4 turns; BDM stops without settling (a dimension cycles or
    reaches its round limit), and says so."""
    from clitools import invoke

    done = invoke("forecast", "sma-2019", "--compare", "--json")
    data = json.loads(done.stdout)
    assert (data["model"], data["turns"], data["converged"]) == ("smp", 4, True)
    assert data["compare"]["smp"]["converged"] is True
    assert data["compare"]["bdm"]["converged"] is False
