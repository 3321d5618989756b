"""The win-sets over time (`analyze --over-time --plot`): each side's win-set and their overlap
at every meeting, as shares of all outcomes (a symmetric log scale: an overlap of 0.5 % and a
win-set of 89 % both show), with the ratifiers in office."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from burdenshare.analysis.briefing import Analysis


def overlap_over_time_figure(analysis: Analysis) -> Figure:
    """Per meeting (x: its date), each side's win-set and the overlap as a share of the
    outcomes; a marker where the Nash point is ratifiable."""
    import numpy as np
    from matplotlib.dates import date2num
    from matplotlib.figure import Figure

    timeline = analysis.over_time or ()
    scenario = analysis.scenario
    total = scenario.space.size
    days = np.array([m.day for m in timeline], dtype="datetime64[D]")
    fig = Figure(figsize=(9.0, 5.0))
    ax = fig.subplots()
    for k, party in enumerate(scenario.parties):
        ax.step(
            days,
            [100.0 * m.sizes[k] / total for m in timeline],
            where="post",
            lw=1.2,
            label=f"win-set of {party.name}",
        )
    overlap = [100.0 * m.overlap / total for m in timeline]
    ax.step(days, overlap, where="post", color="black", lw=2.2, label="overlap")
    ratifiable = [
        (d, o) for d, o, m in zip(days, overlap, timeline, strict=True) if m.nash_ratifiable
    ]
    if ratifiable:
        ax.plot(*zip(*ratifiable, strict=True), "r*", ms=11, label="Nash point ratifiable")
    ax.axvline(
        float(date2num(scenario.calendar.deadline)),  # type: ignore[no-untyped-call]
        color="0.5",
        ls="--",
        lw=0.8,
        label="deadline",
    )
    ax.set_ylabel("share of all outcomes (%, symmetric log scale)")
    ax.set_yscale("symlog", linthresh=0.1)
    ax.set_ylim(0, 150)
    ax.set_title(
        f"{scenario.title or scenario.name}\ntwo-level win-sets at each meeting "
        "(ratifiers in office that day)",
        fontsize=10,
    )
    ax.legend(fontsize=8, loc="best")
    fig.autofmt_xdate()
    return fig
