"""One self-contained HTML page telling the story of a run (`burdenshare report`), and the same
sections in a notebook (`Report._repr_html_`).

Everything is inline: the style sheet, and every figure as SVG (text drawn as paths), so the
file opens offline and shows the same everywhere. No script runs in it. The sections:

1. the scenario in human terms, with its sources as links;
2. the talks meeting by meeting (`story.trace_rows`) and the offers over time in money
   (`story.offers_figure`);
3. the bargaining analysis: the solution points, the ZOPA, the win-sets and the utility space
   (`briefing.briefing_dict`, `utility_space.utility_space_figure`);
4. with a Monte Carlo, its probabilities, terms, sensitivity and figure
   (`montecarlo_figure.montecarlo_figure`).

Dates are written as the command line writes them (2021-02-05); money with its currency and the
scenario's exchange rate.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from burdenshare.analysis.briefing import Analysis
    from burdenshare.engine import NegotiationResult
    from burdenshare.experiments.montecarlo import MonteCarloPlan
    from burdenshare.experiments.tallies import Tallies
    from burdenshare.model import Scenario
    from burdenshare.reports.story import Offers

STYLE = """
.bs-report { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b;
  max-width: 1100px; margin: 0 auto; line-height: 1.45; }
.bs-report h1 { font-size: 1.6em; margin-bottom: 0.2em; }
.bs-report h2 { font-size: 1.25em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em;
  margin-top: 1.6em; }
.bs-report table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.9em; }
.bs-report th, .bs-report td { border: 1px solid #ddd; padding: 0.25em 0.5em;
  vertical-align: top; text-align: left; }
.bs-report th { background: #f3f3f3; }
.bs-report td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.bs-report td.date { white-space: nowrap; }
.bs-report tr.meeting td { background: #eef3fb; font-weight: 600; }
.bs-report tr.alarm td { color: #a40000; }
.bs-report tr.note td { color: #7a5a00; }
.bs-report tr.vote td { color: #005a66; }
.bs-report tr.deal td { color: #0a6b0a; font-weight: 600; }
.bs-report .figure svg { max-width: 100%; height: auto; }
.bs-report .muted { color: #666; font-size: 0.9em; }
.bs-report ol.sources li { margin-bottom: 0.2em; word-break: break-word; }
"""

SOLUTIONS = {
    "nash": "Nash",
    "kalai_smorodinsky": "Kalai–Smorodinsky",
    "utilitarian": "utilitarian",
    "egalitarian": "egalitarian",
}
"""How the page names each bargaining solution."""

_URL = re.compile(r"https?://[^\s)<>\"]+")


@dataclass(frozen=True)
class Section:
    """One part of a report: an anchor, a heading and its HTML body."""

    anchor: str
    heading: str
    body: str

    def html(self) -> str:
        """The section as HTML."""
        return f'<section id="{self.anchor}"><h2>{escape(self.heading)}</h2>\n{self.body}</section>'


@dataclass(frozen=True)
class Report:
    """A title, a line under it and the sections, as one page (`html`) or in a notebook."""

    title: str
    subtitle: str
    sections: tuple[Section, ...]

    def body(self) -> str:
        """The report without the page around it (what a notebook shows)."""
        contents = "".join(
            f'<li><a href="#{s.anchor}">{escape(s.heading)}</a></li>' for s in self.sections
        )
        parts = [
            f"<h1>{escape(self.title)}</h1>",
            f'<p class="muted">{escape(self.subtitle)}</p>',
            f"<nav><ol>{contents}</ol></nav>",
            *(s.html() for s in self.sections),
        ]
        return '<div class="bs-report">\n' + "\n".join(parts) + "\n</div>"

    def html(self) -> str:
        """A whole HTML document: inline style, inline SVG figures, no script, no link out but
        the sources'."""
        return (
            "<!DOCTYPE html>\n"
            '<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(self.title)}</title><style>{STYLE}</style></head>\n"
            f"<body>\n{self.body()}\n</body></html>\n"
        )

    def _repr_html_(self) -> str:
        return f"<style>{STYLE}</style>" + self.body()


def svg(figure: Figure) -> str:
    """`figure` as an inline SVG element (text as paths, no date, stable ids: the same figure
    gives the same text)."""
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": "burdenshare"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    return f'<div class="figure">{text[text.index("<svg") :]}</div>'


def linked(text: str) -> str:
    """`text` escaped, its web addresses made links."""
    out = []
    at = 0
    for found in _URL.finditer(text):
        out.append(escape(text[at : found.start()]))
        url = found.group(0).rstrip(".,;")
        out.append(f'<a href="{escape(url)}">{escape(url)}</a>')
        at = found.start() + len(url)
    out.append(escape(text[at:]))
    return "".join(out)


def table(head: Sequence[str], rows: Iterable[Sequence[str]], classes: Sequence[str] = ()) -> str:
    """An HTML table; cells are HTML already (escape what is text); `classes` per row."""
    header = "".join(f"<th>{h}</th>" for h in head)
    body = []
    for k, row in enumerate(rows):
        css = f' class="{classes[k]}"' if k < len(classes) and classes[k] else ""
        body.append(f"<tr{css}>" + "".join(row) + "</tr>")
    return f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _td(text: str, css: str = "") -> str:
    return f'<td class="{css}">{escape(text)}</td>' if css else f"<td>{escape(text)}</td>"


def scenario_section(scenario: Scenario) -> Section:
    """The scenario in human terms: the issues, the status quo, the parties, the ratifiers,
    the threats, the calendar, and every source as a link."""
    from burdenshare.reports.story import ratifier_rules

    space = scenario.space
    parts = [f"<p>{escape(scenario.description.strip())}</p>"] if scenario.description else []
    quo = scenario.status_quo
    parts.append(
        "<p><b>Status quo</b>"
        + (f" ({escape(quo.label)})" if quo.label else "")
        + f": {escape(scenario.describe(quo.terms))}"
        + (f", expires {quo.expiry.isoformat()}" if quo.expiry else "")
        + (f'. <span class="muted">{linked(quo.source)}</span>' if quo.source else "")
        + "</p>"
    )
    if scenario.exchange_rate is not None:
        rate = scenario.exchange_rate
        parts.append(
            f"<p><b>Exchange rate</b>: 1 {escape(rate.base)} = {rate.rate:g} {escape(rate.quote)}"
            + (f' <span class="muted">({linked(rate.source)})</span>' if rate.source else "")
            + "</p>"
        )
    parts.append("<h3>Issues</h3>")
    parts.append(
        table(
            ("issue", "kind", "range", "source"),
            (
                (
                    _td(issue.label or issue.name),
                    _td(issue.kind),
                    _td(issue.describe_range()),
                    f"<td>{linked(getattr(issue, 'source', '') or '')}</td>",
                )
                for issue in space.issues
            ),
        )
    )
    parts.append("<h3>Parties</h3>")
    parts.append(
        table(
            ("party", "no-deal value", "opening", "strategy", "why", "source"),
            (
                (
                    _td(p.display),
                    _td(f"{p.reservation_value:.3f}", "num"),
                    _td(scenario.describe(p.opening) if p.opening is not None else "—"),
                    _td(p.strategy.render()),
                    _td(p.rationale),
                    f"<td>{linked(p.source)}</td>",
                )
                for p in scenario.parties
            ),
        )
    )
    if scenario.ratifiers:
        parts.append("<h3>Ratifiers</h3>")
        parts.append(
            table(
                ("ratifier", "party", "in office", "accepts", "source"),
                (
                    (
                        _td(r.display),
                        _td(r.party),
                        _td(_office(r.start, r.end)),
                        _td("; ".join(ratifier_rules(r)) or "any deal"),
                        f"<td>{linked(r.source)}</td>",
                    )
                    for r in scenario.ratifiers
                ),
            )
        )
    if scenario.threats:
        parts.append("<h3>Threats</h3>")
        parts.append(
            table(
                ("threat", "by → against", "from", "no-deal change", "credibility", "source"),
                (
                    (
                        _td(t.label or t.name),
                        _td(f"{t.by} → {t.against}"),
                        _td(t.start.isoformat() if t.start else "the start"),
                        _td(f"{t.change:+.3f}", "num"),
                        _td(f"{t.credibility:.2f}", "num"),
                        f"<td>{linked(t.source)}</td>",
                    )
                    for t in scenario.threats
                ),
            )
        )
    calendar = scenario.calendar
    parts.append("<h3>Calendar</h3>")
    parts.append(
        f"<p>{len(calendar.meetings)} meetings from {calendar.start.isoformat()}; deadline "
        f"{calendar.deadline.isoformat()}; the talks end by {calendar.end.isoformat()}.</p>"
    )
    if scenario.sources:
        items = "".join(
            f"<li><b>{escape(key)}</b>: {linked(text)}</li>" for key, text in scenario.sources
        )
        parts.append(f'<h3>Sources</h3><ol class="sources">{items}</ol>')
    return Section("scenario", "The scenario", "\n".join(parts))


def _office(start: object, end: object) -> str:
    begin = start.isoformat() if start is not None else "…"  # type: ignore[attr-defined]
    finish = end.isoformat() if end is not None else "…"  # type: ignore[attr-defined]
    return "always" if start is None and end is None else f"{begin} to {finish}"


def run_section(scenario: Scenario, result: NegotiationResult, outcome: Sequence[str]) -> Section:
    """The talks meeting by meeting, the offers over time, and how they ended (`outcome`:
    the lines `run` prints under its table)."""
    from burdenshare.reports.story import offers_figure

    ending = "".join(f"<li>{escape(line.strip())}</li>" for line in outcome)
    body = "\n".join(
        [f"<ul>{ending}</ul>", svg(offers_figure(scenario, result)), talks_table(result)]
    )
    return Section("talks", "The talks, meeting by meeting", body)


def talks_table(result: NegotiationResult) -> str:
    """The meeting-by-meeting table of a run (`story.trace_rows`): one row per offer with each
    party's utility and the answers, the meetings, notes, votes and the deal."""
    from burdenshare.reports.story import trace_rows

    rows = trace_rows(result)
    head = ("date", "place", "by", "offer / event", *(f"u {p}" for p in result.parties), "response")
    cells = [
        (
            _td(row.date.isoformat() if row.date else "", "date"),
            _td(row.place),
            _td(row.by),
            _td(row.text),
            *(_td(u, "num") for u in row.shown_utilities(len(result.parties))),
            _td(row.responses),
        )
        for row in rows
    ]
    return table(head, cells, [row.tone for row in rows])


def analysis_section(analysis: Analysis, offers: Offers | None = None) -> Section:
    """The bargaining analysis: the solution points, the ZOPA per issue, Rubinstein's split,
    the win-sets, and the utility space with the frontier, the solutions and the offers."""
    from burdenshare.reports.briefing import briefing_dict
    from burdenshare.reports.utility_space import utility_space_figure

    brief = briefing_dict(analysis)
    parties = brief["parties"]
    parts = [
        f'<p class="muted">{brief["outcome_count"]:,} outcomes; disagreement point '
        f"{escape(brief['disagreement']['kind'])} "
        f"({', '.join(f'{u:.3f}' for u in brief['disagreement']['utilities'])}).</p>"
    ]
    solutions = brief["solutions"]
    parts.append(
        table(
            ("solution", "terms", *(f"u {p}" for p in parties)),
            (
                (
                    _td(SOLUTIONS.get(name, name)),
                    _td(found["description"] if found else "none"),
                    *(_td(f"{u:.3f}", "num") for u in (found["utilities"] if found else ())),
                )
                for name, found in solutions.items()
            ),
        )
    )
    for zone in brief["zopa"]:
        if zone.get("exists"):
            text = (
                f"ZOPA on {zone['issue']}: {zone['low']:g} to {zone['high']:g} "
                f"{zone.get('currency', '')} {zone.get('unit', '')} (other issues held at "
                f"{zone['other_issues_held_at']})"
            )
        else:
            text = f"No ZOPA on {zone['issue']} with the other issues at the status quo."
        parts.append(f"<p>{escape(' '.join(text.split()))}</p>")
    split = brief.get("rubinstein") or {}
    if split.get("applicable") and split.get("amount_note"):
        parts.append(f"<p>Rubinstein: {escape(split['amount_note'])}.</p>")
    sets = brief.get("winsets")
    if sets:
        sides = "; ".join(
            f"{side['party']} ({', '.join(side['ratifiers']) or 'no ratifier'}): "
            f"{side['size']:,} outcomes"
            for side in sets["sides"]
        )
        nash = {True: "is", False: "is not", None: "—"}[sets.get("nash_ratifiable")]
        parts.append(
            f"<p>Win-sets on {escape(sets['day'])}: {escape(sides)}; overlap "
            f"{sets['overlap']:,} of {sets['outcome_count']:,}; the Nash point {nash} "
            "ratifiable"
            + (
                f" (vetoed by {escape(', '.join(sets['nash_vetoed_by']))})"
                if sets.get("nash_vetoed_by")
                else ""
            )
            + ".</p>"
        )
    parts.append(svg(utility_space_figure(analysis, offers)))
    return Section("analysis", "The bargaining analysis", "\n".join(parts))


def montecarlo_section(
    plan: MonteCarloPlan, tallies: Tallies, summary: Mapping[str, Any]
) -> Section:
    """A Monte Carlo's probabilities, terms, time to agreement, vetoes and sensitivity, with
    its figure."""
    from burdenshare.reports.montecarlo_figure import montecarlo_figure

    runs = summary["runs"]
    labels = {r.name: r.display for r in plan.scenario.ratifiers}
    probabilities = [
        ("agreement", summary["p_agreement"]),
        ("agreement before the deadline", summary["p_agreement_before_deadline"]),
        ("agreement during a lapse", summary["p_agreement_during_lapse"]),
        ("no agreement", summary["p_no_agreement"]),
        ("at least one veto", summary["p_veto"]),
        *(
            (f"vetoed by {labels.get(name, name)}", p)
            for name, p in (summary.get("p_veto_by_ratifier") or {}).items()
        ),
    ]
    parts = [
        f"<p>{runs:,} runs with the scenario's uncertain inputs drawn (seed {plan.seed}).</p>",
        table(
            ("outcome", "probability"),
            ((_td(what), _td(f"{p:.1%}", "num")) for what, p in probabilities),
        ),
    ]
    quantiles = summary.get("terms_quantiles") or {}
    if quantiles:
        parts.append(
            table(
                ("agreed terms", "unit", "5 %", "median", "95 %"),
                (
                    (
                        _td(name),
                        _td(str(found.get("unit", ""))),
                        *(
                            _td(_number(found["quantiles"].get(q)), "num")
                            for q in ("q05", "q50", "q95")
                        ),
                    )
                    for name, found in quantiles.items()
                    if isinstance(found, Mapping) and "quantiles" in found
                ),
            )
        )
    sensitivity = summary.get("sensitivity") or []
    if sensitivity:
        parts.append("<h3>What moves the outcome (Spearman's ρ)</h3>")
        measures = list(sensitivity[0]["spearman"])
        parts.append(
            table(
                ("input", "drawn from", *measures),
                (
                    (
                        _td(row["input"]),
                        _td(row["distribution"]),
                        *(_td(_number(row["spearman"].get(m)), "num") for m in measures),
                    )
                    for row in sensitivity
                ),
            )
        )
    parts.append(svg(montecarlo_figure(plan, tallies, dict(summary))))
    return Section("montecarlo", "Monte Carlo", "\n".join(parts))


def _number(value: object) -> str:
    if value is None:
        return "—"
    assert isinstance(value, int | float)
    return f"{value:,.3g}" if abs(value) < 1000 else f"{value:,.0f}"


def report(
    scenario: Scenario,
    result: NegotiationResult,
    analysis: Analysis | None = None,
    montecarlo: tuple[MonteCarloPlan, Tallies, Mapping[str, Any]] | None = None,
    provenance: Mapping[str, Any] | None = None,
) -> Report:
    """The report of one run of `scenario`: the scenario, the talks, and (when given) the
    bargaining analysis and a Monte Carlo's summary."""
    from burdenshare.reports.story import outcome_lines

    outcome = outcome_lines(scenario, result)
    sections = [scenario_section(scenario), run_section(scenario, result, outcome)]
    if analysis is not None:
        offers = [(e.party, e.utilities) for e in result.trace if e.kind == "offer" and e.utilities]
        sections.append(analysis_section(analysis, offers))
    if montecarlo is not None:
        sections.append(montecarlo_section(*montecarlo))
    made = ""
    if provenance is not None:
        made = (
            f"burdenshare {provenance.get('version', '')}; scenario sha256 "
            f"{str(provenance.get('scenario_sha256', ''))[:12]}…; seed {provenance.get('seed')}"
        )
    info = (
        f"information date {scenario.information_date.isoformat()}; "
        if (scenario.information_date)
        else ""
    )
    return Report(scenario.title or scenario.name, info + made, tuple(sections))
