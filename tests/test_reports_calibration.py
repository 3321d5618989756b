"""reports.calibration from Python: `calibrate --json` is `calibration_dict`; the figure."""

from __future__ import annotations

import json
from pathlib import Path

from clitools import command_app
from typer.testing import CliRunner

from burdenshare.calibration.fit import calibrate
from burdenshare.cli import commands_calibrate
from burdenshare.news.parties import party_for
from burdenshare.reports.calibration import calibration_dict, calibration_figure
from burdenshare.scenario import load_source
from burdenshare.scenario.observed_file import read_observed

OBSERVED = Path(__file__).resolve().parent / "data" / "calibrate" / "sma-2019-observed.csv"


def test_calibration_dict_is_what_the_cli_prints_and_the_figure_shows_the_fit() -> None:
    model = load_source("sma-2019").scenario
    observations = read_observed(OBSERVED, lambda text: party_for(model, text))
    fit = calibrate(model, observations, ["ROK"], max_evals=4, sweeps=1)
    expected = calibration_dict(model, fit, fit.overrides())
    args = ["calibrate", "sma-2019", "--observed", str(OBSERVED), "--party", "ROK"]
    result = CliRunner().invoke(
        command_app(commands_calibrate),  # type: ignore[arg-type]
        [*args, "--max-evals", "4", "--sweeps", "1", "--json"],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == json.dumps(expected, indent=2) + "\n"
    assert len(expected["residuals"]["after"]) == len(observations)

    ax = calibration_figure(model, fit).axes[0]
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels == ["USA scenario", "USA fitted", "ROK scenario", "ROK fitted"]
    assert ax.get_yscale() == "log"
    markers = {c.get_label(): len(c.get_offsets()) for c in ax.collections}
    observed = {p: sum(o.party == p for o in observations) for p in ("USA", "ROK")}
    assert markers == {f"{p} observed": n for p, n in observed.items()}
