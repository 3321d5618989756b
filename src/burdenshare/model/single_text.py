"""A many-party protocol: the single negotiating text with a chair.

The chair tables one text; every party accepts it or objects, asking for its amendment (the
offer it would make now); the chair revises the text toward the objectors' amendments and tables
it again, until all accept (then the ratifiers vote, as on any deal) or the calendar runs out.
This is the "one-text procedure" of Fisher & Ury (1981) and the single negotiating text the US
mediators drafted at Camp David in 1978 (Raiffa 1982, ch. 14), and the way formula talks among
many states are run (Hopmann 1996, ch. 4): the chair of NATO's Resource Policy and Planning Board
redrafts the cost-share formula until no ally objects, adopted by consensus.

The revision rule, stated once: the chair keeps a *draft* in continuous coordinates — a number
for a numeric issue, the payers' shares in grid units for a share issue, a weight per option for
a scope or choice issue (`rules.draft_coordinates`) — and moves it toward the mean of the
objectors' amendments (`rules.revise_draft`, each coordinate by `rules.revised`), by the step
`rules.chair_step` (step · shrink^revision, shrinking each round). The text is the outcome
nearest to the draft: a number's nearest grid value (`rules.nearest_number`), the split nearest
by the share kind's own distance (`rules.nearest_split`: the shares still sum to 100 % and
respect every floor and cap), the option of most weight (`rules.nearest_option`: a tie keeps the
text's option). The `rules` functions are the ones the compiled engine compiles
(`engine/compiled.py`); this module turns an offer into their arrays and back. A neutral chair's
first text is the status quo; a party chairing opens with its own proposal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from burdenshare.model.kinds.base import Issue, Value
from burdenshare.model.kinds.share import is_share
from burdenshare.model.offers import Offer
from burdenshare.model.rules import (
    chair_step,
    draft_coordinates,
    nearest_number,
    nearest_option,
    revise_draft,
)
from burdenshare.model.space import OutcomeSpace

NEUTRAL = "neutral"
"""The scenario file's `chair` for a chair who is not a party."""

Draft = tuple[tuple[float, ...], ...]
"""The chair's draft: per issue, its coordinates (see the module's docstring)."""


@dataclass(frozen=True)
class SingleText:
    """The single-text protocol: who chairs (`chair`: a party's name, or None for a neutral
    chair shown as `label`) and the revision rule's first `step` (0 < step ≤ 1) and `shrink`
    (0 < shrink ≤ 1, the factor each later step is multiplied by)."""

    chair: str | None = None
    label: str = "chair"
    step: float = 0.5
    shrink: float = 0.95
    rationale: str = ""
    source: str = ""

    @property
    def display(self) -> str:
        """Who tables the text, as the trace names it: the party, or the neutral chair."""
        return self.chair if self.chair is not None else self.label

    def step_at(self, revision: int) -> float:
        """The fraction of the way revision `revision` (0, 1, ...) moves the draft."""
        return chair_step(revision, self.step, self.shrink)


def _coordinates(issue: Issue, value: Value) -> tuple[float, ...]:
    """One issue's value as the draft's coordinates: the payers' shares of a split in grid units
    (whole numbers), else `rules.draft_coordinates` (the number, or a weight of 1 on the
    option)."""
    if is_share(issue):
        return tuple(issue.unit_floats()[issue.index_of(value)].tolist())
    row = np.zeros(1 if issue.numeric else issue.size())
    if issue.numeric:
        assert isinstance(value, int | float)
        draft_coordinates(True, float(value), 0, 1, row)
    else:
        draft_coordinates(False, 0.0, issue.index_of(value), row.size, row)
    return tuple(row.tolist())


def draft_of(space: OutcomeSpace, offer: Offer) -> Draft:
    """An offer (a text, an amendment) as a draft."""
    return tuple(_coordinates(issue, offer[issue.name]) for issue in space.issues)


def _nearest(
    issue: Issue, grid: tuple[Value, ...], coordinates: tuple[float, ...], keep: Value | None
) -> Value:
    """The grid value nearest to one issue's draft coordinates (`rules.nearest_number`,
    `rules.nearest_option`: a tie of an option's weight keeps `keep`, the text's value, else
    takes the earliest; a share's nearest split by the kind's own distance,
    `rules.nearest_split`)."""
    if issue.numeric:
        return grid[nearest_number(grid, len(grid), coordinates[0])]  # type: ignore[arg-type]
    if is_share(issue):
        return grid[issue.nearest_units(np.array(coordinates))]
    kept = issue.index_of(keep) if keep is not None else -1
    return grid[nearest_option(coordinates, len(coordinates), kept)]


def text_of(space: OutcomeSpace, draft: Draft, keep: Offer | None = None) -> Offer:
    """The outcome nearest to `draft`, issue by issue (`keep`: the text it revises)."""
    return Offer(
        tuple(
            (issue.name, _nearest(issue, grid, coords, None if keep is None else keep[issue.name]))
            for issue, grid, coords in zip(space.issues, space.grids, draft, strict=True)
        )
    )


def _array(draft: Draft, widest: int) -> np.ndarray:
    """A draft as rows of `widest` numbers (padded with 0)."""
    out = np.zeros((len(draft), widest))
    for i, coords in enumerate(draft):
        out[i, : len(coords)] = coords
    return out


def revise(draft: Draft, amendments: Sequence[Draft], step: float) -> Draft:
    """The draft moved by `step` toward the mean of the `amendments` (`rules.revise_draft`, on
    the drafts as arrays)."""
    assert amendments
    widths = np.array([len(coords) for coords in draft], dtype=np.int64)
    widest = int(widths.max())
    moved = _array(draft, widest)
    stacked = np.stack([_array(amendment, widest) for amendment in amendments])
    revise_draft(moved, stacked, len(amendments), widths, step)
    return tuple(tuple(row[:width].tolist()) for row, width in zip(moved, widths, strict=True))
