"""Scenario paths: one grammar for `--set` on the raw document and for the immutable model, one
table of what a path may name, one error vocabulary, and `--set` pinning an uncertain field."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from clitools import REPO, run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from burdenshare.errors import InputError
from burdenshare.experiments.rows import IGNORED, RowPlan
from burdenshare.model import Scenario, paths
from burdenshare.scenario import builtin_text, load_source
from burdenshare.scenario.load import parse_toml
from burdenshare.scenario.uncertainty import load_uncertain, pinned


@pytest.fixture(scope="module")
def base() -> Scenario:
    return load_source("sma-2019").scenario


def _instances(scenario: Scenario) -> list[tuple[str, float | int]]:
    """Every field `paths.FIELDS` admits on `scenario`, each named once by element name and
    once by index, with a changed but valid value."""
    out: list[tuple[str, float | int]] = []
    for i, p in enumerate(scenario.parties):
        for key in (p.name, str(i)):
            out += [
                (f"parties.{key}.reservation_value", round(p.reservation_value + 0.01, 4)),
                (f"parties.{key}.monthly_discount", 0.98),
                (f"parties.{key}.lapse.per_month", p.lapse_change_per_month * 2),
                (f"parties.{key}.strategy.params.e", 0.8),
                (f"parties.{key}.strategy.params.hold", 2),
            ]
            out += [
                (f"parties.{key}.lapse.events.{j}.change", e.change / 2)
                for j, e in enumerate(p.events)
            ]
    for i, r in enumerate(scenario.ratifiers):
        for key in (r.name, str(i)):
            if r.min_utility is not None:
                out.append((f"ratifiers.{key}.min_utility", r.min_utility - 0.01))
            for j, limit in enumerate(r.limits):
                for field in ("min", "max", "min_change_pct", "max_change_pct"):
                    value = getattr(limit, field)
                    if value is not None:
                        out.append((f"ratifiers.{key}.limits.{j}.{field}", value + 1))
    for i, t in enumerate(scenario.threats):
        for key in (t.name, str(i)):
            out += [(f"threats.{key}.change", t.change / 2), (f"threats.{key}.credibility", 0.5)]
    out.append(("ratifiers.biden.limits.1.max", 7))  # a field the file leaves out
    assert scenario.exchange_rate is not None
    out.append(("exchange_rate.rate", scenario.exchange_rate.rate + 1))
    return out


def test_model_face_equals_set_on_the_raw_document(base: Scenario) -> None:
    """Setting a field on the model builds exactly the scenario that `--set` and validation
    build, for every pattern the table holds, elements named and indexed."""
    instances = _instances(base)
    seen = set()
    for path, value in instances:
        target = paths.resolve(base, path)
        seen.add(target.pattern)
        expected = load_source("sma-2019", [f"{path}={json.dumps(value)}"]).scenario
        assert paths.replace(base, target, value) == expected, path
    assert seen == set(paths.patterns()) - {"parties.P.strategy", "parties.P.strategy.name"}


def test_a_name_and_an_index_resolve_to_the_same_target(base: Scenario) -> None:
    by_name = paths.resolve(base, "ratifiers.national-assembly.limits.0.max_change_pct")
    by_index = paths.resolve(base, "ratifiers.0.limits.0.max_change_pct")
    assert by_name.steps == by_index.steps == ("ratifiers", 0, "limits", 0, "max_change_pct")
    assert by_name.pattern == "ratifiers.R.limits.I.max_change_pct"
    assert paths.resolve(base, "parties.ROK.lapse.events.1.change").indices == (1, 1)


def test_raw_face_resolves_elements_as_the_model_face() -> None:
    data = parse_toml(builtin_text("sma-2019"), "sma-2019")
    steps = paths.set_raw(data, "ratifiers.trump.limits.0.min_change_pct", 30.0)
    assert steps == ("ratifiers", 2, "limits", 0, "min_change_pct")
    assert paths.read_raw(data, "ratifiers.2.limits.0.min_change_pct") == (steps, 30.0)
    assert paths.read_raw(data, "parties.USA.strategy.params.k") == (
        ("parties", 0, "strategy", "params", "k"),
        None,
    )


def test_one_element_rule_one_error_on_both_faces(base: Scenario) -> None:
    """A near miss of a list element gets the same message on the raw document and the model."""
    data = parse_toml(builtin_text("sma-2019"), "sma-2019")
    with pytest.raises(paths.PathError) as raw:
        paths.set_raw(data, "parties.US.reservation_value", 0.5)
    with pytest.raises(paths.PathError) as model:
        paths.resolve(base, "parties.US.reservation_value")
    assert str(raw.value) == str(model.value) == (
        "parties.US: no element 'US' (did you mean 'USA'?); "
        "expected an index below 2 or one of: USA, ROK"
    )


@pytest.mark.parametrize(
    "path, message",
    [
        (
            "parties.ROK.reservaton_value",
            "parties.ROK.reservaton_value: no field that can vary per run "
            "(did you mean 'reservation_value'?); expected one of: parties.ROK.reservation_value,",
        ),
        ("parties.USA", "parties.USA: is a table; expected one of: parties.USA.reservation_value,"),
        ("ratifiers.trump.limits.3.min", "ratifiers.trump.limits.3: no element '3'; expected an "
         "index below 1"),
        ("parties.USA.reservation_value.x", "parties.USA.reservation_value: is a number"),
        ("parties.USA.strategy.params", "parties.USA.strategy.params: expected one of: "
         "parties.USA.strategy, parties.USA.strategy.name, parties.USA.strategy.params.KEY"),
        ("title", "title: no field that can vary per run; expected one of: "
         "parties.P.reservation_value"),
        (" . ", "empty field path"),
    ],
)
def test_errors_name_the_path_what_is_there_and_what_was_expected(
    base: Scenario, path: str, message: str
) -> None:
    with pytest.raises(paths.PathError) as caught:
        paths.resolve(base, path)
    assert str(caught.value).startswith(message)


def test_a_scenario_without_an_exchange_rate_says_so(base: Scenario) -> None:
    import dataclasses

    bare = dataclasses.replace(base, exchange_rate=None)
    with pytest.raises(paths.PathError, match="exchange_rate: is not set in this scenario"):
        paths.resolve(bare, "exchange_rate.rate")


def test_the_reference_lists_exactly_the_fields_the_table_holds() -> None:
    text = (REPO / "docs" / "reference" / "uncertainty.md").read_text("utf-8")
    section = text.split("## Fields that can vary")[1].split("\n## ")[0]
    listed = re.findall(r"^\| `([a-z_.A-Z]+)` \|", section, flags=re.MULTILINE)
    assert listed == list(paths.patterns())


def test_every_row_column_comes_from_a_resolved_target(base: Scenario) -> None:
    """The compiled rows place each numeric field at the column of what its path names."""
    from burdenshare.experiments.uncertainty import Uncertain

    inputs = tuple(
        Uncertain(path, "uniform", low=0.0, high=1.0)
        for path in (
            "parties.ROK.lapse.events.1.change",
            "ratifiers.biden.limits.1.min",
            "ratifiers.0.limits.0.max_change_pct",
            "threats.trade-actions.credibility",
            "exchange_rate.rate",
        )
    )
    plan = RowPlan.of(base, inputs)
    assert plan is not None
    # events: USA has 1, so ROK's second is column 2; limits: assembly 2, public 0, trump 1
    assert plan.places == (
        ("event_change", 2),
        ("lim_min", 4),
        ("lim_max_pct", 0),
        ("threat_cred", 1),
        IGNORED,
    )


# -- `--set` wins over an [[uncertainty]] range --------------------------------------------------


def test_set_pins_the_field_it_names_by_name_or_index() -> None:
    loaded, uncertain = load_uncertain("sma-2019", ["ratifiers.0.limits.0.max_change_pct=10"])
    drawn = [u.path for u in uncertain]
    assert "ratifiers.national-assembly.limits.0.max_change_pct" not in drawn
    assert len(drawn) == len(load_uncertain("sma-2019")[1]) - 1
    (pin,) = pinned(loaded)
    assert pin.note() == (
        "note: --set ratifiers.0.limits.0.max_change_pct=10 overrides its [[uncertainty]] range "
        "on ratifiers.national-assembly.limits.0.max_change_pct: the range is dropped for this run"
    )


def test_setting_a_whole_strategy_pins_its_drawn_parameters() -> None:
    loaded, uncertain = load_uncertain(
        "sma-2019", ['parties.USA.strategy={ name = "boulware" }']
    )
    assert {p.path for p in pinned(loaded)} == {
        "parties.USA.strategy.params.hold",
        "parties.USA.strategy.params.e",
    }
    assert not any(u.path.startswith("parties.USA.strategy") for u in uncertain)


def test_a_set_elsewhere_pins_nothing() -> None:
    loaded, uncertain = load_uncertain("sma-2019", ["parties.USA.deadline=2020-06-30"])
    assert pinned(loaded) == ()
    assert len(uncertain) == len(load_uncertain("sma-2019")[1])


def test_bad_uncertainty_is_still_reported_with_a_set(tmp_path: Path) -> None:
    text = builtin_text("sma-2019") + (
        '\n[[uncertainty]]\npath = "parties.ROK.nope"\ndist = "uniform"\nlow = 0.1\nhigh = 0.2\n'
    )
    (tmp_path / "s.toml").write_text(text)
    with pytest.raises(InputError, match=r"parties\.ROK\.nope: no field that can vary per run"):
        load_uncertain(tmp_path / "s.toml", ["parties.ROK.reservation_value=0.6"])


def _p_agreement(x: float) -> tuple[float, str]:
    done = run_cli(
        "montecarlo", "sma-2019", "-n", "60", "--seed", "3", "--no-store", "--json",
        "--set", f"ratifiers.national-assembly.limits.0.max_change_pct={x:g}",
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["p_agreement"], done.stderr


def test_montecarlo_set_overrides_the_uncertainty_range() -> None:
    """Issue 14 item 1: the Assembly's cap was drawn from 10–20 % whatever --set said, so every
    X gave one answer. At 0 % the Assembly accepts no rise, which Trump's floor (+25 % or more)
    requires; at 40 % it accepts most (P = 0.0 and 0.49 at N = 300, seed 3)."""
    closed, note = _p_agreement(0)
    open_, _ = _p_agreement(40)
    assert closed < open_
    assert (
        "note: --set ratifiers.national-assembly.limits.0.max_change_pct=0 overrides its "
        "[[uncertainty]] range: the range is dropped for this run"
    ) in note


def test_resume_pins_the_same_field(tmp_path: Path) -> None:
    """A resumed experiment reads its stored `--set` and drops the same range: its summary
    (which lists every drawn input) equals the first run's."""
    store = str(tmp_path / "r.duckdb")
    pin = "ratifiers.1.min_utility=0.95"
    first = run_cli("montecarlo", "sma-2019", "-n", "12", "--seed", "4", "--json",
                    "--store", store, "--set", pin)
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    again = run_cli("montecarlo", "--resume", summary["experiment_id"], "--json", "--store", store)
    assert again.returncode == 0, again.stderr
    assert f"note: --set {pin} overrides its [[uncertainty]] range on ratifiers.public" in (
        again.stderr
    )
    resumed = json.loads(again.stdout)
    for key in ("seconds", "executor"):
        summary.pop(key), resumed.pop(key)
    assert resumed == summary
    assert "ratifiers.public.min_utility" not in json.dumps(summary["sensitivity"])


_STEPS = st.sampled_from(
    ["parties", "ratifiers", "threats", "exchange_rate", "USA", "ROK", "trump", "public", "0",
     "1", "7", "²", "-1", "limits", "events", "lapse", "strategy", "params", "e", "hold", "min",
     "max_change_pct", "rate", "change", "reservation_value", "name", "title", "calendar", ""]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_STEPS, min_size=0, max_size=7))
def test_property_any_path_resolves_or_says_why(base: Scenario, steps: list[str]) -> None:
    """Any path either names a field both faces set alike, or raises a `PathError`."""
    scenario = base
    path = ".".join(steps)
    try:
        target = paths.resolve(scenario, path)
    except paths.PathError as exc:
        assert str(exc)
        return
    value = "boulware" if target.pattern == "parties.P.strategy" else 1
    changed = paths.replace(scenario, target, value)
    assert changed != scenario or target.pattern.endswith(("KEY", "name"))
    data = parse_toml(builtin_text("sma-2019"), "sma-2019")
    assert paths.set_raw(data, path, value)[: len(target.steps)] == target.steps


def test_a_range_below_what_set_removed_is_dropped_not_refused() -> None:
    """`--set ratifiers.trump.limits=[]` leaves the range on `ratifiers.trump.limits.0…` nothing
    to name: --set wins, so the range is dropped with a note rather than refused."""
    loaded, uncertain = load_uncertain("sma-2019", ["ratifiers.trump.limits=[]"])
    assert [p.path for p in pinned(loaded)] == ["ratifiers.trump.limits.0.min_change_pct"]
    assert "ratifiers.trump.limits.0.min_change_pct" not in [u.path for u in uncertain]
