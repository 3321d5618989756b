"""Reference keys for splitting a common bill: shares proportional to GNI (NATO's cost-share
formula is derived from gross national income), to GDP, to population, or equal shares.

The figures come from `model/data/economies.csv` (one row per country, indicator and year, each
with its source), read through `importlib.resources` like the SMA record: no user file is read
here. A payer that stands for a group of countries (`members`) gets the sum of its members'
figures; a key needs a figure for every member (a partial sum would understate the group), and
names the members without one when it cannot be computed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

KEY_NAMES = ("equal", "gni", "gdp", "population")
"""The reference keys, in the order reports list them."""

KEY_LABELS = {
    "equal": "equal shares",
    "gni": "proportional to gross national income",
    "gdp": "proportional to gross domestic product",
    "population": "proportional to population",
}


@dataclass(frozen=True)
class Datum:
    """One sourced figure: a country's indicator in a year."""

    country: str
    indicator: str
    year: int
    value: float
    unit: str
    source: str


@lru_cache(maxsize=1)
def economies() -> tuple[Datum, ...]:
    """Every figure shipped with the package (ISO 3166 alpha-3 country codes)."""
    text = files("burdenshare.model").joinpath("data/economies.csv").read_text(encoding="utf-8")
    return tuple(
        Datum(
            row["country"],
            row["indicator"],
            int(row["year"]),
            float(row["value"]),
            row["unit"],
            row["source"],
        )
        for row in csv.DictReader(io.StringIO(text))
    )


def latest(indicator: str) -> dict[str, Datum]:
    """Per country, its latest figure of `indicator`."""
    out: dict[str, Datum] = {}
    for datum in economies():
        if datum.indicator == indicator:
            found = out.get(datum.country)
            if found is None or datum.year > found.year:
                out[datum.country] = datum
    return out


@dataclass(frozen=True)
class ReferenceKey:
    """A key: each payer's share in percent (summing to 100), or why it cannot be computed.

    `missing`: member countries without a figure (the key is then unavailable); `years` and
    `sources`: those of the figures used.
    """

    name: str
    shares: tuple[tuple[str, float], ...]
    missing: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    sources: tuple[str, ...] = ()
    unavailable: str = ""

    @property
    def available(self) -> bool:
        """Whether every payer has a share."""
        return not self.unavailable

    @property
    def label(self) -> str:
        """What the key is, for people."""
        return KEY_LABELS.get(self.name, self.name)


def reference_key(name: str, payers: Sequence[tuple[str, Sequence[str]]]) -> ReferenceKey:
    """The key `name` (`KEY_NAMES`) over `payers`, each (name, member countries): equal shares
    100/n, or share_i = 100 · Σ_{m ∈ members_i} x_m / Σ_j Σ_{m ∈ members_j} x_m."""
    if name == "equal":
        n = len(payers)
        return ReferenceKey(name, tuple((p, 100.0 / n) for p, _ in payers))
    if name not in KEY_NAMES:
        raise ValueError(f"unknown reference key {name!r}; expected one of {list(KEY_NAMES)}")
    data = latest(name)
    totals: list[float] = []
    missing: list[str] = []
    used: list[Datum] = []
    for _, members in payers:
        found = [data[m] for m in members if m in data]
        missing.extend(m for m in members if m not in data)
        used.extend(found)
        totals.append(sum(d.value for d in found))
    if missing:
        return ReferenceKey(
            name,
            (),
            tuple(missing),
            unavailable=f"no {name} figure in the package for {', '.join(missing)}",
        )
    whole = sum(totals)
    shares = tuple((p, 100.0 * t / whole) for (p, _), t in zip(payers, totals, strict=True))
    return ReferenceKey(
        name,
        shares,
        tuple(missing),
        tuple(sorted({d.year for d in used})),
        tuple(sorted({d.source for d in used})),
    )
