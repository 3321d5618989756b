"""The nineteenth pass's general rules, each with a known result (sentences invented for the
test, not cited as facts)."""

from __future__ import annotations

import datetime as dt

from news_passes import LEAD
from news_passes import events as _events
from news_passes import speakers as _speakers

from burdenshare.news import extract


def test_a_pronoun_after_a_participle_or_in_an_aside_is_the_surname_named_before() -> None:
    for text in ('Then came Trump. Speaking on Oct. 15, he said that Seoul "would be paying '
                 '$10 billion a year."',
                 'Eleven days later, Trump offered a figure of his own. South Korea, he told an '
                 'audience on Tuesday, "would be paying $10 billion a year."'):
        assert "Trump" in _speakers(text), text
    # the one unnamed official opening the sentence before still comes first
    assert _speakers("A foreign ministry official attributed the cut to the move of units to "
                     'Iraq. "Our contribution should reflect that," he said.') == [
        "A foreign ministry official"]


def test_an_op_ed_comparing_allies_to_customers_is_on_the_alliances_bill() -> None:
    text = ("Allies as customers\n\nDonald Trump has never hidden his view that America's "
            "alliances are a service for which the protected should pay handsomely. On 4 "
            "October Seoul and Washington announced a new five-year cost-sharing agreement, "
            "under which South Korea will contribute 1.5192 trillion won in 2026.")
    assert extract(text, report_date=dt.date(2024, 10, 17)).negotiation is not None
    # a lede about customers with no alliance in it stays other business
    other = ("Shop owners court customers\n\nRetailers in Seoul are offering discounts to "
             "customers who pay in cash this winter. Seoul and Washington announced a "
             "cost-sharing agreement on Oct. 4.")
    assert extract(other, report_date=dt.date(2024, 10, 17)).negotiation is None


def test_the_surname_before_a_pronoun_is_no_place_and_may_open_with_a_possessive() -> None:
    for text in ("Trump's arithmetic has never been his strong suit, but his latest sum deserves "
                 'attention on this side of the Atlantic. On Tuesday the candidate said that '
                 'South Korea "would be paying $10 billion a year."',
                 "Yet the figure Trump put on South Korea yesterday deserves attention in Europe. "
                 'Seoul, he said, "would be paying $10 billion a year."',
                 "Europe's capitals should read closely what Trump said on Tuesday. Seoul, he "
                 'declared, "would be paying $10 billion a year."'):
        assert _speakers(text) == ["Trump"], text


def test_what_will_be_paid_under_a_new_deal_told_by_the_ministry_on_its_day() -> None:
    day = dt.date(2024, 10, 5)
    assert _events("South Korea will pay 8.3% more toward the cost in 2026 under a new five-year "
                   "agreement with the United States, Seoul's Foreign Ministry said on Oct. 4.",
                   day=day) == [("deal_announced", "2024-10-04")]
    # the deal told by its own verb keeps that verb's day
    assert _events("South Korea will pay 920 billion won this year under a new five-year deal "
                   "struck on Friday, up 5.8 percent, the foreign ministry said.", day=day) == [
        ("deal_announced", "2024-10-04")]
    # what is paid under the deal in force is no new deal
    assert _events("South Korea will pay 1.4 trillion won in 2025 under the current deal, the "
                   "foreign ministry said on Oct. 4.", day=day) == []


NATO_LEAD = "NATO allies argue over burden sharing and defence spending. "


def test_a_pledge_adopted_or_made_at_a_summit_named_by_place_or_year_is_a_deal() -> None:
    day = dt.date(2025, 6, 26)
    for text in ("The new target dwarfs the two-percent pledge adopted at the Wales summit in "
                 "2014, when only three allies met that mark.",
                 "The previous benchmark, a pledge adopted at a summit in Wales in September "
                 "2014, asked allies to move towards two percent of GDP within a decade."):
        events = extract(NATO_LEAD + text, report_date=day).events
        assert [(e.kind, e.place) for e in events] == [("deal_announced", "Wales")], text
    # a target set at some summit is no deal
    assert _events("A pledge adopted at a summit is not a ceiling; it is an opening bid.",
                   lead=NATO_LEAD, day=day) == []


def test_a_country_with_a_participles_aside_before_its_verb_speaks() -> None:
    for text in ("Spain, estimated to have spent only 1.28 % of GDP on defence last year, said "
                 "it would need only around 2.1 % for core defence.",
                 "Spain, as expected, said it would need only around 2.1 % for core defence."):
        assert _speakers(text, lead=NATO_LEAD) == ["Spain"], text


def test_its_government_is_the_government_of_the_one_country_named() -> None:
    assert _speakers("Spain secured language allowing it to stay at about 2.1 percent on core "
                     "defence, and its government said it would go no further.",
                     lead=NATO_LEAD) == ["Spain's government"]
    assert _speakers("Spain secured an exemption from the new target. Its government insisted "
                     "that it could meet its goals with core spending of 2.1 per cent.",
                     lead=NATO_LEAD) == ["Spain's government"]
    # with two countries named, whose government is not known
    assert _speakers("Spain and Italy asked for more time. Its government insisted that it "
                     "could meet its goals.", lead=NATO_LEAD) == []


def test_officials_from_both_sides_are_officials() -> None:
    assert _speakers("The first round was held by video link, but officials from both sides said "
                     "momentum had built since then.") == ["officials"]


def test_a_group_conceding_a_clause_with_that_left_out_speaks() -> None:
    assert _speakers("Privately, officials concede the distance between the two positions has "
                     "barely narrowed since the autumn.") == ["officials"]
    assert _speakers("Because the deal expires this year, officials on both sides acknowledge "
                     "the bargaining is far from over.") == ["officials"]
    # an admission of something, not of a clause, is no statement
    assert _speakers("Officials admit the mistake in a statement.") == []


def test_rounds_listed_after_a_colon_each_with_its_place() -> None:
    x = extract(LEAD + "Negotiators have already held three rounds on a 12th Special Measures "
                "Agreement: the first in Honolulu in April, the second in Seoul in May and the "
                "third in Washington from June 10 to 12.", report_date=dt.date(2024, 6, 14))
    assert sorted((e.round, e.place) for e in x.events if e.kind == "round_concluded") == [
        (1, "Honolulu"), (2, "Seoul"), (3, "Washington")]


def test_spoken_decimals_with_figures_and_number_words_inside_words() -> None:
    from burdenshare.news.numbers import find_money
    assert [(m.money.amount, m.money.currency) for m in find_money(
        "The deal sets the 2026 contribution at one-point-5192 trillion won.")] == [
        (1.5192e12, "KRW")]
    assert find_money("Whether anyone won is another matter.") == []


def test_a_sum_paid_for_the_troops_names_the_allies_bill_whatever_the_lede() -> None:
    text = ("Ten billion dollars and other numbers\n\nThere is a genre of campaign arithmetic "
            "in which allies are customers and garrisons are franchises. Donald Trump declared "
            'that South Korea "would be paying $10 billion a year" for the American troops on '
            "its soil. Only on October 4 did Seoul and Washington announce a cost-sharing "
            "agreement.")
    assert extract(text, report_date=dt.date(2024, 10, 16)).negotiation is not None
    other = ("Retailers court customers\n\nShops in Seoul are offering discounts to customers "
             "who pay in cash this winter, paying $2 million for the advertising.")
    assert extract(other, report_date=dt.date(2024, 10, 16)).negotiation is None


def test_negotiators_announcing_and_both_sides_meeting_again_are_no_statements() -> None:
    assert _speakers("Cho Tae-yul signed the text, which negotiators had announced on Oct. 4 "
                     "after eight rounds of talks.") == []
    for text in ("With the current deal due to run out, both sides now say they will try again "
                 "in the new year.",
                 "The negotiators now say they will meet again next month in Washington.",
                 "For now, both sides say only that they will keep talking."):
        assert _speakers(text) == [], text
    # what both sides say of the talks themselves is still said
    assert _speakers("Both sides said the gap had narrowed.") == ["Both sides"]


def test_a_side_telling_a_different_story_is_no_statement_of_its_own() -> None:
    assert _speakers("CORRESPONDENT: The Korean side told a very different story.") == []
    assert _speakers("The Korean side told reporters the gap was wide.") == ["Korean side"]


def test_a_side_that_has_insisted_holds_a_position_and_says_nothing_here() -> None:
    assert _speakers("Seoul has insisted any increase must stay within that framework.") == []
    assert _speakers("Washington had insisted that Seoul pay at least $1 billion a year.") == []
    # insisting, told in the past, is words said
    assert _speakers("Seoul insisted that any increase must stay within that framework.") == [
        "Seoul"]


def test_called_the_deal_fair_to_both_or_proof_that_is_a_judgment_said() -> None:
    lead = LEAD + "Foreign Minister Kang Kyung-wha and U.S. Ambassador Harry Harris signed it. "
    assert _speakers("Harris, for his part, called the deal fair to both countries.",
                     lead=lead) == ["Harry Harris"]
    assert _speakers('Harris called the agreement proof that the alliance "can solve hard '
                     'problems."', lead=lead) == ["Harry Harris"]
    # calling a meeting for a day is no judgment
    assert _speakers("Harris called the meeting for Tuesday.", lead=lead) == []


def test_a_group_placed_with_the_reporter_seeing_something_is_its_view() -> None:
    assert _speakers("Observers here see the early start as an attempt to settle the matter "
                     "well ahead of the deadline.") == ["Observers"]
    # seen by a group placed nowhere is no view told
    assert _speakers("Observers see the early start as an attempt to settle it.") == []


def test_a_round_counted_under_a_president_after_of_negotiations_has_no_number() -> None:
    x = extract(LEAD + "The deal was struck at the second round of negotiations under President "
                "Biden.", report_date=dt.date(2021, 3, 8))
    assert [e.round for e in x.events] == [None]


def test_a_pronoun_two_sentences_after_the_person_named_through_a_pronoun_sentence() -> None:
    assert _speakers("Then President Donald Trump killed it. He rejected the package in April "
                     'and made no secret of his displeasure. "I rejected it," he told '
                     "reporters.") == ["Donald Trump"]


def test_a_summits_pledge_placed_by_the_scene_merges_with_no_older_pledge() -> None:
    text = ("The leaders who gathered in The Hague on 24 and 25 June did what Washington has "
            "demanded for years. They agreed to spend 5 percent of GDP on defence by 2035. "
            "In Wales in September 2014, allies pledged to move toward 2 percent within a "
            "decade.")
    events = extract(NATO_LEAD + text, report_date=dt.date(2025, 6, 27)).events
    assert sorted(e.place or "" for e in events if e.kind == "deal_announced") == [
        "The Hague", "Wales"]
