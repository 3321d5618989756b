"""The CLI's plain coercion (burdenshare.cli.coercion) gives what typer's pydantic coercion gives —
the same value, or the same error — and keeps pydantic out of `burdenshare analyze FOLDER`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Annotated, Any

import pytest
import typer
import typer.main
from hypothesis import given, settings
from hypothesis import strategies as st

from burdenshare.cli import coercion

pytestmark = pytest.mark.skipif(not coercion.SUPPORTED, reason="typer without typer._coercion")


def _command() -> Any:
    app = typer.Typer()

    @app.command()
    def every_kind(
        text: Annotated[str, typer.Argument()],
        flag: Annotated[bool, typer.Option("--flag")] = False,
        number: Annotated[int, typer.Option("--number")] = 0,
        ranged: Annotated[int, typer.Option("--ranged", min=0, max=9)] = 0,
        path: Annotated[Path | None, typer.Option("--path")] = None,
        existing: Annotated[Path | None, typer.Option("--existing", exists=True)] = None,
        many: Annotated[list[str] | None, typer.Option("--many")] = None,
        paths: Annotated[list[Path] | None, typer.Option("--paths")] = None,
        maybe: Annotated[str | None, typer.Option("--maybe")] = None,
    ) -> None:
        """Every parameter kind the commands use."""

    @app.command()
    def other() -> None:
        """A second command, so that typer builds a group."""

    group = typer.main.get_command(app)
    return group.commands["every-kind"]  # type: ignore[attr-defined]


COMMAND = _command()
PARAMS = {p.name: p for p in COMMAND.params}


def _outcome(runtime: Any, param: Any, value: Any) -> tuple[str, Any]:
    ctx = COMMAND.context_class(COMMAND)
    try:
        return "value", runtime.coerce(value, param=param, ctx=ctx)
    except Exception as exc:  # the error itself is part of the behaviour compared
        return type(exc).__name__, str(exc)


def _same(name: str, value: Any) -> None:
    param = PARAMS[name]
    plain = coercion.plain_coercer(param)
    assert plain is not None, name
    typer_own = coercion.build_runtime_param(param.type_descriptor)
    assert _outcome(plain, param, value) == _outcome(typer_own, param, value)


integers = st.one_of(
    st.from_regex(r"-?[0-9]{1,25}", fullmatch=True),
    st.from_regex(r"[ +-]?[0-9_ .eE]{1,6}", fullmatch=True),
    st.integers(-(10**20), 10**20),
)
texts = st.one_of(st.text(), st.binary(max_size=8), st.none(), st.booleans(), integers)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_scalars_coerce_as_typer_does(value: Any) -> None:
    for name in ("text", "flag", "number", "path", "existing", "maybe"):
        _same(name, value)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.lists(texts, max_size=3).map(tuple), st.lists(texts, max_size=3), texts))
def test_lists_coerce_as_typer_does(value: Any) -> None:
    for name in ("many", "paths"):
        _same(name, value)


def test_existing_paths_and_int_errors_match(tmp_path: Path) -> None:
    for value in (str(tmp_path), str(tmp_path / "missing"), "", "a\x00b"):
        _same("existing", value)
    for value in ("12", "007", "-3", "+5", " 5", "5_0", "5.0", "1e3", "abc", "9" * 30):
        _same("number", value)


def test_constrained_and_custom_types_are_left_to_typer() -> None:
    assert coercion.plain_coercer(PARAMS["ranged"]) is None
    assert coercion.plain_kind(float, PARAMS["number"].type_descriptor.parameter_info) is None


def test_every_burdenshare_command_keeps_its_parameters_and_messages() -> None:
    from burdenshare.cli.app import _register, app

    _register()
    coercion.use_plain_coercion(app)
    group = typer.main.get_command(app)
    commands = group.commands  # type: ignore[attr-defined]
    assert isinstance(commands["analyze"], coercion.PlainCoercionCommand)
    equipped = [p.name for p in commands["analyze"].params if p._runtime_param is not None]
    assert {"target", "plot", "vary", "disagreement", "set_", "seed"} <= set(equipped)


DOMAIN = """<?xml version="1.0" encoding="UTF-8"?>
<negotiation_template>
  <utility_space number_of_issues="1">
    <objective index="0" name="tiny" type="objective" etype="objective">
      <issue index="1" name="i0" type="discrete" etype="discrete" vtype="discrete">
        <item index="1" value="a" />
        <item index="2" value="b" />
      </issue>
    </objective>
  </utility_space>
</negotiation_template>
"""

PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<utility_space number_of_issues="1">
  <objective index="0" name="tiny" type="objective" etype="objective">
    <weight index="1" value="1.0" />
    <issue index="1" name="i0" type="discrete" etype="discrete">
      <item index="1" value="a" evaluation="{a}" />
      <item index="2" value="b" evaluation="{b}" />
    </issue>
  </objective>
</utility_space>
"""


def test_analyze_on_a_genius_folder_does_not_import_pydantic(tmp_path: Path) -> None:
    (tmp_path / "tiny_domain.xml").write_text(DOMAIN)
    (tmp_path / "p1.xml").write_text(PROFILE.format(a=1.0, b=0.5))
    (tmp_path / "p2.xml").write_text(PROFILE.format(a=0.5, b=1.0))
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('pydantic' in sys.modules, file=sys.stderr))\n"
        "from burdenshare.cli.app import main\n"
        f"sys.argv = ['burdenshare', 'analyze', {str(tmp_path)!r}, '--json']\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert '"pareto_frontier"' in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "False"
