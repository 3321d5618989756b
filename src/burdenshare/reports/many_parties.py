"""Figures for three or more parties (`analyze --plot`): pairwise panels of the utility space,
and, for a bill split among three payers, the ternary plot of the splits themselves."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from burdenshare.analysis.briefing import Analysis
    from burdenshare.model.issues import ShareIssue
    from burdenshare.reports.story import Offers

MARKERS = {
    "utilitarian": ("s", "utilitarian", "tab:purple"),
    "egalitarian": ("^", "egalitarian", "tab:orange"),
    "kalai_smorodinsky": ("D", "Kalai–Smorodinsky", "tab:green"),
    "nash": ("*", "Nash", "tab:red"),
}
KEY_MARKERS = {"equal": "o", "gni": "P", "gdp": "X", "population": "v"}


def many_parties_figure(analysis: Analysis, offers: Offers | None = None) -> Figure:
    """The ternary plot when the only issue splits a bill among three payers (and no offers
    are to be drawn), else the pairwise panels."""
    from burdenshare.model.issues import is_share

    issues = analysis.scenario.space.issues
    if not offers and len(issues) == 1 and is_share(issues[0]) and len(issues[0].payers) == 3:
        return ternary_figure(analysis, issues[0])
    return pairwise_figure(analysis, offers)


def pairwise_figure(analysis: Analysis, offers: Offers | None = None) -> Figure:
    """One panel per pair of parties (i below j): the frontier's density projected on the pair,
    the disagreement point, the four solutions and (when given) the offers of a simulated run,
    one colour per proposer."""
    import numpy as np
    from matplotlib.figure import Figure

    space = analysis.space
    parties = space.parties
    n = len(parties)
    points = space.points
    fig = Figure(figsize=(3.2 * (n - 1) + 1.0, 3.2 * (n - 1)))
    axes = fig.subplots(n - 1, n - 1, squeeze=False)
    d = np.array(analysis.disagreement)
    handles: dict[str, Any] = {}
    for row in range(n - 1):
        for col in range(n - 1):
            ax = axes[row][col]
            i, j = col, row + 1
            if col > row:
                ax.set_axis_off()
                continue
            ax.hexbin(
                points[:, i],
                points[:, j],
                gridsize=40,
                bins="log",
                cmap="Greys",
                mincnt=1,
                linewidths=0,
            )
            handles["d"] = ax.plot(d[i], d[j], "ko", ms=5, label="disagreement point")[0]
            for name, (marker, label, color) in MARKERS.items():
                s = analysis.solutions[name]
                if s is not None:
                    handles[name] = ax.plot(
                        s.utilities[i],
                        s.utilities[j],
                        marker,
                        color=color,
                        ms=11 if name == "nash" else 7,
                        mec="black",
                        mew=0.5,
                        label=label,
                    )[0]
            for k, who in enumerate(parties):
                mine = [u for by, u in offers or () if by == who and u is not None]
                if mine:
                    handles[f"offers {who}"] = ax.plot(
                        [u[i] for u in mine],
                        [u[j] for u in mine],
                        ".",
                        color=f"C{k}",
                        ms=4,
                        alpha=0.7,
                        label=f"offers by {who}",
                    )[0]
            if row == n - 2:
                ax.set_xlabel(f"utility of {parties[i]}")
            if col == 0:
                ax.set_ylabel(f"utility of {parties[j]}")
            ax.set_xlim(-0.02, 1.02)
            ax.set_ylim(-0.02, 1.02)
    fig.suptitle(
        f"{analysis.scenario.title or analysis.scenario.name}: Pareto frontier "
        f"({len(points):,} points) by pairs of parties"
    )
    if n > 2:  # the empty upper-right panel holds the legend
        axes[0][n - 2].legend(handles=list(handles.values()), loc="center", fontsize=9)
    else:
        fig.legend(handles=list(handles.values()), loc="upper right", fontsize=8)
    return fig


def ternary(shares: Any) -> tuple[Any, Any]:
    """Plane coordinates of splits (a, b, c) in percent: x = b + c/2, y = c·√3/2 (per 100)."""
    import numpy as np

    s = np.asarray(shares, dtype=float) / 100.0
    return s[..., 1] + s[..., 2] / 2.0, s[..., 2] * np.sqrt(3.0) / 2.0


def ternary_figure(analysis: Analysis, issue: ShareIssue) -> Figure:
    """Every split of the bill among three payers on the triangle, coloured by the Nash
    product of the gains (grey: someone below its disagreement value), with the status quo,
    the four solutions and the reference keys; beside it, the same zoomed on the splits the
    floors and caps allow when they cover a small part of the triangle."""
    import numpy as np
    from matplotlib.figure import Figure

    scenario = analysis.scenario
    payers = issue.payer_names
    x, y = ternary(issue.percents())
    utilities = np.column_stack([p.valuation.utilities(scenario.space) for p in scenario.parties])
    gains = utilities - np.array(analysis.disagreement)
    rational = np.all(gains > 0, axis=1)
    product = np.prod(np.where(rational[:, None], gains, 0.0), axis=1)
    marks: list[tuple[Any, Any, str, dict[str, Any]]] = []
    sq = scenario.status_quo.terms.get(issue.name)
    if sq is not None:
        sx, sy = ternary(np.array([list(sq.percents())]))  # type: ignore[union-attr]
        marks.append((sx, sy, "s", {"color": "k", "ms": 7, "mfc": "white", "label": "status quo"}))
    for name, (marker, label, color) in MARKERS.items():
        terms = analysis.solution_terms.get(name)
        if terms is not None:
            tx, ty = ternary(np.array([list(terms[issue.name].percents())]))  # type: ignore[union-attr]
            style = {"color": color, "ms": 13 if name == "nash" else 8, "mec": "black"}
            marks.append((tx, ty, marker, {**style, "mew": 0.5, "label": label}))
    for key in issue.reference_keys():
        if key.available:
            kx, ky = ternary(np.array([[s for _, s in key.shares]]))
            style = {"color": "black", "ms": 7, "mfc": "none", "label": f"key: {key.label}"}
            marks.append((kx, ky, KEY_MARKERS.get(key.name, "o"), style))
    small = max(float(np.ptp(x)), float(np.ptp(y))) < 0.3
    fig = Figure(figsize=(13.0, 7.2) if small else (8.0, 7.2))
    axes = fig.subplots(1, 2 if small else 1, squeeze=False)[0]
    colour = None
    for k, ax in enumerate(axes):
        ax.set_aspect("equal")
        ax.plot([0, 1, 0.5, 0], [0, 0, np.sqrt(3) / 2, 0], "k-", lw=0.8)
        size = 2 if k == 0 else 6
        ax.scatter(x[~rational], y[~rational], s=size, c="0.85", lw=0, label="someone below d")
        colour = ax.scatter(
            x[rational], y[rational], s=size + 1, c=product[rational], cmap="viridis", lw=0
        )
        for mx, my, marker, style in marks:
            ax.plot(mx, my, marker, **style)
        ax.set_axis_off()
    corners = ((0.0, 0.0), (1.0, 0.0), (0.5, float(np.sqrt(3) / 2)))
    for (tx, ty), name in zip(corners, payers, strict=True):
        axes[0].annotate(
            f"{name} 100 %",
            (tx, ty),
            ha="center",
            va="top" if ty == 0 else "bottom",
            xytext=(0, -6 if ty == 0 else 6),
            textcoords="offset points",
        )
    if small:
        zoom = axes[1]
        pad = 0.15 * max(float(np.ptp(x)), float(np.ptp(y)), 1e-3)
        zoom.set_xlim(float(x.min()) - pad, float(x.max()) + pad)
        zoom.set_ylim(float(y.min()) - pad, float(y.max()) + pad)
        zoom.set_title("zoomed on the splits the floors and caps allow", fontsize=9)
        zoom.set_axis_on()
        zoom.set_xticks([])
        zoom.set_yticks([])
    assert colour is not None
    fig.colorbar(colour, ax=list(axes), shrink=0.7, label="Nash product Π(u − d)")
    fig.suptitle(
        f"{scenario.title or scenario.name}\n{issue.size():,} splits (step {issue.step:g} %) "
        f"among {', '.join(payers)}"
    )
    axes[0].legend(loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=2, fontsize=8, frameon=False)
    return fig
