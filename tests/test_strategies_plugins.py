"""User strategies from outside the package: installed entry points, `--plugin` files and
modules (in `run`, `montecarlo`, `tournament` and their worker processes), and the note on
standard error when a strategy runs on the reference engine."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from clitools import invoke

from burdenshare.cli.plugin_options import SLOWER, note_reference_engine
from burdenshare.errors import InputError
from burdenshare.execution.executors import Executor
from burdenshare.experiments.tournament import TournamentPlan, play
from burdenshare.scenario import load
from burdenshare.scenario.plugins import load_plugins, module_name
from burdenshare.strategies import registry

BIN = Path(sys.executable).with_name("burdenshare")
REPO = Path(__file__).resolve().parents[1]

SLOW_ANCHORING = '''
from dataclasses import dataclass
from typing import ClassVar

from burdenshare.strategies.anchoring import Anchoring
from burdenshare.strategies.registry import register


@register("slow-anchoring", tags=frozenset({"time-dependent", "deterministic"}))
@dataclass(frozen=True)
class SlowAnchoring(Anchoring):
    """Anchoring declared outside the package, without a compiled form."""

    name: ClassVar[str] = "slow-anchoring"
'''

PATIENT = '''
from dataclasses import dataclass
from typing import ClassVar

from burdenshare.strategies import TargetStrategy


@dataclass(frozen=True)
class Patient(TargetStrategy):
    """Aims at its best utility until the last tenth of the talks."""

    name: ClassVar[str] = "demo-patient"
    tags: ClassVar[frozenset[str]] = frozenset({"deterministic"})

    def target(self, view):
        return view.best if view.time < 0.9 else view.reservation
'''


def cli(*args: str, pythonpath: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`burdenshare ARGS…` in a subprocess (with `pythonpath` in front of PYTHONPATH)."""
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(pythonpath), env.get("PYTHONPATH")]))
    return subprocess.run(
        [str(BIN), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=300,
        check=False,
    )


def one_line_error(done: subprocess.CompletedProcess[str], *parts: str) -> None:
    """Exit 2, one line on standard error naming each of `parts`, no traceback."""
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    for part in parts:
        assert part in lines[0]


@pytest.fixture
def scratch_registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Registrations and entry-point discovery in a test are forgotten afterwards."""
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))
    monkeypatch.setattr(registry, "_DISCOVERED", [False])
    yield


def distribution(root: Path, entry_points: str, modules: dict[str, str]) -> Path:
    """An installed distribution under `root`: its metadata, entry points and modules."""
    info = root / "demo_plugin-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: demo-plugin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[burdenshare.strategies]\n{entry_points}\n")
    for name, text in modules.items():
        (root / f"{name}.py").write_text(textwrap.dedent(text))
    return root


# -- entry points ----------------------------------------------------------------------------


def test_entry_point_class_is_registered_under_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scratch_registry: None
) -> None:
    distribution(tmp_path, "demo-patient = demo_patient:Patient", {"demo_patient": PATIENT})
    monkeypatch.syspath_prepend(str(tmp_path))
    assert "demo-patient" in registry.names()
    assert registry.build("demo-patient").name == "demo-patient"


def test_broken_entry_point_is_one_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scratch_registry: None
) -> None:
    distribution(tmp_path, "demo-broken = demo_broken", {"demo_broken": "raise RuntimeError('no')"})
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(InputError, match=r"plugin demo-broken.*demo-plugin.*RuntimeError: no"):
        registry.names()
    with pytest.raises(InputError, match="demo-broken"):  # said again, not forgotten
        registry.entry("no-such-strategy")
    done = cli("strategies", pythonpath=tmp_path)
    one_line_error(done, "plugin demo-broken", "RuntimeError: no")


def test_installed_strategy_runs_from_the_command_line(tmp_path: Path) -> None:
    distribution(tmp_path, "demo-patient = demo_patient:Patient", {"demo_patient": PATIENT})
    done = cli("run", "sma-2019", "--strategy", "USA=demo-patient", "--json", pythonpath=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "demo-patient" in json.dumps(json.loads(done.stdout))


# -- --plugin ----------------------------------------------------------------------------------


def test_plugin_file_and_module_register_and_reload_idempotently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scratch_registry: None
) -> None:
    path = tmp_path / "slow.py"
    path.write_text(SLOW_ANCHORING)
    monkeypatch.delitem(sys.modules, module_name(path.resolve()), raising=False)
    assert load_plugins([str(path)]) == (str(path.resolve()),)
    assert "slow-anchoring" in registry.names()
    assert load_plugins([str(path)]) == (str(path.resolve()),)  # loaded once, no clash
    registering = PATIENT + "\nregistry.add('demo-patient', Patient)\n"
    (tmp_path / "demo_patient_mod.py").write_text(
        "from burdenshare.strategies import registry\n" + registering
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    assert load_plugins(["demo_patient_mod"]) == ("demo_patient_mod",)
    assert "demo-patient" in registry.names()
    monkeypatch.delitem(sys.modules, "demo_patient_mod")
    monkeypatch.delitem(sys.modules, module_name(path.resolve()))


@pytest.mark.parametrize(
    ("text", "spec", "expected"),
    [
        (None, "missing.py", "no such file"),
        (None, "no_such_module_here", "no module named 'no_such_module_here'"),
        ("x = (\n", "bad.py", "SyntaxError"),
        ("import os\n", "empty.py", "registers no strategy"),
        ("import no_such_dependency\n", "needs.py", "No module named 'no_such_dependency'"),
        ("raise ValueError('bad setting')\n", "raises.py", "ValueError: bad setting"),
    ],
)
def test_bad_plugin_is_one_input_error_naming_it(
    tmp_path: Path, text: str | None, spec: str, expected: str, scratch_registry: None
) -> None:
    target = spec
    if spec.endswith(".py"):
        target = str(tmp_path / spec)
        if text is not None:
            (tmp_path / spec).write_text(text)
    with pytest.raises(InputError) as info:
        load_plugins([target])
    assert info.value.render().startswith(f"--plugin {target}: ")
    assert expected in info.value.render() and "\n" not in info.value.render()


def test_bad_plugin_on_the_command_line_is_one_line_exit_2(tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text("def broken(:\n")
    for command in (["run", "sma-2019"], ["montecarlo", "sma-2019", "--no-store"], ["tournament"]):
        done = invoke(*command, "--plugin", str(tmp_path / "bad.py"))
        one_line_error(done, f"--plugin {tmp_path / 'bad.py'}", "SyntaxError")


def test_run_montecarlo_and_tournament_use_a_plugin_on_two_workers(tmp_path: Path) -> None:
    """Workers load the plugin themselves: two workers give what one gives, and the
    reference-engine note says which strategy is slow."""
    path = tmp_path / "slow.py"
    path.write_text(SLOW_ANCHORING)
    plugin = ("--plugin", str(path))
    inner = "--set=parties.USA.strategy.params.inner=slow-anchoring"
    store = ("--store", str(tmp_path / "runs.duckdb"))
    summaries = []
    for workers in ("1", "2"):  # in process; the two workers are processes of their own
        done = invoke(
            "montecarlo", "sma-2019", "-n", "12", "--chunk", "4", *store, "--json",
            "--workers", workers, inner, *plugin,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert "note: strategy 'slow-anchoring' has no compiled form" in done.stderr
        assert "reference engine, about" in done.stderr
        summary = json.loads(done.stdout)
        ident = summary["experiment_id"]
        summaries.append({k: summary[k] for k in ("runs", "p_agreement", "terms_quantiles")})
    assert summaries[0] == summaries[1]
    shown = invoke("results", "show", ident, *store, "--json", *plugin)
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["p_agreement"] == summaries[1]["p_agreement"]
    one_line_error(invoke("results", "show", ident, *store), "unknown strategy 'slow-anchoring'")
    boards = []
    for workers in ("1", "2"):
        done = invoke(
            "tournament",
            "--strategy",
            "slow-anchoring",
            "--strategy",
            "boulware",
            "-r",
            "2",
            "--json",
            "--workers",
            workers,
            *plugin,
        )
        assert done.returncode == 0, done.stderr
        assert "'slow-anchoring' has no compiled form: its matches" in done.stderr
        boards.append(json.loads(done.stdout)["leaderboard"])
    assert boards[0] == boards[1]


def test_note_names_only_strategies_without_compiled_form(
    capsys: pytest.CaptureFixture[str], scratch_registry: None
) -> None:
    slow = type("SlowLinear", (type(registry.build("linear")),), {"name": "slow-linear"})
    registry.add("slow-linear", slow, tags=frozenset())
    wrapped = registry.build("ratification-aware", {"inner": "slow-linear"})
    note_reference_engine([registry.build("boulware"), registry.build("tit-for-tat")], "tournament")
    assert capsys.readouterr().err == ""
    note_reference_engine([registry.build("boulware"), wrapped], "montecarlo")
    err = capsys.readouterr().err
    assert "strategy 'slow-linear' has no compiled form: its runs use the reference engine" in err
    assert f"about {SLOWER['montecarlo']}× slower" in err


def test_spawned_workers_load_the_plugin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scratch_registry: None
) -> None:
    """Under the spawn start method (no inherited modules) a worker knows the plugin's strategy
    only because the executor passes the spec along."""
    path = tmp_path / "slow.py"
    path.write_text(SLOW_ANCHORING)
    monkeypatch.delitem(sys.modules, module_name(path.resolve()), raising=False)
    specs = load_plugins([str(path)])
    plan = TournamentPlan(("slow-anchoring", "boulware"), (load("sma-2019"),), 1, 0)
    chunks = [(0, 2), (2, len(plan.matches()))]
    serial = sorted(r["match"] for part in Executor().map(play, plan, chunks) for r in part)
    before = multiprocessing.get_start_method()
    multiprocessing.set_start_method("spawn", force=True)
    try:
        spawned = Executor(2, None, specs).map(play, plan, chunks)
        assert sorted(r["match"] for part in spawned for r in part) == serial
        with pytest.raises(InputError, match="unknown strategy 'slow-anchoring'"):
            list(Executor(2).map(play, plan, chunks))
    finally:
        multiprocessing.set_start_method(before, force=True)
        monkeypatch.delitem(sys.modules, module_name(path.resolve()))


def test_the_compiled_example_plays_as_the_plain_one_and_declares_its_form() -> None:
    """docs/examples: `fast-stubborn` (with a compiled form) negotiates as `stubborn` does on
    the reference engine, and the registry tags it vectorisable (the batch engine's run-by-run
    equality is the conformance suite's last check, not run here: it compiles the engine)."""
    plugins = (
        "--plugin",
        "docs/examples/stubborn.py",
        "--plugin",
        "docs/examples/fast_stubborn.py",
    )
    outcomes = []
    for name in ("stubborn", "fast-stubborn"):
        done = invoke("run", "sma-2019", *plugins, "--strategy", f"USA={name}:until=0.6", "--json")
        assert done.returncode == 0, done.stderr
        outcomes.append(json.loads(done.stdout)["outcome"])
    assert outcomes[0] == outcomes[1]
    listed = json.loads(invoke("strategies", *plugins, "--json").stdout)["strategies"]
    tags = {s["name"]: s["tags"] for s in listed}
    assert "vectorisable" in tags["fast-stubborn"] and "vectorisable" not in tags["stubborn"]
