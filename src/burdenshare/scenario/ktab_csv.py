"""Read KTAB's SMP input CSV (an edge): the format `SMPModel::csvRead` reads
(KTAB `examples/smp/libsrc/smpread.cpp`).

    row 1:  <scenario name>, <description>, <number of actors>, <number of dimensions>[,]
    row 2:  Actor, Description, <power label>, <dim 1 label>, <sal 1 label>, ...[,]
    row 3+: <name>, <description>, <capability>, <pos 1>, <sal 1>, ..., <pos N>, <sal N>[,]

Quirks handled as KTAB does: parsing is positional (header labels are ignored except that each
position label names a dimension); trailing commas and padding spaces; quoted fields; a semicolon
is an ordinary character. Positions and saliences are on 0-100, and an actor's saliences sum to at
most 100. Every problem is reported with file, line and field.
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

from burdenshare.errors import InputError, Problem
from burdenshare.files import read_input
from burdenshare.stakeholders.actors import (
    MAX_ACTORS,
    MIN_ACTORS,
    SCALE,
    Actor,
    Dimension,
    StakeholderSet,
)

# KTAB's limits (kmodel.h: Model::maxActNameLen, maxActDescLen; smp.h: maxDimDescLen).
MAX_NAME_LEN = 25
MAX_DESC_LEN = 256
MAX_DIM_NAME_LEN = 256
MAX_CAPABILITY = 1e8  # SMPModel::csvRead: "no real upper limit, so this is just a sanity-check"


def _rows(text: str) -> list[tuple[int, list[str]]]:
    """(line number, fields) for each non-blank row, fields stripped, trailing empties dropped."""
    out: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text), skipinitialspace=True)
    for fields in reader:
        line = reader.line_num
        cells = [f.strip() for f in fields]
        while cells and cells[-1] == "":
            cells.pop()  # KTAB's files end rows with a comma (and sometimes a space)
        if cells:
            out.append((line, cells))
    return out


def _number(
    cell: str, line: int, field: str, problems: list[Problem], low: float, high: float
) -> float | None:
    """Parse a number in [low, high], recording a problem (and returning None) otherwise."""
    try:
        x = float(cell)
    except ValueError:
        problems.append(Problem(field, f"expected a number, got '{cell}'", line))
        return None
    if not math.isfinite(x) or not low <= x <= high:
        problems.append(Problem(field, f"must be in [{low:g}, {high:g}], got {cell}", line))
        return None
    return x


def parse_ktab_csv(text: str, source: str | None = None) -> StakeholderSet:
    """Parse the text of a KTAB SMP CSV file into a `StakeholderSet` on a 0-100 scale per
    dimension (saliences divided by 100); raise `InputError` listing every problem found."""
    rows = _rows(text.lstrip("\ufeff"))
    if len(rows) < 2:
        raise InputError(
            Problem("", "expected a scenario row, a header row and actor rows", 1), source
        )
    scen_name, scen_desc, n_actors, n_dims = _scenario_row(*rows[0], source)
    problems: list[Problem] = []
    line, header = rows[1]
    dim_names = _dimension_names(line, header, n_dims, source, problems)
    body = rows[2:]
    if len(body) != n_actors:
        problems.append(
            Problem(
                "actor rows",
                f"the scenario row announces {n_actors} actors, "
                f"the file has {len(body)} actor rows",
                body[-1][0] if body else rows[1][0],
            )
        )
    actors: list[Actor] = []
    seen: dict[str, int] = {}
    for line, cells in body:
        actor = _actor(line, cells, header, dim_names, seen, problems)
        if actor is not None:
            actors.append(actor)
    if problems:
        raise InputError(problems, source)
    try:
        return StakeholderSet(
            actors=tuple(actors),
            dimensions=tuple(Dimension(name, 0.0, SCALE) for name in dim_names),
            name=scen_name,
            description=scen_desc,
        )
    except InputError as exc:
        raise exc.with_source(source or "<input>") from None


def _scenario_row(line: int, head: list[str], source: str | None) -> tuple[str, str, int, int]:
    """Name, description, number of actors and of dimensions from the first row (raises)."""
    if len(head) < 4:
        raise InputError(
            Problem(
                "scenario row",
                "expected '<name>, <description>, <number of actors>, <number of dimensions>', "
                f"got {len(head)} field(s)",
                line,
            ),
            source,
        )
    problems: list[Problem] = []
    counts: list[int] = []
    for cell, what in ((head[2], "number of actors"), (head[3], "number of dimensions")):
        try:
            counts.append(int(cell))
        except ValueError:
            problems.append(Problem(what, f"expected a whole number, got '{cell}'", line))
    if problems:
        raise InputError(problems, source)
    n_actors, n_dims = counts
    if n_dims < 1:
        problems.append(Problem("number of dimensions", f"must be at least 1, got {n_dims}", line))
    if not MIN_ACTORS <= n_actors <= MAX_ACTORS:
        problems.append(
            Problem(
                "number of actors",
                f"must be between {MIN_ACTORS} and {MAX_ACTORS} (KTAB's limits), got {n_actors}",
                line,
            )
        )
    if problems:
        raise InputError(problems, source)
    return head[0], head[1], n_actors, n_dims


def _dimension_names(
    line: int, header: list[str], n_dims: int, source: str | None, problems: list[Problem]
) -> list[str]:
    """The dimension names of the header row (raises when its width is wrong)."""
    width = 3 + 2 * n_dims
    if len(header) != width:
        raise InputError(
            Problem(
                "header row",
                f"expected {width} columns (Actor, Description, capability, then position and "
                f"salience for each of {n_dims} dimension(s)), got {len(header)}",
                line,
            ),
            source,
        )
    dim_names = [header[3 + 2 * k] for k in range(n_dims)]
    for k, name in enumerate(dim_names):
        if not name:
            problems.append(Problem(f"header column {4 + 2 * k}", "dimension name is empty", line))
        elif len(name) > MAX_DIM_NAME_LEN:
            problems.append(
                Problem(f"dimension '{name[:20]}…'", f"longer than {MAX_DIM_NAME_LEN}", line)
            )
    if len(set(dim_names)) != len(dim_names):
        problems.append(Problem("header row", f"dimension names must differ: {dim_names}", line))
    return dim_names


def _actor(
    line: int,
    cells: list[str],
    header: list[str],
    dim_names: list[str],
    seen: dict[str, int],
    problems: list[Problem],
) -> Actor | None:
    """One actor row (None, with its problems added, when it is not valid)."""
    width = len(header)
    if len(cells) != width:
        problems.append(Problem("actor row", f"expected {width} fields, got {len(cells)}", line))
        return None
    name, desc = cells[0], cells[1]
    where = f"actor '{name}'"
    before = len(problems)
    if not name:
        problems.append(Problem("actor name", "must not be empty", line))
    elif len(name) > MAX_NAME_LEN:
        problems.append(
            Problem(f"{where}.name", f"longer than KTAB's {MAX_NAME_LEN} characters", line)
        )
    if name in seen:
        problems.append(
            Problem(f"{where}.name", f"duplicate of the actor on line {seen[name]}", line)
        )
    seen.setdefault(name, line)
    if len(desc) > MAX_DESC_LEN:
        problems.append(
            Problem(f"{where}.description", f"longer than {MAX_DESC_LEN} characters", line)
        )
    cap = _number(cells[2], line, f"{where}.capability", problems, 0.0, MAX_CAPABILITY)
    if cap is not None and cap <= 0.0:
        problems.append(
            Problem(
                f"{where}.capability",
                "must be positive (KTAB's vote rejects a zero weight)",
                line,
            )
        )
    position: list[float] = []
    salience: list[float] = []
    for k, dim in enumerate(dim_names):
        x = _number(cells[3 + 2 * k], line, f"{where}.{dim}", problems, 0.0, SCALE)
        s = _number(
            cells[4 + 2 * k],
            line,
            f"{where}.{header[4 + 2 * k] or 'salience'}",
            problems,
            0.0,
            SCALE,
        )
        if x is not None and s is not None:
            position.append(x)
            salience.append(s)
    if len(problems) > before:
        return None
    total = math.fsum(salience)
    if total > SCALE:
        problems.append(
            Problem(f"{where}.salience", f"saliences must sum to at most 100, got {total:g}", line)
        )
        return None
    if total <= 0.0:
        problems.append(
            Problem(f"{where}.salience", "at least one salience must be positive", line)
        )
        return None
    assert cap is not None
    return Actor(
        name=name,
        capability=cap,
        position=tuple(position),
        salience=tuple(s / SCALE for s in salience),
        description=desc,
    )


def read_ktab_csv(path: str | Path) -> StakeholderSet:
    """Read a KTAB SMP CSV file (UTF-8, or Latin-1 as a fallback)."""
    p = Path(path)
    raw = read_input(p, "a KTAB SMP CSV file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return parse_ktab_csv(text, str(p))
