"""Uncertainty sections: drawn values, their application to the model, and located errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from burdenshare.errors import InputError
from burdenshare.experiments.uncertainty import Uncertain
from burdenshare.model.paths import apply
from burdenshare.scenario import builtin_text, load_source
from burdenshare.scenario.uncertainty import load_uncertain


def _with(tmp_path: Path, block: str) -> Path:
    path = tmp_path / "s.toml"
    path.write_text(builtin_text("sma-2019").split("[[uncertainty]]")[0] + block)
    return path


def test_sma2019_declares_what_an_analyst_cannot_know() -> None:
    _, uncertain = load_uncertain("sma-2019")
    paths = [u.path for u in uncertain]
    assert "parties.ROK.reservation_value" in paths and "parties.USA.reservation_value" in paths
    assert any(p.startswith("ratifiers.") and ".limits." in p for p in paths)
    assert any(p.endswith("lapse.per_month") for p in paths)
    assert any(".strategy.params." in p for p in paths)
    assert all(u.rationale for u in uncertain)


@pytest.mark.parametrize(
    "path, value",
    [
        ("parties.ROK.reservation_value", 0.61),
        ("parties.USA.strategy.params.hold", 3),
        ("ratifiers.trump.limits.0.min_change_pct", 30.0),
        ("ratifiers.public.min_utility", 0.95),
        ("parties.ROK.lapse.per_month", -0.02),
        ("threats.troop-reduction.credibility", 0.3),
        ("parties.USA.strategy", "boulware"),
    ],
)
def test_fast_path_equals_set_override(path: str, value: object) -> None:
    base = load_source("sma-2019").scenario
    text = f'"{value}"' if isinstance(value, str) else value
    if path.endswith(".strategy"):
        expected = load_source("sma-2019", [f'{path}={{ name = "{value}" }}']).scenario
    else:
        expected = load_source("sma-2019", [f"{path}={text}"]).scenario
    assert apply(base, path, value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "block, expected",
    [
        ('[[uncertainty]]\npath = "parties.ROK.nope"\ndist = "uniform"\nlow = 0.1\nhigh = 0.2\n',
         "uncertainty[0].path: parties.ROK.nope: no field that can vary per run; expected one of: "
         "parties.ROK.reservation_value"),
        ('[[uncertainty]]\npath = "parties.ROK.reservation_value"'
         '\ndist = "uniform"\nlow = 0.5\nhigh = 1.5\n',
         "uncertainty[0].high: parties.ROK.reservation_value = 1.5"),
        ('[[uncertainty]]\npath = "parties.ROK.reservation_value"'
         '\ndist = "uniform"\nlow = 0.6\nhigh = 0.5\n',
         "`low` (0.6) must be below `high` (0.5)"),
        ('[[uncertainty]]\npath = "parties.ROK.reservation_value"'
         '\ndist = "normal"\nlow = 0.5\nhigh = 0.7\n',
         "needs `mean` and `sd`"),
        ('[[uncertainty]]\npath = "parties.USA.strategy"'
         '\ndist = "choice"\nvalues = ["boulware", "nosuch"]\n',
         "unknown strategy 'nosuch'"),
        ('[[uncertainty]]\npath = "calendar.deadline"\ndist = "choice"\nvalues = [1]\n',
         "uncertainty[0].path: calendar: no field that can vary per run"),
        ('[[uncertainty]]\npath = "parties.US.reservation_value"'
         '\ndist = "uniform"\nlow = 0.1\nhigh = 0.2\n',
         "uncertainty[0].path: parties.US: no element 'US' (did you mean 'USA'?)"),
        ('[[uncertainty]]\npath = "parties.ROK.reservation_value"\ndist = "gamma"\n',
         "uncertainty[0].dist: input should be"),
    ],
)
def test_bad_uncertainty_is_located(tmp_path: Path, block: str, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        load_uncertain(_with(tmp_path, block))
    assert expected in caught.value.render()


def test_quantiles_are_the_inverse_cdfs() -> None:
    """Each distribution is drawn by its inverse CDF: CDF(quantile(u)) = u to float precision."""
    from scipy import stats

    u = np.linspace(0.0, 0.999, 37)
    uniform = Uncertain("x", "uniform", low=2.0, high=6.0)
    np.testing.assert_allclose(uniform.quantile(u), 2.0 + 4.0 * u, rtol=0, atol=1e-15)
    tri = Uncertain("x", "triangular", low=1.0, mode=2.0, high=5.0)
    cdf = stats.triang(c=0.25, loc=1.0, scale=4.0).cdf(tri.quantile(u))
    np.testing.assert_allclose(cdf, u, atol=1e-12)
    normal = Uncertain("x", "normal", low=0.0, high=1.0, mean=0.9, sd=0.5)
    x = normal.quantile(u)
    assert (x >= 0).all() and (x <= 1).all()
    truncated = stats.truncnorm((0.0 - 0.9) / 0.5, (1.0 - 0.9) / 0.5, loc=0.9, scale=0.5)
    np.testing.assert_allclose(truncated.cdf(x), u, atol=1e-9)
    integer = Uncertain("x", "uniform", low=3, high=4, integer=True)
    assert integer.quantile(np.array([0.0, 0.49, 0.5, 0.999])).tolist() == [3, 3, 4, 4]
    weighted = Uncertain("x", "choice", values=("a", "b", "c"), weights=(0.0, 1.0, 3.0))
    assert weighted.quantile(np.array([0.0, 0.2, 0.25, 0.9])).tolist() == [1, 1, 2, 2]
    assert [weighted.value(c) for c in (1.0, 2.0)] == ["b", "c"]
    numbers = Uncertain("x", "choice", values=(10, 20.5))
    assert numbers.quantile(np.array([0.1, 0.7])).tolist() == [10.0, 20.5]
    assert numbers.value(10.0) == 10 and isinstance(numbers.value(10.0), int)


def test_draw_block_is_reproducible_per_run() -> None:
    """Run i's draws depend on (seed, i) alone: any block containing run i draws the same."""
    from burdenshare.experiments.uncertainty import draw_block

    inputs = (
        Uncertain("a", "normal", low=0.0, high=1.0, mean=0.5, sd=0.2),
        Uncertain("b", "choice", values=("x", "y")),
    )
    seeds, whole = draw_block(inputs, 5, 0, 50)
    _, part = draw_block(inputs, 5, 20, 30)
    np.testing.assert_array_equal(whole[20:30], part)
    assert len(set(seeds.tolist())) == 50
    assert set(whole[:, 1].tolist()) == {0.0, 1.0}
