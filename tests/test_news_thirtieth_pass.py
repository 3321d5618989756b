"""The thirtieth pass's general rules, each with a known result (sentences invented for the
test, not cited as facts)."""

from __future__ import annotations

import pytest
from news_passes import LEAD, placed
from news_passes import events as _events
from news_passes import speakers as _speakers

from burdenshare.news import extract


@pytest.mark.parametrize("participle", ["Concluding", "Wrapping up", "Ending", "Closing",
                                        "After wrapping up"])
def test_a_round_ended_by_the_participle_that_opens_the_sentence(participle: str) -> None:
    # "Wrapping up the fifth round in Seoul on Wednesday, the two sides failed to reach a deal"
    text = (f"{participle} the fifth round in Seoul on Wednesday, the two sides failed to "
            "reach a deal.")
    assert placed(LEAD + text) == [("round_concluded", "2024-11-27", "Seoul")]
    x = extract(LEAD + text)
    assert [e.round for e in x.events] == [5]


@pytest.mark.parametrize("participle", ["Opening", "Beginning", "Kicking off"])
def test_a_round_opened_by_the_participle_that_opens_the_sentence(participle: str) -> None:
    text = (f"{participle} the fifth round in Seoul on Tuesday, Jeong Eun-bo said Seoul wanted "
            "a fair deal.")
    assert placed(LEAD + text) == [("talks_opened", "2024-11-26", "Seoul")]


def test_a_participle_after_its_clause_or_of_something_else_opens_nothing() -> None:
    # an opening after the verb is no opening of the talks; "Opening" of a base is no round
    assert _events("Opening the new barracks at Camp Humphreys on Tuesday, the commander "
                   "praised the workers.") == []


@pytest.mark.parametrize("verb", ["plan", "are planning", "have scheduled"])
def test_a_round_planned_as_an_object(verb: str) -> None:
    # "The two allies plan a sixth round in Washington early next year"
    assert placed(LEAD + f"The two allies {verb} a sixth round in Washington in January.") == [
        ("talks_scheduled", "2025-01", "Washington")]
    # a round of something else is none
    assert _events(f"The two armies {verb} a new round of drills in January.") == []


def test_a_command_spelled_out_in_full_speaks_under_that_name() -> None:
    # "United States Forces Korea (USFK) ..." then "USFK said": the fullest name the report gives
    text = ("United States Forces Korea (USFK), which employs about 9,000 South Korean workers, "
            "has told its employees that many of them will be placed on unpaid leave. USFK said "
            "it regretted the uncertainty.")
    assert set(_speakers(text)) == {"United States Forces Korea"}
