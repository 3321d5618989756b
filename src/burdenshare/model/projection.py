"""Projected meetings: the forecaster's stated assumption about the rounds still to come.

A forecast view (`forecast_view`) holds only the meetings already held, so a run from it ends
where the talks stood on the information date. To forecast, the meetings after that date must be
assumed. `MeetingProjection` states the assumption as a cadence — a meeting of `days` days with
`offers` offers every `every_days` days after the information date, up to `until` (default: the
calendar's end) — and `forecast_view.projected_view` adds those meetings, marked `projected`, to
the view. The real later meetings are never used.

Two things after the information date were known on it and are stated here too, each with a
source dated by then: `scheduled` meetings announced in advance (a summit's dates), which replace
the cadence's meetings they overlap; and `elections`, offices changing hands on a date fixed in
advance (a presidential term's end), where who holds the office next was not known: the
incumbent's term end is kept and a successor takes office the next day, holding the incumbent's
limit with the stated prior probability `incumbent_wins`, else the challenger's. A scenario holds
its projection, so this module sits below `model.scenario` and the views of a scenario above
it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from burdenshare.model.calendar import Meeting
from burdenshare.model.ratifiers import Limit

BOUNDS = ("min", "max", "min_change_pct", "max_change_pct")
"""The numeric bounds of a limit an election's challenger may set."""


@dataclass(frozen=True)
class Election:
    """A change of office on a date fixed in advance: `ratifier`'s term ends on its stated end,
    and from the next day `successor` holds the office: the incumbent again with probability
    `incumbent_wins` (his limit goes on), else a challenger whose limit is `challenger` (the
    same issue and bound as one of the incumbent's limits, another value)."""

    ratifier: str
    successor: str
    incumbent_wins: float
    challenger: Limit
    label: str = ""
    rationale: str = ""
    source: str = ""

    @property
    def bound(self) -> str:
        """The bound the challenger sets (the first of `BOUNDS` his limit gives)."""
        return next(b for b in BOUNDS if getattr(self.challenger, b) is not None)

    def replaced(self, limits: Sequence[Limit]) -> int | None:
        """The position among the incumbent's `limits` of the one the challenger's replaces:
        the first setting the same bound on the same issue (None: there is none)."""
        bound, issue = self.bound, self.challenger.issue
        for k, x in enumerate(limits):
            if x.issue == issue and getattr(x, bound) is not None:
                return k
        return None


@dataclass(frozen=True)
class MeetingProjection:
    """A meeting every `every_days` days after the information date, of `days` days and `offers`
    offers each, up to `until` (None: the calendar's end); `rationale` says why."""

    every_days: int
    days: int = 2
    offers: int = 4
    place: str = "projected"
    until: dt.date | None = None
    rationale: str = ""
    source: str = ""
    scheduled: tuple[Meeting, ...] = ()
    elections: tuple[Election, ...] = ()

    def meetings(self, as_of: dt.date, end: dt.date) -> tuple[Meeting, ...]:
        """The projected meetings after `as_of`: on as_of + k·every_days (k = 1, 2, …) while the
        date is on or before `until` (or `end`, whichever is earlier), less those overlapping a
        `scheduled` meeting, and the scheduled meetings after `as_of` up to `end`, in date
        order."""
        fixed = tuple(m for m in self.scheduled if as_of < m.date <= end)

        def free(m: Meeting) -> bool:
            return all(m.last_day < f.date or m.date > f.last_day for f in fixed)

        cadence = tuple(m for m in self._cadence(as_of, end) if free(m))
        return tuple(sorted(cadence + fixed, key=lambda m: m.date))

    def _cadence(self, as_of: dt.date, end: dt.date) -> tuple[Meeting, ...]:
        last = min(self.until, end) if self.until is not None else end
        out: list[Meeting] = []
        k = 1
        while (day := as_of + dt.timedelta(days=k * self.every_days)) <= last:
            label = f"Projected meeting {k} (assumption: one every {self.every_days} days)"
            out.append(
                Meeting(day, self.place, label, self.days, self.offers, self.source, projected=True)
            )
            k += 1
        return tuple(out)
