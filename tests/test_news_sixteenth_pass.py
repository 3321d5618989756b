"""The sixteenth pass's general rules, each with a known result (sentences invented for the
test, not cited as facts)."""

from __future__ import annotations

import datetime as dt

from burdenshare.news import extract

DAY = dt.date(2019, 12, 18)
LEAD = ("South Korea and the United States are negotiating how to share the cost of stationing "
        "U.S. troops in Korea. ")


def _speakers(text: str, lead: str = LEAD) -> list[str]:
    return [s.speaker for s in extract(lead + text, report_date=DAY).statements]


def test_a_researcher_or_a_scholar_speaks_unnamed() -> None:
    assert _speakers("Linking the payments to defense budgets locks in steep increases, a "
                     "researcher at a Seoul-based think tank said.") == [
        "a researcher at a Seoul-based think tank"]
    assert _speakers("The deal is lopsided, one scholar said.") == ["one scholar"]


def test_what_the_talks_are_about_is_no_speaker() -> None:
    # the participle's subject is the one of the clause within, not "Relations"
    text = ("Relations were tested last month when the U.S. delegation walked out of the third "
            "round in Seoul after roughly 90 minutes, saying Seoul's proposals were \"not "
            "responsive to our request\".")
    assert _speakers(text) == ["U.S. delegation"]
    assert _speakers("Tensions rose when Trump rejected a 13 percent raise, calling it too "
                     "low.") == ["Trump"]
    # a factbox's line names no one
    assert _speakers("* Deal announced Oct. 4: Seoul will pay 1.5192 trillion won in 2026.") == []
    # the subject of the sentence still says it when it is someone
    assert _speakers("Trump rejected the offer after Seoul raised it, saying it was too "
                     "low.") == ["Trump"]


def test_a_title_case_headline_names_no_candidate() -> None:
    # "the Republican presidential candidate" is no word of the headline's ("Year")
    text = ("Trump Says S. Korea Would Pay 10 Bil. Dollars a Year for U.S. Troops\n\n"
            "Washington, Oct. 15 (Jiji Press)--Former U.S. President Donald Trump, the "
            "Republican presidential candidate, said Tuesday that South Korea \"would be paying "
            "us 10 billion dollars a year\" for the U.S. military presence there.")
    assert "Year" not in _speakers(text, lead="")
