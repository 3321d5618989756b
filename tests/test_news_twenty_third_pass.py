"""The twenty-third pass's general rules, each with a known result (sentences invented for the
test, not cited as facts)."""

from __future__ import annotations

from news_passes import speakers as _speakers


def test_a_presidential_candidate_named_by_surname_is_the_speaker() -> None:
    for text in ('Republican presidential nominee Trump said Tuesday that South Korea "would be '
                 'paying $10 billion a year" for American troops.',
                 "* Republican presidential candidate Trump said on Oct. 15 that South Korea would "
                 "be paying $10 billion a year."):
        assert "Trump" in _speakers(text), text
    # a candidate unnamed speaks for no one the report names
    text = "Every campaign season, a candidate tells a crowd that an ally is getting a free ride."
    assert _speakers(text) == []
