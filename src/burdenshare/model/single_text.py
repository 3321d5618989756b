"""A many-party protocol: the single negotiating text with a chair.

The chair tables one text; every party accepts it or objects, asking for its amendment (the
offer it would make now); the chair revises the text toward the objectors' amendments and tables
it again, until all accept (then the ratifiers vote, as on any deal) or the calendar runs out.
This is the "one-text procedure" of Fisher & Ury (1981) and the single negotiating text the US
mediators drafted at Camp David in 1978 (Raiffa 1982, ch. 14), and the way formula talks among
many states are run (Hopmann 1996, ch. 4): the chair of NATO's Resource Policy and Planning Board
redrafts the cost-share formula until no ally objects, adopted by consensus.

The revision rule, stated once: the chair keeps a *draft* in continuous coordinates — a number
for a numeric issue, the payers' percents for a share issue, a weight per option for a scope or
choice issue — and moves it by `rules.revised` toward the mean of the objectors' amendments, by
the step `rules.chair_step` (step · shrink^revision, shrinking each round). The text is the
outcome nearest to the draft: a number snapped to its grid, the split nearest by the share kind's
own distance (so the shares still sum to 100 % and respect every floor and cap: a mean of
feasible splits is feasible, and so is its nearest split on the grid), the option of most weight
(a tie keeps the text's option). A neutral chair's first text is the status quo; a party
chairing opens with its own proposal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from burdenshare.model.kinds.base import Issue, Value
from burdenshare.model.kinds.share import is_share
from burdenshare.model.offers import Offer
from burdenshare.model.rules import chair_step, revised
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
    """One issue's value as the draft's coordinates: the number, the payers' percents, or a
    weight of 1 on the value's grid position (0 elsewhere)."""
    if issue.numeric:
        assert isinstance(value, int | float)
        return (float(value),)
    if is_share(issue):
        return tuple(float(value[p]) for p in issue.payer_names)  # type: ignore[index]
    weights = [0.0] * issue.size()
    weights[issue.index_of(value)] = 1.0
    return tuple(weights)


def draft_of(space: OutcomeSpace, offer: Offer) -> Draft:
    """An offer (a text, an amendment) as a draft."""
    return tuple(_coordinates(issue, offer[issue.name]) for issue in space.issues)


def _nearest(issue: Issue, coordinates: tuple[float, ...], keep: Value | None) -> Value:
    """The grid value nearest to one issue's draft coordinates (ties of an option's weight keep
    `keep`, the text's value, else take the earliest)."""
    if issue.numeric:
        return issue.normalise(coordinates[0])
    if is_share(issue):
        index = issue.nearest(dict(zip(issue.payer_names, coordinates, strict=True)))
        return issue.grid()[index]
    top = max(coordinates)
    tied = [k for k, w in enumerate(coordinates) if w >= top - 1e-12]
    kept = issue.index_of(keep) if keep is not None else -1
    return issue.grid()[kept if kept in tied else tied[0]]


def text_of(space: OutcomeSpace, draft: Draft, keep: Offer | None = None) -> Offer:
    """The outcome nearest to `draft`, issue by issue (`keep`: the text it revises)."""
    return Offer(
        tuple(
            (issue.name, _nearest(issue, coords, None if keep is None else keep[issue.name]))
            for issue, coords in zip(space.issues, draft, strict=True)
        )
    )


def revise(draft: Draft, amendments: Sequence[Draft], step: float) -> Draft:
    """The draft moved by `step` toward the mean of the `amendments` (`rules.revised`; the mean
    summed in the objectors' order, the same on every machine)."""
    assert amendments
    count = len(amendments)
    out = []
    for i, coords in enumerate(draft):
        row = []
        for c, x in enumerate(coords):
            total = 0.0
            for amendment in amendments:
                total += amendment[i][c]
            row.append(revised(x, total / count, step))
        out.append(tuple(row))
    return tuple(out)
