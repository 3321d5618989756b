"""The calendar of talks: meetings on dates, the deadline (status quo expiry), the last date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Meeting:
    """A round of talks: starts on `date`, lasts `days`, with `offers` offers exchanged in it.
    `projected`: not a held meeting but one assumed by a forecast (see `model/projection.py`)."""

    date: dt.date
    place: str
    label: str = ""
    days: int = 1
    offers: int = 2
    source: str = ""
    projected: bool = False

    @property
    def last_day(self) -> dt.date:
        """The meeting's last day: its start plus its days, less one (a meeting lasts a day at
        least)."""
        return self.date + dt.timedelta(days=max(self.days, 1) - 1)


@dataclass(frozen=True)
class Calendar:
    """Meetings in date order, the deadline and the last date on which talks can go on."""

    meetings: tuple[Meeting, ...]
    deadline: dt.date
    end: dt.date

    @property
    def start(self) -> dt.date:
        """The first meeting's date."""
        return self.meetings[0].date

    def time_fraction(
        self, day: dt.date, offset_days: float = 0.0, horizon: dt.date | None = None
    ) -> float:
        """Relative time t ∈ [0, 1]: days since the first meeting over days from it to the
        `horizon` (a party's own deadline; the calendar's `end` by default)."""
        start = self.meetings[0].date  # `start`, read once: the engine asks at every offer
        total = ((horizon or self.end) - start).days
        if total <= 0:
            return 1.0
        elapsed = (day - start).days + offset_days
        # min(max(t, 0), 1) as `min` and `max` pick (a NaN passes), without their calls: the
        # builtins cost more than the rest of this function
        t = elapsed / total
        t = 0.0 if t < 0.0 else t
        return 1.0 if t > 1.0 else t

    def offer_times(self, index: int, horizon: dt.date | None = None) -> tuple[float, ...]:
        """The relative times of the offers in meeting `index`, spread over its days."""
        meeting = self.meetings[index]
        step = meeting.days / max(meeting.offers, 1)
        return tuple(
            self.time_fraction(meeting.date, k * step, horizon) for k in range(meeting.offers)
        )
