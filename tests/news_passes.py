"""What the tests of the news extractor's passes read: the speakers and the events (kind, date)
of a text after a lead sentence that puts it on the allies' cost sharing."""

from __future__ import annotations

import datetime as dt

from burdenshare.news import extract

DAY = dt.date(2024, 11, 28)
LEAD = ("South Korea and the United States are negotiating how to share the cost of stationing "
        "U.S. troops in Korea. ")


def speakers(text: str, lead: str = LEAD, day: dt.date | None = DAY) -> list[str]:
    """The speakers of the statements the extractor finds in `lead + text`, in order."""
    return [s.speaker for s in extract(lead + text, report_date=day).statements]


def events(text: str, lead: str = LEAD, day: dt.date | None = DAY) -> list[tuple[str, str | None]]:
    """The kind and date of each event the extractor finds in `lead + text`, in order."""
    return [(e.kind, e.when.date if e.when else None)
            for e in extract(lead + text, report_date=day).events]


def placed(text: str, day: dt.date | None = DAY) -> list[tuple[str, str | None, str | None]]:
    """The kind, date and place of each event the extractor finds in `text` as it stands (no
    lead), in order."""
    return [(e.kind, e.when.date if e.when else None, e.place)
            for e in extract(text, report_date=day).events]
