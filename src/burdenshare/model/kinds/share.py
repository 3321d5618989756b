"""The share kind: how n payers split a common bill, in percent on a grid, summing to exactly
100 %, each share between the payer's floor and cap (NATO's common-funded budgets, UN scales).

The grid is every composition of the 100 % into the payers' shares (`splits.compositions`),
enumerated structurally, so an outcome space, a strategy or an analysis sees only feasible
splits. A value is a `Split`; each share is also money: bill × share, in the bill's currency
and, with `usd_rate`, in US dollars. A valuation scores one payer's share (`payer = "DEU"`)
with the numeric shapes (linear, power, piecewise) over the range that share can take.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from typing import Any, Literal, TypeGuard

import numpy as np

from burdenshare.model.kinds.base import (
    REQUIRED,
    GeniusIssue,
    Issue,
    IssueKind,
    Report,
    Table,
    TomlKey,
    TomlTable,
    Value,
    ValueFunction,
    common,
)
from burdenshare.model.kinds.money import UNIT_SCALES
from burdenshare.model.kinds.splits import Split, compositions, count_compositions
from burdenshare.model.money import format_money
from burdenshare.model.rules import nearest_split, split_distance
from burdenshare.model.share_keys import KEY_NAMES, ReferenceKey, reference_key
from burdenshare.model.valuation import Direction, LinearValue, PiecewiseLinearValue, PowerValue

MAX_SPLITS = 1_000_000
"""Most splits one share issue may have: each is a row of n shares (16·n MB at the limit) and,
once offers need it, a `Split` object (a few hundred MB at the limit)."""
MIN_STEP = 0.001
"""The finest grid, in percentage points: 100,000 steps (counting the splits takes time
proportional to the steps times the payers)."""


@dataclass(frozen=True)
class Payer:
    """One payer of a common bill: its share's floor and cap in percent, and the countries
    whose figures make up its reference keys (`members`; default: the payer's own name)."""

    name: str
    floor: float = 0.0
    cap: float = 100.0
    label: str = ""
    members: tuple[str, ...] = ()

    @property
    def countries(self) -> tuple[str, ...]:
        """The member countries, or the payer's name when it is one country."""
        return self.members or (self.name,)


def _units(percent: float, step: float) -> float:
    return percent / step


@dataclass(frozen=True)
class ShareIssue:
    """Shares of a common bill among `payers`, on a grid of `step` percentage points."""

    name: str
    payers: tuple[Payer, ...]
    step: float
    bill: float = 0.0
    currency: str = "USD"
    unit: str = ""
    usd_rate: float | None = None
    label: str = ""
    source: str = ""
    kind: Literal["share"] = "share"
    _cache: dict[str, Any] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def __getstate__(self) -> dict[str, Any]:
        """Pickle without the enumerated grid (rebuilt on first use)."""
        state = dict(self.__dict__)
        state["_cache"] = {}
        return state

    # ----------------------------------------------------------- the grid

    @property
    def numeric(self) -> bool:
        """Splits, not numbers."""
        return False

    @property
    def continuous(self) -> bool:
        """A finite grid of splits."""
        return False

    @property
    def total_units(self) -> int:
        """Grid units in 100 %: 100 / step."""
        return round(100.0 / self.step)

    def bounds_units(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Floors (rounded up) and caps (rounded down) in grid units."""
        floors = tuple(math.ceil(_units(p.floor, self.step) - 1e-9) for p in self.payers)
        caps = tuple(
            min(self.total_units, math.floor(_units(p.cap, self.step) + 1e-9)) for p in self.payers
        )
        return floors, caps

    def units(self) -> np.ndarray:
        """(N, n) grid units of every split, in grid order (lexicographic, first payer slowest)."""
        found = self._cache.get("units")
        if found is None:
            floors, caps = self.bounds_units()
            found = compositions(self.total_units, floors, caps)
            found.setflags(write=False)
            self._cache["units"] = found
        return found

    def percents(self) -> np.ndarray:
        """(N, n) shares in percent of every split (units × step, rounded to 10 decimals)."""
        found = self._cache.get("percents")
        if found is None:
            found = np.round(self.units() * self.step, 10)
            found.setflags(write=False)
            self._cache["percents"] = found
        return found

    def column(self, payer: str) -> np.ndarray:
        """One payer's share in percent in every split."""
        return self.percents()[:, self.payer_names.index(payer)]

    @cached_property
    def payer_names(self) -> tuple[str, ...]:
        """The payers' names in order."""
        return tuple(p.name for p in self.payers)

    def share_range(self, payer: str) -> tuple[float, float]:
        """The lowest and highest share `payer` has in any split (its floor and cap, tightened
        by the others' caps and floors)."""
        floors, caps = self.bounds_units()
        i = self.payer_names.index(payer)
        rest_floor = sum(floors) - floors[i]
        rest_cap = sum(caps) - caps[i]
        low = max(floors[i], self.total_units - rest_cap)
        high = min(caps[i], self.total_units - rest_floor)
        return round(low * self.step, 10), round(high * self.step, 10)

    def values(self) -> tuple[Split, ...]:
        """Every split in grid order."""
        return self.grid()  # type: ignore[return-value]  # every value of this grid is a Split

    def size(self) -> int:
        """How many splits (counted, not listed)."""
        found = self._cache.get("size")
        if found is None:
            floors, caps = self.bounds_units()
            found = self._cache["size"] = count_compositions(self.total_units, floors, caps)
        return int(found)

    def grid(self) -> tuple[Value, ...]:
        """Every split as a `Split`, in grid order."""
        found = self._cache.get("grid")
        if found is None:
            names = self.payer_names
            found = tuple(
                Split(tuple(zip(names, row, strict=True))) for row in self.percents().tolist()
            )
            self._cache["grid"] = found
        return found

    def numbers(self) -> np.ndarray:
        """Positions 0..N-1 of the splits (value functions look the shares up)."""
        return np.arange(self.size(), dtype=float)

    def _positions(self) -> dict[bytes, int]:
        found = self._cache.get("positions")
        if found is None:
            units = np.ascontiguousarray(self.units())
            found = {units[k].tobytes(): k for k in range(units.shape[0])}
            self._cache["positions"] = found
        return found

    def _as_units(self, value: object) -> np.ndarray | None:
        """The split's shares in grid units (snapped), or None if it is not a split of these
        payers."""
        shares = _shares(value)
        if shares is None or tuple(shares) != self.payer_names:
            return None
        raw = np.array([float(shares[p]) for p in self.payer_names]) / self.step
        if not np.all(np.isfinite(raw)):
            return None
        return np.rint(raw).astype(np.int64)

    def contains(self, value: Value) -> bool:
        """Whether `value` is a split of these payers on the grid, within every floor and cap,
        summing to 100 %."""
        shares = _shares(value)
        if shares is None or tuple(shares) != self.payer_names:
            return False
        raw = np.array([float(shares[p]) for p in self.payer_names]) / self.step
        units = np.rint(raw)
        if not np.all(np.abs(raw - units) < 1e-6):
            return False
        floors, caps = self.bounds_units()
        return (
            int(units.sum()) == self.total_units
            and bool(np.all(units >= np.array(floors)))
            and bool(np.all(units <= np.array(caps)))
        )

    def index_of(self, value: Value) -> int:
        """Position of `value` on the grid (shares snapped to the grid)."""
        units = self._as_units(value)
        if units is None:
            raise KeyError(value)
        return self._positions()[units.tobytes()]

    def normalise(self, value: Value) -> Value:
        """The split on the grid (a mapping payer → percent becomes a `Split`): the grid's own
        split when the grid is listed already, else that one row made a `Split` (equal to it),
        so that reading a scenario does not list NATO's 20,091 splits to snap one."""
        k = self.index_of(value)
        listed: tuple[Value, ...] | None = self._cache.get("grid")
        if listed is not None:
            return listed[k]
        return Split(tuple(zip(self.payer_names, self.percents()[k].tolist(), strict=True)))

    def distances(self, target: Value) -> np.ndarray:
        """Euclidean distance to `target`, ‖s − t‖ / (100·√2), in [0, 1] (√2 · 100 points is
        the farthest two splits can be). Unlike the total variation, it prefers spreading a
        change over several payers to loading it on one, and seldom ties. A target on the grid
        is measured in grid units (`between`), as the compiled engine measures it."""
        shares = _shares(target)
        if shares is None or tuple(shares) != self.payer_names:
            return np.ones(self.size())
        if self.contains(target):
            units = self.unit_floats()
            steps = units - units[self.index_of(target)]
            squares = np.einsum("ij,ij->i", steps, steps)  # whole numbers: exact in any order
            return split_distance(squares, self.distance_scale)
        t = np.array([float(shares[p]) for p in self.payer_names])  # off the grid: in percent
        gaps = self.percents() - t
        return split_distance(np.einsum("ij,ij->i", gaps, gaps), 100.0 * math.sqrt(2.0))

    def between(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """The distances between the splits at grid positions a[k] and b[k] (arrays broadcast):
        `rules.split_distance` of their squared gaps in grid units, whole numbers whose sum is
        exact in any order (the compiled engine sums them pair by pair, `jit_kernel.distance`),
        over `distance_scale`."""
        units = self.unit_floats()
        squares = np.zeros(np.broadcast(a, b).shape)
        for payer in range(units.shape[1]):
            steps = units[a, payer] - units[b, payer]
            squares += steps * steps
        return split_distance(squares, self.distance_scale)

    def unit_floats(self) -> np.ndarray:
        """`units` as floats: whole numbers, so their gaps, squares and sums are exact (below
        2^53: at most n · 100,000² here), the same in any order, as in integer arithmetic."""
        found = self._cache.get("unit_floats")
        if found is None:
            found = self.units().astype(np.float64)
            found.setflags(write=False)
            self._cache["unit_floats"] = found
        return found

    @property
    def distance_scale(self) -> float:
        """√2 times the grid units in 100 %, the farthest two splits can be apart in units."""
        return self.total_units * math.sqrt(2.0)

    def members(self) -> tuple[str, ...]:
        """Values are not sets."""
        return ()

    # ----------------------------------------------------------- money

    def amounts(self, value: Value) -> dict[str, dict[str, float]]:
        """Per payer, bill × share in units of the bill's currency and, with `usd_rate` (or a
        bill in USD), in US dollars, rounded to cents."""
        shares = _shares(value)
        assert shares is not None
        whole = self.bill * UNIT_SCALES[self.unit]
        out: dict[str, dict[str, float]] = {}
        for payer in self.payer_names:
            amount = whole * float(shares[payer]) / 100.0
            entry = {self.currency: round(amount, 2)}
            if self.currency != "USD" and self.usd_rate is not None:
                entry["USD"] = round(amount * self.usd_rate, 2)
            out[payer] = entry
        return out

    # ----------------------------------------------------------- reference keys

    def reference_keys(self) -> tuple[ReferenceKey, ...]:
        """Equal shares and shares proportional to GNI, GDP and population (each, if the
        package's figures cover the payers; else with the reason it cannot be computed)."""
        payers = [(p.name, p.countries) for p in self.payers]
        return tuple(reference_key(name, payers) for name in KEY_NAMES)

    def nearest(self, shares: Mapping[str, float]) -> int:
        """Index of the split nearest to `shares` (in percent) by the kind's own distance
        (Euclidean, in grid units; ties: earliest): `rules.nearest_split`, the search the single
        text's chair makes. The total variation it once used ties whenever a cap binds: GNI
        shares of 68.6/13.05/9.18/9.17 with the US capped at 50 were 'nearest' to 50/15/10/25."""
        x = np.array([float(shares[p]) for p in self.payer_names]) / self.step
        return self.nearest_units(x)

    def nearest_units(self, x: np.ndarray) -> int:
        """Index of the split nearest to the shares `x` in grid units (`rules.nearest_split`)."""
        return nearest_split(self.unit_floats(), self.size(), len(self.payers), x)

    # ----------------------------------------------------------- for people

    def describe(self, value: Value) -> str:
        """E.g. `USA 16.0 % (USD 1.60 bn), DEU 16.0 % (USD 1.60 bn), …`."""
        shares = _shares(value)
        if shares is None:
            return str(value)
        amounts = self.amounts(value) if self.bill > 0 else {}
        parts = []
        for payer in self.payer_names:
            text = f"{payer} {float(shares[payer]):g} %"
            if payer in amounts:
                money = amounts[payer]
                shown = [format_money(money[self.currency], self.currency)]
                if "USD" in money and self.currency != "USD":
                    shown.append(format_money(money["USD"], "USD"))
                text += f" ({', '.join(shown)})"
            parts.append(text)
        return ", ".join(parts)

    def describe_range(self) -> str:
        """The payers' ranges and the step, e.g. `USA 10–30 %, DEU 5–25 %; step 1 %`."""
        ranges = ", ".join(
            f"{p} {low:g}–{high:g} %"
            for p in self.payer_names
            for low, high in [self.share_range(p)]
        )
        bill = ""
        if self.bill > 0:
            bill = f" of {format_money(self.bill * UNIT_SCALES[self.unit], self.currency)}"
        return f"{ranges}; step {self.step:g} %{bill}"

    def unit_label(self) -> str:
        """Shares are in percent."""
        return "%"

    def expected(self, value: object) -> str:
        """What a split of this issue must be."""
        floors = ", ".join(f"{p.name} {p.floor:g}–{p.cap:g}" for p in self.payers)
        shares = _shares(value)
        hint = ""
        if shares is not None and abs(sum(shares.values()) - 1.0) < 1e-6:
            hint = " (these look like fractions: shares are in percent, 25 for a quarter)"
        shown = shares if shares is not None else value
        return (
            f"expected a table of shares in percent for {list(self.payer_names)} on a "
            f"{self.step:g} % grid summing to 100 (floors–caps: {floors}), got {shown!r}{hint}"
        )

    # ----------------------------------------------------------- valuations

    def value_function(self, table: Table, report: Report) -> ValueFunction | None:
        """`payer = "NAME"` and a numeric shape over that payer's share: `linear` or `power`
        (with `direction`; 0 at one end of the share's range, 1 at the other) or `piecewise`
        (`points` = [[percent, value], …])."""
        payer = table.get("payer")
        if not payer:
            report("payer", f"a share issue needs `payer = ...`: one of {list(self.payer_names)}")
            return None
        if payer not in self.payer_names:
            report("payer", f"unknown payer {payer!r}; expected one of {list(self.payer_names)}")
            return None
        shape = table.get("shape")
        direction: Direction = "rising" if table.get("direction") == "rising" else "falling"
        if shape == "linear":
            return ShareValue(payer, LinearValue(direction))
        if shape == "power":
            exponent = table.get("exponent")
            if exponent is None:
                report("exponent", "a power shape needs `exponent` > 0")
                return None
            return ShareValue(payer, PowerValue(direction, float(exponent)))
        if shape == "piecewise":
            points = table.get("points")
            if not points or len(points) < 2:
                report("points", "a piecewise shape needs at least two [percent, value] points")
                return None
            xs = [float(p[0]) for p in points]
            if any(b <= a for a, b in pairwise(xs)):
                report("points", "percent values must increase")
                return None
            if any(not 0 <= float(p[1]) <= 1 for p in points):
                report("points", "values must lie in [0, 1]")
                return None
            return ShareValue(
                payer, PiecewiseLinearValue(tuple((float(x), float(v)) for x, v in points))
            )
        report("shape", f"expected linear, power or piecewise for a share issue, got {shape!r}")
        return None

    # ----------------------------------------------------------- files

    def to_table(self) -> dict[str, Any]:
        """`kind = "share"` with the step, the bill and the payers."""
        out: dict[str, Any] = {"name": self.name, "kind": self.kind, "step": self.step}
        if self.label:
            out["label"] = self.label
        if self.bill:
            out["bill"] = self.bill
        out["currency"] = self.currency
        out["unit"] = self.unit
        if self.usd_rate is not None:
            out["usd_rate"] = self.usd_rate
        payers = []
        for p in self.payers:
            entry: dict[str, Any] = {"name": p.name, "floor": p.floor, "cap": p.cap}
            if p.label:
                entry["label"] = p.label
            if p.members:
                entry["members"] = list(p.members)
            payers.append(entry)
        out["payers"] = payers
        if self.source:
            out["source"] = self.source
        return out

    def genius(self) -> GeniusIssue:
        """A discrete issue whose items name the splits (`USA=16;DEU=16;…`)."""
        items = tuple(
            ";".join(f"{p}={float(s[p]):g}" for p in self.payer_names)
            for s in (_shares(v) for v in self.grid())
            if s is not None
        )
        return GeniusIssue(self.name, "discrete", items)


def _shares(value: object) -> Mapping[str, float] | None:
    """A split as a mapping payer → percent (a `Split` or a plain mapping), else None."""
    if isinstance(value, Split):
        return dict(value.shares)
    if isinstance(value, Mapping):
        try:
            return {str(k): float(v) for k, v in value.items()}
        except (TypeError, ValueError):
            return None
    return None


@dataclass(frozen=True)
class ShareValue:
    """Scores one payer's share: `inner` (linear, power or piecewise linear) evaluated on the
    share in percent; linear and power run over the range the share can take
    (`ShareIssue.share_range`), falling by default: a smaller share is worth more."""

    payer: str
    inner: LinearValue | PowerValue | PiecewiseLinearValue

    def evaluate(self, issue: Issue, x: np.ndarray) -> np.ndarray:
        """v(share of `payer` in the splits at positions x)."""
        assert is_share(issue)
        share = issue.column(self.payer)[np.asarray(x, dtype=np.int64)]
        if isinstance(self.inner, PiecewiseLinearValue):
            return self.inner.evaluate(issue, share)
        low, high = issue.share_range(self.payer)
        f = np.ones_like(share) if high <= low else np.clip((share - low) / (high - low), 0, 1)
        if self.inner.direction == "falling":
            f = 1.0 - f
        if isinstance(self.inner, PowerValue):
            out: np.ndarray = np.power(f, self.inner.exponent)
            return out
        return f


def is_share(issue: Issue | None) -> TypeGuard[ShareIssue]:
    """Whether `issue` splits a common bill among payers."""
    return issue is not None and issue.kind == "share"


def build(table: Table, report: Report) -> ShareIssue | None:
    """A share issue: `step` (> 0, dividing 100), `payers` (at least two, unique names, each
    with 0 ≤ floor ≤ cap ≤ 100), floors summing to at most 100 and caps to at least 100; an
    optional `bill` with `currency` and `unit`, and `usd_rate` (USD per unit of currency)."""
    problems: list[str] = []

    def note(key: str, message: str) -> None:
        problems.append(key)
        report(key, message)

    step = table.get("step")
    if step is None or not step > 0 or not math.isfinite(step):
        note("step", f"expected a grid step in percentage points > 0, e.g. 0.5; got {step!r}")
    elif step < MIN_STEP:
        note("step", f"expected a step of at least {MIN_STEP:g} percentage points, got {step!r}")
    elif abs(100.0 / step - round(100.0 / step)) > 1e-6:
        note("step", f"expected a step that divides 100 % into whole steps, got {step!r}")
    raw_payers = table.get("payers") or []
    if len(raw_payers) < 2:
        note("payers", "a share issue needs at least two payers: [{ name = ..., ... }, ...]")
    payers: list[Payer] = []
    for k, raw in enumerate(raw_payers):
        name = raw.get("name") or ""
        floor = float(raw.get("floor") if raw.get("floor") is not None else 0.0)
        cap = float(raw.get("cap") if raw.get("cap") is not None else 100.0)
        if not 0 <= floor <= cap <= 100:
            note(
                "payers",
                f"payer {k + 1} ({name or 'unnamed'}): expected 0 ≤ floor ≤ cap ≤ 100 (percent), "
                f"got floor {floor:g}, cap {cap:g}",
            )
        members = tuple(raw.get("members") or ())
        payers.append(Payer(name, floor, cap, raw.get("label") or "", members))
    names = [p.name for p in payers]
    if len(set(names)) != len(names):
        note("payers", f"payer names must be unique, got {names}")
    if payers and not problems:
        if sum(p.floor for p in payers) > 100 + 1e-9:
            note("payers", "the floors add up to more than 100 %: no split is possible")
        elif sum(p.cap for p in payers) < 100 - 1e-9:
            note("payers", "the caps add up to less than 100 %: no split is possible")
    bill = table.get("bill")
    unit = table.get("unit") or ""
    currency = table.get("currency") or "USD"
    if bill is not None and not (bill >= 0 and math.isfinite(bill)):
        note("bill", f"expected an amount ≥ 0 in `unit`s of `currency`, got {bill!r}")
    if unit not in UNIT_SCALES:
        note("unit", f"expected one of {sorted(UNIT_SCALES)}, got {unit!r}")
    usd_rate = table.get("usd_rate")
    if usd_rate is not None and not (usd_rate > 0 and math.isfinite(usd_rate)):
        note("usd_rate", f"expected US dollars per unit of {currency} (> 0), got {usd_rate!r}")
    if problems:
        return None
    issue = ShareIssue(
        payers=tuple(payers),
        step=float(step or 0.0),
        bill=float(bill or 0.0),
        currency=currency,
        unit=unit,
        usd_rate=None if usd_rate is None else float(usd_rate),
        **common(table),
    )
    if issue.size() == 0:
        report("payers", "no split on this grid respects every floor and cap")
        return None
    if issue.size() > MAX_SPLITS:
        report(
            "step",
            f"{issue.size():,} splits exceed the limit of {MAX_SPLITS:,}: use a coarser step, "
            "tighter floors and caps, or group the small payers",
        )
        return None
    return issue


PAYER = TomlTable(
    "PayerDoc",
    "One payer of a share issue's common bill.",
    (
        TomlKey("name", "text", "Identifier used in splits, e.g. `DEU`.", REQUIRED),
        TomlKey("label", "text", "Readable name, e.g. `Germany`.", ""),
        TomlKey("floor", "number", "lowest share in percent (default 0).", 0.0),
        TomlKey("cap", "number", "highest share in percent (default 100).", 100.0),
        TomlKey(
            "members",
            "texts",
            "ISO 3166 alpha-3 codes whose figures make up a group's reference keys (default: "
            "the payer's own name).",
            (),
        ),
    ),
)

KIND = IssueKind(
    "share",
    build,
    (
        TomlKey("currency", "text", "ISO currency code of the bill, e.g. `EUR`."),
        TomlKey("unit", "text", "scale of the bill (`''`, `thousand`, `M`, `bn`, `tn`)."),
        TomlKey("step", "number", "grid step in percentage points (> 0).", REQUIRED),
        TomlKey("payers", PAYER, "the payers, in order.", REQUIRED),
        TomlKey("bill", "number", "the common bill in `unit`s of `currency` (default 0: none)."),
        TomlKey("usd_rate", "number", "US dollars per unit of `currency` (money per payer, USD)."),
    ),
)
