"""The twelfth pass's general rules, each with a known result (sentences invented for the
test, not cited as facts)."""

from __future__ import annotations

import datetime as dt

from burdenshare.news import extract
from burdenshare.news.topics import MONEY_CUE

DAY = dt.date(2021, 3, 10)
LEAD = ("South Korea and the United States are negotiating how to share the cost of stationing "
        "U.S. troops in Korea. ")


def _speakers(text: str) -> list[str]:
    return [s.speaker for s in extract(LEAD + text, report_date=DAY).statements]


def test_both_governments_announcing_a_deal_is_an_act_not_a_statement() -> None:
    assert _speakers("The two governments announced the terms on Oct. 4.") == []
    assert _speakers("* The two governments announced the terms on Oct. 4.") == []


def test_allies_pledging_is_a_commitment_not_a_statement() -> None:
    assert _speakers("Ten years ago, NATO members pledged to halt the decline in their defence "
                     "budgets.") == []
    assert _speakers("Both sides pledged to keep working toward an agreement.") == []


def test_one_side_announcing_is_still_a_statement() -> None:
    assert _speakers("Seoul's foreign ministry announced that the deal would run six years.") == [
        "Seoul's foreign ministry"]


def test_according_to_a_role_then_the_name_in_apposition_is_the_person() -> None:
    text = ("According to Seoul's chief negotiator, Jeong Eun-bo, the two sides narrowed some "
            "gaps but still differ on the overall figure.")
    assert _speakers(text) == ["Jeong Eun-bo"]


def test_a_military_drill_with_its_rounds_is_no_cost_sharing_talk() -> None:
    text = (
        "S. Korea, U.S. wrap up first phase of springtime combined drills\n\n"
        "SEOUL, March 10 (Yonhap) -- South Korean and U.S. troops on Wednesday wrapped up the "
        "first phase of their springtime combined exercise, a computer-simulated command post "
        "drill, military officials said.\n\n"
        "\"Both sides agreed that the first round of training went smoothly,\" a military "
        "official said.\n\n"
        "The allies have held the exercise without large-scale field maneuvers for years, "
        "drawing criticism from conservatives who argue that the cost of skipping outdoor "
        "training will be paid in combat readiness.")
    assert extract(text, report_date=DAY).negotiation is None


def test_shoulder_to_shoulder_is_no_paying() -> None:
    assert MONEY_CUE.search("Our soldiers and theirs trained shoulder to shoulder.") is None
    assert MONEY_CUE.search("Tokyo will shoulder 1.0551 trillion yen over five years.")



def test_a_date_told_before_the_subject_without_a_comma() -> None:
    text = ("Donald Trump likes to name a number first. On 15 October the former president "
            "declared that South Korea \"would be paying $10 billion a year\" for the troops.")
    assert _speakers(text) == ["Donald Trump"]
    assert _speakers("Donald Trump likes to name a number first. On Oct. 15 Trump declared "
                     "that South Korea would pay more.") == ["Donald Trump"]


def test_calling_a_thing_a_noun_phrase_is_a_statement() -> None:
    text = ("U.S. Ambassador Philip Goldberg signed the deal. Goldberg called the accord a "
            "reflection of \"a mature and confident alliance.\"")
    assert _speakers(text) == ["Philip Goldberg"]


def test_a_sound_bite_tag_before_a_name_in_capitals() -> None:
    text = ("REPORTER: Seoul's chief negotiator Jeong Eun-bo spoke to reporters.\n"
            "SOUND BITE -- JEONG EUN-BO, CHIEF NEGOTIATOR: \"We are trying to find a level "
            "that is reasonable and fair.\"")
    assert "Jeong Eun-bo" in _speakers(text)


def test_a_sound_bite_caption_then_the_quote() -> None:
    text = ("REPORTER: Seoul's chief negotiator Jeong Eun-bo came out to speak to reporters.\n"
            "[SOUND BITE - JEONG EUN-BO]\n"
            "\"We had a candid exchange. There is still distance between us.\"")
    assert _speakers(text) == ["Jeong Eun-bo"]


def test_a_concern_voiced_is_a_statement() -> None:
    text = ("Some lawmakers voiced concern over the size of the increases during the debate, "
            "while others said the deal was the best available.")
    assert _speakers(text)[:1] == ["Some lawmakers"]


def _events(text: str, day: dt.date = DAY) -> list[tuple[str, str | None, str | None]]:
    return [(e.kind, e.when.date if e.when else None, e.place)
            for e in extract(text, report_date=day).events]


NATO_DAY = dt.date(2025, 6, 26)


def test_allies_closing_a_summit_by_committing_to_spend() -> None:
    text = ("THE HAGUE -- NATO leaders closed their summit here on Wednesday by committing to "
            "spend 5% of GDP on defence and security by 2035, the biggest change to the "
            "alliance's burden-sharing rules in a decade.")
    assert _events(text, NATO_DAY) == [("deal_announced", "2025-06-25", "The Hague")]


def test_an_undated_pledge_at_another_summit_stays_beside_the_dated_one() -> None:
    text = ("THE HAGUE -- NATO leaders closed their summit here on Wednesday by committing to "
            "spend 5% of GDP on defence and security by 2035.\n\n"
            "The new bar dwarfs the old one. At Wales, allies promised to halt the decline in "
            "their budgets and move toward 2% within a decade.")
    assert ("deal_announced", None, "Wales") in _events(text, NATO_DAY)


def test_an_act_confirmed_now_is_dated_by_the_day_the_next_sentence_gives() -> None:
    text = ("U.S. President Donald Trump has publicly confirmed that he shot down a proposal "
            "under which South Korea would have raised its contribution to the upkeep of "
            "American troops by 13 percent.\n\n"
            "\"They've offered us a certain amount of money, and I rejected it,\" Trump told "
            "reporters at a White House briefing on April 20, local time.")
    assert _events(text, dt.date(2020, 4, 21)) == [("deal_rejected", "2020-04-20", None)]


def _lead_events(text: str, day: dt.date = DAY) -> list[tuple[str, str | None, str | None]]:
    return _events(LEAD + text, day)


def test_a_meeting_agreed_in_the_past_perfect_is_still_to_come() -> None:
    text = ("South Korea's foreign ministry said the two sides had agreed to continue "
            "negotiating in January.")
    assert _lead_events(text, dt.date(2019, 12, 18)) == [("talks_scheduled", "2020-01", None)]


def test_the_deal_itself_announced_and_a_deal_wrapped_up() -> None:
    day = dt.date(2024, 10, 16)
    assert _lead_events("The deal itself was announced in early October.", day) == [
        ("deal_announced", "2024-10", None)]
    assert _lead_events("On 4 October, Seoul and Washington had wrapped up a new five-year "
                        "cost-sharing agreement after eight rounds of talks.", day) == [
        ("deal_announced", "2024-10-04", None)]


def test_talks_launched_are_talks_opened() -> None:
    text = "The deal wraps up negotiations that were launched in April."
    assert _lead_events(text, dt.date(2024, 10, 4)) == [("talks_opened", "2024-04", None)]


def test_a_round_counted_since_the_talks_were_launched_is_the_meeting_before() -> None:
    text = ("Seoul's envoy sat down with U.S. negotiators in Washington on Monday to begin three "
            "days of talks. It is the third round since the negotiations were launched in April.")
    got = extract(LEAD + text, report_date=dt.date(2024, 6, 10)).events
    assert [(e.kind, e.round, e.place) for e in got if e.when and e.when.date == "2024-06-10"] \
        == [("talks_opened", 3, "Washington")]


def test_a_place_before_a_clause_of_time_is_not_the_event_s() -> None:
    text = ("Trump's remark rekindled unease in Seoul less than two weeks after the allies "
            "wrapped up a new cost-sharing agreement.")
    assert [place for _, _, place in _lead_events(text, dt.date(2024, 10, 16))] == [None]


def test_a_ministry_in_its_capital_speaks_and_is_the_ministry_later() -> None:
    text = ("South Korea will pay more this year, the Foreign Ministry in Seoul said Wednesday. "
            "The increase will follow the growth of the defense budget, according to the "
            "ministry.")
    assert _speakers(text) == ["Foreign Ministry in Seoul", "Foreign Ministry in Seoul"]


def test_a_president_elect_speaks_and_a_second_subject_after_and() -> None:
    assert _speakers("U.S. President-elect Trump has said South Korea should pay far more.") \
        == ["Trump"]
    text = ("President Trump has said South Korea should pay far more, and analysts have "
            "questioned whether his administration will seek to reopen the deal.")
    assert _speakers(text) == ["Trump", "analysts"]


def test_a_trailing_he_said_is_the_person_the_sentence_before_names() -> None:
    text = ("Speaking to reporters, U.S. negotiator James DeHart said the proposals were not "
            "responsive. Seoul's chief negotiator, Jeong Eun-bo, gave his own briefing an hour "
            "later. Our position remains that any increase has to be reasonable, he said.")
    assert _speakers(text) == ["James DeHart", "Jeong Eun-bo"]


def test_a_factbox_round_by_its_ordinal_word() -> None:
    text = ("HOW IT WAS NEGOTIATED\n* The deal came after eight rounds of cost-sharing talks on "
            "U.S. troops.\n* First round: Honolulu, April 23-25.\n* Second round: Seoul, May "
            "21-23.")
    got = [(e.kind, e.round, e.place) for e in extract(LEAD + text, report_date=dt.date(
        2024, 10, 4)).events if e.kind == "round_concluded"]
    assert got == [("round_concluded", 1, "Honolulu"), ("round_concluded", 2, "Seoul")]


def test_a_readiness_to_keep_talking_is_no_meeting_scheduled() -> None:
    assert _lead_events("Jeong said his team had been ready to keep talking.") == []


def test_a_deal_announced_by_its_makers_as_it() -> None:
    text = ("Cho Tae-yul and Philip Goldberg signed the deal on Nov. 4, a month after the two "
            "governments announced it on Oct. 4.")
    assert _lead_events(text, dt.date(2024, 11, 29)) == [
        ("deal_signed", "2024-11-04", None), ("deal_announced", "2024-10-04", None)]


def test_a_participle_dated_after_its_agent() -> None:
    text = ("SEOUL, Feb 10, 2019 (AFP) - South Korea will pay more towards the cost of the US "
            "military presence on its soil this year, under a one-year deal initialled by the "
            "allies' negotiators on Sunday.")
    assert _events(text, dt.date(2019, 2, 10)) == [("deal_signed", "2019-02-10", None)]



def test_a_deal_that_ends_or_falls_apart_is_no_round_or_walkout() -> None:
    assert _lead_events("The deal marks an end to a negotiation that was complicated during "
                        "the Trump administration.") == []
    got = _lead_events("Two months after a tentative agreement on defense costs fell apart, "
                       "there is no sign of a breakthrough.", dt.date(2020, 5, 26))
    assert [k for k, _, _ in got] == ["deal_announced"]


def test_remaining_committed_to_a_deal_is_a_state_not_a_deal() -> None:
    assert _lead_events("Jeong said Seoul remains committed to a deal within the existing "
                        "framework.") == []


def test_talks_that_have_broken_down_are_broken_off_today() -> None:
    text = "Talks on how to split the cost of keeping American troops have broken down in Seoul."
    got = _events(text, dt.date(2019, 11, 19))
    assert ("talks_broken_off", "2019-11-19", "Seoul") in got


def test_a_timeline_item_in_the_present() -> None:
    text = ("* Late March 2020 - Working-level negotiators reach a tentative deal.\n"
            "* April 2020 - President Donald Trump rejects it.\n"
            "* Dec. 31, 2019 - The previous agreement, under which Seoul paid 1.0389 trillion "
            "won for 2019, expires with no successor in place.")
    got = _lead_events(text, dt.date(2021, 3, 10))
    assert ("deal_rejected", "2020-04", None) in got
    assert ("deadline_passed", "2019-12-31", None) in got


def test_a_stalemate_that_saw_the_agreement_expire() -> None:
    text = ("The pact ended a protracted stalemate that saw the previous agreement expire at the "
            "end of 2019.")
    assert ("deadline_passed", "2019-12-31", None) in _lead_events(text, dt.date(2021, 8, 31))


def _periods(text: str, day: dt.date) -> list[tuple[float | None, str | None, object]]:
    return [(p.amount, p.period, p.years)
            for p in extract(LEAD + "\n\n" + text, report_date=day).positions if p.amount]


def test_a_headline_rounds_harder_than_the_body() -> None:
    text = ("Assembly approves 1 tril. won defense cost deal with US\n\n"
            "Under the one-year accord, Seoul will pay 1.0389 trillion won toward the cost of "
            "stationing U.S. troops this year, up 8.2 percent from last year.")
    got = extract(text, report_date=dt.date(2019, 4, 2)).positions
    assert [p.amount for p in got if p.amount] == [1.0389e12]


def test_a_clause_headed_by_this_year() -> None:
    assert _periods("For this year, 1.1833 trillion won, 13.9 percent more than in 2020.",
                    dt.date(2021, 9, 1)) == [(1.1833e12, "year", (2021, 2021))]


def test_a_subject_s_year_stays_in_its_own_clause() -> None:
    text = "Seoul's payment for 2020 was frozen, and this year it pays 1.1833 trillion won."
    assert _periods(text, dt.date(2021, 9, 1)) == [(1.1833e12, "year", (2021, 2021))]


def test_rounds_listed_by_ordinal_without_the_word_round() -> None:
    text = ("Lee Tae-woo and Linda Specht held eight rounds of talks. The first took place in "
            "Honolulu on April 23-25, the second in Seoul on May 21-23 and the third in "
            "Washington on June 10-12.")
    got = [(e.round, e.place, e.when.date if e.when else None)
           for e in extract(LEAD + text, report_date=dt.date(2024, 10, 4)).events]
    assert got == [(1, "Honolulu", "2024-04-23"), (2, "Seoul", "2024-05-21"),
                   (3, "Washington", "2024-06-10")]


def test_a_factbox_round_by_its_number_word() -> None:
    text = "THE TALKS: Eight rounds of talks.\n   - Round one: April 23-25, Honolulu\n"
    got = [(e.kind, e.round, e.place) for e in extract(LEAD + text, report_date=dt.date(
        2024, 10, 4)).events]
    assert got == [("round_concluded", 1, "Honolulu")]


def test_the_government_or_capital_folds_into_the_one_ministry_that_speaks() -> None:
    text = ("SEOUL (AP) — South Korea on Wednesday released the details of its new agreement on "
            "paying for the U.S. troops stationed in the country. From 2022 the annual "
            "increase will track the defense budget, South Korea's Foreign Ministry said.")
    got = extract(text, report_date=dt.date(2021, 3, 10)).statements
    assert {s.speaker for s in got} == {"South Korea's Foreign Ministry"}


def test_another_side_s_capital_keeps_its_own_voice() -> None:
    text = ("Tokyo said it would pay more. Seoul's foreign ministry said the talks on the "
            "cost of U.S. troops would go on.")
    assert _speakers(text) == ["Tokyo", "Seoul's foreign ministry"]


def test_but_an_official_admitted_is_a_second_statement() -> None:
    text = ("Seoul's foreign ministry said Tuesday it would keep talking with Washington, but a "
            "senior ministry official admitted that there was \"no more room\" beyond the offer.")
    assert _speakers(text) == ["Seoul's foreign ministry", "a senior ministry official"]


def test_said_a_speaker_then_when_and_where() -> None:
    text = ("\"We are being asked to approve a number, not a plan,\" said an opposition lawmaker "
            "during the debate before the vote.")
    assert _speakers(text) == ["an opposition lawmaker"]


def test_a_deal_agreed_on_as_it_and_an_extension_agreed_on_a_day() -> None:
    day = dt.date(2022, 3, 25)
    assert ("deal_announced", "2021-12-21", None) in _lead_events(
        "The two governments agreed on it on Dec. 21, 2021, and it was signed on Jan. 7 this "
        "year.", day)
    assert ("deal_announced", "2021-02-17", None) in _lead_events(
        "For fiscal 2021, the two countries agreed on Feb. 17, 2021, to extend the previous "
        "pact by one year.", day)


def test_years_said_around_an_amount_in_other_ways() -> None:
    day = dt.date(2021, 12, 21)
    assert _periods("Japan is paying 201.7 billion yen in the current fiscal year for the U.S. "
                    "forces.", day) == [(2.017e11, "year", (2021, 2021))]
    assert _periods("--For fiscal 2021, the two countries agreed on Feb. 17, 2021, to extend "
                    "the previous pact by one year, with Japan paying 201.7 billion yen.",
                    day) == [(2.017e11, "year", (2021, 2021))]
    assert _periods("Under the first SMA, signed in January 1991, Seoul paid $150 million that "
                    "year.", day) == [(1.5e8, "year", (1991, 1991))]
    assert _periods("Under this year's one-year agreement, Seoul pays 1.0389 trillion won.",
                    dt.date(2019, 9, 24)) == [(1.0389e12, "year", (2019, 2019))]
    assert _periods("It covers 2026 to 2030 and puts Seoul's first-year contribution at 1.5192 "
                    "trillion won.", dt.date(2024, 11, 28)) == [(1.5192e12, "year", (2026, 2026))]


def test_talks_negotiated_since_a_month_opened_then() -> None:
    text = "The two allies have been negotiating since September 2019 on the 11th agreement."
    assert _lead_events(text, dt.date(2020, 4, 1)) == [("talks_opened", "2019-09", None)]


def test_an_outcome_announced_and_an_extension_agreed_in_a_month() -> None:
    day = dt.date(2024, 11, 28)
    assert ("deal_announced", "2024-10-04", None) in _lead_events(
        "The two governments announced the outcome on Oct. 4, and the ministers signed it on "
        "Nov. 4.", day)
    text = ("The current arrangement, a one-year extension worth 201.7 billion yen for fiscal "
            "2021 that the two governments agreed in February, expires at the end of March 2022.")
    assert ("deal_announced", "2021-02", None) in _lead_events(text, dt.date(2021, 12, 21))


def test_a_since_clause_s_year_does_not_date_the_deal() -> None:
    text = ("South Korea and the United States have reached a provisional agreement that will "
            "reduce Seoul's contribution to the upkeep of U.S. Forces Korea, the first cut since "
            "the allies began sharing the cost in 1991.")
    got = extract(text, report_date=dt.date(2005, 3, 16)).events
    assert [(e.kind, e.when.date if e.when else None) for e in got] == [
        ("deal_announced", "2005-03-16")]


def test_negotiators_settling_on_an_amount_make_a_deal() -> None:
    text = ("At their fifth high-level meeting on Tuesday, negotiators settled on 680.4 billion "
            "won a year for 2005 and 2006.")
    kinds = {k for k, _, _ in _lead_events(text, dt.date(2005, 3, 16))}
    assert "deal_announced" in kinds


def test_a_possessive_is_no_speaker() -> None:
    text = ("Washington's reported ask of Tokyo, about $8 billion a year, would multiply what "
            "Japan pays.")
    assert _speakers(text) == []


def test_a_metropolitan_government_sharing_a_road_s_cost_is_no_alliance_talk() -> None:
    text = ("The national government and the Tokyo metropolitan government have agreed on how "
            "to divide the 13.3 billion yen cost of widening a road beside a U.S. Air Force "
            "base, officials said. The agreement was reached after a fourth round of talks.")
    assert extract(text, report_date=dt.date(2016, 3, 31)).negotiation is None


def test_a_ministry_maintains_and_a_caption_names_an_office() -> None:
    assert _speakers("Seoul's foreign ministry maintains that 13 percent is the best it can "
                     "offer.") == ["Seoul's foreign ministry"]
    text = ("REPORTER: The talks in Washington ended without a deal.\n"
            "[SOUND BITE - FOREIGN MINISTRY OFFICIAL]\n"
            "\"We narrowed some differences, but a gap remains.\"")
    assert _speakers(text) == ["foreign ministry official"]


def test_factbox_labels_and_a_term_expiring() -> None:
    text = ("KEY FACTS\n* SIGNED: Nov. 4, by Foreign Minister Cho Tae-yul and U.S. Ambassador "
            "Philip Goldberg.\n* DURATION: One year, expiring on Dec. 31, 2025.")
    got = _lead_events(text, dt.date(2024, 11, 28))
    assert ("deal_signed", "2024-11-04", None) in got
    assert ("deadline", "2025-12-31", None) in got


def test_a_vote_with_an_aside_and_a_relative_clause_s_day() -> None:
    assert [k for k, _, _ in _lead_events("South Korea's parliament voted 173-36, with 25 "
                                          "abstentions, to ratify the agreement.")] == [
        "ratification_vote"]
    text = ("SEOUL, Nov 28 (Reuters) - South Korea's parliament on Thursday voted 173-36 to "
            "ratify the agreement on the cost of stationing U.S. troops.\n\n"
            "The National Assembly voted 173-36, with 25 abstentions, to approve the Special "
            "Measures Agreement, which takes effect Friday.")
    got = extract(text, report_date=dt.date(2024, 11, 28)).events
    assert [(e.kind, e.when.date if e.when else None) for e in got] == [
        ("ratification_vote", "2024-11-28")]


def test_a_deal_signed_once_is_a_condition() -> None:
    assert _lead_events("Once formally signed, the deal will need the consent of the National "
                        "Assembly.") == []


def test_a_joint_announcement_of_what_will_be_paid_and_the_current_one_signed() -> None:
    day = dt.date(2024, 10, 17)
    assert ("deal_announced", "2024-10-04", None) in _lead_events(
        "After eight rounds, the two sides announced on Oct. 4 that Korea will pay 1.5192 "
        "trillion won in 2026.", day)
    assert ("deal_signed", "2022-01-07", None) in _lead_events(
        "The current one, signed on 7 January 2022 and approved by the Diet on 25 March 2022, "
        "commits Japan to 1.0551 trillion yen.", day)


def test_agreeing_on_the_need_for_a_deal_is_no_deal() -> None:
    assert _lead_events("The ministry said the negotiators had agreed on the need for an early "
                        "conclusion.") == []


def test_a_troop_presence_here_is_no_place_for_the_deal() -> None:
    text = ("SEOUL, March 8 (Yonhap) -- South Korea and the United States have reached an "
            "agreement in principle on sharing the cost of the U.S. troop presence here.")
    got = extract(text, report_date=dt.date(2021, 3, 8)).events
    assert [(e.kind, e.place) for e in got] == [("deal_announced", None)]


def test_a_charge_made_and_one_not_stopped_from_saying() -> None:
    assert _speakers("US President Donald Trump has repeatedly accused wealthy allies of "
                     "freeloading.") == ["Donald Trump"]
    text = ("That did not stop Donald Trump from declaring last October that Seoul \"would be "
            "paying $10 billion a year\" if he were in charge.")
    assert _speakers(text) == ["Donald Trump"]


def test_the_round_a_relative_clause_tells_by_its_ordinal() -> None:
    text = ("Talks on a replacement began last September and have gone seven rounds without a "
            "deal, the seventh of which wrapped up March 19 in Los Angeles.")
    got = [(e.kind, e.when.date if e.when else None, e.place, e.round)
           for e in extract(LEAD + text, report_date=dt.date(2020, 4, 1)).events]
    assert ("round_concluded", "2020-03-19", "Los Angeles", 7) in got
    assert ("talks_opened", "2019-09", None, None) in got


def test_a_demand_with_a_term_lasting_one_year_is_per_year() -> None:
    text = ("Washington had pressed for at least $1 billion, a figure US officials described as "
            "the minimum, and insisted the agreement last only one year.")
    assert _periods(text, dt.date(2019, 2, 10)) == [(1e9, "year", None)]


def test_a_summit_named_by_its_year_dates_its_pledge() -> None:
    text = ("NATO leaders agreed on Wednesday in The Hague to spend five percent of GDP on "
            "defence. The commitment replaces the Defence Investment Pledge adopted at the 2014 "
            "Wales summit, when allies promised to halt cuts and move toward two percent.")
    assert ("deal_announced", "2014", "Wales") in _events(text, dt.date(2025, 6, 26))


def test_a_live_blog_s_time_stamp_is_no_part_of_the_subject() -> None:
    text = ("08:52  A ministry official says the new deal will cover six years. Figures will not "
            "be released until the text is finalized, the official added.\n\n"
            "Yesterday, 23:40  Sources in Washington say the delegations are close to a deal.")
    assert _speakers(text) == ["A ministry official", "A ministry official",
                               "Sources in Washington"]


def test_related_links_marked_with_a_quote_sign_are_noise() -> None:
    text = ("Negotiators will meet in Honolulu from April 23 to 25 for the first round of talks "
            "on sharing the cost of U.S. troops in Korea.\n\nRELATED\n"
            "> Lapse, furloughs and a walkout: lessons of the last negotiation\n")
    kinds = [e.kind for e in extract(text, report_date=dt.date(2024, 4, 22)).events]
    assert kinds == ["talks_scheduled"]


def test_a_question_of_when_to_meet_sets_no_meeting() -> None:
    assert _lead_events("Neither side said when the negotiators would meet again.") == []
    assert _lead_events("ANCHOR: When will the two delegations meet again?") == []
    assert [k for k, _, _ in _lead_events("The two sides agreed to meet again next month.")] \
        == ["talks_scheduled"]


def test_a_meeting_agreed_a_wish_and_a_promise_of_repair_are_no_deals() -> None:
    assert [k for k, _, _ in _lead_events("The delegations agreed to sit down again next month "
                                          "for a sixth round.", dt.date(2019, 12, 18))] == [
        "talks_scheduled"]
    assert _lead_events("Many in Seoul want a new deal concluded before the US election in "
                        "November.") == []
    assert _lead_events("The new administration in Washington, which has promised to repair "
                        "alliances, is expected to take a softer line.") == []


def test_a_reader_comment_under_a_handle_is_noise() -> None:
    text = ("The sixth round of cost-sharing talks on U.S. troops ended in Washington on "
            "Wednesday without a deal.\n\nComments (3)\n"
            "jkim_seoul: Both governments need to sit down again soon.\n"
            "hanbit21: he rejects everything lol\n")
    kinds = [e.kind for e in extract(text, report_date=dt.date(2020, 1, 16)).events]
    assert kinds == ["round_concluded"]
