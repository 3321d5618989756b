"""The compiled loop compiles the rule and strategy functions themselves, dispatches through the
registry, and its cache is named by everything it compiles."""

from __future__ import annotations

import dataclasses
import importlib
import os
import sys
from pathlib import Path
from typing import Any

import numba
import numpy as np
import pytest
from builders import Scripted, one_issue_scenario

from burdenshare import jitcache
from burdenshare.engine import compiled, dispatch, jit_kernel
from burdenshare.engine.batch import reference_only
from burdenshare.engine.encoding import strategy_code
from burdenshare.model import rules
from burdenshare.scenario.uncertainty import load_uncertain
from burdenshare.strategies import anchoring, ratification_aware, time_dependent, tit_for_tat
from burdenshare.strategies.compiled_form import CompiledForm, CompiledView
from burdenshare.strategies.time_dependent import TimeDependent

RULES = (
    rules.concession,
    rules.target_utility,
    rules.acceptable,
    rules.reservation_value,
    rules.numeric_limit,
    rules.meets_minimum,
    rules.draft_coordinates,
    rules.revise_draft,
    rules.nearest_number,
    rules.nearest_option,
)


def test_the_loop_binds_the_strategies_and_rules_themselves() -> None:
    """Each dispatch branch calls the strategy module's own function, and every rule is made
    callable from compiled code as the same function object; none is copied into the text."""
    generated = compiled.generate(dispatch.forms())
    bound = {v for k, v in generated.namespace.items() if k.startswith(("inner_", "wrapper_"))}
    for function in (
        time_dependent.compiled_target,
        anchoring.compiled_target,
        anchoring.compiled_offer,
        tit_for_tat.compiled_target,
        ratification_aware.compiled_target,
        ratification_aware.compiled_permitted,
        ratification_aware.compiled_allowed,
    ):
        assert function in bound, function.__qualname__
    for rule in RULES:
        assert rule in compiled.JITTED, rule.__name__
        assert f"def {rule.__name__}(" not in generated.text
    assert generated.namespace["acceptable"] is rules.acceptable


@numba.njit  # type: ignore[misc]
def _compiled_rules(x: np.ndarray) -> np.ndarray:
    out = np.empty((x.shape[0], 6))
    for i in range(x.shape[0]):
        t, e, k, r, u, b = x[i]
        out[i, 0] = rules.concession(t, e, k)
        out[i, 1] = rules.target_utility(t, r, u, e, k)
        out[i, 2] = rules.acceptable(u, t, r)
        out[i, 3] = rules.reservation_value(r, e - 1.0, int(b * 100) - 50, k - 0.5, t - 0.5)
        out[i, 4] = rules.numeric_limit(u * 100, 20.0, np.nan, 40.0, -10.0, b * 50)
        out[i, 5] = rules.meets_minimum(u, r)
    return out


def test_compiled_rules_give_the_python_rules_bit_for_bit() -> None:
    """numba compiles the rule functions (made jitable by the loop) to the same numbers."""
    compiled.generate(dispatch.forms())
    rng = np.random.default_rng(5)
    x = rng.random((2000, 6)) * np.array([1.0, 3.0, 1.0, 1.0, 1.0, 1.0])
    x[::7, 1] = 0.0  # e = 0: the hardliner's branch
    ours = _compiled_rules(x)
    for i, (t, e, k, r, u, b) in enumerate(x):
        expected = (
            rules.concession(t, e, k),
            rules.target_utility(t, r, u, e, k),
            rules.acceptable(u, t, r),
            rules.reservation_value(r, e - 1.0, int(b * 100) - 50, k - 0.5, t - 0.5),
            rules.numeric_limit(u * 100, 20.0, np.nan, 40.0, -10.0, b * 50),
            rules.meets_minimum(u, r),
        )
        assert tuple(ours[i]) == expected, i


def _stubborn(p: np.ndarray, view: CompiledView) -> float:
    """A user's compiled target: best utility less a margin, never below the reservation."""
    return max(view.best - p[0], view.reservation)


def _view(n: int = 5) -> CompiledView:
    empty = np.zeros(0, np.int64)
    return CompiledView(
        np.linspace(0.0, 1.0, n), 1.0, n - 1, -1, 0.25, 1, np.array([0.0, 0.5]), 737000,
        0.2, 2, 1, np.array([1, 3], np.int64), empty, empty, empty,
        np.zeros((0, n), np.bool_), empty, np.zeros((1, n), np.int64),
    )  # fmt: skip


def test_a_form_declared_outside_the_package_is_compiled_through_the_dispatch() -> None:
    """A form not in the package gets a code and a branch calling it; numba compiles the chain
    to what the forms give in Python (the built-in ones too)."""
    inner, wrappers = dispatch.forms()
    numbered = ((*inner, CompiledForm(_stubborn, params=("margin",))), wrappers)
    generated = compiled.generate(numbered)
    code = len(inner)
    assert generated.namespace[f"inner_target_{code}"] is _stubborn
    assert _stubborn in compiled.JITTED
    text, bindings = dispatch.source(numbered)
    namespace: dict[str, Any] = dict(bindings)
    exec(text, namespace)  # the chains alone, as the generated module holds them
    chain = numba.njit(namespace["inner_target"])
    view = _view()
    p = np.array([0.3, 0.0])
    assert chain(code, p, view) == _stubborn(p, view) == pytest.approx(0.7)
    for c, form in enumerate(inner):
        assert chain(c, np.array([2.0, 1.0]), view) == form.target(np.array([2.0, 1.0]), view)


def _module(folder: Path, name: str, text: str) -> Any:
    (folder / f"{name}.py").write_text(text, encoding="utf-8")
    if name in sys.modules:
        return importlib.reload(sys.modules[name])
    return importlib.import_module(name)


RULE = "from e_dep_band import BAND\n\n\ndef rule(x):\n    return {}\n"
USER = "from e_dep_rule import rule\n\n\ndef target(p, view):\n    return rule(p[0])\n"


def test_editing_a_dependency_gives_a_new_cache_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key covers the source of every function reached through globals, in any file, and
    the constants they read from other modules (which their own text does not show)."""
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(sys, "dont_write_bytecode", True)  # edits within a second, same size
    _module(tmp_path, "e_dep_band", "BAND = 1e-3\n")
    _module(tmp_path, "e_dep_rule", RULE.format("x + BAND"))
    user = _module(tmp_path, "e_dep_user", USER)

    def key() -> str:
        functions, dependencies = jitcache.reachable([user.target])
        assert {f.__name__ for f in functions} == {"target", "rule"}
        return jitcache.key("text", dependencies)

    first = key()
    assert key() == first  # nothing changed, same key
    _module(tmp_path, "e_dep_rule", RULE.format("x - 2.0 * BAND"))
    user = importlib.reload(user)
    second = key()
    assert second != first
    _module(tmp_path, "e_dep_band", "BAND = 2e-3\n")
    importlib.reload(sys.modules["e_dep_rule"])
    user = importlib.reload(user)
    assert key() not in (first, second)


def test_the_loop_key_covers_rules_kernel_strategies_and_their_constants() -> None:
    generated = compiled.generate(dispatch.forms())
    files = {Path(k).name for k in generated.dependencies if k.endswith(".py")}
    assert {"rules.py", "jit_kernel.py", "compiled.py", "time_dependent.py", "anchoring.py",
            "tit_for_tat.py", "ratification_aware.py", "compiled_form.py"} <= files  # fmt: skip
    assert any(k.endswith(":BAND") for k in generated.dependencies)  # read by the kernel
    assert generated.name.endswith(jitcache.key(
        generated.text.split("import numba\n\n\n", 1)[1], generated.dependencies,
        numba.__version__, np.__version__,
    ))  # fmt: skip
    assert jit_kernel.choose.targetoptions.get("cache") is not True  # only the loop is cached


def test_a_strategy_without_a_compiled_form_is_named_and_runs_on_the_reference() -> None:
    scenario = one_issue_scenario()
    assert reference_only(scenario) == ()
    assert reference_only(scenario, {"buyer": Scripted((10.0,), accept_at=60.0)}) == ("scripted",)
    sma = load_uncertain("sma-2019")[0].scenario
    assert reference_only(sma) == ()


@dataclasses.dataclass(frozen=True)
class _Tweaked(TimeDependent):
    """A subclass that changes the target: the parent's compiled form no longer describes it."""

    def target(self, view: Any) -> float:
        return 1.0


def test_a_subclass_does_not_inherit_its_parents_compiled_form() -> None:
    assert strategy_code(TimeDependent(e=0.5)) is not None
    assert strategy_code(_Tweaked(e=0.5)) is None


def test_drawn_strategy_parameters_go_to_the_forms_columns_and_are_checked() -> None:
    """A drawn `hold` lands in the seat's parameter row at the column its form names, and a draw
    the strategy's own constructor refuses is refused, naming the parameter."""
    from burdenshare.experiments.rows import RowPlan

    loaded, uncertain = load_uncertain("sma-2019")
    scenario = loaded.scenario
    plan = RowPlan.of(scenario, uncertain)
    assert plan is not None
    j = [u.path for u in uncertain].index("parties.USA.strategy.params.hold")
    usa = [p.name for p in scenario.parties].index("USA")
    name, column = plan.places[j]
    assert name == "params"
    assert divmod(column, plan.base.params.shape[2]) == (usa, plan.codes[usa].names.index("hold"))
    drawn = np.array([[float(u.quantile(np.array([0.5]))[0]) for u in uncertain]] * 2)
    drawn[1, j] = 3.0
    rows = plan.rows(drawn)
    assert rows.params[1, usa, plan.codes[usa].names.index("hold")] == 3.0
    plan.negotiate(rows)
    drawn[1, j] = -1.0
    with pytest.raises(ValueError, match=r"hold must be ≥ 0 meetings, got -1 \(a drawn"):
        plan.negotiate(plan.rows(drawn))


def test_a_generated_module_is_written_once_and_old_ones_pruned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`load` writes a module once (its stamp, hence numba's cache, holds) and runs it with the
    names given; `prune` keeps the newest of a kind, removing the rest with their cache files."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("NUMBA_CACHE_DIR", raising=False)
    module = jitcache.load("e_kind_0001", "def f():\n    return G + 1\n", {"G": 41})
    assert module.f() == 42
    folder = jitcache.directory()
    assert folder == tmp_path / "burdenshare" / "jit"
    stamp = (folder / "e_kind_0001.py").stat().st_mtime_ns
    del sys.modules["e_kind_0001"]
    jitcache.load("e_kind_0001", "def f():\n    return G + 1\n", {"G": 1})
    assert (folder / "e_kind_0001.py").stat().st_mtime_ns == stamp
    (folder / "__pycache__").mkdir(exist_ok=True)  # Python may have put bytecode there
    for age, stem in enumerate(("e_kind_0004", "e_kind_0003", "e_kind_0002")):
        (folder / f"{stem}.py").write_text("", encoding="utf-8")
        (folder / "__pycache__" / f"{stem}._negotiate_all-1.py311.nbi").write_text("")
        os.utime(folder / f"{stem}.py", ns=(stamp + 10**9 * (3 - age),) * 2)
    jitcache.prune(folder, "e_kind", keep=2)
    assert sorted(f.name for f in folder.glob("*.py")) == ["e_kind_0003.py", "e_kind_0004.py"]
    assert sorted(f.name for f in (folder / "__pycache__").iterdir()) == [
        "e_kind_0003._negotiate_all-1.py311.nbi",
        "e_kind_0004._negotiate_all-1.py311.nbi",
    ]
    sys.modules.pop("e_kind_0001", None)
