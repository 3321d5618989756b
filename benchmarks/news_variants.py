"""Benchmark: the news extractor on one fact written many ways (invented sentences, no corpus).

Each family writes the same fact in every combination of a few interchangeable parts (who
speaks and how the attribution is laid out; the verb, round, place and date of a meeting; the
marks around a quotation) and counts the sentences the extractor reads wrong. A rule built for
one phrasing fails here on its neighbours, so this measures how well the rules generalize where
the corpus (`benchmarks/news.py`) can only sample. The sentences are invented for the probe and
cite no facts. `--json` prints one JSON object; `--show N` lists N failures per family.

    python benchmarks/news_variants.py [--json] [--show N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from burdenshare.news import Extraction, extract
from burdenshare.news.evaluation import speaker_key

DAY = dt.date(2019, 12, 18)
DATELINE = "SEOUL, Dec. 18 (Yonhap) -- "
LEAD = ("South Korea and the United States are negotiating how to share the cost of stationing "
        "U.S. troops in Korea. ")


@dataclass(frozen=True)
class Case:
    """One invented text and what a careful reader takes from it."""

    text: str
    check: Callable[[Extraction], bool]


def _speaks(who: str) -> Callable[[Extraction], bool]:
    key = speaker_key(who)
    return lambda x: key in {speaker_key(s.speaker) for s in x.statements}


def _event(kind: str, round_: int | None = None, place: str | None = None,
           date: str | None = None) -> Callable[[Extraction], bool]:
    return lambda x: any(
        e.kind == kind and (round_ is None or e.round == round_)
        and (place is None or e.place == place)
        and (date is None or (e.when is not None and e.when.date == date))
        for e in x.events)


# who speaks, as papers name them, and the key a reader lists
_SPEAKERS = (
    ("Foreign Minister Kang Kyung-wha", "Kang Kyung-wha"),
    ("South Korean Foreign Minister Kang Kyung-wha", "Kang Kyung-wha"),
    ("U.S. Ambassador Harry Harris", "Harry Harris"),
    ("Defense Secretary Mark Esper", "Mark Esper"),
    ("Pentagon spokesman Jonathan Hoffman", "Jonathan Hoffman"),
    ("A State Department spokesperson", "State Department spokesperson"),
    ("USFK commander Gen. Robert Abrams", "Robert Abrams"),
    ("Japanese Chief Cabinet Secretary Hirokazu Matsuno", "Hirokazu Matsuno"),
    ("NATO Secretary General Mark Rutte", "Mark Rutte"),
    ("Prime Minister Pedro Sanchez of Spain", "Pedro Sanchez"),
    ("Rep. Kim Jong-dae of the Justice Party", "Kim Jong-dae"),
    ("An opposition lawmaker", "opposition lawmaker"),
    ("Senator Lindsey Graham", "Lindsey Graham"),
    ("House Armed Services Committee Chairman Adam Smith", "Adam Smith"),
    ("Victor Cha of the Center for Strategic and International Studies", "Victor Cha"),
    ("Chief negotiator Jeong Eun-bo", "Jeong Eun-bo"),
    ("Seoul's chief negotiator Jeong Eun-bo", "Jeong Eun-bo"),
    ("U.S. negotiator James DeHart", "James DeHart"),
    ("Deputy Foreign Minister Lee Tae-woo", "Lee Tae-woo"),
    ("Foreign ministry spokesman Kim In-chul", "Kim In-chul"),
    ("Former national security adviser John Bolton", "John Bolton"),
    ("U.S. President Donald Trump", "Donald Trump"),
    ("Then-President Donald Trump", "Donald Trump"),
    ("Lt. Gen. Kim Seung-kyum", "Kim Seung-kyum"),
    ("Seoul's foreign ministry", "Seoul's foreign ministry"),
    ("U.S. Forces Korea", "U.S. Forces Korea"),
    ("A senior delegation official", "senior delegation official"),
    ("One furloughed worker", "furloughed worker"),
    ("A union leader", "union leader"),
    ("Diplomatic sources", "diplomatic sources"),
)
# the same person with an apposition, which moves with the name
_APPOSED = (
    ("Kang Kyung-wha, South Korea's foreign minister,", "Kang Kyung-wha"),
    ("The U.S. ambassador, Harry Harris,", "Harry Harris"),
    ("Gen. Robert Abrams, the USFK commander,", "Robert Abrams"),
    ("Mark Rutte, NATO's secretary general,", "Mark Rutte"),
    ("Choi Eung-sik, head of the USFK Korean Employees Union,", "Choi Eung-sik"),
    ("Kim Hyun-wook, a professor at the Korea National Diplomatic Academy,", "Kim Hyun-wook"),
    ("Bruce Klingner, a senior fellow at the Heritage Foundation,", "Bruce Klingner"),
    ("Jeong Eun-bo, Seoul's chief negotiator,", "Jeong Eun-bo"),
    ("The top U.S. negotiator, James DeHart,", "James DeHart"),
    ("Kim In-chul, a foreign ministry spokesman,", "Kim In-chul"),
)
_SAID = "the talks had been useful and that the two sides would meet again in January"
_QUOTED = "The talks were useful, and we will meet again in January"


def _lower(phrase: str) -> str:
    """A phrase as it reads after a quote ("said the top U.S. negotiator")."""
    first, _, rest = phrase.partition(" ")
    return f"{first.lower()} {rest}" if first in ("The", "A", "An", "One") else phrase


def speaker_layouts() -> Iterator[Case]:
    """Who speaks x how the attribution is laid out."""
    layouts: tuple[Callable[[str], str], ...] = (
        lambda s: f"{s} said {_SAID}.",
        lambda s: f"{s} told reporters that {_SAID}.",
        lambda s: f"{s} said on Tuesday that {_SAID}.",
        lambda s: f"{s} said in a statement that {_SAID}.",
        lambda s: f"In an interview, {_lower(s)} said {_SAID}.",
        lambda s: f"\"{_QUOTED},\" {_lower(s)} said.",
        lambda s: f"\"{_QUOTED},\" said {_lower(s)}.",
        lambda s: f"{s} said: \"{_QUOTED}.\"",
        lambda s: f"The talks had been useful, {_lower(s)} said.",
        lambda s: f"The talks had been useful, said {_lower(s)}.",
        lambda s: f"According to {_lower(s)}, {_SAID}.",
        lambda s: f"{_SAID[0].upper()}{_SAID[1:]}, according to {_lower(s)}.",
    )
    for (phrase, key), layout in itertools.product(_SPEAKERS, layouts):
        yield Case(LEAD + layout(phrase), _speaks(key))
    for phrase, key in _APPOSED:  # (the apposition's closing comma before the verb)
        for text in (f"{phrase} said {_SAID}.", f"{phrase} told reporters that {_SAID}.",
                     f"\"{_QUOTED},\" {_lower(phrase)} said."):
            yield Case(LEAD + text, _speaks(key))


def quotation_marks() -> Iterator[Case]:
    """One quote in the marks papers use, before and after its attribution."""
    for open_, close in (("\"", "\""), ("“", "”"), ("'", "'"), ("‘", "’")):
        for phrase, key in _SPEAKERS[:12]:
            q = f"{open_}{_QUOTED},{close}"
            yield Case(LEAD + f"{q} {_lower(phrase)} said.", _speaks(key))
            yield Case(LEAD + f"{q} said {_lower(phrase)}.", _speaks(key))
            yield Case(LEAD + f"{phrase} said: {open_}{_QUOTED}.{close}", _speaks(key))


_SUBJECTS = ("South Korea and the United States", "Seoul and Washington", "The two allies",
             "South Korean and U.S. negotiators")
_ON = (" on sharing the cost of stationing U.S. troops in Korea", " on defense cost-sharing",
       " on the Special Measures Agreement")
_ROUNDS = (("the fifth round of talks", 5), ("their fifth round of negotiations", 5),
           ("the 5th round of talks", 5), ("round five of the talks", 5),
           ("the fifth and final round of talks this year", 5), ("a fifth round of talks", 5),
           ("the latest round of talks, the fifth,", 5))
_PLACES = ((" in Seoul", "Seoul"), (" in Washington", "Washington"),
           (" in the U.S. capital", "Washington"), (" in Los Angeles", "Los Angeles"),
           (" at the State Department in Washington", "Washington"),
           (" in Seoul's Dongdaemun district", "Seoul"), (" in Washington, D.C.", "Washington"))
_DATES = (" on Wednesday", " Wednesday", " on Dec. 18", " on 18 December",
          " on Wednesday, Dec. 18", " late Wednesday")


def rounds_held() -> Iterator[Case]:
    """A round ended: verb x subject x round x place x date, date before or after the place."""
    for verb, subject, on, (round_, n), (at, place), when in itertools.product(
            ("ended", "concluded", "wrapped up"), _SUBJECTS[:1], _ON[:2], _ROUNDS, _PLACES,
            _DATES):
        for where_when in (at + when, when + at):
            yield Case(DATELINE + f"{subject} {verb} {round_}{on}{where_when}.",
                       _event("round_concluded", n, place, "2019-12-18"))


def rounds_opened() -> Iterator[Case]:
    """A round opened, told with its subject first or the round as subject."""
    for verb, subject, on, (round_, n), (at, place), when in itertools.product(
            ("opened", "began", "launched", "kicked off", "started"), _SUBJECTS, _ON,
            _ROUNDS[:4], _PLACES[:4], _DATES[:3]):
        yield Case(DATELINE + f"{subject} {verb} {round_}{on}{at}{when}.",
                   _event("talks_opened", n, place))
    for verb, on, (at, place), when in itertools.product(
            ("opened", "began", "got under way", "kicked off"), _ON, _PLACES[:4], _DATES[:3]):
        yield Case(DATELINE + f"The fifth round of talks{on} {verb}{at}{when}.",
                   _event("talks_opened", 5, place))


def rounds_to_come() -> Iterator[Case]:
    """A round to come, told in the ways a meeting is booked."""
    layouts = ("{s} will hold the sixth round of talks{on}{at} next month.",
               "{s} agreed to hold the sixth round of talks{on}{at} next month.",
               "The sixth round of talks{on} is scheduled to take place{at} next month.",
               "The sixth round of talks{on} is set for next month{at}.",
               "The sixth round{on} is tentatively set for January{at}.",
               "The sixth round of talks{on} will be held{at} next month.",
               "The next round is due{at} next month.")
    seen: set[str] = set()
    for layout, subject, on, (at, place) in itertools.product(
            layouts, _SUBJECTS, _ON, _PLACES[:4]):
        text = layout.format(s=subject, on=on, at=at)
        if text in seen:  # (a layout without the subject or the topic)
            continue
        seen.add(text)
        yield Case(DATELINE + f"The allies ended a fifth round of talks{_ON[0]}. " + text,
                   _event("talks_scheduled", None if "next round" in text else 6, place))


def walkouts_and_deals() -> Iterator[Case]:
    """A round broken off; a deal reached or signed, in the verbs papers use."""
    for verb, on, (at, place), when in itertools.product(
            ("walked out of", "cut short", "abruptly ended", "broke off"), _ON, _PLACES[:4],
            _DATES[:3]):
        yield Case(DATELINE + f"The U.S. delegation {verb} the fifth round of talks{on}{at}"
                   f"{when}.", _event("talks_broken_off", 5, place))
    for subject, on, when in itertools.product(_SUBJECTS, _ON, _DATES[:3]):
        for verb in ("reached", "struck", "clinched", "sealed", "finalized", "agreed on",
                     "announced", "hammered out"):
            yield Case(DATELINE + f"{subject} {verb} a new five-year deal{on}{when}.",
                       _event("deal_announced"))
        for verb in ("signed", "formally signed", "inked"):
            yield Case(DATELINE + f"{subject} {verb} a new agreement{on}{when}.",
                       _event("deal_signed"))
        yield Case(DATELINE + f"{subject} concluded the fifth round of talks{on}{when} "
                   "without a deal.", lambda x: not _event("deal_announced")(x))


def expiries_and_votes() -> Iterator[Case]:
    """A deal's expiry to come (said in November), and a legislature's vote on the new one."""
    lead = ("SEOUL, Nov. 20 (Yonhap) -- South Korea and the United States are negotiating how "
            "to share the cost of stationing U.S. troops in Korea. ")
    for deal, expiry, when in itertools.product(
            ("The current agreement", "The current one-year deal", "The 10th SMA",
             "The existing accord", "The pact in force"),
            ("expires", "runs out", "lapses", "is due to expire", "is set to expire",
             "will expire", "ends"),
            ("at the end of the year", "at the end of December", "on Dec. 31", "at year-end",
             "on December 31", "at the end of this year")):
        yield Case(f"{lead}{deal} {expiry} {when}.", _event("deadline", date="2019-12-31"))
    for house, verb, tally in itertools.product(
            ("South Korea's National Assembly", "The National Assembly", "Parliament",
             "Lawmakers"),
            ("approved the cost-sharing agreement", "ratified the deal",
             "gave its consent to the agreement", "endorsed the accord",
             "voted to ratify the agreement"),
            ("", " by a vote of 173 to 36", ", 173-36", " by 173 votes to 36")):
        text = f"{house} on Wednesday {verb}{tally}."
        if house == "Lawmakers":
            text = text.replace("its consent", "their consent")
        yield Case(lead + text, _event("ratification_vote"))
    for tally in ("173 to 36", "173-36"):
        yield Case(f"{lead}The National Assembly voted {tally} on Wednesday to ratify the "
                   "agreement.", _event("ratification_vote"))


# more people, as European, Japanese and American papers name them
_MORE_SPEAKERS = (
    ("Japanese Defense Minister Taro Kono", "Taro Kono"),
    ("NATO Secretary-General Jens Stoltenberg", "Jens Stoltenberg"),
    ("German Chancellor Angela Merkel", "Angela Merkel"),
    ("Spanish Prime Minister Pedro Sánchez", "Pedro Sánchez"),
    ("European Commission President Ursula von der Leyen", "Ursula von der Leyen"),
    ("French Foreign Minister Jean-Yves Le Drian", "Jean-Yves Le Drian"),
    ("Assistant Secretary of State David Stilwell", "David Stilwell"),
    ("Vice Foreign Minister Cho Sei-young", "Cho Sei-young"),
    ("President Yoon Suk Yeol", "Yoon Suk Yeol"),
    ("Liberty Korea Party floor leader Na Kyung-won", "Na Kyung-won"),
    ("Sen. Chris Van Hollen", "Chris Van Hollen"),
    ("National Security Adviser Robert O'Brien", "Robert O'Brien"),
    ("Mr. Pompeo", "Pompeo"),
    ("Japan's Ministry of Foreign Affairs", "Japan's Ministry of Foreign Affairs"),
    ("Scott Snyder, director of the program on U.S.-Korea policy at the Council on Foreign "
     "Relations,", "Scott Snyder"),
)
_VERBS = ("said", "stressed", "noted", "warned", "argued", "insisted", "cautioned", "lamented",
          "acknowledged", "maintained", "claimed", "conceded", "wrote", "declared")


def more_speakers() -> Iterator[Case]:
    """People from more papers x reporting verbs x the main layouts, and quotes labelled with
    who said them (a pull quote's, a headline's)."""
    for (phrase, key), verb in itertools.product(_MORE_SPEAKERS + _SPEAKERS[:10], _VERBS):
        for text in (f"{phrase} {verb} that {_SAID}.", f"\"{_QUOTED},\" {_lower(phrase)} {verb}.",
                     f"{phrase} {verb}: \"{_QUOTED}.\""):
            yield Case(LEAD + text, _speaks(key))
    for phrase, key in _SPEAKERS + _MORE_SPEAKERS[:-1]:
        yield Case(LEAD + f"{phrase}: \"{_QUOTED}.\"", _speaks(key))
        yield Case(LEAD + f"\"{_QUOTED}.\" -- {phrase}", _speaks(key))


def attribution_ways() -> Iterator[Case]:
    """The many ways a paper says who said it: a day, a place, a medium, an aside, a hearing,
    a post, a source quoted by another."""
    layouts: tuple[Callable[[str], str], ...] = (
        lambda s: f"\"The talks were useful,\" said {_lower(s)}, \"and we will meet again in "
                  "January.\"",
        lambda s: f"{s} said Tuesday that {_SAID}.",
        lambda s: f"{s} told reporters after the meeting that {_SAID}.",
        lambda s: f"{s}, in a statement, said {_SAID}.",
        lambda s: f"{s}, asked about the talks, said {_SAID}.",
        lambda s: f"{s} said {_SAID}, according to Yonhap.",
        lambda s: f"{s} was cited by Yonhap as saying {_SAID}.",
        lambda s: f"{s} said in a Facebook post that {_SAID}.",
        lambda s: f"{s} posted on social media that {_SAID}.",
        lambda s: f"{s} wrote in an op-ed in The Washington Post that {_SAID}.",
        lambda s: f"{s} testified before Congress that {_SAID}.",
        lambda s: f"{s} told lawmakers that {_SAID}.",
        lambda s: f"{s} said during a parliamentary hearing that {_SAID}.",
        lambda s: f"{s} went on to say that {_SAID}.",
        lambda s: f"{s} made clear that {_SAID}.",
        lambda s: f"\"{_QUOTED},\" {_lower(s)} said, speaking to reporters in Seoul.",
        lambda s: f"\"{_QUOTED},\" {_lower(s)} told Yonhap.",
        lambda s: f"\"{_QUOTED},\" {_lower(s)} told reporters after the meeting.",
    )
    for (phrase, key), layout in itertools.product(_SPEAKERS[:24], layouts):
        yield Case(LEAD + layout(phrase), _speaks(key))


# a person introduced with an office, then named back by surname, office or pronoun
_INTRODUCED = (
    ("Jeong Eun-bo", "Seoul's chief negotiator", "Jeong", "the negotiator", "he"),
    ("James DeHart", "the top U.S. negotiator", "DeHart", "the U.S. envoy", "he"),
    ("Kang Kyung-wha", "South Korea's foreign minister", "Kang", "the minister", "she"),
    ("Harry Harris", "the U.S. ambassador", "Harris", "the ambassador", "he"),
    ("Mark Esper", "the U.S. defense secretary", "Esper", "the defense secretary", "he"),
    ("Taro Kono", "Japan's defense minister", "Kono", "the minister", "he"),
)


def named_back() -> Iterator[Case]:
    """Someone introduced in one sentence (office beside the name, in either order, or with
    "is") who speaks in the next by surname, office or pronoun."""
    intros: tuple[Callable[[str, str], str], ...] = (
        lambda n, r: f"{n}, {r}, met reporters in Seoul on Monday.",
        lambda n, r: f"{r[0].upper()}{r[1:]}, {n}, arrived in Seoul on Monday.",
        lambda n, r: f"{n} is {r}.",
        lambda n, r: f"{r[0].upper()}{r[1:]} {n} arrived in Seoul on Monday.",
    )
    for (name, role, surname, office, pronoun), intro in itertools.product(_INTRODUCED, intros):
        if intro(name, role).startswith("The ") and not role.startswith("the "):
            continue
        for back in (f"{surname} said {_SAID}.", f"\"{_QUOTED},\" {surname} said.",
                     f"\"{_QUOTED},\" said {surname}.", f"{office[0].upper()}{office[1:]} "
                     f"said {_SAID}.", f"\"{_QUOTED},\" {office} said.",
                     f"{pronoun.capitalize()} said {_SAID}.", f"\"{_QUOTED},\" {pronoun} said.",
                     f"{surname} declined to give details but said {_SAID}.",
                     f"{surname}, who led the delegation, said {_SAID}."):
            yield Case(LEAD + f"{intro(name, role)} {back}", _speaks(name))


_VENUES = ((" in the South Korean capital", "Seoul"),
           (" at the foreign ministry in Seoul", "Seoul"),
           (" in Honolulu, Hawaii", "Honolulu"), (" in the Hawaiian capital", "Honolulu"),
           (" at U.S. Pacific Command headquarters in Honolulu", "Honolulu"),
           (" in Los Angeles, California", "Los Angeles"),
           (" in the American capital", "Washington"),
           (" in Washington DC", "Washington"), (" at the State Department", "Washington"),
           (" in the Dutch city of The Hague", "The Hague"), (" in Tokyo", "Tokyo"))


def venues_and_settings() -> Iterator[Case]:
    """A round's venue told many ways, and a round told as the setting of a failure."""
    for layout, (at, place) in itertools.product((
            "South Korea and the United States ended the fifth round of talks{on}{at} on "
            "Wednesday.",
            "The fifth round of talks{on} was held{at} on Wednesday.",
            "The U.S. delegation walked out of the fifth round of talks{on}{at} on Wednesday.",
            "The allies failed to narrow their differences in the fifth round of talks{on}{at} on "
            "Wednesday.",
            "In the fifth round of talks{on}{at} on Wednesday, the two sides failed to reach a "
            "deal.",
            "Negotiators met{at} on Wednesday for the fifth round of talks{on}."), _VENUES):
        for on in _ON:
            text = DATELINE + layout.format(on=on, at=at)
            kind = "talks_broken_off" if "walked out" in text else "round_concluded"
            yield Case(text, _event(kind, 5, place, "2019-12-18"))


def countries_speaking() -> Iterator[Case]:
    """A country or its capital as the speaker, with or without its article, x verb x layout."""
    subjects = ("The United States", "The U.S.", "The US", "Washington", "America",
                "South Korea", "Seoul", "Korea", "Japan", "Tokyo", "Germany", "Spain")
    verbs = ("says", "said", "has said", "argued", "maintains", "has argued", "stressed",
             "warned", "has repeatedly said", "countered", "insists", "noted")
    for subject, verb in itertools.product(subjects, verbs):
        key = subject.removeprefix("The ")
        for text in (f"{subject} {verb} that the cost of U.S. troops should be shared more "
                     "fairly.", f"{subject} {verb} Seoul should pay more for the troops.",
                     f"Seoul should pay more for the troops, {_lower(subject)} {verb}."):
            yield Case(LEAD + text, _speaks(key))


def deals_made() -> Iterator[Case]:
    """Who made a deal x the verb x with or without its day, and a deal told in the passive."""
    subjects = ("South Korea and the United States", "Seoul and Washington", "The two allies",
                "Negotiators from both countries", "The two sides")
    verbs = ("reached a deal", "struck a deal", "clinched a deal", "sealed a deal",
             "agreed on a new deal", "hammered out a deal", "finalized a deal",
             "concluded an agreement", "reached a tentative agreement",
             "agreed in principle on a new deal", "came to terms on a new deal",
             "settled on a new accord", "signed off on a deal", "wrapped up a new agreement",
             "nailed down a deal", "forged an agreement", "arrived at a deal", "secured a deal",
             "reached agreement", "agreed to a 13.9 percent increase")
    for subject, verb, day in itertools.product(subjects, verbs, (" on Tuesday", "")):
        yield Case(LEAD + f"{subject} {verb} on sharing the cost of U.S. troops{day}.",
                   _event("deal_announced"))
    for told in ("A deal was reached", "An agreement was struck", "A new deal was agreed",
                 "The agreement was reached after eight rounds of negotiations",
                 "A deal has been reached", "Agreement was reached", "A tentative deal was struck",
                 "The new pact was finalized", "A deal was clinched",
                 "The allies announced a new agreement"):
        for day in (" on Tuesday", ""):
            yield Case(LEAD + f"{told}{day}.", _event("deal_announced"))


def meetings_planned_and_begun() -> Iterator[Case]:
    """A round to come or begun, told by its parties or by itself, with its number and city."""
    subjects = ("The two sides", "South Korea and the United States", "Negotiators")
    planned = ("will hold the {o} round of talks in {c} next month",
               "are set to hold the {o} round in {c} next month",
               "plan to hold the {o} round of talks in {c} in January",
               "are scheduled to meet for the {o} round in {c} in January",
               "agreed to hold the {o} round in {c} next month",
               "will meet again in {c} next month for the {o} round",
               "are due to hold their {o} round in {c} in January",
               "will sit down for the {o} round in {c} next month",
               "will convene the {o} round in {c} next month",
               "have agreed to reconvene in {c} in January for a {o} round")
    begun = ("began their {o} round of talks in {c} on Tuesday",
             "opened the {o} round of negotiations in {c} on Tuesday",
             "kicked off the {o} round of talks in {c} on Tuesday",
             "launched the {o} round of negotiations in {c} on Tuesday",
             "got the {o} round of talks under way in {c} on Tuesday",
             "sat down in {c} on Tuesday for the {o} round of talks",
             "met in {c} on Tuesday to start the {o} round of talks")
    told_planned = ("The {o} round of talks will be held in {c} next month",
                    "The {o} round is scheduled for January in {c}",
                    "The {o} round is set for mid-January in {c}",
                    "The {o} round will be in {c} in January",
                    "{c} will host the {o} round in January")
    told_begun = ("The {o} round of talks began in {c} on Tuesday",
                  "The {o} round got under way in {c} on Tuesday",
                  "The {o} round of negotiations kicked off in {c} on Tuesday")
    for ordinal, number, city in (("sixth", 6, "Washington"), ("third", 3, "Honolulu")):
        plan, begin = _event("talks_scheduled", number, city), _event("talks_opened", number, city)
        texts = [(f"{s} {v}", plan) for s in subjects for v in planned]
        texts += [(f"{s} {v}", begin) for s in subjects for v in begun]
        texts += [(v, plan) for v in told_planned] + [(v, begin) for v in told_begun]
        for text, check in texts:
            yield Case(LEAD + text.format(o=ordinal, c=city) + ".", check)


# someone introduced with a post, and the words a report calls them back by
_POSTS = (
    ("Bruce Klingner, a senior fellow at the Heritage Foundation, has followed the talks.",
     "Bruce Klingner", ("the analyst", "the expert", "the scholar", "the researcher",
                        "the fellow")),
    ("Choi Eung-sik, head of the USFK Korean Employees Union, led the protest on Monday.",
     "Choi Eung-sik", ("the union leader", "the union head", "the union chief")),
    ("NATO Secretary General Mark Rutte arrived in Seoul on Monday.", "Mark Rutte",
     ("the NATO chief", "the alliance chief", "the secretary general")),
    ("Jeong Eun-bo, Seoul's chief negotiator, arrived in Washington on Monday.", "Jeong Eun-bo",
     ("the negotiator", "the envoy", "the diplomat", "the veteran diplomat")),
    ("Kim Hyun-wook, a professor at the Korea National Diplomatic Academy, has studied them.",
     "Kim Hyun-wook", ("the professor", "the academic", "the analyst")),
    ("Defense Secretary Mark Esper visited Seoul on Friday.", "Mark Esper",
     ("the Pentagon chief", "the defense chief", "the secretary")),
    ("Foreign Minister Kang Kyung-wha met lawmakers on Monday.", "Kang Kyung-wha",
     ("the minister", "the foreign minister", "the top diplomat")),
)


def posts_named_back() -> Iterator[Case]:
    """Someone introduced with a post who speaks in the next sentence, called by another word
    for it ("the analyst" for "a senior fellow at the Heritage Foundation")."""
    for (intro, name, backs), verb in itertools.product(_POSTS, ("said", "told reporters",
                                                               "added", "noted")):
        for back in backs:
            yield Case(LEAD + f"{intro} \"{_QUOTED},\" {back} {verb}.", _speaks(name))
            yield Case(LEAD + f"{intro} {back.capitalize()} {verb} {_SAID}.", _speaks(name))


def unnamed_then_pronoun() -> Iterator[Case]:
    """An unnamed person who opens a sentence, and "he" or "she" in the next."""
    people = ("A senior foreign ministry official", "A U.S. official", "A South Korean diplomat",
              "A Pentagon spokesman", "One negotiator", "A senior administration official",
              "A government official in Seoul", "A Japanese defense ministry official",
              "A union official", "An opposition lawmaker")
    acts = ("briefed reporters on Monday.", "spoke on condition of anonymity.",
            "declined to give details.", "met reporters after the session.",
            "was asked about the gap on Monday.")
    said = (f"\"{_QUOTED},\" he said.", f"He said {_SAID}.", f"\"{_QUOTED},\" she told reporters.",
            f"She added that {_SAID}.")
    for who, act, words in itertools.product(people, acts, said):
        yield Case(LEAD + f"{who} {act} {words}", _speaks(who))


def days_written() -> Iterator[Case]:
    """A meeting's day written twenty ways (words, figures either way round, weekday,
    ordinal) x five kinds of event."""
    days = ("on Dec. 17", "on December 17", "on 17 December", "on Dec 17", "on Tuesday",
            "on Tuesday, Dec. 17", "on Tuesday (Dec. 17)", "Tuesday", "on 12/17/2019",
            "on 2019-12-17", "on 17/12/2019", "on 17.12.2019", "on Dec. 17, 2019",
            "on December 17th", "on the 17th", "yesterday", "last Tuesday", "on 17 Dec",
            "on 17th December", "on the 17th of December")
    told = (("South Korea and the United States wrapped up their fifth round of talks in Seoul "
             "{d}.", "round_concluded"),
            ("The two sides signed the deal in Seoul {d}.", "deal_signed"),
            ("The U.S. delegation walked out of the talks in Seoul {d}.", "talks_broken_off"),
            ("Seoul's negotiators reached a deal with Washington {d}.", "deal_announced"),
            ("The sixth round of talks opened in Seoul {d}.", "talks_opened"))
    for day, (text, kind) in itertools.product(days, told):
        yield Case(LEAD + text.format(d=day), _event(kind, date="2019-12-17"))


def bare_appositions() -> Iterator[Case]:
    """A name, then its post or an aside without an article (AP's style), or its age, or a
    calling before it, x the main layouts."""
    names = ("Son Ji-oh", "Kim Jae-yeon", "Maria Lopez", "Takeshi Yamada", "John Carter")
    asides = ("spokesperson for the union", "secretary-general of the employees' union",
              "deputy chief of mission at the embassy", "research fellow at KIDA",
              "former deputy foreign minister", "senior vice president of the Asan Institute",
              "director-general for North American affairs at the foreign ministry",
              "54, a USFK worker", "in a tweet", "after the meeting", "head of the delegation",
              "professor of political science at Yonsei University")
    for name, aside in itertools.product(names, asides):
        for text in (f"{name}, {aside}, said {_SAID}.", f"\"{_QUOTED},\" said {name}, {aside}.",
                     f"\"{_QUOTED},\" {name}, {aside}, said.",
                     f"{name}, {aside}, told reporters that {_SAID}."):
            yield Case(LEAD + text, _speaks(name))
    for calling, name in itertools.product(("Analyst", "Economist", "Researcher", "Scholar",
                                            "Historian", "Professor"), names):
        yield Case(LEAD + f"{calling} {name} said {_SAID}.", _speaks(name))


def transcript_turns() -> Iterator[Case]:
    """A broadcast transcript's or a video script's turn, labelled with the name and the office
    in the ways networks and agencies write them."""
    lead = ("ANCHOR: South Korea and the United States are negotiating how to share the cost of "
            "stationing U.S. troops in Korea.\n\n")
    people = (("JEONG EUN-BO", "SOUTH KOREAN CHIEF NEGOTIATOR", "Jeong Eun-bo"),
              ("JAMES DEHART", "U.S. NEGOTIATOR", "James DeHart"),
              ("KIM MIN-JI", "USFK WORKER", "Kim Min-ji"),
              ("KANG KYUNG-WHA", "FOREIGN MINISTER", "Kang Kyung-wha"),
              ("LEE TAE-WOO", "DEPUTY FOREIGN MINISTER", "Lee Tae-woo"),
              ("MARK ESPER", "U.S. DEFENSE SECRETARY", "Mark Esper"))
    labels = ("{n}, {o}: ", "{n} ({o}): ", "{n}, {t}: ", "{n} (through interpreter): ",
              "{n} (SOUNDBITE): ", "{n} (translated): ", "(SOUNDBITE) (Korean) {n}, {o}, SAYING: ",
              "(SOUNDBITE) (English) {o}, {n}, SAYING: ", "(SOUNDBITE) (English) {o} {n}, SAYING: ")
    for (name, office, key), label, quoted in itertools.product(people, labels, (True, False)):
        said = f"\"{_QUOTED}.\"" if quoted else f"{_QUOTED}."
        head = label.format(n=name, o=office, t=office.title())
        yield Case(lead + head + said, _speaks(key))


def places_told() -> Iterator[Case]:
    """A meeting's city told through a building, a district or a state in it, x city x event."""
    forms = (" at a {c} hotel", " at the {c} venue", " in {c}'s downtown",
             " in {c}'s Jongno district", " at KIDA in {c}", " at the U.S. Embassy in {c}",
             " at a hotel in {c}", " in the city of {c}")
    cities = ("Seoul", "Washington", "Honolulu", "Los Angeles", "Tokyo")
    told = (("South Korea and the United States ended the fifth round of talks{at} on Wednesday.",
             "round_concluded", 5),
            ("The sixth round of talks opened{at} on Wednesday.", "talks_opened", 6),
            ("The U.S. delegation walked out of the fifth round of talks{at} on Wednesday.",
             "talks_broken_off", 5))
    for form, city, (text, kind, n) in itertools.product(forms, cities, told):
        yield Case(LEAD + text.format(at=form.format(c=city)), _event(kind, n, city))
    yield Case(LEAD + "The two sides ended the fifth round of talks in the U.S. state "
               "of Hawaii on Wednesday.", _event("round_concluded", 5, "Hawaii"))


def claims_disputed() -> Iterator[Case]:
    """A claim and who disputed it: a group or a ministry beside what the claim's author said,
    or anyone named in the passive ("a claim denied by Seoul"), x who x the verb. (A claim a
    side named in the active disputed, "a claim Seoul denied", is left out: it cost a held-out
    report.)"""
    groups = (("Seoul's foreign ministry", "Seoul's foreign ministry"),
              ("South Korea's Foreign Ministry", "South Korea's Foreign Ministry"),
              ("the foreign ministry", "foreign ministry"),
              ("South Korean officials", "South Korean officials"),
              ("U.S. officials", "U.S. officials"), ("Japanese diplomats", "Japanese diplomats"))
    named = (*groups, ("Seoul", "Seoul"), ("Jeong Eun-bo", "Jeong Eun-bo"),
             ("the U.S. State Department", "U.S. State Department"), ("Tokyo", "Tokyo"))
    for (phrase, key), verb in itertools.product(groups, ("disputed", "denied")):
        for text in (f"Trump said Seoul had agreed to pay more, a claim {phrase} {verb}.",
                     f"Trump's claim, which {phrase} {verb}, angered many in Seoul."):
            yield Case(LEAD + text, _speaks(key))
    for (phrase, key), verb in itertools.product(named, ("disputed", "denied")):
        for text in (f"Trump said Seoul had agreed to pay more, a claim {verb} by {phrase}.",
                     f"The report was {verb} by {phrase}.",
                     f"The report that Seoul had agreed to pay more was {verb} by {phrase} on "
                     "Monday.",
                     f"The figure was {verb} by {phrase}, which called it groundless."):
            yield Case(LEAD + text, _speaks(key))


def rounds_listed() -> Iterator[Case]:
    """Rounds after a numbered first, listed by place and days in the ways factboxes and wires
    write them (commas, semicolons, "followed by", the day each ended), x cities x days."""
    layouts = (
        "The first round was held in {c1} on {d1}, the second in {c2} on {d2} and the third in "
        "{c3} on {d3}.",
        "The first round took place in {c1} on {d1}; the second in {c2} on {d2}; the third in "
        "{c3} on {d3}.",
        "The first round was held in {c1} on {d1}, followed by rounds in {c2} ({d2}) and {c3} "
        "({d3}).",
        "The first round ended in {c1} on {d1}, followed by a second round in {c2} that ended on "
        "{d2} and a third in {c3} concluding {d3}.",
        "The first round was held in {c1} on {d1}, followed by {c2} on {d2} and {c3} on {d3}.",
    )
    cities = (("Honolulu", "Seoul", "Washington"), ("Seoul", "Honolulu", "Seoul"),
              ("Washington", "Los Angeles", "Seoul"), ("Seoul", "Washington", "Honolulu"))
    days = (("April 23-25", "May 21-23", "June 10-12"), ("April 25", "May 23", "June 12"),
            ("23 April", "23 May", "12 June"), ("April 23", "May 21", "June 10"),
            ("Apr. 23-25", "May 21-23", "June 10-12"))
    for layout, (c1, c2, c3), (d1, d2, d3) in itertools.product(layouts, cities, days):
        text = layout.format(c1=c1, c2=c2, c3=c3, d1=d1, d2=d2, d3=d3)
        yield Case(LEAD + text, lambda x, c=(c1, c2, c3): [
            (e.round, e.place) for e in x.events if e.kind == "round_concluded"] == [
            (1, c[0]), (2, c[1]), (3, c[2])])


FAMILIES: dict[str, Callable[[], Iterator[Case]]] = {
    "speaker x layout": speaker_layouts,
    "quotation marks": quotation_marks,
    "round held": rounds_held,
    "round opened": rounds_opened,
    "round to come": rounds_to_come,
    "walkout, deal": walkouts_and_deals,
    "expiry, vote": expiries_and_votes,
    "more speakers": more_speakers,
    "attribution ways": attribution_ways,
    "named back": named_back,
    "venue, setting": venues_and_settings,
    "countries speaking": countries_speaking,
    "deals made": deals_made,
    "planned, begun": meetings_planned_and_begun,
    "posts named back": posts_named_back,
    "unnamed, then he": unnamed_then_pronoun,
    "days written": days_written,
    "bare appositions": bare_appositions,
    "transcript turns": transcript_turns,
    "places told": places_told,
    "claims disputed": claims_disputed,
    "rounds listed": rounds_listed,
}


def run(show: int = 0) -> dict[str, dict[str, object]]:
    """Each family's count of cases, failures and seconds, with up to `show` failing texts."""
    out: dict[str, dict[str, object]] = {}
    for name, family in FAMILIES.items():
        start = time.perf_counter()
        failed = [c.text for c in family() if not c.check(extract(c.text, report_date=DAY))]
        cases = sum(1 for _ in family())
        out[name] = {"cases": cases, "failed": len(failed),
                     "seconds": round(time.perf_counter() - start, 3),
                     "examples": failed[:show]}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--show", type=int, default=0, metavar="N",
                        help="list N failing sentences per family")
    args = parser.parse_args(argv)
    if args.show < 0:
        parser.error("--show: expected a count of 0 or more")
    results = run(args.show)
    if args.json:
        json.dump({"benchmark": "news_variants", "families": results}, sys.stdout, indent=2)
        print()
        return 0
    print(f"{'family':20} {'cases':>6} {'failed':>7} {'%':>6} {'seconds':>8}")
    for name, r in results.items():
        cases, failed = int(str(r["cases"])), int(str(r["failed"]))
        print(f"{name:20} {cases:6} {failed:7} {100 * failed / cases:6.1f} {r['seconds']:8}")
        for text in r["examples"]:  # type: ignore[attr-defined]
            print(f"    {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
