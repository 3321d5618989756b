"""Uncertainty sections: drawn values, their application to the model, and located errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from burdenshare.errors import InputError
from burdenshare.experiments.uncertainty import Uncertain, apply_path
from burdenshare.scenario import builtin_text, load_source
from burdenshare.scenario.uncertainty import load_uncertain


def _with(tmp_path: Path, block: str) -> Path:
    path = tmp_path / "s.toml"
    path.write_text(builtin_text("sma-2019").split("# ----------------------------------------------------------------- uncertainty")[0].split("[[uncertainty]]")[0] + block)
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
    assert apply_path(base, path, value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "block, expected",
    [
        ('[[uncertainty]]\npath = "parties.ROK.nope"\ndist = "uniform"\nlow = 0.1\nhigh = 0.2\n',
         "uncertainty[0]: no field 'parties.ROK.nope'"),
        ('[[uncertainty]]\npath = "parties.ROK.reservation_value"\ndist = "uniform"\nlow = 0.5\nhigh = 1.5\n',
         "uncertainty[0]: parties.ROK.reservation_value = 1.5"),
        ('[[uncertainty]]\npath = "parties.ROK.reservation_value"\ndist = "uniform"\nlow = 0.6\nhigh = 0.5\n',
         "`low` (0.6) must be below `high` (0.5)"),
        ('[[uncertainty]]\npath = "parties.ROK.reservation_value"\ndist = "normal"\nlow = 0.5\nhigh = 0.7\n',
         "needs `mean` and `sd`"),
        ('[[uncertainty]]\npath = "parties.USA.strategy"\ndist = "choice"\nvalues = ["boulware", "nosuch"]\n',
         "unknown strategy 'nosuch'"),
        ('[[uncertainty]]\npath = "calendar.deadline"\ndist = "choice"\nvalues = [1]\n',
         "uncertainty[0]"),
        ('[[uncertainty]]\npath = "parties.ROK.reservation_value"\ndist = "gamma"\n',
         "uncertainty[0].dist: input should be"),
    ],
)
def test_bad_uncertainty_is_located(tmp_path: Path, block: str, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        load_uncertain(_with(tmp_path, block))
    assert expected in caught.value.render()


def test_draws_are_reproducible_and_bounded() -> None:
    u = Uncertain("x", "normal", low=0.0, high=1.0, mean=0.9, sd=0.5)
    a = [u.draw(np.random.default_rng(1)) for _ in range(3)]
    b = [u.draw(np.random.default_rng(1)) for _ in range(3)]
    assert a == b
    rng = np.random.default_rng(2)
    values = np.array([u.draw(rng) for _ in range(500)])
    assert (values >= 0).all() and (values <= 1).all()
    t = Uncertain("x", "triangular", low=1.0, mode=2.0, high=5.0)
    assert all(1.0 <= t.draw(rng) <= 5.0 for _ in range(100))
    c = Uncertain("x", "choice", values=("a", "b"), weights=(0.0, 1.0))
    assert {c.draw(rng) for _ in range(20)} == {"b"}
    i = Uncertain("x", "uniform", low=3, high=4, integer=True)
    assert {i.draw(rng) for _ in range(50)} == {3, 4}
