"""The story of one run for people: the meeting-by-meeting rows and the offers over time.

`trace_rows` turns a run's trace into the rows every face shows (the terminal table of `run`,
the HTML report): a meeting opening, each offer with its utilities and the answers to it (a
stop-gap put to both sides too), the deadline, changes of the no-deal values, tentative deals
and the ratifiers' votes, vetoes, a stop-gap agreed, the agreement or the breakdown.
`offers_figure` draws each party's offers over the calendar in money (the first money issue),
with the status quo, the deadline, vetoed deals and the agreement marked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from burdenshare.engine import NegotiationResult
    from burdenshare.engine.result import Event
    from burdenshare.model import Ratifier, Scenario

Offers = Sequence[tuple[str | None, tuple[float, ...] | None]]
"""Offers as the figures draw them: who made each and every party's utility of it."""

Tone = Literal["meeting", "offer", "note", "alarm", "vote", "deal"]
"""How a row reads: a meeting's heading, an offer, a dated note (deadline, no-deal value), an
alarm (veto, breakdown), a ratifier's vote or tentative deal, the agreement."""


@dataclass(frozen=True)
class TraceRow:
    """One row of the meeting-by-meeting table: the date (None: same as above), the place, who,
    what happened in words, each party's utility of the offer (empty when none) and the
    answers to it."""

    date: dt.date | None
    place: str
    by: str
    text: str
    tone: Tone
    utilities: tuple[float, ...] = ()
    responses: str = ""

    def shown_utilities(self, parties: int) -> list[str]:
        """Each party's utility of the row's offer to three decimals, or blanks without one."""
        return [f"{u:.3f}" for u in self.utilities] or [""] * parties


_NOTES = {
    "deadline": ("deadline", "note"),
    "reservation_change": ("no-deal value changes", "note"),
    "veto": ("VETO", "alarm"),
    "breakdown": ("talks break down", "alarm"),
}


def trace_rows(result: NegotiationResult) -> tuple[TraceRow, ...]:
    """The rows of `result`'s trace, an offer and the responses to it on one row."""
    trace = result.trace
    rows: list[TraceRow] = []
    i = 0
    while i < len(trace):
        event = trace[i]
        if event.kind == "meeting_opened":
            rows.append(TraceRow(event.date, event.place, "", event.detail or "meeting", "meeting"))
        elif event.kind in ("offer", "stopgap_offer"):
            answers = []
            j = i + 1
            while j < len(trace) and trace[j].kind == "response":
                answer = trace[j]
                verdict = "accepts" if answer.accept else "rejects"
                if not answer.accept and answer.detail.startswith("asks for "):
                    verdict = "objects"  # a single text: the party asks for amendments
                answers.append(f"{answer.party} {verdict}")
                j += 1
            stopgap = event.kind == "stopgap_offer"
            rows.append(
                TraceRow(
                    None,
                    "",
                    event.party or "",
                    f"stop-gap put to both sides: {event.detail}" if stopgap else event.detail,
                    "vote" if stopgap else "offer",
                    tuple(event.utilities or ()),
                    "; ".join(answers),
                )
            )
            i = j
            continue
        elif event.kind in _NOTES:
            label, tone = _NOTES[event.kind]
            rows.append(
                TraceRow(event.date, "", event.party or "", f"{label}: {event.detail}", tone)  # type: ignore[arg-type]
            )
        elif event.kind == "tentative_agreement":
            rows.append(TraceRow(event.date, "", "", "tentative deal → ratifiers", "vote"))
        elif event.kind == "ratification_vote":
            name, _, reason = event.detail.partition(": ")
            verdict = "approves" if event.accept else "vetoes"
            text = f"{name} {verdict}" + (f" ({reason})" if reason else "")
            rows.append(TraceRow(None, "", event.party or "", text, "vote"))
        elif event.kind in ("agreement", "stopgap"):
            heading = "AGREEMENT" if event.kind == "agreement" else "STOP-GAP AGREED"
            rows.append(
                TraceRow(
                    event.date,
                    "",
                    "",
                    f"{heading}: {event.detail}",
                    "deal",
                    tuple(event.utilities or ()),
                )
            )
        i += 1
    return tuple(rows)


def offers_figure(scenario: Scenario, result: NegotiationResult) -> Figure:
    """Each party's offers over the calendar on the first money issue, in its currency (with
    the other currency of the exchange rate on the right axis); the status quo, the deadline,
    vetoed tentative deals (red ×), stop-gaps (diamond) and the agreement (star) marked.
    Without a money issue, each offer's utility to its proposer instead."""
    from matplotlib.dates import DateFormatter
    from matplotlib.figure import Figure

    from burdenshare.model.kinds.money import is_money

    money = next((issue for issue in scenario.space.issues if is_money(issue)), None)
    figure = Figure(figsize=(9, 4.6), layout="constrained")
    ax = figure.add_subplot()
    parties = result.parties

    def height(event: Event, party: str | None = None) -> float:
        """Where `event`'s offer sits: its amount, or its utility to `party` (the proposer)."""
        assert event.offer is not None and event.utilities is not None
        if money is not None:
            return float(event.offer[money.name])  # type: ignore[arg-type]
        return float(event.utilities[parties.index(party or parties[0])])

    for party in parties:
        offers = [e for e in result.trace if e.kind == "offer" and e.party == party]
        if not offers:
            continue
        xs = [_day(e.date) for e in offers]
        ys = [height(e, party) for e in offers]
        label = scenario.party(party).display
        ax.plot(xs, ys, marker="o", markersize=3, linewidth=1.2, label=f"{label} offers")
    vetoes = [e for e in result.trace if e.kind == "veto"]
    if vetoes:
        ax.scatter(
            [_day(e.date) for e in vetoes],
            [height(e, e.party) for e in vetoes],
            marker="x",
            s=70,
            color="crimson",
            zorder=5,
            label="vetoed tentative deal",
        )
    marks = {  # kind: marker, size, colour, label
        "stopgap": ("D", 70, "darkorange", "stop-gap agreed"),
        "agreement": ("*", 220, "forestgreen", "agreement"),
    }
    for event in (e for e in result.trace if e.kind in marks):
        marker, size, color, label = marks[event.kind]
        ax.scatter(
            [_day(event.date)],
            [height(event)],
            marker=marker,
            s=size,
            color=color,
            zorder=6,
            label=f"{label} {event.date.isoformat()}",
        )
    deadline = scenario.calendar.deadline
    ax.axvline(_day(deadline), color="grey", linestyle="--", linewidth=1)
    ax.annotate(
        f"deadline {deadline.isoformat()}",
        (_day(deadline), 1.0),
        xycoords=("data", "axes fraction"),
        xytext=(3, -12),
        textcoords="offset points",
        fontsize=8,
        color="grey",
    )
    if money is not None:
        base = scenario.status_quo.terms.get(money.name)
        if isinstance(base, int | float):
            described = scenario.describe_money(money, float(base))
            ax.axhline(float(base), color="black", linewidth=0.8, linestyle=":")
            ax.annotate(
                f"status quo: {described}",
                (0.0, float(base)),
                xycoords=("axes fraction", "data"),
                xytext=(4, 4),
                textcoords="offset points",
                fontsize=8,
            )
        ax.set_ylabel(f"{money.name} ({money.unit_label()} per year)")
        rate = scenario.exchange_rate
        other = rate.other(money.currency) if rate is not None else None
        if rate is not None and other is not None:
            scale = money.to_currency_units(1.0)
            per = rate.convert(scale, money.currency, other) / scale

            def there(y: Any) -> Any:
                return y * per

            def back(y: Any) -> Any:
                return y / per

            right = ax.secondary_yaxis("right", functions=(there, back))
            right.set_ylabel(f"{other} {money.unit} per year (at {rate.rate:g})")
    else:
        ax.set_ylabel("utility of the offer to its proposer")
    ax.set_title(f"{scenario.title or scenario.name}: offers over time", fontsize=11)
    ax.legend(fontsize=8, loc="best")
    ax.grid(alpha=0.3)
    ax.xaxis.set_major_formatter(DateFormatter("%Y-%m"))  # type: ignore[no-untyped-call]
    figure.autofmt_xdate()
    return figure


def ratifier_rules(ratifier: Ratifier) -> tuple[str, ...]:
    """When `ratifier` accepts a deal, rule by rule (`issue ≤ 1,140`, `amount change ≤ +13 %`,
    `scope excludes rotation`, `utility ≥ 0.96 under own valuation`)."""
    rules: list[str] = []
    for limit in ratifier.limits:
        if limit.min is not None:
            rules.append(f"{limit.issue} ≥ {limit.min:g}")
        if limit.max is not None:
            rules.append(f"{limit.issue} ≤ {limit.max:g}")
        if limit.min_change_pct is not None:
            rules.append(f"{limit.issue} change ≥ {limit.min_change_pct:+g} %")
        if limit.max_change_pct is not None:
            rules.append(f"{limit.issue} change ≤ {limit.max_change_pct:+g} %")
        if limit.requires:
            rules.append(f"{limit.issue} includes {', '.join(limit.requires)}")
        if limit.excludes:
            rules.append(f"{limit.issue} excludes {', '.join(limit.excludes)}")
    if ratifier.min_utility is not None:
        own = "own valuation" if ratifier.valuation else "the party's valuation"
        rules.append(f"utility ≥ {ratifier.min_utility:g} under {own}")
    return tuple(rules)


def outcome_lines(scenario: Scenario, result: NegotiationResult) -> list[str]:
    """A short plain-language summary of how the talks ended (what `run` prints under its
    table)."""
    outcome = result.outcome
    lines = []
    if outcome.status == "agreement":
        assert outcome.terms is not None and outcome.utilities is not None
        meeting = scenario.calendar.meetings[outcome.meeting or 0]
        when = f"on {outcome.date.isoformat()} ({meeting.label}, {meeting.place})"
        lines.append(f"Outcome: agreement {when}")
        lines.append(f"  terms: {outcome.summary or scenario.describe(outcome.terms)}")
        lapse = (
            "after the status quo expired (during a lapse)"
            if outcome.during_lapse
            else "before the deadline"
        )
        lines.append(f"  reached {lapse}; {outcome.vetoes} earlier tentative deal(s) vetoed")
        worths = outcome.discounted or outcome.utilities
        scenario = scenario.after_stages(outcome.stages)  # the status quo the deal replaces
        for party, utility, worth in zip(result.parties, outcome.utilities, worths, strict=True):
            p = scenario.party(party)
            reservation = scenario.reservation(party, outcome.date)
            side = p.side_value()
            extra = f" + {side:.3f} from linked side issues" if side else ""
            if p.monthly_discount < 1:
                extra += f"; {worth:.3f} discounted to the first meeting"
            lines.append(
                f"  {p.display}: utility {utility:.3f}{extra} "
                f"(no-deal value then {reservation:.3f})"
            )
    else:
        lines.append(
            f"Outcome: no agreement by {outcome.date.isoformat()} "
            f"({outcome.vetoes} tentative deal(s) vetoed)"
        )
    for k, stage in enumerate(outcome.stages or ()):
        kind = f"stop-gap until {stage.expiry.isoformat()}" if stage.expiry else "final deal"
        lines.append(f"  stage {k + 1} ({kind}), {stage.date.isoformat()}: {stage.summary}")
    return lines


def _day(day: dt.date) -> float:
    """`day` on matplotlib's date axis."""
    from matplotlib.dates import date2num

    return float(date2num(day))  # type: ignore[no-untyped-call]
