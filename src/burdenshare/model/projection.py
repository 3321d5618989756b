"""Projected meetings: the forecaster's stated assumption about the rounds still to come.

A forecast view (`forecast_view`) holds only the meetings already held, so a run from it ends
where the talks stood on the information date. To forecast, the meetings after that date must be
assumed. `MeetingProjection` states the assumption as a cadence — a meeting of `days` days with
`offers` offers every `every_days` days after the information date, up to `until` (default: the
calendar's end) — and `forecast_view.projected_view` adds those meetings, marked `projected`, to
the view. The real later meetings are never used. A scenario holds its projection, so this module
sits below `model.scenario` and the views of a scenario above it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from burdenshare.model.calendar import Meeting


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

    def meetings(self, as_of: dt.date, end: dt.date) -> tuple[Meeting, ...]:
        """The projected meetings after `as_of`: on as_of + k·every_days (k = 1, 2, …) while the
        date is on or before `until` (or `end`, whichever is earlier)."""
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
