"""The pieces of the web app's pages, as HTML: each built from the application layer's
components (`reports.html`'s sections, `reports.story`, the figures), so the browser shows what
`burdenshare report` writes and what the command line prints.

Only the interactive frontier is drawn here (an SVG of the frontier's points, each with its
terms as a `<title>` the browser shows on hover): its points, solutions and terms come from
`analysis.briefing.analyze`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from burdenshare.analysis.briefing import Analysis
    from burdenshare.engine import NegotiationResult
    from burdenshare.model import Scenario
    from burdenshare.scenario.load import LoadedScenario
    from burdenshare.web.scenarios import Checked

FRONTIER_POINTS = 400
"""Frontier points drawn at most on the interactive frontier (evenly spaced along it)."""


@dataclass(frozen=True)
class ProblemRow:
    """One problem for the editor: its line (when known), field, message and the line's text."""

    line: int | None
    field: str
    message: str
    text: str
    rendered: str


def problem_rows(checked: Checked, text: str) -> list[ProblemRow]:
    """The problems of `checked`, each with the text of its line in `text`; `rendered` is the
    line the command line prints for it."""
    lines = text.splitlines()
    source = checked.error.source if checked.error is not None else None
    rows = []
    for p in checked.problems:
        shown = lines[p.line - 1].strip() if p.line is not None and 0 < p.line <= len(lines) else ""
        rows.append(ProblemRow(p.line, p.field, p.message, shown, p.render(source)))
    return rows


def run_view(loaded: LoadedScenario, seed: int) -> tuple[NegotiationResult, str]:
    """A run of the scenario: how it ended, the offers chart and the meeting-by-meeting table
    (`reports.html.run_section`, as in the one-file report)."""
    from burdenshare.engine import negotiate
    from burdenshare.reports.html import run_section
    from burdenshare.reports.story import outcome_lines

    scenario = loaded.scenario
    result = negotiate(scenario, seed=seed)
    section = run_section(scenario, result, outcome_lines(scenario, result))
    return result, section.html()


def scenario_view(scenario: Scenario) -> str:
    """The scenario in human terms with its sources (`reports.html.scenario_section`)."""
    from burdenshare.reports.html import scenario_section

    return scenario_section(scenario).html()


def analysis_view(loaded: LoadedScenario, seed: int) -> str:
    """The bargaining analysis with the no-deal values as disagreement point (as the report
    has it), the interactive frontier first."""
    from burdenshare.analysis.briefing import analyze
    from burdenshare.engine import negotiate
    from burdenshare.reports.html import analysis_section

    scenario = loaded.scenario
    analysis = analyze(scenario, "reservation")
    result = negotiate(scenario, seed=seed)
    offers = [(e.party, e.utilities) for e in result.trace if e.kind == "offer" and e.utilities]
    return frontier_svg(analysis) + analysis_section(analysis, offers).html()


def frontier_svg(analysis: Analysis, width: int = 560, height: int = 480) -> str:
    """The Pareto frontier of the first two parties as an SVG: each point a circle whose
    `<title>` (shown on hover) and `data-terms` give its terms and utilities; the
    disagreement point and the solutions marked."""
    from burdenshare.reports.html import SOLUTIONS

    space = analysis.space
    scenario = analysis.scenario
    parties = space.parties
    points = space.points
    count = int(points.shape[0])
    step = max(1, -(-count // FRONTIER_POINTS))
    chosen = list(range(0, count, step))
    if count and chosen[-1] != count - 1:
        chosen.append(count - 1)
    pad = 48

    def x(u: float) -> float:
        return pad + u * (width - 2 * pad)

    def y(u: float) -> float:
        return height - pad - u * (height - 2 * pad)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" id="frontier" data-test="frontier" role="img" '
        f'aria-label="Pareto frontier of {escape(parties[0])} and {escape(parties[1])}">',
        f'<rect x="{pad}" y="{pad}" width="{width - 2 * pad}" height="{height - 2 * pad}" '
        'fill="#fafafa" stroke="#bbb"/>',
    ]
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        parts.append(
            f'<text x="{x(tick):.1f}" y="{height - pad + 16}" font-size="11" '
            f'text-anchor="middle">{tick:g}</text>'
            f'<text x="{pad - 6}" y="{y(tick) + 4:.1f}" font-size="11" '
            f'text-anchor="end">{tick:g}</text>'
        )
    parts.append(
        f'<text x="{width / 2}" y="{height - 10}" font-size="12" text-anchor="middle">'
        f"utility of {escape(parties[0])}</text>"
        f'<text x="14" y="{height / 2}" font-size="12" text-anchor="middle" '
        f'transform="rotate(-90 14 {height / 2})">utility of {escape(parties[1])}</text>'
    )
    for j in chosen:
        u = points[j]
        terms = scenario.describe(space.terms(j))
        label = f"{terms} — " + ", ".join(
            f"{p} {float(v):.3f}" for p, v in zip(parties, u, strict=True)
        )
        parts.append(
            f'<circle class="point" cx="{x(float(u[0])):.1f}" cy="{y(float(u[1])):.1f}" r="4" '
            f'data-terms="{escape(label)}"><title>{escape(label)}</title></circle>'
        )
    d = analysis.disagreement
    parts.append(
        f'<circle cx="{x(d[0]):.1f}" cy="{y(d[1]):.1f}" r="6" fill="black">'
        f"<title>disagreement point (no-deal values) {d[0]:.3f}, {d[1]:.3f}</title></circle>"
    )
    for name, found in analysis.solutions.items():
        if found is None:
            continue
        found_terms = analysis.solution_terms.get(name)
        described = scenario.describe(found_terms) if found_terms is not None else ""
        label = f"{SOLUTIONS.get(name, name)}: {described} — " + ", ".join(
            f"{p} {float(v):.3f}" for p, v in zip(parties, found.utilities, strict=True)
        )
        parts.append(
            f'<rect class="solution {escape(name)}" x="{x(found.utilities[0]) - 6:.1f}" '
            f'y="{y(found.utilities[1]) - 6:.1f}" width="12" height="12" '
            f'data-terms="{escape(label)}"><title>{escape(label)}</title></rect>'
        )
    parts.append("</svg>")
    return (
        '<div class="frontier-box"><h2>Pareto frontier (hover a point: its terms)</h2>'
        + "".join(parts)
        + '<p id="frontier-terms" data-test="frontier-terms" class="muted">'
        f"{count:,} frontier points"
        + (f", {len(chosen):,} drawn" if len(chosen) < count else "")
        + "; squares: the bargaining solutions; black: the no-deal point.</p></div>"
    )


def history_view() -> tuple[str, list[dict[str, Any]]]:
    """The SMA history chart (`reports.history.history_figure`) and the agreements
    (`history_dict`) as the `history` command has them."""
    from burdenshare.history.record import load_record
    from burdenshare.reports.history import history_dict, history_figure
    from burdenshare.reports.html import svg

    record = load_record()
    figure = svg(history_figure(record))
    return figure, history_dict(record, "KRW", None)["agreements"]


def whatif_view(loaded: LoadedScenario, seed: int) -> str:
    """One variant's run for the side-by-side what-if: its outcome and offers chart."""
    from burdenshare.engine import negotiate
    from burdenshare.reports.html import svg
    from burdenshare.reports.story import offers_figure, outcome_lines

    scenario = loaded.scenario
    result = negotiate(scenario, seed=seed)
    lines = "".join(f"<li>{escape(line.strip())}</li>" for line in outcome_lines(scenario, result))
    return f'<ul data-test="outcome">{lines}</ul>' + svg(offers_figure(scenario, result))


@functools.cache
def schema_help() -> list[tuple[str, str, list[tuple[str, str, bool, str]]]]:
    """The scenario format beside the editor, from its JSON Schema (`burdenshare schema`): each
    table (the document, then each kind of table it holds) with its description and fields
    (name, type, required, description)."""
    from burdenshare.scenario import json_schema

    schema = json_schema()
    defs = schema.get("$defs", {})

    def kind(prop: dict[str, Any]) -> str:
        if "$ref" in prop:
            return "table " + str(prop["$ref"]).rsplit("/", 1)[-1].removesuffix("Doc")
        if prop.get("type") == "array":
            return f"list of {kind(prop.get('items', {}))}"
        if "anyOf" in prop:
            return " or ".join(kind(p) for p in prop["anyOf"] if p.get("type") != "null")
        if prop.get("format") == "date":
            return "date"
        return str(prop.get("type", "value"))

    def fields(table: dict[str, Any]) -> list[tuple[str, str, bool, str]]:
        required = set(table.get("required", ()))
        return [
            (name, kind(prop), name in required, str(prop.get("description", "")))
            for name, prop in table.get("properties", {}).items()
        ]

    out = [("scenario", str(schema.get("description", "")), fields(schema))]
    for name, table in sorted(defs.items()):
        out.append((name.removesuffix("Doc"), str(table.get("description", "")), fields(table)))
    return out
