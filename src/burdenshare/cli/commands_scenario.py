"""Commands on scenarios: run, scenarios, show, export, validate, schema, strategies."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from burdenshare.cli._common import json_text, reports_input_errors, write_text_atomic
from burdenshare.cli.plugin_options import PLUGIN

SEED = typer.Option("--seed", help="Seed for stochastic strategies (recorded in the output).")
SET = typer.Option(
    "--set", help="Override a scenario field, e.g. parties.ROK.reservation_value=0.5 (repeatable)."
)
STRICT = typer.Option(
    "--strict", help="Refuse a scenario with any warning (exit 2): implausible or unsourced values."
)
STRATEGY = typer.Option(
    "--strategy", help="Give a party another strategy: PARTY=NAME[:param=value,…] (repeatable)."
)


def emit(text: str, out: Path | None) -> None:
    """Write the requested output to standard output, or atomically to `out`."""
    if out is None:
        sys.stdout.write(text)
    else:
        write_text_atomic(out, text)
        print(f"wrote {out}", file=sys.stderr)


def warn(loaded: Any, strict: bool, data: dict[str, Any] | None = None) -> None:
    """Print the scenario's warnings on standard error; with `strict`, any warning is an error.
    `data` is the raw document when the caller has read it already."""
    from burdenshare.errors import InputError, Problem
    from burdenshare.scenario.plausibility import warning_lines
    from burdenshare.scenario.uncertainty import raw_document

    lines = warning_lines(loaded, raw_document(loaded) if data is None else data)
    for line in lines:
        print(line, file=sys.stderr)
    if strict and lines:
        count = f"{len(lines)} warning{'s' if len(lines) > 1 else ''}"
        message = f"{count} above; fix them or drop --strict"
        raise InputError(Problem("--strict", message), loaded.origin)


def _option_field(loc: tuple[str | int, ...]) -> str:
    """A problem's field in a `--strategy` spec: `strategy` for the name, `parameter.KEY`."""
    return "strategy" if loc == ("name",) else f"parameter.{loc[-1]}"


def _strategies(scenario: Any, options: list[str]) -> dict[str, Any]:
    """Build the `--strategy PARTY=NAME[:param=value,…]` overrides, validated."""
    from burdenshare.cli.options import parse_strategy_option
    from burdenshare.errors import InputError, Problem
    from burdenshare.scenario.build import strategy_loc
    from burdenshare.strategies import build

    chosen: dict[str, Any] = {}
    names = [p.name for p in scenario.parties]
    for option in options:
        try:
            party, name, params = parse_strategy_option(option)
            if party not in names:
                known = ", ".join(names)
                raise InputError(Problem("", f"unknown party {party!r}; expected one of: {known}"))
            try:
                chosen[party] = build(name, params, "parameter")
            except InputError as exc:  # each problem at its place in the spec (build.strategy_loc)
                located = [
                    Problem(_option_field(strategy_loc(name, params, p.field)), p.message)
                    for p in exc.problems
                ]
                raise InputError(located) from None
        except InputError as exc:
            raise exc.with_source(f"--strategy {option}") from None
    return chosen


def run(
    scenario: Annotated[str, typer.Argument(help="A built-in scenario name or a TOML file.")],
    seed: Annotated[int, SEED] = 0,
    strategy: Annotated[list[str] | None, STRATEGY] = None,
    set_: Annotated[list[str] | None, SET] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    out: Annotated[Path | None, typer.Option("--out", help="Write the output to FILE.")] = None,
    plugin: Annotated[list[str] | None, PLUGIN] = None,
    strict: Annotated[bool, STRICT] = False,
) -> None:
    """Run the talks meeting by meeting and show how they end."""
    from burdenshare.cli.plugin_options import use_plugins
    from burdenshare.cli.render import console, negotiation_table, outcome_lines
    from burdenshare.engine import negotiate
    from burdenshare.errors import InputError, Problem
    from burdenshare.scenario import load_source

    if seed < 0:
        raise InputError(Problem("--seed", f"expected a non-negative integer, got {seed}"))
    use_plugins(plugin)
    loaded = load_source(scenario, set_ or [])
    warn(loaded, strict)
    overrides = _strategies(loaded.scenario, strategy or [])
    result = negotiate(loaded.scenario, overrides, seed=seed)
    if as_json:
        from burdenshare.reports.negotiation import run_dict

        payload = run_dict(result, loaded.sha256, seed, loaded.scenario)
        emit(json_text(payload, ensure_ascii=False) + "\n", out)
        return
    buffer = io.StringIO()
    con = console(buffer if out is not None else None)
    con.print(negotiation_table(loaded.scenario, result))
    for line in outcome_lines(loaded.scenario, result):
        con.print(line)
    if out is not None:
        emit(buffer.getvalue(), out)


def scenarios(
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """List the built-in scenarios."""
    from rich.table import Table

    from burdenshare.cli.render import console
    from burdenshare.reports.catalog import scenarios_dict
    from burdenshare.scenario import builtin_names, load

    rows = [(name, load(name).title) for name in builtin_names()]
    if as_json:
        print(json_text(scenarios_dict(rows)))
        return
    table = Table(title="built-in scenarios", title_justify="left")
    table.add_column("name")
    table.add_column("title")
    for name, title in rows:
        table.add_row(name, title)
    console().print(table)


def show(
    scenario: Annotated[str, typer.Argument(help="A built-in scenario name or a TOML file.")],
    set_: Annotated[list[str] | None, SET] = None,
) -> None:
    """Describe a scenario in human terms."""
    from burdenshare.cli.describe import describe_scenario
    from burdenshare.cli.render import console
    from burdenshare.scenario import load_source

    loaded = load_source(scenario, set_ or [])
    describe_scenario(console(), loaded.scenario)


def export(
    scenario: Annotated[str, typer.Argument(help="A built-in scenario name or a TOML file.")],
    set_: Annotated[list[str] | None, SET] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Write the TOML to FILE.")] = None,
) -> None:
    """Print a scenario as an editable TOML file (with --set: the changed scenario)."""
    from burdenshare.scenario import load_source, to_toml
    from burdenshare.scenario.export import changed_document

    loaded = load_source(scenario, set_ or [])
    text = loaded.text
    if set_:
        doc, notes = changed_document(loaded)
        for note in notes:
            print(note, file=sys.stderr)
        text = to_toml(doc)
    emit(text if text.endswith("\n") else text + "\n", out)


def validate(
    scenario: Annotated[str, typer.Argument(help="A scenario TOML file (or built-in name).")],
    strict: Annotated[bool, STRICT] = False,
) -> None:
    """Check a scenario without running it: everything a later command would check (the
    `\\[\\[uncertainty]]` section too), every problem at once, then the warnings."""
    from burdenshare.scenario import load_source
    from burdenshare.scenario.uncertainty import raw_document, uncertain_inputs

    loaded = load_source(scenario)
    data = raw_document(loaded)
    uncertain_inputs(loaded, data)
    warn(loaded, strict, data)
    s = loaded.scenario
    print(
        f"{loaded.origin}: valid — {len(s.space.issues)} issues ({s.space.size:,} outcomes), "
        f"{len(s.parties)} parties, {len(s.ratifiers)} ratifiers, "
        f"{len(s.calendar.meetings)} meetings"
    )


def schema() -> None:
    """Print the JSON Schema of scenario files (for editors)."""
    from burdenshare.scenario import json_schema

    print(json_text(json_schema()))


def strategies(
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    plugin: Annotated[list[str] | None, PLUGIN] = None,
    check: Annotated[
        list[str] | None,
        typer.Option(
            "--check", metavar="NAME", help="Run the conformance suite on a strategy (repeatable)."
        ),
    ] = None,
) -> None:
    """List the registered strategies with their parameters (with --check: test them)."""
    from rich.table import Table

    from burdenshare.cli.plugin_options import use_plugins
    from burdenshare.cli.render import console
    from burdenshare.reports.catalog import strategies_dict, strategy_rows

    use_plugins(plugin)
    if check:
        _conformance(check, as_json)
        return
    rows = strategy_rows()
    if as_json:
        print(json_text(strategies_dict(rows)))
        return
    table = Table(title="strategies", title_justify="left")
    for column in ("name", "what it does", "parameters (defaults)", "tags"):
        table.add_column(column)
    for name, summary, params, tags in rows:
        table.add_row(
            name, summary, ", ".join(f"{k}={v}" for k, v in params.items()), ", ".join(tags)
        )
    console().print(table)


def _conformance(names: list[str], as_json: bool) -> None:
    """The conformance suite's verdicts on each strategy of `names`: a table (or JSON); exit
    code 1 when a check fails."""
    from rich.table import Table
    from rich.text import Text

    from burdenshare.cli.render import console
    from burdenshare.conformance import run_checks

    verdicts = {name: run_checks(name) for name in names}
    if as_json:
        payload = {name: [c.to_dict() for c in checks] for name, checks in verdicts.items()}
        print(json_text({"conformance": payload}, ensure_ascii=False))
    else:
        for name, checks in verdicts.items():
            table = Table(title=f"conformance of {name}", title_justify="left")
            for column in ("check", "result", "detail"):
                table.add_column(column)
            for c in checks:
                table.add_row(Text(c.name), c.status, Text(c.detail))
            console().print(table)
    if any(c.status == "fail" for checks in verdicts.values() for c in checks):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Attach the scenario commands."""
    app.command("run")(reports_input_errors(run))
    app.command("scenarios")(reports_input_errors(scenarios))
    app.command("show")(reports_input_errors(show))
    app.command("export")(reports_input_errors(export))
    app.command("validate")(reports_input_errors(validate))
    app.command("schema")(reports_input_errors(schema))
    app.command("strategies")(reports_input_errors(strategies))
