"""The utility-space figure (`analyze --plot`): outcome density, Pareto frontier, disagreement
point, solution points and the offers of a simulated negotiation, for the first two parties."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from burdenshare.analysis.briefing import Analysis
    from burdenshare.reports.story import Offers

MARKERS = {
    "utilitarian": ("s", "utilitarian"),
    "egalitarian": ("^", "egalitarian"),
    "kalai_smorodinsky": ("D", "Kalai–Smorodinsky"),
    "nash": ("*", "Nash"),
}
COLORS = {
    "nash": "tab:red",
    "kalai_smorodinsky": "tab:green",
    "utilitarian": "tab:purple",
    "egalitarian": "tab:orange",
}
MAX_CLOUD = 400_000
"""Outcomes drawn in the density at most (a fixed-seed sample beyond that)."""


def utility_space_figure(analysis: Analysis, offers: Offers | None = None) -> Figure:
    """One panel: the outcomes' hexbin density, the frontier, d, the four solutions, and
    (when given) each of the first two parties' offers as a path. Three or more parties:
    pairwise panels, or the ternary plot of a bill split among three payers
    (`many_parties.many_parties_figure`)."""
    import numpy as np
    from matplotlib.figure import Figure

    if len(analysis.space.parties) > 2:
        from burdenshare.reports.many_parties import many_parties_figure

        return many_parties_figure(analysis, offers)

    space = analysis.space
    parties = space.parties
    cloud = space.cloud
    if cloud.shape[0] > MAX_CLOUD:
        cloud = cloud[np.random.default_rng(0).choice(cloud.shape[0], MAX_CLOUD, replace=False)]
    fig = Figure(figsize=(7.5, 6.5))
    ax = fig.subplots()
    hb = ax.hexbin(
        cloud[:, 0], cloud[:, 1], gridsize=60, bins="log", cmap="Greys", mincnt=1, linewidths=0
    )
    fig.colorbar(hb, ax=ax, label="outcomes (log count)")
    front = space.points[np.argsort(-space.points[:, 0], kind="stable")]
    ax.plot(
        front[:, 0],
        front[:, 1],
        "-",
        color="tab:blue",
        lw=1.2,
        zorder=3,
        label=f"Pareto frontier ({len(front):,} points)",
    )
    if not space.segments:
        ax.plot(front[:, 0], front[:, 1], ".", color="tab:blue", ms=3, zorder=3)
    d = analysis.disagreement
    ax.plot([d[0]], [d[1]], "o", color="black", ms=7, zorder=5, label="disagreement point")
    for name, (marker, label) in MARKERS.items():
        s = analysis.solutions[name]
        if s is not None:
            ax.plot(
                [s.utilities[0]],
                [s.utilities[1]],
                marker,
                color=COLORS[name],
                ms=16 if name == "nash" else 11,
                mec="white",
                zorder=6,
                label=f"{label} ({s.utilities[0]:.3f}, {s.utilities[1]:.3f})",
            )
    if offers:
        for who, color in ((parties[0], "tab:cyan"), (parties[1], "tab:pink")):
            pts = np.array([u[:2] for p, u in offers if p == who and u is not None])
            if pts.size:
                ax.plot(
                    pts[:, 0],
                    pts[:, 1],
                    "-o",
                    color=color,
                    ms=3,
                    lw=0.8,
                    alpha=0.9,
                    zorder=4,
                    label=f"offers by {who}",
                )
    ax.set_xlabel(f"utility of {parties[0]}")
    ax.set_ylabel(f"utility of {parties[1]}")
    extra = f" (first two of {len(parties)} parties)" if len(parties) > 2 else ""
    ax.set_title(
        f"{analysis.scenario.title or analysis.scenario.name}: utility space{extra}", fontsize=10
    )
    ax.legend(loc="lower left", fontsize=8, framealpha=0.9)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig
