"""The eighth pass's general rules, each with a known result (sentences invented for the test,
not cited as facts): a date told as "that same month", a month after a season and year, a deal
rejected after the clause that told it, a deal told by the change it makes, a sum spread over
years, a summit between "agreed" and what was agreed."""

from __future__ import annotations

import datetime as dt

from burdenshare.news import extract
from burdenshare.news.evaluation import found_sets

DAY = dt.date(2021, 3, 10)
LEAD = ("South Korea and the United States are negotiating how to share the cost of stationing "
        "U.S. troops in Korea. ")


def _events(text: str, day: dt.date = DAY) -> set[tuple[str, str | None, str | None]]:
    x = extract(LEAD + text, report_date=day)
    return {(e.kind, e.when.date if e.when else None, e.place) for e in x.events}


def test_that_same_month_takes_the_month_of_the_sentence_before() -> None:
    found = _events("Thousands of Korean base workers were sent home without pay in April last "
                    "year. That same month, Trump rejected a deal for a 13 percent increase.")
    assert ("deal_rejected", "2020-04", None) in found


def test_that_same_year_keeps_only_the_year() -> None:
    found = _events("The old agreement lapsed on Dec. 31, 2019. That same year, negotiators "
                    "from the two sides walked out of the talks.")
    assert ("talks_broken_off", "2019", None) in found


def test_a_month_after_a_season_and_year_is_in_that_year() -> None:
    found = _events("When negotiators reached a tentative 13 percent increase in the spring of "
                    "2020, Trump rejected it in April.", day=dt.date(2024, 10, 5))
    assert ("deal_rejected", "2020-04", None) in found


def test_a_deal_rejected_after_the_clause_that_told_it() -> None:
    kinds = {k for k, _, _ in _events("After negotiators settled the terms, Trump rejected it.")}
    assert "deal_rejected" in kinds


def test_a_deal_told_by_the_change_it_makes_has_that_relation() -> None:
    for sentence in ("Trump rejected a working-level deal for a 13 percent increase.",
                     "Negotiators reached a tentative 13 percent increase in March.",
                     "A compromise on a 13 percent rise was reached in March."):
        assert found_sets(extract(LEAD + sentence, report_date=DAY))["relation"] == {1.13}


def test_a_sum_spread_over_years_in_its_own_sentence_is_a_total() -> None:
    x = extract(LEAD + "Seoul's fact sheet describes $33 billion in support for American forces "
                "over roughly a decade.", report_date=DAY)
    assert found_sets(x)["period"] == {(33e9, "USD", "total", None)}


def test_the_amount_told_again_as_spread_over_years_is_a_total() -> None:
    x = extract(LEAD + "Seoul will provide $33 billion in support for U.S. forces, officials "
                "said. The presidential office said the US$33 billion would be spread over 10 "
                "years.", report_date=DAY)
    assert (33e9, "USD", "total", None) in found_sets(x)["period"]


def test_a_summit_and_a_weekday_between_agreed_and_what_was_agreed() -> None:
    x = extract("NATO allies have argued for years over burden sharing and the cost of U.S. "
                "forces in Europe. NATO allies agreed on Wednesday at their summit in The Hague "
                "to raise their defence spending to 5 percent of GDP by 2035.",
                report_date=dt.date(2025, 6, 26))
    assert {(e.kind, e.when.date if e.when else None, e.place) for e in x.events} == {
        ("deal_announced", "2025-06-25", "The Hague")}


def _speakers(text: str) -> set[str]:
    x = extract(LEAD + text, report_date=DAY)
    return {s.speaker for s in x.statements}


def test_a_courtesy_title_before_a_surname_is_the_person_named_before() -> None:
    assert _speakers("Chang Won-sam, South Korea's chief negotiator, led the delegation. "
                     "\"The number must be acceptable to our people,\" Mr. Chang said after the "
                     "talks.") == {"Chang Won-sam"}


def test_an_institution_that_did_one_thing_and_said_another() -> None:
    assert _speakers("South Korea's Foreign Ministry confirmed the agreement and said it would "
                     "announce the details later.") == {"South Korea's Foreign Ministry"}


def test_a_second_clause_with_a_speaker_of_its_own() -> None:
    assert _speakers("South Korean officials have called the demand excessive, and lawmakers "
                     "from both main parties have said the National Assembly would never "
                     "approve such a deal.") == {"South Korean officials",
                                                 "lawmakers from both main parties"}


def _periods(text: str, day: dt.date = dt.date(2025, 11, 24)) -> set[object]:
    return found_sets(extract(LEAD + text, report_date=day))["period"]


def test_that_year_beside_the_saying_does_not_date_a_yearly_amount() -> None:
    assert _periods("The deal was ratified in 2024. When Donald Trump declared in October that "
                    "year that Korea \"would be paying $10 billion a year\", officials shrugged."
                    ) == {(10e9, "USD", "year", None)}


def test_a_year_in_a_concessive_clause_is_not_the_amount_s() -> None:
    assert (10e9, "USD", "year", None) in _periods(
        "Trump claimed Korea \"would be paying $10 billion a year\" under his watch, even "
        "though the two governments had just signed a deal setting next year's payment.")


def test_a_year_in_a_multiple_of_another_payment_is_the_base_s() -> None:
    assert _periods("Washington initially sought about $5 billion a year, about five times what "
                    "Seoul paid in 2019.", day=dt.date(2020, 4, 1)) == {
        (5e9, "USD", "year", None)}


def test_a_city_and_a_province_bargaining_near_a_us_base_are_not_the_allies() -> None:
    x = extract("PYEONGTAEK, Feb. 3 (Yonhap) -- The city of Pyeongtaek and Gyeonggi Province "
                "ended a third round of talks on Monday without agreeing how to split the cost "
                "of community projects around the U.S. military base here, officials said. The "
                "U.S. military is not a party to the talks, and South Korea's government has "
                "stayed out.", report_date=dt.date(2025, 2, 3))
    assert x.negotiation is None


def test_a_softball_playoff_between_two_garrisons_is_not_the_allies() -> None:
    x = extract("Humphreys edges Osan in third round of Korea-wide softball playoffs\n\n"
                "CAMP HUMPHREYS, South Korea — The hosts beat an Osan Air Base side 6-5 on "
                "Sunday. Organizers said the two garrisons had reached an agreement to share the "
                "cost of buses for the final round against a team of U.S. soldiers.",
                report_date=dt.date(2024, 8, 19))
    assert x.negotiation is None


def test_members_of_a_committee_are_a_group_that_speaks() -> None:
    assert _speakers("Some members of the Foreign Affairs and Unification Committee questioned "
                     "whether the deal would survive.") == {
        "Some members of the Foreign Affairs and Unification Committee"}


def test_a_long_aside_between_the_speaker_and_the_verb() -> None:
    assert _speakers("A senior South Korean official, speaking on condition of anonymity "
                     "because he was not authorized to brief reporters, said the deal limited "
                     "the use of the funds.") == {"A senior South Korean official"}


def test_an_office_and_a_surname_are_the_person() -> None:
    assert _speakers("In his memoir, former White House national security adviser Bolton "
                     "wrote that Trump demanded Japan pay 8 billion dollars annually.") == {
        "Bolton"}


def test_an_institution_s_officer_unnamed_is_named_as_written() -> None:
    assert _speakers("\"This is a quantum leap,\" the alliance's secretary general told "
                     "reporters after the talks.") == {"alliance's secretary general"}


def test_a_reflexive_after_the_surname_and_an_office_before_the_name() -> None:
    assert _speakers("Chang Won-sam, South Korea's chief negotiator, initialled the text. "
                     "Chang himself acknowledged that a one-year term was \"not what we "
                     "wanted.\"") == {"Chang Won-sam"}
    assert _speakers("Former President Donald Trump, the Republican candidate, has repeatedly "
                     "complained that South Korea does not pay enough.") == {"Donald Trump"}


def test_a_rejection_told_in_the_present_in_a_timeline() -> None:
    assert ("deal_rejected", "2020-04", None) in _events(
        "* April 2020 - President Donald Trump rejects a Seoul offer to raise its payment by "
        "13%.")


def test_a_deal_allowed_to_lapse_at_the_end_of_that_year() -> None:
    assert ("deadline_passed", "2019-12-31", None) in _events(
        "In 2019 envoys walked out of a session in Seoul, and at the end of that year the "
        "previous agreement was allowed to lapse.")


def test_rounds_held_starting_in_a_month_are_the_talks_opening() -> None:
    found = _events("Negotiators held eight rounds of talks starting in April and announced a "
                    "deal on Oct. 4.", day=dt.date(2024, 11, 4))
    assert found == {("talks_opened", "2024-04", None), ("deal_announced", "2024-10-04", None)}


def test_an_expiry_with_no_successor_before_the_report_is_a_lapse() -> None:
    assert ("deadline_passed", "2019-12-31", None) in _events(
        "* Dec. 31, 2019 - The previous one-year agreement expires with no successor in place.")
    # (still to come, it is a deadline)
    assert ("deadline", "2019-12-31", None) in _events(
        "The current agreement expires on Dec. 31, 2019, with no successor in sight.",
        day=dt.date(2019, 11, 19))


def test_the_yearly_average_restating_a_total_covers_no_year_of_its_own() -> None:
    assert _periods("Under the new agreement, Japan will shoulder a total of 1,055.1 billion yen "
                    "in fiscal 2022-2026, or about 211 billion yen a year on average.",
                    day=dt.date(2021, 12, 21)) == {
        (1055e9, "JPY", "total", (2022, 2026)), (211e9, "JPY", "year", None)}


def test_the_year_of_the_subject_with_an_apposition_between() -> None:
    assert _periods("Korea's contribution for 2026, the first year of the deal, is set at 1.5192 "
                    "trillion won.", day=dt.date(2024, 11, 28)) == {
        (1519e9, "KRW", "year", (2026, 2026))}


def test_the_year_of_spending_set_by_a_participle() -> None:
    assert (201.7e9, "JPY", "year", (2021, 2021)) in _periods(
        "The current arrangement, which Tokyo and Washington agreed in February to extend by one "
        "year, setting fiscal 2021 spending at 201.7 billion yen, expires at the end of March.",
        day=dt.date(2021, 12, 21))


def _relations(text: str) -> set[object]:
    return found_sets(extract(LEAD + text, report_date=DAY))["relation"]


def test_a_position_unchanged_is_no_freeze() -> None:
    assert _relations("\"Our position remains unchanged that the outcome should be reasonable and "
                      "fair,\" the negotiator said.") == set()


def test_spending_more_than_a_percentage_is_a_level_not_a_change() -> None:
    assert _relations("NATO allies agreed a new target. Several eastern allies already spend "
                      "more than 3 percent and pushed for a faster timetable.") == set()


def test_a_freeze_agreed_beside_a_rise_is_a_relation_of_its_own() -> None:
    assert _relations("Seoul's contribution for 2021 rises to 1.1833 trillion won, a 13.9% "
                      "increase, after agreeing to freeze its contribution for 2020.") == {
        1.139, 1.0}


def test_a_year_right_after_a_percentage_is_the_change_s_not_the_deal_s() -> None:
    found = _events("South Korea will raise its payment for the American troops by 8.3% in 2026 "
                    "under a new five-year deal reached with the United States, Seoul's Foreign "
                    "Ministry said Friday.", day=dt.date(2024, 10, 4))
    assert ("deal_announced", "2026", None) not in found


def test_a_round_counted_for_a_person_is_not_the_talks_round() -> None:
    x = extract(LEAD + "Negotiators ended two days of talks in Honolulu on Thursday. It was the "
                "first round for Seoul's new chief negotiator, Jeong Eun-bo.",
                report_date=dt.date(2019, 10, 24))
    assert [e.round for e in x.events] == [None]


def test_negotiators_who_met_in_a_numbered_round() -> None:
    assert _rounds_of("Chief negotiators Jeong Eun-bo and James DeHart last met in person in Los "
                      "Angeles in March, in the seventh round of talks.") == {
        ("round_concluded", "2020-03", "Los Angeles", 7)}


def _rounds_of(text: str) -> set[tuple[str, str | None, str | None, int | None]]:
    x = extract(LEAD + text, report_date=dt.date(2020, 4, 21))
    return {(e.kind, e.when.date if e.when else None, e.place, e.round) for e in x.events}


def test_an_acronym_speaks_under_the_name_the_report_spells_out() -> None:
    assert _speakers("About 4,000 Korean employees of U.S. Forces Korea were placed on unpaid "
                     "leave. \"This is a sad day for us,\" USFK said.") == {"U.S. Forces Korea"}


def test_a_notice_given_is_a_statement() -> None:
    assert _speakers("U.S. Forces Korea has notified its Korean workers that many of them could "
                     "be placed on unpaid leave.") == {"U.S. Forces Korea"}


def test_a_person_s_post_at_a_seat_of_government_is_no_meeting_place() -> None:
    places = {p for _, _, p in _events("He faced James DeHart, a senior adviser at the State "
                                       "Department, who has led the U.S. side since the talks "
                                       "began.")}
    assert "Washington" not in places


def test_a_round_expected_to_take_place_is_scheduled() -> None:
    assert ("talks_scheduled", "2019-12", "Washington") in _events(
        "The fourth round is expected to take place in Washington next month, the ministry "
        "said.", day=dt.date(2019, 11, 19))


def test_an_expiry_told_of_it_or_in_turn() -> None:
    assert ("deadline", "2025-12-31", None) in _events(
        "The current agreement was signed in 2021. It runs for six years and expires at the end "
        "of 2025.", day=dt.date(2024, 4, 23))
    assert ("deadline", "2019-12-31", None) in _events(
        "The new agreement will in turn expire at the end of this year.",
        day=dt.date(2019, 2, 10))


def test_the_talks_beginning_as_a_time_without_a_date_is_no_event() -> None:
    assert _events("He faced James DeHart, who has led the U.S. side since the talks began.") \
        == set()
    assert ("talks_opened", "2019-09", None) in _events(
        "Washington put $4.7 billion a year on the table when the talks began in September.",
        day=dt.date(2019, 11, 19))


def test_a_deal_the_two_governments_actually_reached() -> None:
    assert ("deal_announced", "2024-10-04", None) in _events(
        "The figure bears no relation to the agreement the two governments actually reached on "
        "Oct. 4.", day=dt.date(2024, 10, 17))


def test_an_increase_agreed_by_the_defence_chiefs() -> None:
    assert ("deal_announced", "1995-11-02", None) in _events(
        "The fixed annual increase was agreed by the two countries' defence chiefs at their "
        "annual meeting on November 2-3.", day=dt.date(1995, 11, 24))


def test_a_round_that_would_be_held_is_scheduled() -> None:
    assert ("talks_scheduled", "2019-11", "Seoul") in _events(
        "A ministry official said the third round would be held in Seoul next month.",
        day=dt.date(2019, 10, 25))


def test_a_date_in_a_relative_clause_is_that_clause_s() -> None:
    assert ("deal_rejected", None, None) in _events(
        "The agreement was delayed after Donald Trump had refused a 13 percent increase that "
        "Seoul offered in the spring of 2020.")


def test_an_attribution_between_commas_in_the_middle() -> None:
    assert _speakers("Washington has asked for about $4 billion a year, South Korean media have "
                     "reported, down from an earlier demand.") == {"South Korean media"}


def test_a_spokesperson_somewhere_and_one_negotiator() -> None:
    assert _speakers("\"The target is credible,\" a spokesperson in Madrid said.") == {
        "a spokesperson in Madrid"}
    assert _speakers("\"We are still far apart,\" said one South Korean negotiator, speaking on "
                     "condition of anonymity.") == {"one South Korean negotiator"}


def test_described_as_and_a_government_in_a_relative_clause() -> None:
    assert _speakers("Poland said the new goal validated its course, while a senior alliance "
                     "diplomat described the agreement as \"the moment Europe decided to pay\".") \
        == {"Poland", "a senior alliance diplomat"}
    assert _speakers("Spain secured an arrangement on spending, a position the Spanish "
                     "government said it had made clear before the summit.") == {
        "Spanish government"}


def test_has_since_said_and_has_begun_notifying() -> None:
    assert _speakers("Seoul's foreign ministry has since said that 13 percent is as far as it "
                     "can go.") == {"Seoul's foreign ministry"}
    assert _speakers("U.S. Forces Korea has begun notifying its roughly 9,000 Korean employees "
                     "that they could be furloughed.") == {"U.S. Forces Korea"}


def test_a_deal_in_principle_reached_before_the_signing() -> None:
    found = _events("The two allies signed the agreement in April after reaching a deal in "
                    "principle in Washington in March.", day=dt.date(2021, 8, 31))
    assert ("deal_announced", "2021-03", "Washington") in found
    assert {k for k, _, _ in found} == {"deal_signed", "deal_announced"}


def _amounts(text: str) -> set[object]:
    return found_sets(extract(LEAD + text, report_date=DAY))["amount"]


def test_a_restatement_in_another_currency_is_a_conversion() -> None:
    assert _amounts("Under the new deal, South Korea will pay 1.5192 trillion won, or about 1.1 "
                    "billion U.S. dollars, in 2026.") == {(1519e9, "KRW")}


def test_a_threshold_gone_over_and_a_purchase_are_no_positions() -> None:
    assert _amounts("It is the first time the figure has gone over 1 trillion won.") == set()
    assert _amounts("Seoul will provide $33 billion in support, and it will buy $25 billion of "
                    "American weapons by 2030.") == {(33e9, "USD")}


def test_a_meeting_resumed_or_under_way_as_a_time_is_no_opening() -> None:
    for sentence in ("The two-day session had been scheduled to run through the afternoon, but "
                     "the American delegation left shortly after the meeting resumed in the "
                     "morning.",
                     "The American side left shortly after the morning meeting got under way, "
                     "according to officials."):
        assert "talks_opened" not in {k for k, _, _ in _events(sentence)}


def test_a_benchmark_the_allies_turned_into_a_pledge_at_a_summit() -> None:
    x = extract("NATO allies have argued for years over burden sharing and the cost of U.S. "
                "forces in Europe. The target replaces the informal benchmark of two percent of "
                "GDP, which allies turned into a formal Defence Investment Pledge at their summit "
                "in Wales in September 2014.", report_date=dt.date(2025, 6, 26))
    assert {(e.kind, e.when.date if e.when else None, e.place) for e in x.events} == {
        ("deal_announced", "2014-09", "Wales")}


def test_a_country_with_an_apposition_before_its_verb() -> None:
    assert _speakers("Spain, one of the lowest spenders in the alliance, said it would meet its "
                     "commitments with core spending of around 2.1 percent.") == {"Spain"}


def test_written_conveyed_and_the_author_of_a_memoir() -> None:
    assert _speakers("John Bolton, Trump's former national security adviser, has written that "
                     "Trump wanted Tokyo to pay 8 billion dollars a year.") == {"John Bolton"}
    assert _speakers("In July 2019, his national security adviser, John Bolton, conveyed to "
                     "Tokyo that the president wanted Japan to pay more.") == {"John Bolton"}
    assert _speakers("John Bolton's memoir confirms what negotiators long suspected: the "
                     "president wanted South Korea to pay $5 billion a year.") == {"John Bolton"}


def test_according_to_inside_a_clause() -> None:
    assert _speakers("Talks stalled under President Donald Trump, who according to former "
                     "national security adviser John Bolton wanted Japan to pay about $8 billion "
                     "a year.") == {"John Bolton"}


def test_a_subordinate_clause_s_subject_and_a_participle_after_a_time() -> None:
    assert "Donald Trump" in _speakers(
        "When Donald Trump, then a candidate, declared in October that Korea \"would be paying "
        "$10 billion a year\", officials shrugged.")
    assert _speakers("That same month, former President Donald Trump rejected a working-level "
                     "deal for a 13 percent increase, calling it too low.") == {"Donald Trump"}
    assert _speakers("In April, then-President Trump rejected a South Korean offer, insisting "
                     "that Seoul pay far more.") == {"Trump"}


def test_the_years_a_deal_covered_after_its_total_and_from_the_year_it_took_effect() -> None:
    assert _periods("The previous five-year deal, worth about 946.5 billion yen, covered fiscal "
                    "2016 to 2020.", day=dt.date(2021, 12, 21)) == {
        (946.5e9, "JPY", "total", (2016, 2020))}
    assert _periods("Under the existing five-year agreement, which took effect in fiscal 2016, "
                    "Japan's share of the costs totaled some 946.5 billion yen.",
                    day=dt.date(2020, 11, 1)) == {(946.5e9, "JPY", "total", (2016, 2020))}


def test_an_amount_kept_at_an_earlier_year_s_level_is_the_kept_year_s() -> None:
    assert _periods("The payment for 2020, when talks were deadlocked, is kept at the 2019 level "
                    "of 1.0389 trillion won.", day=dt.date(2021, 3, 10)) == {
        (1039e9, "KRW", "year", (2020, 2020))}


def test_a_deal_at_a_numbered_round_tells_that_round_held() -> None:
    assert _rounds_of("The two sides reached the tentative deal on Tuesday at the fifth round of "
                      "high-level talks in Seoul.") == {
        ("deal_announced", "2020-04-21", "Seoul", 5),
        ("round_concluded", "2020-04-21", "Seoul", 5)}


def test_sides_that_agreed_to_keep_negotiating_have_talks_scheduled() -> None:
    kinds = {k for k, _, _ in _events("Seoul's foreign ministry said the two sides agreed to keep "
                                      "negotiating, without setting a date for the next "
                                      "meeting.")}
    assert "talks_scheduled" in kinds


def test_a_second_act_of_the_same_subject_has_its_own_relation_and_date() -> None:
    x = extract(LEAD + "Former President Donald Trump had pressed Seoul to pay as much as $5 "
                "billion a year and in April 2020 turned down a South Korean offer of a 13% "
                "increase.", report_date=dt.date(2024, 11, 4))
    assert found_sets(x)["period"] == {(5e9, "USD", "year", None)}
    assert found_sets(x)["relation"] == {1.13}


def test_talks_frozen_are_no_freeze_of_a_payment() -> None:
    assert _relations("The talks had been frozen for months.") == set()


def test_the_same_amount_as_a_year_before_is_a_freeze_for_the_year_said_first() -> None:
    x = extract(LEAD + "For 2020, the year the negotiations were deadlocked, Seoul will pay "
                "1.0389 trillion won, the same amount as in 2019.", report_date=DAY)
    assert found_sets(x)["period"] == {(1039e9, "KRW", "year", (2020, 2020))}
    assert found_sets(x)["relation"] == {1.0}


def test_a_year_after_an_ellipsis_and_down_from_is_the_base_s() -> None:
    assert _periods("Washington is now asking for around four billion dollars a year... down "
                    "from the figure it put on the table last year.", day=DAY) == {
        (4e9, "USD", "year", None)}


def test_began_negotiating_announced_it_and_it_was_signed() -> None:
    found = _events("Seoul and Washington began negotiating the deal in April, months earlier "
                    "than usual, and announced it in early October after eight rounds of talks. "
                    "It was signed on Nov. 4.", day=dt.date(2024, 11, 28))
    assert found == {("talks_opened", "2024-04", None), ("deal_announced", "2024-10", None),
                     ("deal_signed", "2024-11-04", None)}


def test_he_after_a_sentence_naming_another_person_is_that_person() -> None:
    assert _speakers("\"The proposals were not responsive,\" James DeHart told reporters. His "
                     "Korean counterpart, Jeong Eun-bo, held his own briefing shortly after. He "
                     "said Seoul's position was unchanged.") == {"James DeHart", "Jeong Eun-bo"}


def test_the_ruling_party_speaks_as_a_group() -> None:
    assert _speakers("Some opposition lawmakers said the deal would lock in steep rises, while "
                     "the ruling party said it restored stability.") == {
        "Some opposition lawmakers", "ruling party"}


def test_a_relative_clause_s_perfect_does_not_date_an_event_told_with_had() -> None:
    assert ("deal_rejected", None, None) in _events(
        "Donald Trump said he had turned down a South Korean offer to pay more, deepening a "
        "dispute that has already left thousands of Korean base workers without pay.",
        day=dt.date(2020, 4, 21))


def test_a_stopgap_expiring_the_end_of_next_march_and_a_deal_left_to_run_out() -> None:
    day = dt.date(2021, 12, 21)
    assert ("deadline", "2022-03-31", None) in _events(
        "The government will seek Diet approval before the current agreement expires at the "
        "end of next March.", day=day)
    assert ("deadline", "2022-03-31", None) in _events("That stopgap expires on March 31.",
                                                       day=day)
    assert ("deadline", "2019-12-31", None) in _events(
        "The talks ended without an agreement, leaving the 10th Special Measures Agreement to "
        "run out on Dec. 31.", day=dt.date(2019, 12, 18))


def test_a_city_where_people_are_posted_or_an_opinion_is_held_is_no_event_place() -> None:
    assert ("deal_signed", "2021-04-08", None) in _events(
        "The deal was signed on April 8 by Choi Jong-kun and Robert Rapson, the U.S. charge "
        "d'affaires in Seoul.", day=dt.date(2021, 9, 1))
    assert ("deal_announced", "2024-10-04", None) in _events(
        "The agreement, reached on Oct. 4, is widely seen in Seoul as an attempt to lock in "
        "terms.", day=dt.date(2024, 10, 10))
    # (lawmakers vote where they sit)
    assert ("ratification_vote", "2024-11-28", "Seoul") in _events(
        "Lawmakers in Seoul on Thursday approved the agreement.", day=dt.date(2024, 11, 28))


def test_he_after_a_quote_is_the_person_the_sentence_before_names_by_surname() -> None:
    x = extract(LEAD + "Bolton writes that Donald Trump wanted South Korea to pay $5 billion a "
                "year. John Bolton was then national security adviser. That same month, Trump "
                "turned down a deal. \"I rejected it,\" he said.", report_date=DAY)
    said = [s for s in x.statements if s.text == "I rejected it"]
    assert [s.speaker for s in said] == ["Donald Trump"]


def test_negotiators_announcing_that_they_agreed_is_an_event_not_a_statement() -> None:
    assert _speakers("Negotiators from the two countries announced on Oct. 4 that they had "
                     "agreed on a 12th Special Measures Agreement.") == set()


def test_a_round_numbered_in_the_next_sentence_by_the_round_it_followed() -> None:
    x = extract(LEAD + "Negotiators ended two days of talks in Washington on Wednesday without an "
                "agreement. The sixth round of negotiations on a new Special Measures Agreement "
                "followed a fifth round held in Seoul last month.",
                report_date=dt.date(2020, 1, 15))
    assert {(e.kind, e.when.date if e.when else None, e.place, e.round) for e in x.events} == {
        ("round_concluded", "2020-01-15", "Washington", 6),
        ("round_concluded", "2019-12", "Seoul", 5)}


def test_a_group_in_a_relative_clause_described_it_as() -> None:
    assert _speakers("The two sides settled on 333 million dollars, a 6 percent increase that "
                     "officials described as modest.") == {"officials"}


def test_negotiators_describe_argue_and_an_official_s_participle() -> None:
    assert _speakers("Seoul has offered a 13 percent rise, which Seoul's negotiators describe as "
                     "the best they can offer.") == {"Seoul's negotiators"}
    assert _speakers("Seoul's negotiators argue that tying the rises to the defense budget keeps "
                     "future bills predictable.") == {"Seoul's negotiators"}
    assert _speakers("A Foreign Ministry official welcomed the vote, saying it would \"remove "
                     "uncertainty\" for Korean employees.") == {"A Foreign Ministry official"}
