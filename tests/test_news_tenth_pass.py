"""The tenth pass's general rules, each with a known result (sentences invented for the test,
not cited as facts)."""

from __future__ import annotations

import datetime as dt

from burdenshare.news import extract

DAY = dt.date(2021, 3, 10)
LEAD = ("South Korea and the United States are negotiating how to share the cost of stationing "
        "U.S. troops in Korea. ")


def _rounds(text: str) -> list[tuple[str, int | None]]:
    return [(e.kind, e.round) for e in extract(LEAD + text, report_date=DAY).events]


def test_an_ordinal_of_another_thing_does_not_hide_the_round_after_it() -> None:
    text = ("It was the first face-to-face meeting under President Biden's administration; the "
            "eighth round, on Feb. 5, was held by video link.")
    assert _rounds(text) == [("round_concluded", 8)]


def test_a_round_counted_overall_after_its_clause() -> None:
    text = ("The three-day meeting was the second under President Joe Biden, following a round "
            "held by videoconference last month, the eighth overall.")
    assert _rounds(text) == [("round_concluded", 8)]


def test_a_first_meeting_under_a_president_numbers_no_round() -> None:
    text = "The meeting in Washington was the first under President Biden's administration."
    assert all(r is None for _, r in _rounds(text))


def _speakers(text: str) -> list[str]:
    return [s.speaker for s in extract(LEAD + text, report_date=DAY).statements]


def test_officials_who_called_a_figure_unrealistic_made_a_statement() -> None:
    text = ("Korean officials have called that figure unrealistic, while U.S. officials have "
            "argued Seoul can afford more.")
    assert _speakers(text) == ["Korean officials", "U.S. officials"]


def test_the_object_may_come_before_called() -> None:
    text = ("Washington put a demand of $4.7 billion a year on the table -- a figure South "
            "Korean officials have privately called unrealistic.")
    assert _speakers(text) == ["South Korean officials"]


def test_talks_called_off_are_no_statement() -> None:
    assert _speakers("The fifth round was called off.") == []


def test_according_to_after_a_transcript_turn() -> None:
    text = ("REPORTER: According to a government official here, the United States has lowered "
            "its demand to about 1.3 billion dollars a year.")
    assert _speakers(text) == ["a government official"]


def test_a_ministry_official_in_a_city_is_the_ministry_official() -> None:
    text = "A senior foreign ministry official in Seoul said the position was unchanged."
    assert _speakers(text) == ["A senior foreign ministry official"]
    assert _speakers("Officials in Seoul said the position was unchanged.") == [
        "Officials in Seoul"]


def _events(text: str) -> list[tuple[str, str | None, str | None, int | None]]:
    x = extract(LEAD + text, report_date=DAY)
    return [(e.kind, e.when.date if e.when else None, e.place, e.round) for e in x.events]


def test_a_participle_ends_a_round() -> None:
    text = ("The allies again failed to agree on how much Seoul should pay, ending a fifth round "
            "of negotiations in Seoul on Wednesday.")
    assert ("round_concluded", "2021-03-10", "Seoul", 5) in _events(text)


def test_ending_months_of_wrangling_ends_no_round() -> None:
    text = ("The allies on Sunday initialed a new cost-sharing deal, ending months of wrangling "
            "that had strained the alliance.")
    assert [k for k, *_ in _events(text)] == ["deal_signed"]


def test_a_round_ending_in_an_absolute_clause() -> None:
    text = ("The allies failed once again to strike a new deal, with the sixth round of "
            "negotiations in Washington ending on Jan. 15 without a breakthrough.")
    assert _events(text) == [("round_concluded", "2021-01-15", "Washington", 6)]


def test_a_round_held_in_a_reduced_relative_clause() -> None:
    text = ("James DeHart led the U.S. delegation at the opening round held at a think tank in "
            "Seoul on Sept. 24-25, 2019.")
    assert _events(text) == [("round_concluded", "2019-09-24", "Seoul", 1)]
    assert extract(LEAD + text, report_date=DAY).events[0].when.end_date == "2019-09-25"


def test_a_round_conducted_by_video() -> None:
    text = "The eighth round of negotiations was conducted by video conference on Friday."
    assert [(k, r) for k, _, _, r in _events(text)] == [("round_concluded", 8)]


def test_the_first_since_an_event_numbers_no_round() -> None:
    text = ("The two-day meeting was the first since the 10th Special Measures Agreement "
            "expired on Dec. 31, 2019.")
    assert all(r is None for *_, r in _events(text))
    text = ("The allies on Friday held their first round of talks on the cost of U.S. troops "
            "since President Joe Biden took office.")
    assert all(r is None for *_, r in _events(text))


def test_a_round_being_held_opens_on_the_report_day_not_on_its_last_day() -> None:
    text = "The first round of talks is being held in Honolulu through Thursday."
    assert _events(text) == [("talks_opened", "2021-03-10", "Honolulu", 1)]


def test_a_time_in_another_clause_is_not_the_deadline() -> None:
    text = ("Negotiators met on Wednesday with the current deal due to expire in less than two "
            "weeks.")
    assert ("deadline", None, None, None) in _events(text)
    assert _events("On Dec. 31, the agreement expires.") == [
        ("deadline", "2021-12-31", None, None)]


def _positions(text: str) -> list[tuple[float | None, str | None, str | None, object, float | None]]:
    x = extract(LEAD + text, report_date=DAY)
    return [(p.amount, p.currency, p.period, p.years, p.factor) for p in x.positions]


def test_a_clause_headed_by_its_year_with_it_as_the_payment() -> None:
    text = ("Seoul's contribution for 2020 is frozen at 1.0389 trillion won; for 2021 it rises "
            "by 13.9 percent to 1.1833 trillion won.")
    assert _positions(text) == [
        (1038900000000.0, "KRW", "year", (2020, 2020), 1.0),
        (1183300000000.0, "KRW", "year", (2021, 2021), 1.139),
    ]


def test_a_broadcast_figure_with_a_comma_between_trillion_and_billion() -> None:
    text = "The deal raises this year's payment by 13.9 percent, to one trillion, 183.3 billion won."
    assert [p[:2] for p in _positions(text)] == [(1183300000000.0, "KRW")]


def test_a_round_counted_since_the_talks_began_is_two_events() -> None:
    text = ("Negotiators ended two days of talks in Washington on Wednesday. It was the fourth "
            "round since the talks began in September on a new Special Measures Agreement. A "
            "fifth round is planned in Seoul later this month.")
    assert _events(text) == [("round_concluded", "2021-03-10", "Washington", 4),
                             ("talks_opened", "2020-09", None, None),
                             ("talks_scheduled", "2021-03", "Seoul", 5)]


def _report(text: str, day: dt.date) -> list[tuple[str, str | None]]:
    return [(e.kind, e.when.date if e.when else None) for e in extract(text, report_date=day).events]


def test_a_deal_said_on_a_weekday_is_the_one_hammered_out_the_day_before() -> None:
    text = ("SEOUL, March 8 (Yonhap) -- South Korea and the United States have reached an "
            "agreement in principle on sharing the cost of stationing American troops here, "
            "the foreign ministry said Monday.\n\nThe agreement was hammered out on March 7, "
            "the last day of the ninth round of negotiations held in Washington.")
    kinds = _report(text, dt.date(2021, 3, 8))
    assert [k for k in kinds if k[0] == "deal_announced"] == [("deal_announced", "2021-03-07")]


def test_a_vote_told_on_two_weekdays_is_dated_by_the_earlier() -> None:
    text = ("SEOUL, Sept 1 (Reuters) - South Korea's National Assembly has approved a six-year "
            "agreement on sharing the cost of U.S. troops, the foreign ministry said on "
            "Wednesday.\n\nLawmakers passed the Special Measures Agreement on Tuesday by 133 "
            "votes to 11.")
    assert _report(text, dt.date(2021, 9, 1)) == [("ratification_vote", "2021-08-31")]


def test_a_deal_is_not_dated_by_the_relative_clause_on_its_round() -> None:
    text = ("The deal was struck at the end of the ninth round of negotiations, which began "
            "here Friday.")
    assert ("deal_announced", "2021-03-05") not in _events(text)


def test_a_factbox_lead_ending_in_a_colon_names_its_source() -> None:
    text = ("Key terms of the 11th Special Measures Agreement, agreed in principle on March 7, "
            "according to South Korea's foreign ministry:")
    assert _speakers(text) == ["South Korea's foreign ministry"]


def test_a_time_between_the_speaker_and_the_verb() -> None:
    assert _speakers("South Korea's foreign ministry on Wednesday said the deal was fair.") == [
        "South Korea's foreign ministry"]
    text = ("South Korea's foreign ministry on Wednesday released details of the new "
            "agreement.")
    assert _speakers(text) == ["South Korea's foreign ministry"]


def test_announcing_that_it_had_agreed_is_an_event_not_a_statement() -> None:
    text = ("South Korea on Friday announced that it had agreed with the United States to raise "
            "its contribution by 8.3 percent.")
    assert _speakers(text) == []


def _factbox(*lines: str) -> list[tuple[float | None, str | None, object]]:
    text = ("Key terms of the Special Measures Agreement on the cost of U.S. troops in Korea, "
            "which South Korea and the United States signed:\n\n" + "\n".join(lines))
    x = extract(text, report_date=DAY)
    return [(p.amount, p.period, p.years) for p in x.positions if p.amount]


def test_a_factbox_year_heading_with_the_base_year_after_the_amount() -> None:
    assert _factbox("* 2020: Seoul's contribution is frozen at 1.0389 trillion won, the same as "
                    "in 2019.") == [(1038900000000.0, "year", (2020, 2020))]


def test_a_factbox_year_heading_with_a_dash() -> None:
    assert _factbox("* 2021 - 1.1833 trillion won, a 13.9 percent rise.") == [
        (1183300000000.0, "year", (2021, 2021))]


def test_the_last_payment_year_told_before_the_amount() -> None:
    assert _factbox("* The deal froze the 2020 payment and raised the 2021 payment by 13.9% to "
                    "1.1833 trillion won.") == [(1183300000000.0, "year", (2021, 2021))]


def test_the_year_of_the_talks_is_not_the_amount_s() -> None:
    assert _factbox("- U.S. demands reportedly reached about $5 billion a year during talks in "
                    "2019.") == [(5000000000.0, "year", None)]


def test_signed_with_a_bare_date_after_it() -> None:
    text = ("The pact was announced Oct. 4 after eight rounds of negotiations and signed Nov. 4 "
            "by Foreign Minister Cho Tae-yul and U.S. Ambassador Philip Goldberg.")
    x = extract(LEAD + text, report_date=dt.date(2024, 11, 28))
    assert sorted((e.kind, e.when.date if e.when else None) for e in x.events) == [
        ("deal_announced", "2024-10-04"), ("deal_signed", "2024-11-04")]
    text = ("Under the deal, signed Nov. 4 by Foreign Minister Cho Tae-yul, South Korea will pay "
            "1.5192 trillion won in 2026.")
    x = extract(LEAD + text, report_date=dt.date(2024, 11, 28))
    assert [(e.kind, e.when.date if e.when else None) for e in x.events] == [
        ("deal_signed", "2024-11-04")]


def test_a_walkout_takes_the_day_of_the_halt_told_before_it() -> None:
    text = ("ANCHOR: Defense cost-sharing talks between Seoul and Washington came to an abrupt "
            "halt today. The U.S. delegation walked out of the third round of negotiations here "
            "in Seoul on its second day, after only about ninety minutes at the table.")
    x = extract(text, report_date=dt.date(2019, 11, 19))
    assert sorted((e.kind, e.when.date if e.when else None, e.round) for e in x.events) == [
        ("round_concluded", "2019-11-19", 3), ("talks_broken_off", "2019-11-19", 3)]


def test_a_headline_s_region_or_short_form_is_the_body_s_city() -> None:
    from burdenshare.news.places import canonical_place, same_place
    assert canonical_place("LA") == "Los Angeles"
    assert same_place("Hawaii", "Honolulu") and not same_place("Hawaii", "Seoul")
    text = ("S. Korea, U.S. end second round of defense cost talks in Hawaii\n\n"
            "HONOLULU, Oct. 24 (Yonhap) -- South Korea and the United States wrapped up their "
            "second round of negotiations here Thursday on how much Seoul should contribute to "
            "the upkeep of American troops.")
    x = extract(text)
    assert [(e.kind, e.place, e.round) for e in x.events] == [
        ("round_concluded", "Honolulu", 2)]


def test_a_participle_of_declaring_after_a_leading_time_and_an_aside() -> None:
    text = ("On Tuesday Donald Trump, campaigning for a return to the White House, turned his "
            "attention to South Korea, declaring that Seoul \"would be paying $10 billion a "
            "year\" for the American troops on its soil.")
    assert _speakers(text) == ["Donald Trump"]
    assert _speakers("On Tuesday, Trump said Seoul would pay more.") == ["Trump"]


def test_a_past_round_as_the_point_since_which() -> None:
    text = "Negotiators have not met face-to-face since their seventh round in Los Angeles in March."
    assert _events(text) == [("round_concluded", "2021-03", "Los Angeles", 7)]


def test_a_round_to_be_held() -> None:
    assert _events("The second round is to be held in Seoul in May.") == [
        ("talks_scheduled", "2021-05", "Seoul", 2)]


def test_a_round_held_by_video_in_apposition() -> None:
    text = "An eighth round, held by video link on February 5, had failed to produce a breakthrough."
    assert [(k, d, r) for k, d, _, r in _events(text)] == [("round_concluded", "2021-02-05", 8)]


def test_a_relative_clause_on_the_round_s_opening_after_its_place() -> None:
    text = ("The breakthrough came on Sunday at the end of a ninth round of negotiations in "
            "Washington that began on Friday.")
    assert ("talks_opened", "2021-03-05", "Washington", 9) in _events(text)
    text = "The three-day session in Honolulu, which began Tuesday, was led by Lee Tae-woo."
    assert ("talks_opened", "2021-03-09", "Honolulu", None) in _events(text)


def test_a_deal_told_by_it_with_its_date() -> None:
    text = ("The 12th Special Measures Agreement was signed by Foreign Minister Cho Tae-yul. It "
            "was announced on Oct. 4 after eight rounds of negotiations.")
    assert ("deal_announced", "2020-10-04", None, None) in _events(text)


def test_a_deal_that_two_named_countries_announced() -> None:
    text = "The figure bears no relation to the accord that Seoul and Washington announced on 4 October."
    assert _events(text) == [("deal_announced", "2020-10-04", None, None)]


def test_agreed_a_deal_as_british_papers_write_it() -> None:
    text = "On 4 October, the negotiators had agreed a new five-year cost-sharing deal."
    assert _events(text) == [("deal_announced", "2020-10-04", None, None)]


def test_a_factbox_of_rounds_with_dates_before_the_city() -> None:
    text = ("Key facts on the cost-sharing talks on U.S. troops in Korea:\n\n"
            "THE ROUNDS\n* Round 1: April 23-25, Honolulu\n* Round 2: May 21-23, Seoul\n\n"
            "THE DEAL\n* Announced on Oct. 4 after eight rounds.")
    x = extract(text, report_date=dt.date(2024, 11, 4))
    assert [(e.kind, e.when.date if e.when else None, e.place, e.round) for e in x.events] == [
        ("round_concluded", "2024-04-23", "Honolulu", 1),
        ("round_concluded", "2024-05-21", "Seoul", 2),
        ("deal_announced", "2024-10-04", None, None)]


def test_a_rejection_told_of_the_offer_in_a_passive_or_a_relative_clause() -> None:
    assert [k for k, *_ in _events(
        "A 13 percent rise that Seoul offered had been rejected by President Donald Trump.")] == [
        "deal_rejected"]
    text = ("The deal, which had been approved at the ministerial level, was turned down by "
            "President Donald Trump in April.")
    assert _events(text) == [("deal_rejected", "2020-04", None, None)]
    text = ("South Korea's best offer so far has been a 13 percent increase, which President "
            "Donald Trump rejected in April.")
    assert _events(text) == [("deal_rejected", "2020-04", None, None)]


def test_a_perfect_before_the_date_looks_back_whatever_the_clause_after_says() -> None:
    text = ("The offer reflected a tentative agreement that working-level negotiators had "
            "reached in late March, under which Seoul would have paid 13 percent more than it "
            "did last year.")
    x = extract(LEAD + text, report_date=dt.date(2020, 4, 21))
    assert [(e.kind, e.when.date if e.when else None) for e in x.events] == [
        ("deal_announced", "2020-03")]


def test_signed_after_the_acronym_in_brackets() -> None:
    text = "The current 10th Special Measures Agreement (SMA), signed in March, covers this year."
    assert _events(text) == [("deal_signed", "2021-03", None, None)]


def test_a_deal_if_none_was_reached_is_no_deal() -> None:
    text = ("U.S. Forces Korea warned that its Korean employees could be furloughed if no deal "
            "was reached.")
    assert _events(text) == []


def test_a_round_opened_and_closed_on_days_of_their_own_is_two_events() -> None:
    text = ("The first round of talks opened in Honolulu on April 23 and closed on April 25, "
            "the foreign ministry said Friday.")
    assert _events(text) == [("talks_opened", "2020-04-23", "Honolulu", 1),
                             ("round_concluded", "2020-04-25", "Honolulu", 1)]


def test_rounds_of_talks_since_a_month_date_the_opening() -> None:
    text = ("The agreement was announced on Oct. 4 after eight rounds of talks since April.")
    assert sorted(_events(text)) == [("deal_announced", "2020-10-04", None, None),
                                     ("talks_opened", "2020-04", None, None)]


def test_a_transcript_turn_labelled_with_name_and_office() -> None:
    text = ("The U.S. team was led by James DeHart.\n\nJAMES DEHART, U.S. NEGOTIATOR: "
            "\"Unfortunately the proposals were not responsive.\"")
    assert _speakers(text) == ["James DeHart"]
    text = ("It was signed by Foreign Minister Kang Kyung-wha.\n\nKANG KYUNG-WHA, FOREIGN "
            "MINISTER: \"This agreement reaffirms the strength of our alliance.\"")
    assert _speakers(text) == ["Kang Kyung-wha"]


def test_a_relative_clause_after_the_speaker_describes_them() -> None:
    text = ("\"Now it is the floor,\" said a European diplomat who took part in the talks, "
            "speaking on condition of anonymity.")
    assert _speakers(text) == ["a European diplomat"]
    assert _speakers("Officials who asked not to be named said the gap remained.") == [
        "Officials"]


def test_a_stance_unchanged_with_an_aside_is_no_freeze() -> None:
    assert _positions("Seoul's position, he said, is unchanged: any increase must be "
                      "reasonable.") == []


def test_raised_by_a_percentage_after_a_long_object() -> None:
    text = ("The deal raises Seoul's contribution to the upkeep of 28,500 US troops stationed in "
            "the country by 5.8 percent this year.")
    assert [p[4] for p in _positions(text)] == [1.058]


def test_a_year_s_possessive_stands_for_its_payment() -> None:
    text = ("The deal freezes the 2020 payment and raises 2021's by 13.9 per cent, to 1.1833 "
            "trillion won.")
    assert _positions(text)[0] == (1183300000000.0, "KRW", "year", (2021, 2021), 1.139)


def test_a_gapped_coordination_shares_the_period() -> None:
    text = ("President Trump wanted Japan to pay $8 billion a year and South Korea $5 billion, "
            "according to the memoir.")
    assert [(a, per) for a, per, _ in _factbox(text)] == [
        (8000000000.0, "year"), (5000000000.0, "year")]


def test_a_deal_told_as_news_is_the_one_dated_days_before() -> None:
    text = ("SEOUL, March 10, 2021 (Yonhap) -- South Korea and the United States have agreed on a "
            "new Special Measures Agreement on the cost of U.S. troops in Korea.\n\n"
            "The deal was reached on March 7 in Washington at the end of the ninth round.")
    x = extract(text)
    deals = [(e.when.date if e.when else None, e.place) for e in x.events
             if e.kind == "deal_announced"]
    assert deals == [("2021-03-07", "Washington")]


def test_the_expiry_of_the_previous_agreement_is_its_own_event() -> None:
    text = ("The deal came after 10 rounds of negotiations, which dragged on past the expiry of "
            "the previous five-year agreement at the end of 2013.")
    assert ("deadline_passed", "2013-12-31", None, None) in _events(text)
    assert ("deal_announced", "2013-12-31", None, None) not in _events(text)


def test_a_labelled_factbox_item_with_no_subject() -> None:
    text = ("Key terms of the cost-sharing deal on U.S. troops in Korea, according to South "
            "Korea's foreign ministry:\n\n* AGREEMENT: Reached in principle on March 7 at the end "
            "of the ninth round of talks, held in Washington.")
    x = extract(text, report_date=DAY)
    assert ("deal_announced", "2021-03-07") in [(e.kind, e.when.date if e.when else None)
                                                 for e in x.events]


def test_a_programme_heading_is_no_dateline() -> None:
    from burdenshare.news.dates import dateline_city
    assert dateline_city("EVENING NEWS - TRANSCRIPT\n\nANCHOR: The talks ended.") is None
    assert dateline_city("THE HAGUE - NATO leaders agreed on Wednesday.") == "The Hague"


def test_a_session_that_began_is_a_time_not_an_opening() -> None:
    text = ("The American delegation walked out on Tuesday, cutting short the third round of "
            "talks in Seoul roughly 90 minutes after the day's session began.")
    assert "talks_opened" not in [k for k, *_ in _events(text)]


def test_a_deal_that_ends_a_negotiation_ends_no_round() -> None:
    assert _events("The accord ends a negotiation that had grown tense under Donald Trump.") == []


def test_a_bar_set_at_a_percentage_is_no_change() -> None:
    assert _positions("The Hague sets a new bar for allied defence spending: five per cent.") == []


def test_forces_as_a_verb_is_no_forces_cue() -> None:
    text = ("TOKYO, Dec. 18 Kyodo - Japan and South Korea ended another round of fisheries talks "
            "in Tokyo on Wednesday without reaching a deal, officials said.\n\nFishermen's groups "
            "have complained that the stalemate forces them to operate in narrower waters at "
            "higher fuel costs.")
    assert extract(text).negotiation is None


def test_a_headline_s_floor_folds_into_the_body_s_figure() -> None:
    text = ("Japan, U.S. agree on over 1 tril. yen host-nation support for 5 years\n\n"
            "TOKYO, Dec. 21, 2021 Kyodo - Japan and the United States on Tuesday agreed that "
            "Tokyo will pay a total of 1.0551 trillion yen over the five years from fiscal 2022 "
            "toward the cost of hosting U.S. forces.")
    x = extract(text)
    assert [p.amount for p in x.positions if p.amount] == [1055100000000.0]


def test_the_first_round_under_a_new_administration_numbers_no_round() -> None:
    text = ("The allies on Friday held their first round of talks on the cost of stationing "
            "American troops under the new Biden administration.")
    assert all(r is None for *_, r in _events(text))


def test_a_deal_concluded_after_rounds_ends_no_round() -> None:
    text = ("On 4 October the two governments announced a new five-year cost-sharing agreement, "
            "concluded after eight rounds of talks that began in April.")
    assert "round_concluded" not in [k for k, *_ in _events(text)]


def test_a_deal_announced_on_a_weekday_in_a_reduced_relative() -> None:
    text = ("South Korea will pay 1.5192 trillion won in 2026 under a new five-year Special "
            "Measures Agreement (SMA) announced Friday.")
    assert [(k, d) for k, d, _, _ in _events(text)] == [("deal_announced", "2021-03-05")]


def test_a_summit_ended_by_agreeing_and_a_meeting_to_come_back_together() -> None:
    text = ("NATO leaders ended their summit in The Hague on Wednesday by agreeing to spend 5 "
            "percent of gross domestic product on defence by 2035.")
    assert _events(text) == [("deal_announced", "2021-03-10", "The Hague", None)]
    text = "Allies will come back together in 2029 to review the trajectory."
    assert _events(text) == [("talks_scheduled", "2029", None, None)]


def test_plural_present_reporting_verbs_and_qualified_groups() -> None:
    assert _speakers("Critics warn that the new target will strain budgets.") == ["Critics"]
    # (named "officials" since the seventeenth pass, as 16 writers of 20 name them)
    assert _speakers("Officials on both sides have made clear they want to avoid a repeat of "
                     "2020.") == ["Officials"]
    assert _speakers("The assembly attached conditions to its consent, according to "
                     "parliamentary officials.") == ["parliamentary officials"]
    assert _speakers("According to U.S. officials, the gap remains.") == ["U.S. officials"]


def test_words_in_a_relative_clause_on_a_named_person() -> None:
    text = ("The talks have been shadowed by U.S. President Donald Trump, who tweeted in August "
            "that Seoul had \"agreed to pay more.\"")
    assert _speakers(text) == ["Donald Trump"]


def test_the_former_us_president_after_the_sentence_naming_him() -> None:
    text = ("Donald Trump has a gift for numbers that stick. Speaking on Oct. 15, the former "
            "U.S. president said South Korea \"would be paying $10 billion a year\".")
    assert _speakers(text) == ["Donald Trump"]


def test_a_soundbite_label_names_who_speaks() -> None:
    assert _speakers("SOUNDBITE (senior ministry official): \"We will not sign anything.\"") == [
        "senior ministry official"]


def test_the_place_of_the_opening_is_not_the_round_s() -> None:
    text = ("Negotiators ended three days of talks in Los Angeles on Thursday. It was the seventh "
            "round since the negotiations began in Seoul last September.")
    assert _events(text) == [("round_concluded", "2021-03-04", "Los Angeles", 7),
                             ("talks_opened", "2020-09", "Seoul", None)]


def test_coordinated_participles_in_a_factbox_item() -> None:
    text = ("- Agreed in principle in March 2021, signed on April 8, 2021, and ratified by the "
            "National Assembly on Aug. 31 that year.")
    assert sorted((k, d) for k, d, _, _ in _events(text)) == [
        ("deal_announced", "2021-03"), ("deal_signed", "2021-04-08"),
        ("ratification_vote", "2021-08-31")]


def test_approval_still_to_come_is_no_vote() -> None:
    assert "ratification_vote" not in [k for k, *_ in _events(
        "The agreement still needs to be signed and approved by South Korea's National "
        "Assembly.")]
    assert "ratification_vote" not in [k for k, *_ in _events(
        "Seoul's best protection is to get the agreement signed, ratified by the National "
        "Assembly and locked in before January.")]


def test_talks_opening_on_the_day_s_weekday_in_the_present() -> None:
    text = "South Korea and the United States open talks in Honolulu on Tuesday on the cost."
    assert _events(text) == [("talks_opened", "2021-03-09", "Honolulu", None)]
    assert [k for k, *_ in _events("The two sides will open talks on Tuesday.")] == [
        "talks_scheduled"]


def test_the_pentagon_speaks_under_the_department_s_name_the_report_gives() -> None:
    text = ("The U.S. Department of Defense has accepted Seoul's proposal to fund the wages of "
            "Korean workers. The money will be deducted from a later deal, the Pentagon said "
            "Tuesday.")
    assert _speakers(text) == ["U.S. Department of Defense"]
    assert _speakers("In a statement, the U.S. Department of Defense said it would use South "
                     "Korean funds.") == ["U.S. Department of Defense"]


def test_the_change_right_before_its_amount_whatever_cue_came_first() -> None:
    text = ("Under the deal, signed Nov. 4 by Foreign Minister Cho Tae-yul, Seoul's contribution "
            "will rise 8.3 percent to 1.5192 trillion won in 2026.")
    assert [p[4] for p in _positions(text)] == [1.083]


def test_an_apposition_restating_the_demand_by_its_change() -> None:
    text = ("The United States has asked South Korea to pay about $1.3 billion a year, diplomatic "
            "sources said Tuesday, a demand that amounts to a roughly 50 percent increase over "
            "what Seoul paid last year.")
    assert [p[4] for p in _positions(text)] == [1.5]


def test_power_changing_hands_in_a_city_is_no_meeting_place() -> None:
    from burdenshare.news.events import _place
    assert _place("They could not start talks due to the transition of power in Washington.") is None
    assert _place("The negotiators met in Washington.") == "Washington"


def test_a_vote_takes_no_place_from_the_dateline() -> None:
    text = ("WASHINGTON (AP) — South Korea's National Assembly on Thursday approved the "
            "agreement on sharing the cost of U.S. troops in Korea.")
    x = extract(text, report_date=dt.date(2024, 11, 28))
    assert [(e.kind, e.place) for e in x.events] == [("ratification_vote", None)]


def test_a_negotiation_cue_denied_is_no_cue() -> None:
    text = ("SEOUL (AP) - South Korean and U.S. troops began a combined field drill near the DMZ "
            "on Monday.\n\nMilitary officials said the costs of the training, including fuel, "
            "are covered by each army's own budget and are not part of any separate agreement.")
    assert extract(text, report_date=DAY).negotiation is None


def test_phrasal_verbs_that_tell_another_event() -> None:
    assert _events("Ministers in Seoul had signed off on the arrangement, those people said.") == []
    assert _events("The arrangement fell apart at the top of the U.S. administration.") == []
    assert [k for k, *_ in _events("NATO leaders on Wednesday signed off on a pledge to spend "
                                   "five percent of GDP on defence.")] == ["deal_announced"]


def test_a_yearly_named_meeting_is_no_round() -> None:
    text = ("The fixed annual increase was settled this month when the defence chiefs held their "
            "yearly Security Consultative Meeting.")
    assert "round_concluded" not in [k for k, *_ in _events(text)]


def test_a_courtesy_title_is_no_part_of_the_name() -> None:
    assert _speakers("On Tuesday, Mr Trump said that South Korea \"would be paying $10 billion "
                     "a year\".") == ["Trump"]


def test_a_spokesman_for_a_ministry() -> None:
    assert _speakers("A spokesman for South Korea's foreign ministry said the deal was fair.") == [
        "A spokesman for South Korea's foreign ministry"]


def test_the_department_of_defense_under_its_fullest_name() -> None:
    text = ("The U.S. Department of Defense has accepted Seoul's proposal. \"This allows our "
            "workforce to return,\" the Department of Defense said in a statement Tuesday.")
    assert _speakers(text) == ["U.S. Department of Defense"]


def test_an_arrangement_rejected() -> None:
    text = ("In April 2020 then-President Trump rejected a tentative arrangement under which "
            "Seoul would have raised its payment by 13 percent.")
    assert _events(text) == [("deal_rejected", "2020-04", None, None)]


def test_the_year_of_the_question_asked_is_not_the_round_s() -> None:
    text = ("The allies wrapped up their first round of negotiations on how to split the cost "
            "of the American troop presence here from next year on Wednesday.")
    assert _events(text) == [("round_concluded", "2021-03-10", None, 1)]


def test_a_factbox_bullet_before_the_speaker_and_an_aside_of_contrast() -> None:
    text = "Key terms:\n\n* Seoul's foreign ministry called the outcome \"reasonable and fair.\""
    assert _speakers(text) == ["Seoul's foreign ministry"]
    assert _speakers("Seoul's foreign ministry, by contrast, insisted the deal was balanced.") == [
        "Seoul's foreign ministry"]


def test_a_time_to_come_does_not_date_a_yearless_dateline() -> None:
    from burdenshare.news.dates import find_yearless_report_date
    text = ("TOKYO, Dec. 21 (Kyodo) -- Japan and the United States agreed Tuesday on host-nation "
            "support for fiscal 2022 through 2026.\n\nThe current arrangement expires at the end "
            "of March 2022.")
    assert find_yearless_report_date(text)[0] != dt.date(2022, 12, 21)
    text = ("SEOUL, Nov. 4 (Yonhap) -- The allies signed the deal on Monday.\n\nThey opened the "
            "talks in April 2024.")
    assert find_yearless_report_date(text)[0] == dt.date(2024, 11, 4)


def test_a_city_and_a_district_sharing_a_road_s_cost_is_another_bill() -> None:
    text = ("The city council approved next year's budget for widening a road along a former US "
            "Army compound.\n\nUnder a cost-sharing arrangement hammered out in negotiations this "
            "autumn, the city will cover most of the construction costs, while the district will "
            "pay for land compensation.")
    assert extract(text, report_date=DAY).negotiation is None


def test_the_chief_negotiator_is_the_one_person_who_speaks() -> None:
    text = ("South Korea and the United States ended their sixth round without a deal, Seoul's "
            "chief negotiator said.\n\n\"Differences remain,\" Jeong Eun-bo told reporters.")
    assert _speakers(text) == ["Jeong Eun-bo", "Jeong Eun-bo"]
    text = ("The round ended without a deal, Seoul's chief negotiator said.\n\n\"Differences "
            "remain,\" Jeong Eun-bo told reporters. \"We want more,\" James DeHart said.")
    assert "Seoul's chief negotiator" in _speakers(text)
