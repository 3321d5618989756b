"""`burdenshare analyze`: where a deal could lie, where the solution concepts put it, and what
the ratifiers allow — for a built-in scenario, a TOML file, or a GENIUS / GeniusWeb folder."""

from __future__ import annotations

import atexit
import datetime as dt
import gc
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from burdenshare.cli._common import json_text, reports_input_errors

if TYPE_CHECKING:
    from burdenshare.model import Scenario


def _load(target: str, overrides: list[str], include_uncertain: bool) -> tuple[Scenario, list[str]]:
    """A GENIUS/GeniusWeb folder, or a built-in name / TOML file via the scenario loader."""
    from burdenshare.errors import InputError

    path = Path(target)
    if path.is_dir():
        from burdenshare.scenario.genius import read_folder

        if overrides:
            raise InputError("--set applies to TOML scenarios, not to a GENIUS folder", "--set")
        found = read_folder(path, include_uncertain=include_uncertain)
        return found.scenario, list(found.notes)
    from burdenshare.scenario import load

    return load(target, overrides), []


def _parse_day(text: str) -> dt.date:
    from burdenshare.errors import InputError

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"expected a date YYYY-MM-DD, got {text!r}", "--at") from None


def _parse_vary(text: str) -> tuple[str, float, float]:
    from burdenshare.errors import InputError

    field, _, span = text.partition("=")
    low, sep, high = span.partition("..")
    try:
        if not field or not sep:
            raise ValueError
        return field.strip(), float(low), float(high)
    except ValueError:
        raise InputError(
            "expected PATH=LOW..HIGH, e.g. ratifiers.national-assembly.limits.0.max=1100..1500",
            f"--vary {text}",
        ) from None


def analyze(
    target: Annotated[
        str, typer.Argument(help="A built-in scenario, a TOML file, or a GENIUS folder.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    plot: Annotated[
        Path | None, typer.Option("--plot", help="Draw the utility space to FILE.png|svg.")
    ] = None,
    run: Annotated[
        bool, typer.Option("--run", help="Also run the talks and measure the outcome.")
    ] = False,
    vary: Annotated[
        str | None, typer.Option("--vary", help="Move one ratifier limit: PATH=LOW..HIGH.")
    ] = None,
    disagreement: Annotated[
        str | None,
        typer.Option(
            "--disagreement",
            help="zero | reservation (default: reservation for scenarios, zero for GENIUS folders)",
        ),
    ] = None,
    include_uncertain: Annotated[
        bool, typer.Option("--include-uncertain", help='Also use type="UNCERTAIN" GENIUS profiles.')
    ] = False,
    set_: Annotated[
        list[str] | None, typer.Option("--set", help="Override a scenario field (TOML scenarios).")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed for --run.")] = 0,
    at: Annotated[
        str | None,
        typer.Option(
            "--at",
            help="Win-sets of the ratifiers in office, and no-deal values, on DATE (YYYY-MM-DD; "
            "default: the deadline).",
        ),
    ] = None,
    over_time: Annotated[
        bool,
        typer.Option(
            "--over-time",
            help="Also the win-sets' overlap at every meeting (with --plot: that figure).",
        ),
    ] = False,
    stage: Annotated[
        int,
        typer.Option(
            "--stage",
            help="Deals in stages: judge stage N, after the first N-1 stop-gaps the run (--seed) "
            "agrees (default 1: the status quo in force).",
        ),
    ] = 1,
) -> None:
    """Pareto frontier, Nash / Kalai–Smorodinsky / utilitarian / egalitarian points, ZOPA,
    Rubinstein split and two-level win-sets."""
    from burdenshare.errors import InputError

    # Before numpy is imported: the analysis multiplies no large matrices, and OpenBLAS would
    # otherwise start a thread per core at import (~40 ms of CPU, which a busy 2-core machine
    # feels as ~50 ms of wall time). A value the user has set is kept.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    started = time.perf_counter()
    if disagreement is None:
        disagreement = "zero" if Path(target).is_dir() else "reservation"
    if disagreement not in ("zero", "reservation"):
        raise InputError("expected zero or reservation", f"--disagreement {disagreement}")
    if plot is not None and plot.suffix.lower() not in (".png", ".svg"):
        raise InputError("the figure file must end in .png or .svg", f"--plot {plot}")
    if seed < 0:
        raise InputError(f"expected a non-negative integer, got {seed}", "--seed")
    varied = _parse_vary(vary) if vary else None
    day = _parse_day(at) if at is not None else None
    import numpy as np

    from burdenshare.analysis.briefing import analyze as run_analysis
    from burdenshare.reports.briefing import briefing_dict, simulate, stage_of, vary_limit

    if stage != 1 and (run or varied is not None):
        raise InputError(
            "--run and --vary start from the first stage; use them without --stage",
            f"--stage {stage}",
        )
    overrides = list(set_ or [])
    scenario, notes = _load(target, overrides, include_uncertain)
    scenario, staged = stage_of(scenario, stage, seed)
    if staged is not None:
        notes.append(staged)
    loaded = time.perf_counter()
    analysis = run_analysis(
        scenario,
        disagreement,  # type: ignore[arg-type]
        at=day,
        over_time=over_time,
    )
    analysed = time.perf_counter()
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    curve = None
    if varied is not None:
        field, low, high = varied
        if Path(target).is_dir():
            raise InputError(
                "--vary needs a TOML or built-in scenario (GENIUS folders have no ratifiers)",
                f"--vary {field}",
            )
        curve = vary_limit(
            analysis,
            field,
            low,
            high,
            lambda extra: _load(target, [*overrides, extra], include_uncertain)[0],
        )
    talks = simulate(analysis, seed) if run else None
    document = briefing_dict(analysis, notes, curve, talks, frontier=as_json)
    if scenario.stages is not None:
        document["stage"] = stage
    finished = time.perf_counter()
    document["timing_seconds"] = {
        "load": round(loaded - started, 6),
        "frontier_and_solutions": round(analysed - loaded, 6),
        "total_in_process": round(finished - started, 6),
    }
    if plot is not None:
        from burdenshare.cli._common import save_figure

        if over_time and analysis.over_time:
            from burdenshare.reports.winsets_figure import overlap_over_time_figure

            figure = overlap_over_time_figure(analysis)
        else:
            from burdenshare.reports.utility_space import utility_space_figure

            figure = utility_space_figure(analysis, talks.offers() if talks else None)
        save_figure(figure, plot, dpi=130)
        print(f"wrote {plot}", file=sys.stderr)
    # At interpreter exit, skip the last full garbage collection over every object numpy, typer
    # and the model made (~10-20 ms of the process); the OS frees the memory.
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)
    if as_json:
        sys.stdout.write(
            json_text(document, ensure_ascii=False, default=_default, indent=None) + "\n"
        )
        return
    from burdenshare.cli.analysis_tables import briefing

    briefing(analysis, document, np)


def _default(value: Any) -> Any:
    import numpy as np

    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(type(value).__name__)


def register(app: typer.Typer) -> None:
    """Attach the analyze command."""
    app.command("analyze")(reports_input_errors(analyze))
