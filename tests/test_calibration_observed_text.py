"""Observed positions parse from text in the core (no file), and the edge reads files into it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from burdenshare.calibration.observed_text import parse_observed
from burdenshare.errors import InputError
from burdenshare.scenario.observed_file import read_observed

CSV = """date,party,amount,currency,factor,source
2019-12,ROK,,,1.13,report B
2019-09-24,USA,5000000000,USD,,report A
"""


def _resolve(name: str) -> str | None:
    return {"USA": "USA", "ROK": "ROK"}.get(name)


def test_csv_text_parses_to_sorted_observations() -> None:
    found = parse_observed(CSV, "inline", _resolve)
    assert [(o.date, o.party, o.amount, o.currency, o.factor) for o in found] == [
        (dt.date(2019, 9, 24), "USA", 5e9, "USD", None),
        (dt.date(2019, 12, 31), "ROK", None, None, 1.13),  # a month stands for its last day
    ]


def test_text_errors_name_the_origin() -> None:
    with pytest.raises(InputError, match=r"^inline: the file is empty"):
        parse_observed("  \n", "inline", _resolve)
    with pytest.raises(InputError, match=r"inline:2: party: unknown party 'XYZ'"):
        parse_observed(CSV.replace("ROK", "XYZ"), "inline", _resolve)


def test_the_edge_reads_the_file_it_is_given(tmp_path: Path) -> None:
    path = tmp_path / "observed.csv"
    path.write_text(CSV, encoding="utf-8")
    assert read_observed(path, _resolve) == parse_observed(CSV, str(path), _resolve)
    with pytest.raises(InputError, match="no such file"):
        read_observed(tmp_path / "missing.csv", _resolve)
    with pytest.raises(InputError, match="is a folder"):
        read_observed(tmp_path, _resolve)
