"""Negotiation events in one sentence: kind, CAMEO code, actors, round, place, length, date.

Each kind has trigger patterns (verbs and nouns of news copy, not of one report) and is kept
only where the trigger is factual: a trigger under negation ("without a deal", "failed to
reach") or in an unrealised mood ("hope to reach", "to be signed") gives no event, except that
future talks are exactly what `talks_scheduled` records. Event kinds and CAMEO codes are in
`burdenshare.news.cameo`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, replace

from burdenshare.news.actors import (
    CAPITALS,
    COUNTRY_PATTERN,
    ROLE_NOUN_PATTERN,
    country_code,
    find_actors,
)
from burdenshare.news.cameo import cameo_of
from burdenshare.news.dates import (
    DATELINE_PREFIX,
    ENTRY_DASH,
    MONTH,
    WEEKDAY,
    DatePhrase,
    find_date_phrases,
    in_narrated_year,
    of_time_told_before,
    own_date_phrases,
    report_day,
    resolve,
    unstated,
)
from burdenshare.news.lexicon import forms, verb_pattern
from burdenshare.news.numbers import (
    NUMBER_WORD_PATTERN,
    ORDINAL_PATTERN,
    find_money,
    number_value,
    ordinal_value,
)
from burdenshare.news.places import canonical_place
from burdenshare.news.records import Event, Negotiation, Votes, When
from burdenshare.news.sentences import Sentence, inside_quote

TALKS = (r"(?:round(?!\sof\s(?:pressure|sanctions|tariffs|strikes|layoffs|cuts|hikes|"
          r"applause|voting|golf|fighting|funding|financing|price|drills|exercises|training|"
          r"the\sseries|qualifying))|rounds|talks|negotiations?|"
          r"meetings?|session|consultations|discussions|haggling|bargaining|wrangling)")
DEAL = r"(?:agreement|deal|accord|pact|SMA|pledge|package|arrangement|compromise|settlement)"
# Words between "agreed" and what was agreed: when and where ("agreed Tuesday that", "agreed
# only this month on a new deal", "agreed in 2021 to raise").
_WHEN_ADVERBIAL = (
    rf"(?:on\s)?{WEEKDAY}|today|yesterday|(?:only\s|earlier\s)?(?:this|last)\s(?:week|month|year)|"
    rf"in\s(?:{MONTH}\s)?(?:19|20)\d{{2}}|in\s{MONTH}|in\s[A-Z][a-z]+|at\s(?:the|their)\s[\w-]+|"
    # (an abbreviated month is masked: "agreed on Dec_ 21 that Tokyo will pay")
    # (or its day first: "agreed in The Hague on 25 June that ...")
    r"on\s[A-Z][a-z]+_?\s\d{1,2}|on\s\d{1,2}\s[A-Z][a-z]+|in principle|formally|finally|eventually|"
    r"only|"
    rf"in\sThe\s[A-Z][a-z]+|(?:last|this|next)\s{MONTH}|"
    # a date in brackets after the weekday: "on Wednesday (25 June)"
    r"\([^()]{1,20}\)"
)
# Talks opening, told in the present as a timeline tells them: "First round of talks opens in
# Seoul" (a timeline's opening, not a round held)
_OPENS_NOW = r"opens?|begins?|starts?|kicks?\soff"
# A meeting booked: "a fourth round is scheduled (slated, set, pencilled in) for Washington".
_BOOKED = r"scheduled|slated|set|planned|pencil{1,2}ed\sin"
# Verbs of further talks: "agreed to continue / meet / hold talks" is a scheduled meeting.
_TALK_VERBS = (
    r"continue|meet|hold|resume|keep|narrow|work|reconvene|talk|negotiate|discuss|sit|return|"
    r"convene|stay|remain|consult|communicate"
)
# Verbs of reaching an agreement, by lemma (every form is matched): "reached / struck / settled
# / hammered out / worked out ... a deal", "the accord the two governments have settled".
_AGREE = verb_pattern(
    ("reach", "strike", "clinch", "seal", "finalize", "finalise", "hammer out", "work out",
     "thrash out", "iron out", "nail down", "broker", "settle", "settle on", "agree on",
     "agree upon", "announce", "conclude", "unveil", "forge", "secure", "arrive at"),
    past_only=True,
)
# concluding the negotiations on a deal, in every form ("conclude talks on 12th SMA")
_CONCLUDE = verb_pattern(("conclude", "complete", "finalize", "finalise", "wrap up"))
_DEAL_DONE = verb_pattern(
    ("reach", "strike", "finalize", "finalise", "announce", "clinch", "agree", "conclude",
     "settle", "seal", "hammer out", "work out", "make", "unveil"),
    past_only=True,
)
# who settles a deal, in a relative clause after it ("a fresh accord the two governments have
# settled")
_SETTLERS = (
    r"(?:the\s)?(?:two|both)\s(?:governments|sides|countries|allies|nations)|they|"
    # ("the accord that Seoul and Washington announced on 4 October")
    # (with where they come from: "negotiators of the two countries", "working-level
    # negotiators from both sides", "the Japanese and U.S. governments")
    r"(?:working-level\s)?negotiators(?:\s(?:of|from)\s(?:the\s)?(?:two|both)\s"
    r"(?:countries|sides|governments|allies))?|"
    rf"(?:the\s)?allies|(?:{COUNTRY_PATTERN})\sand\s(?:{COUNTRY_PATTERN})|"
    r"the\s[A-Z][\w.]*\sand\s[A-Z][\w.]*\sgovernments"
)
_LEGISLATIVE_YES = verb_pattern(("ratify", "approve", "pass", "endorse", "clear", "okay", "back",
                                 "rubber-stamp"),
                                past_only=True)
# ending a round, by lemma: "ended", "wrapped up", "wound up", "concluded"
_END_LEMMAS = ("end", "wrap up", "conclude", "close", "finish", "complete", "wind up", "break up")
_ENDED = verb_pattern(_END_LEMMAS, past_only=True)
_END = "(?:" + "|".join(
    form for lemma in _END_LEMMAS for form in forms(lemma)[:2]
).replace(" ", r"\s") + ")"
_LEGISLATURE_RE = (
    r"(?:National Assembly|Assembly|parliament|lawmakers|legislators|legislature|MPs|"
    r"Congress|Diet|House of (?:Councillors|Representatives)|"
    r"upper (?:house|chamber)|lower (?:house|chamber)|Senate)"
)
# rejecting an offer or a deal, by lemma: "rejected", "turned down", "nixed", "shot down"
_REJECT = verb_pattern(
    ("reject", "turn down", "refuse", "veto", "spurn", "nix", "shoot down", "rebuff", "scrap",
     "scuttle", "torpedo", "kill"),
    past_only=True,
) + "|" + (
    # a timeline or a headline in the present: "April 2020 - Trump rejects a Seoul offer"
    r"rejects|vetoes|turns\sdown|rebuffs|spurns|nixes"
)
# a rejection told in the first person inside a quote: "I rejected it," Trump said
_FIRST_PERSON_REJECTION = re.compile(r"\b(?:I|[Ww]e)\s(?:just\s)?(?:rejected|turned)\b")
_OPENED_WITH_ASK = re.compile(
    r"\s(?:the|this|these|their)\s(?:negotiations?|talks)\s(?:[\w ]{0,20}?)(?:by|with)\s"
    r"(?:asking|demanding|seeking|a\sdemand|an?\s(?:offer|request|proposal))\b"
)
# an outcome hoped or called for, not had
_HOPED_FOR = re.compile(
    r"\b(?:hopes?|hoping|hoped|wish|wishes|calls?|calling|pressure)\sfor\s(?:an?\s|the\s)?"
    r"(?:[\w-]+\s){0,2}$", re.I)
_NEGATION = re.compile(r"\b(?:without|no|not|never|failed|fail|failing|yet to|unable|n't)\b", re.I)
_IRREALIS = re.compile(
    r"\b(?:will|would|shall|could|might|may|must|hope|hopes|hoping|try|tries|trying|aim|aims|"
    r"expected|likely|plan|plans|planned|set|seek|seeks|need|needs|to|be|"
    # a condition: "and, if approved, take effect on Jan. 1"
    r"if|unless|once|get)\s+"
    # (the modal also rules the second of coordinated participles: "still needs to be signed
    # and approved by the National Assembly", "to get the agreement signed, ratified by ...")
    r"(?:(?:the\s+)?(?:[\w-]+\s+){0,2}?\w+ed\b[^.;,]{0,50}?(?:,|\s+and)\s+)?$|"
    # a condition with its subject and a passive: "unless a deal was reached", "if the agreement
    # is signed"
    r"\b(?:if|unless)\s+(?:[\w-]+\s+){1,4}?(?:was|is|were|are|had\s+been|has\s+been)\s+$|"
    # what ought to have happened: "a negotiation that should have finished its work months ago"
    r"\b(?:should|would|could|might|must|ought\sto)\s+have\s+$",
    re.I,
)


# a passive still to come ruling a list of participles, read further back: "has to be
# initialed, signed and approved by ...", "must be formally signed by both governments and
# approved by ...", "will take effect after it is signed and approved by ..."
_STILL_TO_COME = re.compile(
    r"(?:\b(?:must|will|shall|has\sto|have\sto|needs?\sto|to)\s+be|"
    r"\b(?:after|once|before|until)\s+(?:it|they|the\s+\w+)\s+(?:is|are))\s+"
    r"(?:(?:\w+ly\s+)?\w+ed\b[^.;,]{0,50}?(?:,|\s+and)\s+){1,3}$",
    re.I,
)


# the terms agreed under a deal signed: "agreed to pay more ... under a one-year deal
# initialled by negotiators", or with the deal first: "Under a one-year deal signed in March,
# South Korea agreed to pay ..."
_TERMS_OF_SIGNED = re.compile(
    rf"[^.;]{{0,20}}?\bto\s(?:pay|contribute)\b[^.;]{{0,100}}?\bunder\s(?:a|the)\s[^.;]{{0,30}}?"
    rf"{DEAL}\s(?:initial(?:l)?ed|signed)\b", re.I)
_SIGNED_UNDER = re.compile(
    rf"^(?:[A-Z]+:\s)?Under\s(?:a|the)\s[^.;,]{{0,30}}?{DEAL}\s(?:initial(?:l)?ed|signed)\b"
    r"[^.;]{0,40},\s[^,.;]{1,40}$")
# a deal in general, named by an indefinite article before a participle that tells it: "A fair
# deal, ratified by ...", "a signed agreement, approved by ...", "A sum fixed in a treaty and
# approved by ...", "A deal the National Assembly has consented to", "a signed, ratified deal"
_ANY_SUCH_DEAL = re.compile(
    r"\b[Aa]n?\s(?:[\w-]+,?\s){0,3}?(?:(?:deal|agreement|accord|pact|treaty|sum)\b"
    r"(?:,\s|\s[^,.;]{1,40}?\s(?:and\s|has\s|have\s))|)$"
)
# ... and what is said of it in the present: "is the only way", "is harder to tear up"
_GENERIC_PRESENT = re.compile(r"[^.;]{0,80}?\b(?:is|are)\s(?:the\sonly|harder|easier|better|"
                              r"worth|more|less|a\s)")


@dataclass(frozen=True)
class _Rule:
    kind: str
    pattern: re.Pattern[str]
    factual: bool = True
    """True: the trigger must not be negated or unrealised."""


# what the sides failed to do at a round ("failed to narrow their differences in the fifth round")
_FAILED = r"(?:failed|were\sunable|could\snot|did\snot(?:\smanage)?)"
# a meeting counted by the times they met, not within a year: "for the seventh time" (not "for
# the third time this year")
_NTH_TIME = r"\stime\b(?!\s(?:this|that|last|in\s(?:19|20)\d\d)\b)"


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


# after a participle set off by a comma: its own date ("signed in March", "worked out with
# Washington in December"), not its circumstances ("reached after ten rounds of talks")
# (the date may follow the verb bare: "Under the deal, signed Nov. 4 by ...")
# who sets the alliance's goals: "NATO leaders meeting in The Hague on Wednesday agreed ..."
_ALLIES = r"\b(?:allies|leaders|members|NATO)\b[^.;]{0,60}?\b"
_PARTICIPLE_DATED = (
    # (with whom or by whom between: "reached by the Japanese and U.S. governments on Dec. 21")
    rf"(?=\s(?:(?:with|by)\s[^,.;]{{1,50}}?\s)?(?:(?:in|on|last|early|late|earlier)\s|"
    rf"{MONTH}_?\s\d))"
)
# a factbox's clause with no subject, its participle first and a date after: "Signed March 8,
# 2019; ratified April 5, 2019."
# (a factbox item may carry a label: "* AGREEMENT: Reached in principle on March 7")
# (a factbox's label may carry a number and its years: "* 12TH SMA (2026-2030): Announced")
_CLAUSE_FIRST = r"(?:^(?:[*•-]\s)?(?:[A-Z0-9][A-Z0-9 /&()–-]{2,30}:\s)?|;\s(?:and\s)?)"
_FACTBOX_DATED = (
    rf"(?=\s(?:on\s|in\s)?(?:{MONTH}_?\s\d|\d{{1,2}}\s{MONTH}|{WEEKDAY}|(?:19|20)\d\d\b)|"
    # (a month alone: "* Agreed in October after eight rounds of talks.")
    rf"\sin\s(?:early\s|late\s|mid-)?{MONTH}\b)"
)

_RULES: tuple[_Rule, ...] = (
    _Rule(
        "deal_signed",
        _rx(
            # the current one told by its participle and day: "The current one, signed on 7
            # January 2022 and approved by the Diet on 25 March 2022"
            r"\b(?:current|previous|new|latest|last)\sone,\s(?P<t62>signed|initial(?:l)?ed)"
            r"(?=\s(?:on|in)\s)|"
            # a factbox's label: "* SIGNED: Nov. 4, by Foreign Minister Cho Tae-yul and ..."
            rf"^(?:[*•-]\s)?(?P<t61>SIGNED|INITIAL(?:L)?ED):{_FACTBOX_DATED}|"
            # (not "a signed agreement", any agreement)
            rf"(?<!\ba\s)\b(?P<t>signed|initial(?:l)?ed|inked|(?<=\bafter\s)(?:signing|"
            r"initial(?:l)?ing)|"
            r"(?<=\bupon\s)(?:signing|initial(?:l)?ing))\b"
            rf"(?=[^.]{{0,60}}\b(?:{DEAL}|text)\b)|"
            # (an aside between: "The accord, reached in principle in March after more than a
            # year of deadlock, was signed on April 8"; "The agreement was then signed")
            rf"\b(?:{DEAL}|text)\b(?:[^.]{{0,40}}?|,\s[^.;\"“”]{{1,90}}?,)\s"
            r"(?:was|were|has been|had been)\s"
            r"(?:formally\s|then\s|later\s|finally\s)?(?P<t2>signed|initial(?:l)?ed|inked)\b|"
            # "the current one-year deal, signed in March, expires ...": a participle after
            # the deal, or coordinated with how it was reached ("worked out with Washington
            # in December and signed in January")
            rf"\b(?:{DEAL}|[Tt]ext)\s(?P<t3>signed|initial(?:l)?ed|inked)\b|"
            # (its acronym in brackets may end the name: "Special Measures Agreement (SMA),
            # signed in March, covers only this year")
            # (or with whom it was made, or its text: "Seoul's cost-sharing deal with
            # Washington, signed last November, ...", "The final text, signed in April, ...")
            # (or a second relative clause: "The pact, which Tokyo and Washington agreed on Dec.
            # 21, and which was signed on Jan. 7, ...")
            rf"\b(?:{DEAL}|text)(?:\swith\s[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\)?,\s"
            r"(?:(?:which|that)\s(?:was|had\sbeen|has\sbeen)\s)?(?:\w+ly\s)?"
            rf"(?P<t8>signed|initial(?:l)?ed|inked){_PARTICIPLE_DATED}|"
            r",\sand\swhich\s(?:was|had\sbeen)\s(?:\w+ly\s)?"
            rf"(?P<t84>signed|initial(?:l)?ed){_PARTICIPLE_DATED}|"
            # (or "formally signed", or after a factbox's semicolon: "Text initialled March 18;
            # signed April 8")
            rf"\b(?:{DEAL}|[Tt]ext)\b[^.]{{0,100}}?(?:\band\s|;\s)(?:later\s|then\s|formally\s|"
            r"finally\s)?(?P<t7>signed|initial(?:l)?ed)"
            rf"(?=\s(?:in|on|last|early|late|at)\b|\s{MONTH}_?\s\d)|"
            r"\b(?P<t4>(?:put|placed|affixed)\s(?:their|his|her)\s(?:signatures?|initials))\b|"
            # the deal, then who signed it and when: "Under the pact, which Foreign Minister
            # Cho Tae-yul and U.S. Ambassador Philip Goldberg signed on Nov. 4, ..."
            # (its acronym may follow: "the current Special Measures Agreement (SMA), which the
            # allies signed in March")
            rf"\b{DEAL}(?:\s\([A-Z]{{2,6}}\))?,\s(?:which|that)\s[^,.;\"“”]{{3,90}}?\s"
            r"(?P<t67>signed|initial(?:l)?ed|inked)"
            r"(?=\s(?:on|in)\s)|"
            # "Hayashi signed it with U.S. Ambassador Rahm Emanuel in Tokyo": the deal
            r"\b(?P<t5>signed|initial(?:l)?ed|inked)\sit\b|"
            # "the cost-sharing agreement it signed with Washington in 2024"
            # (or by the allies or one of them: "a five-year deal the allies signed Sunday",
            # "the cost-sharing agreement Seoul signed last year")
            rf"\b{DEAL},?\s(?:that\s|which\s)?(?:it|they|the\stwo(?:\s\w+)?|the\sallies|Seoul|Tokyo|"
            r"Washington|South\sKorea|Japan)\s(?:had\s)?(?:\w+ly\s)?"
            r"(?P<t6>signed|initial(?:l)?ed|inked)\b|"
            # the deal told by "it" after the sentence or clause that names it: "It was signed on
            # Nov. 4."; "..., and it was signed in early February"
            # (or a factbox's item: "* It was signed on April 8, 2021, and approved by ...")
            r"(?:^(?:[*•-]\s)?|,\s(?:and|but)\s)[Ii]t\s(?:was|has\sbeen|had\sbeen)\s"
            r"(?:formally\s)?(?P<t9>signed|initial(?:l)?ed)\b|"
            rf"{_CLAUSE_FIRST}(?P<t10>signed|initial(?:l)?ed){_FACTBOX_DATED}|"
            # (the second of coordinated participles: "- Agreed in principle in March 2021,
            # signed on April 8, 2021, and ratified ...")
            rf"(?<=\d),\s(?:and\s)?(?P<t36>signed|initial(?:l)?ed){_FACTBOX_DATED}|"
            # the second of two coordinated passives: "was initialed on Feb. 10 ... and was
            # signed on March 8"
            # (or with its auxiliary left out: "was initialled on March 18 and signed on April 8")
            r"\band\s(?:(?:was|were)\s)?(?:later\s|then\s|formally\s)?(?P<t11>signed|initial(?:l)?ed)"
            # (or its date straight after: "and was signed Nov. 4 by Cho Tae-yul")
            # (or who signed it, then the date: "and was signed by Foreign Minister Cho Tae-yul
            # and US Ambassador Philip Goldberg on November 4")
            rf"(?=\s(?:in|on|last|at)\b|\s{MONTH}_?\s\d|\sby\s[^.;,]{{1,100}}?\s(?:on|in)\s"
            rf"(?:{MONTH}|\d))"
        ),
    ),
    _Rule(
        "ratification_vote",
        _rx(
            rf"\b{_LEGISLATURE_RE}\b[^.]{{0,100}}?"
            rf"\b(?P<t>{_LEGISLATIVE_YES}|"
            r"gave\s(?:(?:its|their|final|formal|the)\s){0,2}(?:approval|assent|green light)|"
            # (an aside between: "voted 173-36, with 25 abstentions, to ratify")
            # (or its day: "voted on Tuesday to ratify")
            # (or its tally, then its day: "voted 173-36 on Thursday to ratify")
            # ("voted 173 to 36 on Wednesday to ratify")
            r"voted\s(?:on\s[^,.;]{1,20}?\s)?(?:\d{1,4}(?:-|\sto\s)\d{1,4}(?:-\d{1,4})?,?\s)?"
            r"(?:on\s[^,.;]{1,20}?\s)?"
            r"(?:with\s[^,.]{1,30},\s)?"
            r"(?:to approve|to ratify|for|in favou?r of)|"
            r"(?:gave|given) (?:its |their )?consent|consented|"
            # a participle after its main clause: "The National Assembly did its part on Nov.
            # 28, consenting to the 12th Special Measures Agreement by 173 votes to 36"
            r"(?<=,\s)(?:consenting\sto|approving|ratifying|endorsing)"
            rf"(?=\s(?:[\w'’-]+\s){{0,6}}?(?i:{DEAL})\b))\b|"
            # "was approved by the National Assembly"
            rf"\b(?:was|were|has\sbeen|had\sbeen)\s(?:\w+\s)?(?P<t4>{_LEGISLATIVE_YES})\s"
            # ("by South Korea's National Assembly", "by Japan's Diet")
            r"(?:[\w-]+\s){0,3}?by\s(?:the\s)?(?:[\w'’-]+\s){0,2}?"
            rf"{_LEGISLATURE_RE}\b|"
            r"\b(?:ratification|consent) (?:motion|bill)?\s?(?:was |were )?(?P<t2>passed|approved|"
            r"cleared)\b|"
            r"\b(?:motion|bill|agreement|deal)\s(?:was\s)?(?P<t3>passed|approved)\b"
            r"(?=[^.]*\b\d+\s(?:votes?|lawmakers|members))|"
            rf"{_CLAUSE_FIRST}(?P<t5>ratified){_FACTBOX_DATED}|"
            # the last of coordinated participles: "signed on April 8, 2021, and ratified by the
            # National Assembly on Aug. 31", "agreed on Jan. 12, 2014 ... and approved by
            # lawmakers on April 16"
            # (or a factbox's line, or after a semicolon: "* Approved by the National Assembly on
            # April 16, 2014.", "Signed Feb. 2, 2014; approved by the National Assembly on ...")
            rf"(?:,\s(?:and\s)?|\band\s|;\s|^(?:[*•-]\s)?)(?P<t6>[Rr]atified|[Aa]pproved|[Cc]leared)"
            rf"\sby\s(?:the\s)?(?:[\w'’-]+\s){{0,2}}?{_LEGISLATURE_RE}\b|"
            # the deal clearing the house: "The 10th Special Measures Agreement ... cleared the
            # National Assembly on Friday", "The 9th SMA cleared the chamber on April 16, 2014"
            rf"\b{DEAL}\b[^.;]{{0,60}}?\b(?P<t7>cleared|passed)\s(?:the\s)?(?:[\w'’-]+\s){{0,2}}?"
            rf"(?:{_LEGISLATURE_RE}|chamber|plenary)\b|"
            # the deal winning the house's approval: "The agreement won parliamentary approval on
            # Thursday", "won the National Assembly's consent"
            rf"\b{DEAL}\b[^.;]{{0,60}}?\b(?P<t8>won|received|secured|obtained)\s(?:final\s)?"
            r"(?:(?:the\s)?(?:parliamentary|legislative|(?:[\w'’-]+\s){0,2}?"
            rf"{_LEGISLATURE_RE}['’]s?)\s(?:final\s)?(?:approval|consent|ratification|endorsement)|"
            r"the\s(?:approval|consent|endorsement)\sof\s(?:the\s)?(?:[\w'’-]+\s){0,2}?"
            rf"{_LEGISLATURE_RE})\b"
        ),
    ),
    _Rule(
        "deal_rejected",
        _rx(
            # (a time or place may stand between: "rejected, in April last year, a
            # working-level proposal")
            # (a percentage among the words: "had rejected a proposed 13% rise")
            # (the aside set off by commas on both sides, not a clause after the object:
            # "had rejected a proposed 13% increase from Seoul, leaving the allies without a
            # deal" rejects the increase)
            rf"\b(?P<t>{_REJECT})(?:,\s[^,.;]{{1,40}},)?\s(?:[\w'’.%-]+\s){{0,6}}?"
            r"(?:offer|deal|agreement|proposal|increase|rise|raise|hike|compromise|package|plan|"
            r"terms|arrangement|accord|pact)\b|"
            # (what it was for may stand between: "Seoul's offer of a 13 percent rise was
            # turned down by President Donald Trump")
            # (or a relative clause or an apposition: "A 13 percent rise that Seoul offered had
            # been rejected by ...", "The deal, which had been approved at the ministerial
            # level, was turned down by ...")
            # (or who made it: "A tentative agreement struck by working-level negotiators had
            # been rejected by President Trump", "a 13 percent increase worked out by
            # negotiators was rejected by ...")
            # (or what it would have done: "A tentative compromise under which Seoul would have
            # raised its share by 13% was rejected by Trump")
            rf"\b(?:{DEAL}|offer|proposal|draft|(?:(?<=percent\s)|(?<=per\scent\s)|(?<=%\s))"
            r"(?:rise|increase))"
            r"(?:\s(?:of|for)\s[^,.;]{1,40}?|\s(?:that|which|under\swhich)\s[^,.;]{1,60}?|"
            r"\s(?:struck|reached|worked\sout|hammered\sout|agreed|offered)\b[^,.;]{0,60}?)?"
            r"(?:,\s[^,.;]{1,80},)?"
            rf"\s(?:was|were|had been|has been)\s(?P<t2>{_REJECT})\b|"
            # "was reached in March 2020 but rejected by then-President Donald Trump"
            r"\bbut\s(?P<t69>rejected|vetoed|turned\sdown|nixed)\sby\b|"
            # "had been accepted by negotiators in March, only to be rejected by President
            # Trump"; "..., but it was turned down by U.S. President Trump in April"
            r"\b(?:only\sto\sbe|(?<=but\s)it\s(?:was|had\sbeen))\s"
            r"(?P<t83>rejected|vetoed|turned\sdown|nixed)\sby\b|"
            # "a 13 percent increase, which President Donald Trump rejected in April"
            # (a participle between: "a tentative deal struck by working-level negotiators in
            # late March, which US President Donald Trump had rejected")
            # (or the relative pronoun left out: "a proposal President Trump rejected in
            # April", "the very figure President Donald Trump had rejected")
            r"\b(?:offer|proposal|deal|agreement|compromise|figure|"
            r"(?:(?<=percent\s)|(?<=%\s))(?:rise|increase))"
            r"(?:\s(?:struck|reached|worked\sout|hammered\sout|agreed)\b[^,.;\"“”]{1,60})?,?\s"
            r"(?:(?:which|that)\s(?:[\w.'’-]+\s){1,5}?|(?:(?:then[\s-])?[A-Z][\w.'’-]*\s){1,4})"
            r"(?:had\s)?(?P<t7>rejected|turned\sdown|vetoed|nixed|refused|spurned)\b|"
            # "But the White House balked."
            # (not a disposition: "a legislature which balks at large increases")
            r"(?<!which\s)(?<!that\s)(?<!who\s)\b(?P<t3>balked|balks|balking)\b|"
            # "Seoul offered a 13 percent increase, but Trump rejected it"
            # "then-President Trump turned it down"; "Trump rejected it in April." after the
            # sentence that told the deal: "it" is the deal the report is about
            r"\b(?P<t5>turned|turns|turning)\s(?:it|them)\sdown\b|"
            # (or after the clause that told it: "When negotiators reached a tentative 13
            # percent increase in the spring of 2020, Trump rejected it in April")
            # (or told as before another past: "Ministers had approved it, but U.S. President
            # Donald Trump had rejected it")
            # (or a timeline's item in the present: "* April 2020 - President Donald Trump
            # rejects it.")
            # (or after "that" or a time: "Then word came that President Donald Trump had
            # rejected it", "Earlier this month Donald Trump rejected it anyway")
            r"(?:^|,\s(?:but\s|and\s)?|\s[-–—]\s|\bthat\s|"
            r"^(?:Earlier|Later)\s(?:this|that|last)\s(?:week|month|year)\s)"
            r"(?:[A-Z][\w.'’-]*\s){1,4}(?:had\s)?"
            r"(?P<t6>rejected|vetoed|nixed|scrapped|spurned|killed|rejects|vetoes)\s"
            r"(?:it|them)\b|"
            # a leader's own words opening the sentence: "\"I rejected it,\" he told reporters"
            # (or after the verb: "Trump says \"I rejected it\", turning down ...", "President
            # Trump said simply: \"I rejected it.\"")
            r"(?:^|\s)[\"“](?P<t70>I\s(?:just\s)?rejected)\sit\b|"
            # "a compromise ... was reached later that month, only for Trump to reject it"
            rf"\b(?:offer(?:ed|s)?|propos(?:al|ed)|deal|agreement|compromise|package)\b[^.]{{0,120}}?"
            # (or the offer named again: "agreed to a 13 percent increase, only for Trump to
            # reject the offer in April")
            rf"\b(?P<t4>{_REJECT}|(?<=\bto\s)(?:reject|veto|turn\sdown))\s(?:it|them|"
            r"the\s(?:offer|deal|proposal|agreement|compromise|package))\b|"
            # "negotiators agreed to a 13 percent increase, only for Trump to reject the offer"
            r"\bonly\sfor\s(?:[A-Z][\w.'’-]*\s){1,4}to\s(?P<t8>reject|veto|turn\sdown)\b"
        ),
    ),
    _Rule(
        "talks_broken_off",
        _rx(
            r"\b(?P<t>walked out|walks out|walk-out|walkout|broke off|broke down|collapsed|"
            r"(?:have|has|had)\sbroken\s(?:down|off)|"
            r"cut short|stormed out|abruptly (?:ended|left)|"
            # "decided to cut the session short"
            r"cut\s(?:the|their|its)\s(?:[\w-]+\s){0,2}?(?:session|talks|meeting|round)\sshort|"
            # "left the third round of talks after less than two hours"
            r"(?:left|quit)\s(?:the\s)?(?:[\w-]+\s){0,5}?(?:round|talks|negotiations|meeting|"
            r"session)\b(?=[^.]{0,60}?\bafter\s(?:less\sthan|only|just|barely|under)\b|"
            # "left the third round of talks in Seoul early on Tuesday"
            r"[^.]{0,40}?\b(?:early|prematurely|abruptly|ahead\sof\sschedule)\b)|"
            r"suspended the talks|halted the talks|"
            # "came apart this afternoon", "broke up abruptly", "got up and left", "left the
            # negotiating room"
            r"(?:came|come|comes|fell|fall|falls)\sapart|broke\sup\s(?:abruptly|early|prematurely)|"
            r"ended\sabruptly|got\sup\sand\s(?:left|walked\saway)|"
            r"left\s(?:the\s)?(?:negotiating|meeting)\sroom|"
            r"walked away from|left the (?:negotiating )?table|"
            r"(?:pulled out of|quit|abandoned) the (?:talks|negotiations))\b|"
            # a round left early, told in a relative clause: "the previous round in Seoul last
            # month, which the U.S. team left early"
            r"\b(?:round|session|meeting)\b[^.;]{0,40}?,\s(?:which|that)\s(?:the\s)?"
            r"(?:[\w.'’-]+\s){0,2}?(?:team|delegation|negotiators|side)\s(?P<t2>left)\s"
            r"(?=early|abruptly|prematurely)"
        ),
    ),
    _Rule(
        "deal_announced",
        _rx(
            # (an aside between: "announced, on 4 October, a new five-year Special Measures
            # Agreement"; "announced, after negotiations that began in April, a new ...")
            # (not a round of talks on one: "concluded the fifth round of SMA talks")
            rf"\b(?P<t>{_AGREE})(?:,\s[^,.;\"“”]{{1,60}},)?\s"
            rf"(?:(?!(?:round|session)\s)[\w'’-]+\s){{0,8}}?{DEAL}\b|"
            # "closed their two-day summit in The Hague on 25 June with a pledge"
            r"\b(?P<t43>closed|ended|wrapped\sup)\s(?:their|the)\s(?:[\w-]+\s)?summit\b[^.;]{0,60}?"
            # (or a promise: "ended their summit in The Hague on 25 June with a promise many
            # thought unthinkable")
            r"\bwith\s(?:a|an|the)\s(?:[\w-]+\s)?(?:pledge|agreement|deal|commitment|promise)\b|"
            # a goal agreed at a summit: "The previous benchmark, agreed at the Wales summit in
            # September 2014, asked members to ..."
            r"\b(?:target|goal|benchmark|guideline)\b,?\s(?P<t48>agreed)\s(?=(?:at|in)\s)|"
            # ... or a pledge adopted or made at a summit named by its place or year: "the
            # two-percent pledge adopted at the Wales summit in 2014", "since the pledge made in
            # Wales in September 2014" (not any target: "a target agreed at a summit is not a
            # ceiling")
            # (or by whom between: "the 2 percent pledge that NATO leaders made in Wales in
            # September 2014", "the two-percent goal they set in Wales in 2014"; or made by
            # them: "when NATO allies made their spending pledge in Wales")
            r"\b(?:(?:pledge|commitment)\b,?\s|"
            r"(?:pledge|commitment|goal|target)\s(?:that\s)?(?:they|allies|(?:NATO\s)?leaders|"
            r"members)\s(?:had\s)?|"
            r"(?=made\s(?:their|its|a|the)\s(?:[\w-]+\s){0,2}?pledge\s))"
            r"(?P<t79>adopted|made|agreed|set)\s"
            r"(?:(?:their|its|a|the)\s(?:[\w-]+\s){0,2}?pledge\s)?(?=(?:at|in)\s"
            r"[^.;,]{0,40}?\b(?-i:[A-Z][a-z]+|(?:19|20)\d\d)\b)|"
            # a guideline made a pledge: "the 2% guideline, which allies turned into a Defence
            # Investment Pledge at their summit in Wales in September 2014"
            # (or the guideline named between: "allies turned an informal 2% guideline into a
            # Defence Investment Pledge")
            r"\b(?P<t36>turned)\s(?:it\s|(?:a|an|the|their|its)\s(?:[\w%'’-]+\s){0,4}?"
            r"(?:guideline|goal|target|benchmark)\s)?into\s(?:a|an|the)\s(?:[\w-]+\s){0,3}?"
            r"(?:[Pp]ledge|commitment|target)\b|"
            # the share agreed: "Japan and the United States agreed Tuesday on Tokyo's share of
            # the cost of hosting U.S. forces"
            # (or a time between: "tentatively agreed late last month on an increase of about 13
            # percent")
            rf"\b(?P<t47>agreed|settled)\s(?:{WEEKDAY}\s|(?:late\s|early\s)?(?:last|this)\s"
            r"(?:week|month|year)\s)?on\s(?:[\w'’.%-]+\s){0,3}?(?:share|"
            # ("tentatively agreed on that figure at the end of March")
            r"contribution|payments?|burden|terms|figure|amount|sum|increase|rise|hike)\b|"
            # terms or a rise worked out: "negotiators hammered out its terms on Jan. 12",
            # "Negotiators had worked out a 13 percent increase"
            r"\b(?P<t87>worked\sout|hammered\sout|thrashed\sout|ironed\sout)\s(?:its|the|their)\s"
            r"terms\b|"
            r"\b(?P<t88>worked\sout|hammered\sout)\san?\s(?:[\w.%-]+\s){0,3}?(?:increase|rise)\b|"
            # the deal told as "what" they agreed, with its time: "no relation to what the two
            # governments agreed on Oct. 4", "nine times what Seoul agreed to earlier this month"
            rf"\bwhat\s(?:{_SETTLERS}|Seoul|Tokyo|Washington)\s(?:had\s)?(?P<t89>agreed)(?:\sto)?"
            rf"(?=\s(?:on\s{MONTH}_?\s\d|in\s{MONTH}\b|(?:earlier|late|early)\s(?:this|last)\s"
            r"(?:month|week)|last\s(?:month|week)))|"
            # ... or as "it" reached by the negotiators, with its time: "Negotiators had reached it
            # in early October after eight rounds of talks"
            r"^(?:(?:Working-level\s|The\s)?[Nn]egotiators|The\s(?:two|both)\s(?:sides|governments))"
            r"\s(?:had\s)?(?:\w+ly\s)?(?P<t90>reached|clinched|struck|sealed|finalized|finalised)\sit"
            rf"(?=\s(?:on|in)\s(?:(?:early|late|mid-)\s?)?(?:{MONTH}|{WEEKDAY}))|"
            # its day set off by commas: "Seoul and Washington agreed, on Oct. 4, on a new
            # Special Measures Agreement"
            rf"\b(?P<t71>agreed),\s(?:on\s)?[^,.;\"“”]{{1,25}},\s(?:on|to)\s(?:[\w'’-]+\s){{0,8}}?{DEAL}\b|"
            # an amount settled on: "negotiators settled on 680.4 billion won a year for 2005"
            r"\b(?P<t54>settled|agreed)\son\s(?:about\s|around\s|roughly\s)?(?:US)?[$₩¥€]?\d|"
            # a joint announcement of what will be paid: "the two sides announced on Oct. 4 that
            # Korea will pay 1.5192 trillion won in 2026"
            r"\b(?:two\s(?:sides|governments|countries|allies)|both\s(?:sides|governments))\s"
            r"(?P<t55>announced)\s(?:on\s[^,.;]{1,15}?\s)?that\s[^.;]{0,60}?\b(?:will|would)\s"
            r"(?:pay|contribute|shoulder|provide)\b|"
            # what will be paid under a new deal, told by a ministry on its day: "South Korea
            # will pay 1.5192 trillion won in 2026 under a new five-year agreement with the
            # United States, Seoul's Foreign Ministry said on Oct. 4"
            rf"\b(?:will|is\sto)\s(?:pay|contribute)\b[^.;\"“”]{{0,160}}?\bunder\s(?:a|the)\snew\s"
            # (not a deal told by its own verb: "under a new five-year deal struck on Sunday")
            rf"(?:[\w'’-]+\s){{0,4}}?{DEAL}\b(?!\s(?:struck|reached|agreed|signed|initial(?:l)?ed|"
            r"announced|sealed|clinched)\b)"
            rf"[^.;\"“”]{{0,80}}?,\s(?:[\w'’.-]+\s){{0,3}}?"
            r"(?:[Mm]inistry|[Gg]overnment|[Oo]fficials)\s(?P<t78>said)\b|"
            # the deal told by "it", with its day: "The two governments agreed on it on Dec. 21"
            r"\b(?P<t52>agreed)\son\s(?:it|them)(?=\s(?:on|in)\s)|"
            # the talks' end announced: "Their conclusion was announced Oct. 4"; a deal told with
            # an inverted "did": "Only on October 4 did South Korea and the United States
            # announce a new five-year cost-sharing agreement"
            r"\b(?:[Tt]heir|[Tt]he\stalks['’]|[Tt]he)\s(?:conclusion|outcome|result)\swas\s"
            r"(?P<t45>announced)\b|"
            r"\bdid\s(?:[\w.'’-]+\s){1,8}?(?P<t46>announce|reach|strike|conclude)\s"
            rf"(?:[\w'’-]+\s){{0,6}}?{DEAL}\b|"
            # the terms announced: "The two governments announced the terms on Oct. 4."
            # (or the outcome: "The two governments announced the outcome on Oct. 4")
            r"\b(?P<t35>announced)\s(?:the\s)?(?:main\s|key\s)?(?:terms|outcome|results?)\b"
            r"(?=\s(?:on|in|of)\b)|"
            # allies pledging at a summit: "alliance leaders pledged at their summit in Wales in
            # September 2014 to move towards spending 2 per cent of GDP", "committed their
            # countries to spending 5 % of GDP"
            # ("At the Wales summit in September 2014, allies made a pledge to halt the decline")
            rf"{_ALLIES}(?P<t28>pledged|committed|committing|pledging|"
            r"made\s(?:a|their)\s(?:[\w-]+\s)?pledge)\b"
            r"(?=[^.;]{0,80}?\bto\s(?:spend|move|raise|reach|meet|increase|halt|aim|lift)(?:ing)?\b)|"
            # ... or setting a spending goal, its size said: "NATO leaders meeting in The Hague
            # on Wednesday agreed a new target of spending five percent of GDP", "endorsed a new
            # defence spending goal of 5 % of GDP", "agreed here on Wednesday to raise defence
            # ... spending to five percent" (not "agreed to meet again")
            # ("agreed on Wednesday, at the close of their summit, that allies should spend 5 per
            # cent of GDP")
            rf"{_ALLIES}(?P<t42>agreed|endorsed|adopted)\b(?=[^.;]{{0,80}}?\b(?:target|goal|"
            r"benchmark|yardstick|(?:to|should|would|must|will)\s(?:raise|spend|lift|increase)"
            r"(?:ing)?)\b[^.;]{0,80}?"
            r"(?:%|percent|per\scent))|"
            # the deal named first, then who reached it: "the six-year deal ... that the allies
            # struck last month"
            # (or agreed on a date: "a one-year extension worth 201.7 billion yen for fiscal 2021
            # that the two governments agreed in February")
            rf"\b(?:{DEAL}|extension)\b(?:[^,.;]|(?<=\d)[.,](?=\d)){{0,60}}?\s(?:that|which)\s(?:the\s)?"
            # (an adverb between: "a deal that negotiators had tentatively struck")
            r"(?:[\w'’-]+\s){0,2}?(?:had\s)?(?:\w+ly\s)?(?P<t27>struck|reached|clinched|sealed|hammered\sout|"
            r"worked\sout|agreed(?=\s(?:in|on)\s))\b|"
            # ... or with the relative pronoun left out: "under a new five-year Special Measures
            # Agreement (SMA) the allies announced Friday"
            rf"\b(?:{DEAL}|extension)\b(?:\s\([A-Z]{{2,6}}\))?\s(?:the\s)?(?:allies|two\s(?:sides|"
            r"countries|governments|allies|nations))\s(?:had\s)?(?P<t66>announced|struck|reached|"
            r"clinched|sealed|unveiled)\b|"
            # the talks' outcome: "came to an agreement", "produced a deal", "yielded an
            # accord", "resulted in a deal", "ended in an agreement"; a consensus, an
            # understanding or a breakthrough reached
            r"\b(?P<t20>came\sto|produced|yielded|resulted\sin|ended\sin|reached|struck|"
            # ("had agreed a new five-year cost-sharing deal")
            # ("had wrapped up a new five-year cost-sharing agreement")
            r"announced|achieved|agreed|wrapped\sup)\s(?:a|an|the)\s(?:[\w-]+\s){0,3}?"
            rf"(?:{DEAL}|consensus|understanding|breakthrough)\b|"
            # a reduced relative with its day: "under a new five-year Special Measures Agreement
            # (SMA) announced Friday"
            # (with its partner and who announced it between: "a new five-year deal with
            # Washington announced by the foreign ministry late Friday")
            rf"\b{DEAL}\)?(?:\swith\s[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)?\s"
            rf"(?P<t33>announced|reached|unveiled|struck)\s"
            r"(?:by\s(?:the\s)?(?:[\w'’.-]+\s){1,3}?(?:(?:late|early)\s)?)?"
            rf"(?=(?:on\s)?{WEEKDAY}\b|{MONTH}_?\s\d)|"
            # "ended their summit ... by agreeing to spend 5 percent of GDP"
            # ("closed their summit here on Wednesday by committing to spend 5% of GDP")
            # ("closed their two-day summit here on Wednesday by agreeing that every ally should
            # spend 5 per cent of GDP")
            rf"\bby\s(?P<t34>agreeing|committing|pledging)\s(?:to|that)\s(?!{_TALK_VERBS}\b)[\w-]+|"
            # ("closed their summit in The Hague on 25 June by endorsing the alliance's most
            # ambitious burden-sharing target yet")
            r"\b(?:summit|meeting)\b[^.;]{0,60}?\bby\s(?P<t76>endorsing|adopting|approving|setting)\s"
            r"(?:(?:a|an|the|their|its)\s)?(?:[\w'’-]+\s){0,4}?(?:target|goal|pledge|"
            r"commitment|benchmark)\b|"

            # the deal told by "it" after the sentence that names it, with its date: "It was
            # announced on Oct. 4 after eight rounds"; "It had been announced Oct. 4"; "signed
            # the accord on Nov. 4, a month after it was announced on Oct. 4"
            r"(?:^|,\s(?:and|but)\s|\bafter\s)[Ii]t\s(?:was|had\sbeen|has\sbeen)\s"
            rf"(?P<t31>announced|reached|struck|agreed|concluded)"
            rf"(?=\s(?:(?:on|in)\s(?:{MONTH}|\d)|{MONTH}_?\s\d))|"
            # a factbox's clause with no subject: "* Announced on Oct. 4 after eight rounds."
            rf"{_CLAUSE_FIRST}(?P<t32>[Aa]nnounced|[Aa]greed|[Rr]eached|[Ss]truck)"
            rf"(?:\sin\sprinciple)?{_FACTBOX_DATED}|"
            rf"\b{DEAL},?\s(?:that\s|which\s)?(?:{_SETTLERS})\s(?:have\s|had\s)?(?:\w+ly\s)?"
            rf"(?P<t11>{_DEAL_DONE})\b|"
            # the deal told by its figure or its text and who settled it, with when: "a 13
            # percent increase, which negotiators of the two countries had agreed on at the
            # working level in late March", "the text, which negotiators announced Oct. 4"
            r"\b(?:increase|rise|figure|total|text|terms)\b(?:\s(?:in|of|on)\s[^,.;\"“”]{1,40}?)?,?\s"
            r"(?:that|which)\s"
            rf"(?:{_SETTLERS})\s(?:have\s|had\s)?(?:\w+ly\s)?(?P<t72>agreed(?:\son)?|reached|"
            r"struck|settled(?:\son)?|announced)"
            rf"(?=\s(?:at\s|in\s|on\s|late\s|early\s|earlier\s|last\s|{MONTH}_?\s\d))|"
            # ... or told in the passive: "The total, about 211 billion yen a year, was agreed
            # on Dec. 21", "The text was agreed in early October", "a working-level compromise
            # on a 13 percent rise was reportedly reached later that month"
            r"\b(?:text|total|figure|compromise|increase|terms)\b(?:,\s[^,.;\"“”]{1,60},|"
            r"\s(?:on|of)\s[^,.;\"“”]{1,40}?)?\s(?:was|were|had\sbeen|has\sbeen)\s(?:\w+ly\s)?"
            r"(?P<t73>agreed|reached|struck|settled|finali[sz]ed)"
            r"(?=\s(?:on|in|at|after|later|earlier|last|early|late)\b)|"
            # its day set off with its year: "negotiators agreed on Jan. 12, 2014, on a
            # five-year deal"
            rf"\b(?P<t74>agreed)\son\s{MONTH}_?\s\d{{1,2}},\s(?:19|20)\d\d,\son\s"
            rf"(?:[\w'’-]+\s){{0,8}}?{DEAL}\b|"
            # the deal told by "it" after the sentence that names it: "The two sides announced
            # it on Oct. 4"
            r"\b(?:two|both)\s(?:sides|governments|countries|allies)\s(?P<t75>announced|reached|"
            r"struck|sealed)\sit(?=\s(?:on|in)\s)|"
            # (a date between: "agreed on Feb. 17, 2021, to extend the previous pact")
            r"\b(?P<t12>decided|agreed)\s(?:on\s[^;.]{1,25}?,\s)?(?:[\w-]+\s){0,2}?to\s"
            r"(?:extend|renew|roll\sover|prolong)\b"
            rf"(?=[^.]{{0,60}}?\b{DEAL}\b)|"
            # "... began negotiating the deal in April and announced it in early October"
            # (or by its makers: "signed the deal on Nov. 4, a month after the two governments
            # announced it on Oct. 4")
            rf"\b{DEAL}\b[^.]{{0,80}}?\b(?:and|governments|sides|allies|negotiators|countries)\s"
            r"(?P<t26>announced|reached|struck|sealed)\s(?:it|one)\b|"
            rf"\b(?P<t2>agreement in principle|agreed in principle|(?:deal|accord) in principle|"
            r"tentative(?:,\s[\w-]+)? (?:deal|agreement)|"
            r"came to terms|come to terms)\b|"
            # "finally settled their cost-sharing dispute in March 2021"
            r"\b(?P<t15>settled|resolved)\s(?:their|the|its)\s(?:[\w-]+\s){0,2}?"
            # (or what the deal is made of: "settled the main points", "the key terms")
            r"(?:dispute|row|standoff|impasse|deadlock|differences|points|terms|issues|figures|"
            r"numbers)\b|"
            # "leaders signed up to a new target of 5% of GDP"
            # "NATO allies endorsed a goal of spending 5% of GDP" (a legislature endorsing an
            # agreement ratifies it)
            r"\b(?P<t19>endorsed|adopted)\s(?:an?\s|the\s|their\s)?(?:[\w-]+\s){0,2}?"
            r"(?:target|goal|pledge|commitment)\b|"
            # ("signed off on a pledge to spend five percent of GDP")
            r"\b(?P<t14>signed up to|signed off on)\s(?:(?:an?\s|the\s)?(?:[\w-]+\s){0,2}?"
            r"(?:target|goal|pledge|commitment|deal|agreement)\b|"
            # (a spending target named at length: "signed off on a new defence spending target")
            r"(?:an?\s|the\s)?(?:[\w-]+\s){3}(?:target|goal)\b|"
            # "signed up to spending 5 % of GDP": the commitment told by what it commits to
            r"(?:spend|rais|increas|lift|boost|pay|contribut)\w*ing\b)|"
            # ("The deal itself was announced in early October")
            rf"\b{DEAL}(?:\sitself)?\s(?:(?:was|has been|had been)\s(?:\w+ly\s)?)?"
            rf"(?P<t3>{_DEAL_DONE})\b(?!\sto\b)|"
            # (with what it is on between: "A deal on defense cost-sharing was reached")
            # (not "No deal on ... has been reached")
            rf"(?<!\bno\s)(?<!\bno\snew\s)(?<!\bno\sfinal\s)"
            rf"\b{DEAL}\s(?:on|over|for)\s(?:[\w'’.-]+\s){{1,6}}?(?:was|has\sbeen|had\sbeen)\s"
            rf"(?:\w+ly\s)?(?P<t93>{_DEAL_DONE})\b(?!\sto\b)|"
            # the deal told by its terms or its conclusion: "The terms were announced on October
            # 4", "The conclusion of the talks was announced on Oct. 4", "Its terms were
            # announced Oct. 4"
            r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s(?:(?:main|key|final)\s)?(?:terms|conclusion\sof\sthe\s(?:talks|"
            r"negotiations))\s(?:was|were|had\sbeen|have\sbeen|has\sbeen)\s"
            r"(?P<t64>announced|unveiled|finali[sz]ed)\b|"
            # with an apposition between: "The five-year pact, covering 2026 to 2030, was
            # reached on Oct. 4"; "The 11th SMA, which covers 2020 to 2025, was reached"
            rf"\b{DEAL},\s[^,.;\"“”]{{1,90}},\s(?:was|has been|had been)\s(?:\w+ly\s)?"
            rf"(?P<t23>{_DEAL_DONE})\b(?!\sto\b)|"
            # the terms settled: "The fixed rate of increase was settled when ... met"
            r"\b(?:rate|terms|figure|amount|formula|share|increase|contribution)\b(?:\s[\w-]+){0,4}?"
            r"\s(?:was|were|had\sbeen|has\sbeen)\s(?P<t22>settled|fixed|finali[sz]ed)\b|"
            # "The agreement, worked out with Washington in December, ...": a participle
            # after the deal tells an event only with its own date
            rf"\b{DEAL},\s(?:(?:which|that)\s(?:was|has been|had been)\s)?(?:\w+ly\s)?"
            rf"(?P<t21>{_DEAL_DONE}){_PARTICIPLE_DATED}|"
            # (what the deal is on between: "the terms of a six-year agreement with the United
            # States on sharing the cost of the troops, struck in principle in Washington on
            # March 7"; or by whom: "a tentative agreement struck by working-level negotiators
            # late last month")
            # (a number's comma is no clause's: "the 28,500 American troops")
            rf"\b{DEAL}\b(?:[^,.;\"“”]|(?<=\d)[,.](?=\d)){{1,120}},\s(?P<t40>{_DEAL_DONE})"
            rf"(?:\s(?:in\sprinciple|tentatively))?{_PARTICIPLE_DATED}|"
            # the offer the rejection was of, worked out by the negotiators: "The offer, a 13
            # percent increase ..., had been worked out by working-level negotiators in late
            # March"
            # (or with the rejection between, or no auxiliary: "The offer he turned down had been
            # hammered out by working-level negotiators", "The offer, worked out by
            # working-level negotiators late last month, would have raised ...")
            r"\b(?:offer|increase|figure|compromise)\b(?:(?:,\s[^.;\"“”]{1,90}?,|\s(?:that\s|which\s)?"
            r"(?:[\w'’.-]+\s){1,3}?(?:turned\sdown|rejected|nixed|spurned))?\s(?:had\sbeen|was|has\sbeen)"
            r"|,)\s(?P<t77>worked\sout|hammered\sout|agreed|reached|struck)\sby\s(?:[\w-]+\s){0,3}?"
            r"negotiators\b|"
            rf"\b{DEAL}\s(?P<t41>{_DEAL_DONE})\sby\s[^,.;]{{1,50}}?"
            r"(?=\s(?:in|on|last|early|late|earlier)\s)|"
            r"\b(?:target|goal|pledge|terms|deal|agreement|accord|increase|rate|formula)\s"
            r"(?:was|were|had been|has been)\s(?P<t7>agreed)\b|"
            # "The deal came after a three-day round ... which wrapped up on Sunday"
            r"^(?:[A-Z]+:\s)?(?:The|This|That)\s(?:[\w-]+\s)?(?:deal|agreement|accord|breakthrough|"
            r"compromise)\s(?P<t13>came)\b|"
            r"\b(?P<t6>ended|closed|concluded|wrapped up)\s(?:[\w'’.-]+\s){0,6}?with\s"
            rf"(?:a|an|the)\s(?:[\w-]+\s){{0,2}}?{DEAL}\b|"
            # (the other side may stand between: "agreed with the United States to raise ...")
            rf"\b(?P<t4>agreed|settled)(?:\s(?:{_WHEN_ADVERBIAL})){{0,3}}"
            # (not an agreement to go on meeting: "agreed only that they would meet again")
            rf"(?:\swith\s(?:the\s)?(?:{COUNTRY_PATTERN}))?\s(?:that\s(?![^.;]{{0,40}}?\b(?:{_TALK_VERBS})"
            r"(?:s|ing)?\b)|on\s(?:a|an|the)\s|"
            # ("have settled how much Seoul will contribute to the upkeep of ...")
            r"(?:on\s)?how\smuch\s|"
            # "settled on two years, with Seoul's contribution ... rising": on the deal's terms
            rf"on\s(?:{NUMBER_WORD_PATTERN}|\d+)\s(?:years?|percent|per\scent|%)|"
            # (nor one to seek a deal: "agreed to reach a mutually acceptable deal at an early
            # date")
            rf"to\s(?!{_TALK_VERBS}\b)(?!(?:reach|strike|seek|pursue|push|strive|try)\b)"
            r"(?:[\w-]+))|"
            # (not a round of them: "concluded the fifth round of SMA talks")
            r"\b(?P<t8>concluded|completed|finali[sz]ed)\s(?:the\s)?"
            r"(?:(?!round\b|session\b|meeting\b)[\w-]+\s){0,4}?"
            r"(?:Agreement|SMA|deal|accord)\s(?:negotiations|talks)\b|"
            # "have concluded negotiations on a new defense cost-sharing deal"
            rf"\b(?P<t18>{_CONCLUDE})\s(?:the\s|their\s)?(?:negotiations|talks)\s"
            rf"(?:on|over|for)\s(?:(?:a|an|the)\s)?(?:[\w-]+\s){{0,4}}?{DEAL}\b|"
            # (also with its subject between, a reduced relative: "the joint fact sheet the two
            # governments released on Nov. 14")
            r"\bjoint\s(?:statement|fact sheet|declaration)\s(?:(?:that|which)\s)?"
            r"(?:(?:the|both|its|their)\s(?:[\w-]+\s){0,2}?[\w-]+\s)?"
            r"(?P<t9>released|issued|published|unveiled)\b|"
            r"\b(?P<t16>released|issued|published|unveiled)\s(?:a|an|the|their)\sjoint\s"
            r"(?:statement|fact sheet|declaration)\b|"
            # "The current special measures agreement was extended by one year in February"
            rf"\b{DEAL}\s(?:was|were|has\sbeen|had\sbeen)\s(?P<t25>extended|renewed|rolled\sover)\b|"
            # "under a one-year stopgap extension agreed with Washington on Wednesday"
            r"\b(?:extension|renewal|rollover)\s(?:(?:was|has been|had been)\s)?"
            rf"(?P<t17>{_DEAL_DONE})\b(?!\sto\b)|"
            # "the two-percent guideline that allies adopted at their summit in Wales", "the
            # goal that allies set themselves": a target told by who adopted it
            # (an apposition may stand between: "the informal benchmark of two percent of GDP,
            # which allies turned into a formal Defence Investment Pledge at their summit")
            r"\b(?:target|goal|guideline|pledge|commitment|benchmark)(?:\s(?:of|for)\s[^,.;]{1,40},)?"
            r"\s(?:that\s|which\s)?(?:the\s)?"
            r"(?:allies|leaders|members|NATO|the\salliance|they)\s(?:had\s)?"
            r"(?P<t24>adopted|set|agreed|made|turned\sinto|endorsed|signed\sup\sto)\b|"
            # ("NATO allies promised to spend", "leaders signed up in The Hague last month to
            # spend")
            # (not a state: "Seoul remains committed to a deal within the existing framework")
            # ("... said it remained committed to a fair and reasonable deal")
            r"(?<!\bremains\s)(?<!\bremain\s)(?<!\bremained\s)(?<!\bis\s)(?<!\bare\s)"
            r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bstays\s)(?<!\bstayed\s)"
            rf"\b(?P<t10>committed|pledged|promised|signed\sup)(?:\s(?:{_WHEN_ADVERBIAL}|merely|"
            rf"only|also|again|formally)){{0,2}}\s"
            # (not a promise of something else: "has promised to repair alliances")
            rf"(?:themselves\s)?to\s(?!{_TALK_VERBS}\b)(?!repair|restore|rebuild|mend|improve)"
            r"(?!(?:the|these|further)\s(?:talks|negotiations|dialogue|process)\b)[\w-]+|"
            rf"\bterms\sof\s(?:the\s)?(?:[\w-]+\s){{0,5}}?{DEAL}\b[^.]{{0,80}}?"
            r"\b(?P<t5>released|announced|unveiled|published|disclosed)\b"
        ),
    ),
    _Rule(
        "deadline_passed",
        _rx(
            rf"\b{DEAL}\b[^.]{{0,150}}?\b(?P<t>expired|lapsed|ran out)\b|"
            # (not a lapse feared: "raising the prospect of a lapse in the deal")
            rf"\b(?P<t2>expired|lapsed)\b[^.]{{0,30}}\b{DEAL}\b|"
            r"(?<!prospect\sof\sa\s)(?<!risk\sof\sa\s)(?<!threat\sof\sa\s)(?<!danger\sof\sa\s)"
            r"\b(?P<t3>lapse) (?:in|of) the\b|"
            # a stopgap with no successor: "a one-year stopgap, which expired at the end of that
            # year with no successor"
            r"\bstopgap,?\s(?:which|that)\s(?P<t21>expired|lapsed)\b(?=[^.;]{0,60}?\b(?:with\sno|"
            r"without\s(?:a|any))\ssuccessor)|"
            # the deal told by "it" in a factbox, with no successor: "* It expired on Dec. 31,
            # 2019, with no successor in place."
            r"(?:^(?:[*•-]\s)?(?:[^,.]{1,40},\s)?(?:[Ii]t\s)?|\b[Ii]t\s)(?P<t7>[Ee]xpired|[Ll]apsed)\b"
            r"(?=[^.;]{0,40}?\b(?:with\sno|without\s(?:a|any))\ssuccessor)|"
            # "talks that dragged on past the expiry of the previous agreement at the end of
            # 2013"
            rf"\b(?:past|after|since|with|following|follows?|followed)\sthe\s(?P<t20>expiry|expiration)\sof\s"
            rf"(?:the\s|its\s|their\s)?(?:[\w-]+\s){{0,3}}?{DEAL}\b|"
            # "let their cost-sharing agreement lapse", "allowed the deal to expire"
            # ("a stalemate that saw the previous agreement expire at the end of 2019")
            rf"\b(?:let|allowed|saw)\s(?:[\w'’-]+\s){{0,4}}?{DEAL}\s(?:to\s)?(?P<t4>lapse|expire)\b|"
            rf"\b{DEAL}\s(?:was|were|had\sbeen)\s(?P<t6>allowed\sto\s(?:lapse|expire))\b|"
            # "It was the seventh round of negotiations on a new agreement. The previous one
            # expired Dec. 31": the deal named by "one"
            # (or numbered in apposition: "The previous one, the tenth, expired on December 31st,
            # 2019.")
            r"\b(?:previous|last|old|earlier)\sone(?:,\s[^,.;]{1,30},)?\s(?:had\s)?"
            r"(?P<t5>expired|lapsed|ran\sout)\b"
        ),
    ),
    _Rule(
        "deadline",
        _rx(
            # a factbox's term: "* DURATION: One year, expiring on Dec. 31, 2019"
            rf"\b(?P<t61>expiring)(?=\s(?:on\s)?{MONTH}_?\s\d)|"
            # the deal in force's expiry, dated: "well ahead of the current deal's expiry at the
            # end of 2025", "before the expiry of the existing agreement on Dec. 31"
            rf"\b(?:current|existing)\s(?:[\w-]+\s){{0,3}}?{DEAL}['’]s\s(?P<t62>expiry|expiration)"
            r"(?=\s(?:at|on|in)\s)|"
            rf"\b(?P<t63>expiry|expiration)\sof\s(?:the|its)\s(?:current|existing)\s(?:[\w-]+\s){{0,3}}?"
            rf"{DEAL}(?=\s(?:at|on|in)\s)|"
            # "The Agreement will remain valid for one year, until December 31, 2019."
            rf"\b{DEAL}\b[^.]{{0,80}}?\b(?P<t2>(?:remains?|will\sremain|stays?|will\sstay)\s"
            r"(?:valid|in\sforce|in\seffect))\b(?=[^.]{0,30}?\b(?:until|through)\b)|"
            # (a clause on what the deal pays may stand between: "The current agreement, under
            # which Japan pays a total of about 946.5 billion yen over fiscal 2016 through
            # 2020, expires at the end of March")
            # (or the new deal as "the new one": "..., and the new one will itself expire at the
            # end of this year")
            rf"\b(?:{DEAL}|extension|stopgap|(?:new|current|latest)\sone)\b[^.]{{0,200}}?\b"
            r"(?P<t>expires|expiring|"
            r"will\s(?:in\sturn\s|also\s|itself\s|then\s)?(?:expire|lapse|run\sout)|"
            # "valid only through the end of this year", "running until the end of 2025"
            # (a bare year ends the deal's term, no deadline of the new deal's: "The deal runs
            # through 2030", "a six-year pact running through 2025"; the current one's is,
            # below)
            r"(?:valid|running)\s(?:only\s)?(?:through|until)(?=\s)(?!\s(?:fiscal\s)?(?:19|20)\d\d\b)|"
            r"(?:is\s)?(?:set|due) to (?:expire|run out)|"
            # "leaving the 10th Special Measures Agreement to run out on Dec. 31"
            r"(?<=\sto\s)(?:run\sout|expire|lapse)(?=\s(?:on|at|in)\s)|"
            r"runs out|lapses|"
            # "With the current agreement running out at the end of this month, ..."
            r"running\sout(?=\s(?:on|at|in)\s)|"
            # "the current deal does not expire until the end of 2025"
            r"(?:does|do|did|will)\snot\sexpire(?=\suntil\b)|"
            # the deal's term told by its end: "until the current agreement ends in 2030",
            # "the accord runs through 2025"
            r"ends(?=\s(?:in|on|at\sthe\send\sof|at\syear[- ]end\b))|will end(?=\s(?:in|on)\s)|"
            r"runs\s(?:only\s)?(?:through|until)(?=\s)(?!\s(?:fiscal\s)?(?:19|20)\d\d\b))\b|"
            # the current deal's term to a year: "The current agreement, the 11th, runs through
            # 2025"
            r"\b(?:current|existing|present|expiring)\b[^.]{0,60}?\b(?P<t65>(?:runs|running)\s"
            r"(?:only\s)?(?:through|until))(?=\s(?:fiscal\s)?(?:19|20)\d\d\b)|"
            # the deal told by "it" after the sentence that names it: "It runs for six years and
            # expires at the end of 2025."
            # (or in a clause of its own: "Because it expires at the end of this year, ...")
            # (or after a phrase set off by a comma: "Worth 201.7 billion yen, it expires at the
            # end of March 2022.")
            # (or a factbox's line: "* It expires at the end of 2025.", "* Expires on Dec. 31,
            # 2025.")
            # (or after what it means: "That means it expires at the end of this year"; or by
            # how long it runs: "Because it runs only until December 31, ...")
            r"(?:^(?:[*•-]\s)?|,\s|\b(?:[Bb]ecause|[Ss]ince|[Aa]s|[Bb]ut|[Aa]nd|[Ww]hen|[Tt]hough|"
            r"means|meaning)\s)"
            r"[Ii]t\s(?:[^.]{0,60}?\s)?(?P<t9>expires|will\sexpire|runs\sout|is\sset\sto\sexpire|"
            rf"runs\s(?:only\s)?(?:until|through)(?=\s(?:the\send\sof|{MONTH})\b))\b|"
            # the expiry dated before it: "well ahead of the Dec. 31, 2025, expiry of the current
            # 11th SMA"
            rf"\bthe\s{MONTH}_?\s\d{{1,2}},\s(?:19|20)\d\d,\s(?P<t85>expiry|expiration)\sof\b|"
            rf"^[*•-]\s(?P<t64>Expires)(?=\s(?:on\s|at\sthe\send\sof\s|in\s)?(?:{MONTH}_?\s\d|"
            r"(?:19|20)\d\d|March|December))"
        ),
        factual=False,
    ),
    _Rule(
        "talks_scheduled",
        _rx(
            r"\b(?:will|would|agreed to|agree to|plans? to|planned to|are set to|is set to|"
            r"are expected to|is expected to|decided to|vowed to|to)\s(?:\w+\s)?"
            # ("will convene the sixth round")
            r"(?P<t>continue|hold|resume|reconvene|meet again|convene)\b"
            rf"(?=[^.]{{0,40}}?\b(?:{TALKS}|negotiat\w*|again)\b)|"
            # a meeting hosted, not troops: "Washington will host the sixth round in January"
            r"\b(?:will|would|is\sto|(?:is|are)\s(?:set|due|scheduled|expected)\sto)\s(?P<t23>host)"
            r"(?=\s(?:the|a|an|their)\s(?:[\w-]+\s){0,2}?(?:round|meeting|session|talks)\b)|"
            # (not an obligation: "the two sides will soon have to sit down again")
            r"(?<!have\sto\s)(?<!has\sto\s)(?<!must\s)(?<!need\sto\s)"
            r"\b(?P<t5>meet again|sit down again|get together again|come back together|"
            r"come together again)\b|"
            # the parties set to meet at a time to come: "the allies agreed to reconvene in 2029
            # to review the trajectory", "allies will come back to the table in 2029", "The
            # negotiators will meet in Seoul next month", "Delegations are scheduled to
            # reconvene in December"
            r"\b(?:negotiators|delegations|delegates|sides|teams|envoys|allies|governments|leaders|"
            r"members|ministers|countries|nations|alliance|they)\s"
            r"(?:[\w-]+\s){0,2}?(?:will|would|agreed\sto|plans?\sto|planned\sto|"
            r"(?:are|were)\s(?:scheduled|set|due|expected)\sto)\s"
            # (meeting each other, not a target: "allies were expected to meet that mark in 2024")
            r"(?P<t22>reconvene|meet(?=\s(?:again|in|on|at|for|to|next|later)\b)|"
            r"come\sback\sto\sthe\stable)\b"
            r"(?=[^.;]{0,40}?\b(?:in\s(?:19|20)\d\d|next\s(?:week|month|year)|"
            rf"later\sthis\s(?:week|month|year)|in\s(?:early\s|late\s|mid-)?{MONTH})\b)|"
            # ("the negotiators will sit down for a third round in Seoul in November")
            r"\b(?:will|would|to|plan to|plans to|agreed to)\s(?P<t7>meet|sit\sdown)\b"
            rf"(?=[^.]{{0,60}}?\b(?:{TALKS}|negotiat\w*)\b)|"
            rf"\b(?P<t2>(?:continue|resume)\s(?:negotiating|talks|negotiations))\b|"
            # "the talks would continue"
            rf"\b{TALKS}\s(?:would|will)\s(?:still\s)?(?P<t11>continue|resume|go\son)\b|"
            # "ahead of the allies' summit in The Hague in June 2025": a meeting to come
            r"\bahead\sof\s(?:the\s|their\s|next\s|an?\s)?(?:[\w'’-]+\s){0,2}?"
            # (not a past one: "took over the team ahead of the second round in Honolulu last
            # month")
            r"(?P<t12>summit|round|meeting)\b(?=\s(?:in|at|on|next|later)\b)"
            r"(?![^.,;]{0,40}?\b(?:last|earlier|ago)\b)|"
            # "agreed to keep negotiating", "would keep consulting", "will continue to consult"
            # (not a readiness: "his team had been ready to keep talking")
            r"\b(?:will|would|agreed\sto|(?<!ready\s)(?<!willing\s)(?<!prepared\s)(?<!eager\s)to)\s"
            r"(?P<t10>keep\s(?:consulting|talking|negotiating)|"
            r"continue\s(?:to\s)?(?:consult(?:ing)?|talk(?:ing)?|negotiat(?:e|ing)))\b|"
            # ("a fourth round is pencilled in for Washington next month")
            rf"\b{TALKS}\s(?:is|are|was|were)\s(?:tentatively\s)?(?P<t3>{_BOOKED})\b"
            r"(?!\sto\s(?:run|last|end|wrap up|conclude|continue through)\b)|"
            # (with what the talks are on between: "The fifth round of talks on defense
            # cost-sharing is set for next month")
            rf"\b{TALKS}\s(?:on|over|about)\s[^.;,\"“”]{{3,60}}?\s(?:is|are)\s(?:tentatively\s)?"
            rf"(?P<t21>{_BOOKED})(?=\sfor\b)|"
            rf"\b{TALKS}\b[^.]{{0,60}}?\b(?P<t6>(?:will|would|(?:is|are)\s(?:expected|set|due|scheduled|"
            r"slated)\sto|(?:is|are)\sto)\s(?:take place|be held|be hosted|open|begin|start|resume|"
            # ("The sixth round will be in Washington in January")
            r"convene|be(?=\s(?:in|at)\s[A-Z]))|"
            r"(?:will|would)\s(?:still\s)?go\sahead)\b|"
            # "will start talks on a new agreement later this year" (a plan; not "will have to
            # start", an obligation, nor "sat down ... to begin", a purpose)
            # (or booked to: "are scheduled to open the second round of talks ... in Honolulu")
            r"\b(?:will|would|plans?\sto|planned\sto|agreed\sto|"
            r"(?:is|are)\s(?:set|expected|scheduled|due|slated)\sto|"
            r"decided\sto|aims?\sto)\s(?:\w+\s)?(?P<t8>start|begin|open|launch)\b"
            rf"(?=[^.]{{0,40}}?\b(?:{TALKS}|negotiat\w*)\b)|"
            # a new deal still to be negotiated, a plan with its time: "The two governments plan
            # to negotiate a new multiyear accord during the course of this year", "A new
            # multiyear pact is to be negotiated later this year", "Negotiations on a new
            # multiyear agreement are expected later this year" (not "will have to negotiate",
            # an obligation)
            r"\b(?:will|plans?\sto|planned\sto|intends?\sto|aims?\sto|agreed\sto|decided\sto|"
            r"(?:is|are)\s(?:set|expected|due)\sto)\s(?P<t14>negotiate)\s(?:an?\s)?"
            rf"(?:[\w-]+\s){{0,2}}?(?:new|longer|fresh)\s(?:[\w-]+\s){{0,2}}?{DEAL}\b"
            rf"(?=[^.]{{0,40}}?\b(?:later|this|next|during|in\s(?:(?:19|20)\d\d|fiscal|{MONTH}|"
            r"the\scoming|the\snew|early|late))\b)|"
            rf"\b(?:new|longer|fresh)\s(?:[\w-]+\s){{0,2}}?{DEAL}\s(?:is|are)\s(?P<t15>to\sbe\s"
            r"negotiated|expected\sto\sbe\snegotiated)\b|"
            rf"\b(?P<t16>[Nn]egotiations)\s(?:on|for|over)\s(?:an?\s)?(?:[\w-]+\s){{0,2}}?new\s"
            rf"(?:[\w-]+\s){{0,2}}?{DEAL}\s(?:is|are)\s(?:expected|due|planned)\s"
            r"(?=(?:later|this|next|in|by)\b)|"
            # the next meeting's date still to be set: "the two sides would set the date and
            # venue of the next round through diplomatic channels", "will consult on the timing
            # of the next session", "the date of the next meeting would be set" (not "No date has
            # been set for the next round", where the writers split)
            r"\b(?:would|will)\s(?P<t17>set|fix|decide|arrange|consult\son|discuss)\s(?:the\s)?"
            r"(?:date|timing|venue|schedule)(?:\sand\s(?:date|venue|place|timing))?\sof\s(?:the\s)?"
            r"next\s(?:round|meeting|session)\b|"
            r"\b(?:date|timing|venue)\sof\s(?:the\s)?next\s(?:round|meeting|session)\s(?:would|will)\s"
            r"be\s(?P<t18>set|fixed|decided|arranged)\b|"
            # a meeting its side expects: "officials say they still expect a fourth round to
            # take place early next month"
            r"\b(?:expect|expects)\s(?:a|the|another)\s(?:[\w-]+\s)?(?:round|meeting|session)"
            r"(?:\sof\s(?:talks|negotiations))?\s(?P<t20>to\s(?:take\splace|be\sheld|open|begin|"
            r"start|resume))\b|"
            # a round planned as an object: "The two allies plan a sixth round in Washington
            # early next year", "have scheduled a sixth round for January"
            r"\b(?P<t96>plan|plans|(?:are|is)\splanning|(?:have|has)\sscheduled)\s"
            r"(?:a|an|the|their|another)\s(?:[\w-]+\s){0,2}?(?:round|meeting|session)\b"
            r"(?!\sof\s(?!talks\b|negotiations\b|consultations\b))"
            r"(?=[^.;]{0,60}?\b(?:next|later|for|in\s(?:early\s|late\s|mid-)?"
            rf"(?:{MONTH}|(?:19|20)\d\d))\b)|"
            # "the two delegations will try again in Washington early next month"
            r"\b(?:will|would|to)\s(?P<t19>try\sagain)\b(?=\s(?:in|on|next|later|early|this)\b)|"
            # (a round of something else is none: "the next round of drills will follow", "the
            # next round of pressure from Washington will")
            rf"\b(?:next|upcoming|following)\s(?:round|meeting|session)\b"
            r"(?!\sof\s(?!talks\b|negotiations\b|consultations\b|the\s(?:talks|negotiations)\b))"
            rf"[^.]{{0,60}}?"
            r"\b(?P<t4>will|is expected|is scheduled|is slated|is set|is due)\b|"
            # "The second round is expected next month."
            rf"\b(?:[Tt]he|[Aa])\s(?:{ORDINAL_PATTERN})\s(?:round|meeting|session)"
            r"(?:\sof\s(?:talks|negotiations))?\s(?P<t13>is\sexpected|is\sdue)\s"
            r"(?=(?:next|later|in|on|this|early|late|by)\b)"
        ),
        factual=False,
    ),
    _Rule(
        "talks_opened",
        _rx(
            # (not a gap told after the talks: "..., extending a gap that opened when"; nor a
            # stalemate: "..., ending a stalemate that began when the previous pact expired")
            rf"\b{TALKS}\b[^.]{{0,140}}?(?<!gap\sthat\s)(?<!rift\sthat\s)(?<!vacuum\sthat\s)"
            r"(?<!stalemate\sthat\s)(?<!standoff\sthat\s)(?<!impasse\sthat\s)"
            r"(?<!deadlock\sthat\s)(?<!dispute\sthat\s)"
            r"\b(?P<t>began|kicked off|opened|got under way|"
            r"got underway|started|resumed|had begun|has begun|have begun|"
            # ("negotiations that were launched in April")
            r"(?:was|were|had\sbeen|have\sbeen)\slaunched|"
            # told as it happens: "The first round ... is being held in Honolulu through Thursday"
            r"(?:is|are)\sbeing\sheld|"
            r"entered (?:a|their|its) (?:second|third|final) day|"
            # "held eight rounds of talks starting in April"
            rf"(?<=\s)(?:starting|beginning)(?=\s(?:in|on|last|this)\s))\b|"
            # "announced on Oct. 4 after eight rounds of talks since April"
            r"\b(?P<t12>rounds\sof\s(?:talks|negotiations))\s(?=since\s"
            rf"(?:(?:early\s|late\s|mid-)?{MONTH}\b|last\s(?:year|spring|summer|autumn|fall)))|"
            # "Seoul and Washington open their first round of talks in Honolulu today" (a
            # present tense told as it happens; a headline's present restates the body's past)
            # the participle opening the sentence: "Opening the fifth round in Seoul on Tuesday,
            # Jeong Eun-bo said ..."
            r"(?:^|(?:--|—|–)\s)(?P<t95>(?-i:Opening|Beginning|Starting|Kicking\soff|Launching))"
            rf"\s(?:the|their|a|its)\s(?:[\w'’.-]+\s){{0,3}}?(?:round|session|{TALKS})\b|"
            # "Seoul and Washington began negotiating the deal in April"
            r"\b(?P<t11>began|started)\s(?:negotiating|to\snegotiate)\b|"
            # "The two allies have been negotiating since September 2019"
            r"\b(?:have|has|had)\sbeen\s(?P<t13>negotiating|in\stalks)\ssince\s"
            rf"(?=(?:early\s|late\s|mid-)?{MONTH}_?\s(?:\d{{4}}|last\syear)\b)|"
            rf"\b(?P<t2>began|kicked off|opened|started|resumed|are holding|were holding|"
            # ("got the sixth round of talks under way")
            rf"got(?=\s(?:[\w'’.-]+\s){{0,4}}?{TALKS}\sunder\s?way\b)|"
            # (a round launched: "launched their fifth round of talks"; the talks launched are
            # the first round's, told by its own verbs: 2 of 2 dev writers)
            r"launched(?=\s(?:(?:the|their|a|its)\s(?:[\w-]+\s){0,2}?)?round\b)|"
            # (or on the day's weekday: "open talks in Honolulu on Tuesday on how to share ...")
            r"(?<!\bwill\s)(?<!\bto\s)(?:open|opens|begin|begins|start|starts|kick off|kicks off)"
            rf"(?=[^.]{{0,120}}\b(?:today|tonight|this (?:morning|afternoon|evening)|on\s{WEEKDAY})"
            r"\b))\s"
            rf"(?:[\w'’.-]+\s){{0,4}}?{TALKS}\b"
            # (not a demand told by when it was made: "Washington opened these talks demanding
            # about $5 billion a year", "opened the talks in 2019 reportedly seeking")
            r"(?!(?:\sin\s\d{4})?,?\s(?:by\s)?(?:reportedly\s)?(?:demanding|asking|seeking|"
            r"calling\sfor)\b)|"
            # (not a seat described: "Across the table sat James DeHart, ... adviser for the
            # talks")
            # (nor who faced whom: "Jeong Eun-bo ... sat across the table from James DeHart
            # ... for the second round": the round held, told by its seats; 19 of 19 writers)
            r"(?<!table\s)\b(?P<t3>sat(?!\s(?:across|opposite|facing)\b)|are in|were in|"
            r"arrived in)\b(?![^.]{0,80}?\b(?:adviser|"
            r"advisor|negotiator|envoy|head|chief)\sfor\s)[^.]{0,80}?\bfor\s"
            # (or the days they last: "sat down on March 17 for three days of talks")
            rf"(?:(?:a|an|the|their)\s(?:[\w-]+\s){{0,2}}?|(?:two|three|four|five|\d)\sdays\sof\s)"
            rf"{TALKS}\b|"
            # the present told as it happens: "Negotiators sit down in Seoul today for the first
            # round of talks" (not "will meet", nor a day to come)
            r"(?<!\bwill\s)(?<!\bto\s)\b(?P<t65>sit\sdown|sits\sdown|meet|meets)\b"
            r"(?=[^.]{0,120}\b(?:today|tonight|this\s(?:morning|afternoon|evening))\b)"
            rf"[^.]{{0,80}}?\bfor\s(?:a|an|the|their)\s(?:[\w-]+\s){{0,2}}?{TALKS}\b|"
            # "are meeting again today, this time for a sixth round" (not "next week")
            r"\b(?P<t5>(?:are|were)\s(?:now\s|still\s)?(?:meeting|negotiating))\b"
            r"(?![^.]{0,60}\b(?:next|tomorrow|later)\b)"
            rf"(?=[^.]{{0,80}}?\b(?:{TALKS}|again|today)\b)|"
            # "leaders gathered in The Hague on Tuesday for a two-day summit"
            r"\b(?P<t7>gathered|convened|assembled|arrived)\b[^.]{0,60}?\bfor\s(?:a|an|the|their)\s"
            r"(?:[\w-]+\s){0,2}?summit\b|"
            # "met for a second day in Los Angeles on Wednesday"
            r"\b(?P<t6>met|meeting|talks)\sfor\sa\s(?:second|third|fourth)\s(?:straight\s)?day\b|"
            # "sat down with ... on Monday to begin three days of discussions"
            r"\b(?P<t4>sat down|met|gathered|convened)\b(?=[^.]{0,120}?\bto\s"
            rf"(?:begin|start|open|launch|kick off)\s(?:[\w-]+\s){{0,4}}?{TALKS}\b)|"
            # the table as the talks: "are back at the table today", "returned to the
            # negotiating table on Monday" (told as done or under way, never "will return")
            r"\b(?P<t8>(?:are|were|is|was|got|came)\s(?:now\s)?back\s(?:at|to)|returned\sto|"
            r"(?:are|were)\s(?:now\s)?at)\sthe\s(?:negotiating\s)?table\b"
            r"(?![^.]{0,60}\b(?:next|tomorrow|later)\b)"
        ),
    ),
    _Rule(
        "round_concluded",
        _rx(
            # a day named as a round's last: "reached the agreement in principle on March 7, the
            # final day of the ninth round of talks in Washington" (28 of 28 dev writers)
            rf"\b(?:final|last|closing)\sday\sof\s(?:the|their|a)\s"
            rf"(?P<t80>(?:{ORDINAL_PATTERN})\sround)\b(?!\sof\s(?:the\s)?(?:combined\s)?"
            r"(?:exercise|drills?|training))|"
            # one of the rounds counted, held: "The negotiations ran through eight rounds, the
            # first of them held in Honolulu in April"
            r"\brounds,\s(?:the\s)?(?P<t81>(?:first|last|latest|final))(?=(?:\sof\sthem|\sone)?,?\s"
            r"(?:held|was\sheld)\s(?:in|at|on|by|via)\b)|"
            # "The two sides last met in person in Los Angeles in March"
            r"\b(?P<t82>last\smet)(?=(?:\sin\sperson|\sface[\s-]to[\s-]face)?\s(?:in|on)\s)|"
            # a meeting counted by how many times they met: "Negotiators met for the seventh
            # time in Los Angeles from March 17 to 19" (the negotiators, not two leaders)
            r"(?:(?<=negotiators\s)|(?<=delegations\s)|(?<=sides\s)|(?<=teams\s)|"
            r"(?<=delegates\s)|(?<=envoys\s))"
            rf"(?P<t84>met)(?=\sfor\sthe\s(?:{ORDINAL_PATTERN}){_NTH_TIME})|"
            # a round that was in a city at a time: "The first round was in Honolulu in April"
            r"\b(?:[Rr]ound|session|meeting)\s(?P<t85>was)(?=\s(?:in|at)\s[A-Z][a-z]+"
            r"(?:\s[A-Z][a-z]+)?,?\s(?:in|on|from|last|earlier)\s)|"
            # a city that hosted a round: "Seoul hosted the fifth round of talks on Tuesday"
            r"(?:^|(?<=,\s))[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s(?:\w+ly\s)?(?P<t83>hosted)"
            rf"(?=\s(?:the|their)\s(?:(?:{ORDINAL_PATTERN}|latest|last|final)\s)round\b)|"
            rf"\b{TALKS}\b[^.]{{0,140}}?\b(?P<t>{_ENDED}|"
            # (or told before another past: "The eighth round, on Feb. 5, had been held by
            # video link.")
            # (not talks delayed: "were held up by the U.S. presidential transition")
            # (or held of necessity: "The eighth round, last month, had to be held by video
            # link.")
            r"(?:were held|was held|had\sbeen\sheld|had\sto\sbe\sheld)(?!\sup\b)|took place|"
            r"had\staken\splace|"
            r"was\sconducted|were\sconducted|ran\sfrom(?=\s[^.]{0,40}\b(?:to|through|until)\b)|"
            # "came to a close", "drew to an end", "have come to a conclusion"
            # ("came to an abrupt halt")
            r"(?:came|come|comes|coming|drew|draw|draws|drawing)\sto\s(?:an?\s)?"
            r"(?:(?:abrupt|early|sudden|premature|unexpected)\s)?(?:end|close|conclusion|halt))\b|"
            # a past round named by its time and place: "before last month's second round in
            # Honolulu", "since Tuesday's talks in Seoul"
            r"\b(?:last|this)\s(?:month|week)['’]s\s(?P<t14>(?:[\w-]+\s)?(?:round|session|meeting|"
            r"talks))\s(?:of\s(?:talks|negotiations)\s)?(?=(?:in|at)\s[A-Z])|"
            # "who headed the team at the opening round in Seoul last month"
            rf"\bat\s(?:the|their)\s(?P<t15>(?:opening|inaugural|{ORDINAL_PATTERN})\s(?:round|"
            r"session|meeting))\s(?:in|at)\s[A-Z][\w-]+(?:\s[A-Z][\w-]+)?\s"
            r"(?=last\s(?:month|week)|earlier\sthis\s(?:month|year))|"
            # "The fifth round, held in Honolulu on Tuesday, produced no deal"
            # (or "At the first round, held Sept. 24-25 at a think tank in Seoul")
            # ("An eighth round, held by video link on February 5, had failed")
            # (a day set off first, or "conducted": "It followed an eighth round, on Feb. 5, held
            # by video link", "after the eighth round, conducted by video conference on Feb. 5")
            rf"\b(?:round|talks|meeting|session|negotiations)(?:,\s(?:on\s|in\s)?[^,.;]{{1,15}})?"
            rf",\s(?P<t12>held|conducted)\s"
            rf"(?:(?:in|at|on|over|by|via)\b|{MONTH}_?\s\d)|"  # ("Sept_": the stop masked)
            # a past round as the point since which: "have not met face-to-face since their
            # seventh round in Los Angeles in March"
            rf"\bsince\s(?:the|their)\s(?P<t30>(?:{ORDINAL_PATTERN})\s(?:round|session|meeting))"
            r"(?=\s(?:of\s(?:talks|negotiations)\s)?(?:in|at)\s[A-Z])|"
            # a past round as the setting of what was done at it: "is reported to have tabled a
            # demand of about $4.7 billion a year at the first round in September"
            # (or "put a figure of around US$4.7 billion a year on the table at the first round of
            # the talks in September")
            rf"\b(?:tabled|made|presented|put\sforward|raised|submitted|put|laid|placed)\b[^.;]{{1,80}}?"
            rf"\bat\s(?:the|their)\s(?P<t31>(?:{ORDINAL_PATTERN})\s(?:round|session|meeting))"
            r"(?=\s(?:of\s(?:the\s)?(?:talks|negotiations)\s)?(?:in|on)\s[A-Z])|"
            # a past round as the setting of anything, with its month after it: "a figure first
            # put on the table at the opening round in September", "who headed the delegation at
            # the first round in Seoul in September", "during the first round in Seoul last month"
            # (not a round to come: "will present it at the first round in January", below)
            r"\b(?:[Aa]t|[Dd]uring)\s(?:the|their)\s(?:very\s)?"
            rf"(?P<t68>(?:{ORDINAL_PATTERN}|opening|inaugural)\s(?:round|session|meeting))"
            r"(?=(?:\sof\s(?:the\s)?(?:talks|negotiations))?(?:,?\s(?:also\s)?(?:held\s)?in\s"
            r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?,?\s(?:in\s|last\s(?:month|year)\b|on\s)"
            rf"(?:{MONTH}|month|year|[A-Z][a-z]{{2}}))|"
            # "The fourth round, in Washington early this month, produced little": a round told
            # with its place in apposition, and what it did
            r"\b(?:round|session|meeting),\s(?:in|at)\s[A-Z][a-z]+(?:\s[A-Z][a-z]+)?[^,.]{0,30},\s"
            r"(?P<t26>[a-z]+ed)\b|"
            # (not "close" as an adjective: "continue close consultations with Washington")
            # (nor the end of a time: "it expires at the end of this year and negotiations on
            # the next one will have to start")
            r"(?<!continue\s)(?<!maintain\s)(?<!hold\s)(?<!keep\s)(?<!\bin\s)"
            # (nor an end hoped for: "hopes of an early end to the stalled negotiations")
            r"(?<!\bearly\s)(?<!\bswift\s)(?<!\bquick\s)(?<!\bspeedy\s)"
            rf"\b(?P<t2>{_ENDED}|{_END}|held)\s(?!of\s(?:this|that|next|last)\s(?:year|month|week)\b)"
            rf"(?:[\w'’.-]+\s){{0,6}}?{TALKS}\b|"
            # a participle after the main clause: "failed to agree ..., ending a fifth round of
            # negotiations in Seoul on Wednesday"; and with its subject: "with the sixth round
            # of negotiations in Washington ending on Jan. 15"
            # (a round: "ending months of wrangling" ends the negotiation, not a round of it)
            # (or a round by its days: ", ending three days of negotiations in Los Angeles")
            r",\s(?P<t27>ending|concluding|wrapping\sup|closing)\s(?:(?:a|an|the|their|its)\s"
            r"(?:[\w'’.-]+\s){0,3}?(?:round|session)|(?:two|three|four|five|\d)\sdays\sof\s"
            r"(?:talks|negotiations|meetings))\b|"
            r"\bwith\s(?:the|their|a)\s(?:[\w'’.-]+\s){0,3}?(?:round|session)\b[^,.;]{0,60}?\s"
            r"(?P<t28>ending|concluding|wrapping\sup)\b|"
            # the participle opening the sentence: "Wrapping up the fifth round in Seoul on
            # Wednesday, the two sides failed to reach a deal"
            r"(?:^|(?:--|—|–)\s)(?-i:(?:After\s)?)(?P<t94>(?-i:[CcEeWw])(?:oncluding|nding|"
            r"rapping\sup|losing))\s(?:(?:the|their|a|its)\s(?:[\w'’.-]+\s){0,3}?(?:round|session)"
            r"|(?:two|three|four|five|\d)\sdays\sof\s(?:talks|negotiations|meetings))\b|"
            # a reduced relative clause: "led the U.S. delegation at the opening round held at
            # the Korea Institute for Defense Analyses in Seoul on Sept. 24-25"
            # (or "a seventh round of talks held in Los Angeles earlier that month")
            r"(?<!next\s)(?<!upcoming\s)(?<!following\s)\b(?:round|session|meeting)\s"
            r"(?:of\s(?:talks|negotiations)\s)?(?P<t29>held)\s(?:in|at|on|by|over|via)\b|"
            rf"\b(?:round|talks|meetings?)\b[^.]{{0,140}}?\b(?P<t3>was|were)\s(?:the\s)?"
            rf"(?:final|last|latest|{ORDINAL_PATTERN})\b|"
            # "REPORTER: The fifth round is over."
            rf"\b(?:round|talks|meeting|session)\s(?:is|are|was|were)\s(?P<t11>over)\b|"
            rf"^(?:It|This|That)\s(?P<t6>was|marked)\s(?:the\s)?(?:{ORDINAL_PATTERN})\s"
            r"(?:round|session|meeting)\b|"
            rf"\b(?P<t7>after)\s(?:{NUMBER_WORD_PATTERN}|\d{{1,2}}|several|two|three)\s"
            r"(?:days|hours)\sof\s(?:talks|negotiations|meetings)\b|"
            # the meeting a stretch of time is counted from: "the first face-to-face meeting since
            # January, when they met in Washington for the sixth round"
            rf"\bsince\s(?:early\s|late\s|mid-)?{MONTH}(?:\s\d{{4}})?,\swhen\s(?:[\w'’-]+\s){{1,3}}?"
            r"(?P<t86>met|sat\sdown|gathered)(?=\s(?:in|at)\s[A-Z])|"
            # "South Korean negotiators met their U.S. counterparts in Los Angeles in March"
            r"\b(?P<t13>met)\s(?:with\s)?(?:their|its|his|her)\s(?:[\w.'’-]+\s){0,2}?"
            r"counterparts?\b(?![^.]{0,60}\b(?:next|tomorrow|later)\b)|"
            r"\b(?P<t8>met|gathered|convened)\b[^.]{0,80}?\b(?:for|,\sin|,\sat)\s(?:a|an|the|their)\s"
            rf"(?:[\w-]+\s){{0,2}}?{TALKS}\b|"
            # "spent two days in Honolulu haggling over ..."
            rf"\b(?P<t10>spent)\s(?:{NUMBER_WORD_PATTERN}|\d{{1,2}})\s(?:days|hours)\b[^.]{{0,40}}?"
            r"\b(?:haggling|negotiating|bargaining|wrangling|in talks|talking)\b|"
            # a round as the setting of what the sides failed or managed to do: "failed to
            # narrow their differences in the fifth round of talks in Seoul on Wednesday", "In
            # the fifth round of talks in Seoul on Wednesday, the two sides failed to reach a deal"
            # (what failed is read before the match: a negation inside it would void it)
            rf"\b(?-i:in|at|during)\s(?:the|their|a)\s(?P<t91>(?:{ORDINAL_PATTERN})\sround)\b"
            r"(?=[^.;]{0,80}?\b(?:in|at)\s[A-Z])|"
            rf"(?:^|(?:--|—|–)\s)(?:In|At|During)\s(?:the|their|a)\s(?P<t92>(?:{ORDINAL_PATTERN})\sround)\b"
            r"(?=[^,;]{0,100}?\b(?:in|at)\s[A-Z][^,;]{0,60},\s[^.;]{0,60}?\b(?:agreed|narrowed|made|"
            rf"reached|remained|{_FAILED})\b)|"
            # a timeline entry: "- Sept. 24-25, 2019: First round of talks in Seoul."
            # (or a dash: "* May 21-23 - Second round, Seoul."; or two, after a day and no
            # agency, which a dateline has: "Dec. 3-4 -- Fourth round in Washington.")
            rf"^[-–•*\s]*[^:\d]{{0,20}}\d[^:]{{0,30}}(?::|\s[-–—]|(?<![)\sA-Za-z])\s--)\s"
            # (or the round by its number: "* Oct. 23-24, 2019 - Round 2 in Honolulu.")
            rf"(?P<t9>(?:the\s)?(?:{ORDINAL_PATTERN})\sround|(?-i:Round)\s(?:\d{{1,2}}|"
            rf"{NUMBER_WORD_PATTERN}))\b"
            # (not its opening: "* Sept 2019 - First round of talks opens in Seoul")
            rf"(?![^.;]{{0,80}}?\s(?:{_OPENS_NOW})\b)"
        ),
    ),
)

_ROUND_RES = (
    # the round left out after its ordinal, as a sentence's subject: "The third, in Seoul,
    # collapsed on Nov. 19"
    re.compile(rf"^(?:The|Their)\s(?P<o>{ORDINAL_PATTERN}),\s(?:in|at)\s[A-Z]"),
    re.compile(
        # "his first session" is the negotiator's, not the talks' round
        rf"(?<!\bhis\s)(?<!\bher\s)(?<!\bmy\s)\b(?:the\s)?(?P<o>{ORDINAL_PATTERN})\s"
        # (or "The seventh and most recent formal round")
        r"(?:and\s(?:most\s)?(?:final|last|recent|latest)\s)?"
        r"(?:(?:high-level|working-level|face-to-face|formal|official|negotiating)\s)?"
        # (or a set of them: "the fifth set of talks")
        r"(?:round|session|meeting|set\sof\s(?:talks|negotiations))\b",
        re.I,
    ),
    re.compile(rf"\b(?:round|session)\s(?:No\.\s?)?(?P<n>\d{{1,2}}|{NUMBER_WORD_PATTERN})\b", re.I),
    # a meeting counted by how many times they met: "Negotiators met for the seventh time in
    # Los Angeles" (not "for the first time this year", one year's count)
    re.compile(rf"\b(?:met|meeting|meet|sat\sdown)\sfor\sthe\s(?P<o>{ORDINAL_PATTERN}){_NTH_TIME}",
               re.I),
    # the round stated of the meeting: "The meeting, held in Jeju, was the ninth"
    re.compile(
        r"\b(?:round|session|meeting)(?:,\s[^,.]{1,60},)?\s(?:is|was|marks|marked)\s(?:the\s)?"
        rf"(?P<o>{ORDINAL_PATTERN})\b(?!\s(?:time|day|year|week)\b)",
        re.I,
    ),
    # the ordinal in apposition or in brackets: "the latest session, the sixth,", "the round
    # (the fifth)"
    re.compile(
        # (or after what it was of: "The latest round of negotiations, the seventh, was held")
        rf"\b(?:round|session|meeting)(?:\sof\s(?:the\s)?(?:talks|negotiations))?(?:,\s|\s\()"
        rf"(?:the\s|their\s|its\s)?(?P<o>{ORDINAL_PATTERN})"
        # (or coordinated with what else it was: "The previous round, the eighth and the first
        # under the Biden administration, took place by video link")
        r"(?:\s(?:round|session|meeting|one))?(?:[,)]|\s(?:since|of|so far|this\syear)\b|"
        r"(?=\sand\s(?:the\s)?(?:first|last|latest|final)\b))",
        re.I,
    ),
    # (or after what it was under: "An earlier round under the new administration, the eighth,
    # was held by video link")
    re.compile(rf"\b(?:round|session|meeting)\s(?:under|since)\s[^,.;()]{{1,50}},\s(?:the\s)?"
               rf"(?P<o>{ORDINAL_PATTERN}),", re.I),
    re.compile(
        # (or "the fifth in a series of talks")
        rf"\bthe\s(?P<o>{ORDINAL_PATTERN})\s(?:so far|such|since|of its kind|"
        r"in\sa\sseries\sof\s(?:talks|meetings|rounds|negotiations)|of (?:the|these)"
        r" (?:talks|meetings|rounds)|"
        # "The first of eight rounds of negotiations ... was held in Honolulu"
        rf"of\s(?:the\s)?(?:\d{{1,2}}|{NUMBER_WORD_PATTERN})\s(?:rounds|sessions|meetings))\b",
        re.I,
    ),
    # the first of the rounds counted: "ran through eight rounds, the first of them held in
    # Honolulu in April"
    re.compile(r"\brounds,\s(?:the\s)?(?P<o>first)(?:\sof\sthem|\sone)?,?\s(?:was\s)?held\b",
               re.I),
    # "following a round held by videoconference last month, the eighth overall"; "(the eighth
    # was held by video link last month)"
    re.compile(
        rf"\b(?:round|session|meeting)\b[^,.;()]{{0,60}},\s(?:the\s)?(?P<o>{ORDINAL_PATTERN})\s"
        r"(?:overall|in\sall|in\stotal)\b|"
        rf"(?:^|\(|;\s)[Tt]he\s(?P<o2>{ORDINAL_PATTERN})\s(?:was|had\sbeen)\s(?:held|convened)\b",
        re.I,
    ),
    # "their opening round of talks": the first
    re.compile(r"\b(?:the|their|its)\s(?P<first>opening|inaugural)\s(?:round|session)\b", re.I),
    # "met for the fifth time" is a fifth round; "took the lead for the first time" is not
    re.compile(
        rf"\b(?:met|meet|meeting|sat down|gathered)\b[^.]{{0,40}}?\bfor the "
        rf"(?P<o>{ORDINAL_PATTERN}) time\b",
        re.I,
    ),
)
_ROUND_NAMED = re.compile(
    r"\b(?:the\s)?(?:final|last|latest|most\srecent|first)\s(?:round|session)\b", re.I
)
_ISLAND = re.compile(r"\bon\s(?P<p>[A-Z][a-z]+\sIsland)\b")
_PLACE = re.compile(
    # (a weekday or a month after the city is the date: "met in Washington Tuesday")
    # (or a city the meeting's relative clause hangs on: "is back from Los Angeles, where the
    # seventh round wrapped up")
    rf"\b(?:[Ii]n|[Aa]t|from(?=\s[A-Z][a-zA-Z]+(?:\s[A-Z][a-zA-Z]+)?,\swhere\b))\s"
    # (or the short form a headline uses: "end 7th round of defense cost talks in L.A.")
    rf"(?P<p>L\.A\.(?=\s|$)|(?:[A-Z][a-zA-Z]+)(?:\s(?!{WEEKDAY}\b|{MONTH}\b)[A-Z][a-zA-Z]+){{0,2}}"
    # (not a possessive, nor a name cut short before one: "in Los Angeles's downtown")
    r"\b(?!['’]s|-led|\.\w|\s[A-Z][a-zA-Z]+['’]s))"
)
# the place of a meeting held by video: no city
VIDEO = "video conference"
_VIRTUAL = re.compile(
    r"\b(?:via|by|through|over)\s(?:a\s)?video(?:\s?(?:conference|link|call))?|"
    r"\bvideo\s(?:talks|meetings?|calls?|link)\b|"
    r"\bvideo(?:\s)?conference\b|\bvirtual(?:ly)?\b",
    re.I,
)
_NOT_PLACES = re.compile(
    rf"^(?:{MONTH}|{WEEKDAY}|The(?!\sHague\b)|A|An|His|Her|Their|Its|Our|This|That|"
    # (a title-cased headline's words: "Reach Accord in Principle on Troop Costs")
    r"Congress|Parliament|National Assembly|English|Korean|SMA|Principle|Part|Full|Talks|"
    # (nor a body's acronym: "met at KIDA in Seoul")
    r"[A-Z]{3,})\b"
)
_LENGTH = re.compile(
    rf"\b(?P<n>{NUMBER_WORD_PATTERN}|\d{{1,2}})-day\b|"
    rf"\b(?P<n2>{NUMBER_WORD_PATTERN}|\d{{1,2}})\sdays\sof\s(?:talks|meetings|"
    r"negotiations)\b",
    re.I,
)
_NO_DEAL = re.compile(
    r"\bwithout (?:a |an |any )?(?:deal|agreement|breakthrough|result|"
    r"progress)\b|\bfailed to (?:reach|produce|strike|narrow|bridge)\b|"
    r"\bwithout reaching (?:a |an |any )?(?:deal|agreement)\b|"
    r"\bno (?:deal|agreement|breakthrough)\b|\bempty-handed\b",
    re.I,
)
# "have settled", "has finished", "have decided to extend": any past participle after have/has
_PRESENT_PERFECT = re.compile(
    # not "would have raised" (a conditional)
    r"(?<!would\s)(?<!could\s)(?<!should\s)(?<!might\s)(?<!must\s)\b(?:have|has)\s(?:\w+\s)?(?:\w+ed|begun|struck|broken|held|met|sat|put|won|"
    r"left|set|come|given|made|taken)\b",
    re.I,
)
_BETWEEN = re.compile(
    rf"\bbetween\s(?:the\s)?(?P<a>{COUNTRY_PATTERN})\sand\s(?:the\s)?(?P<b>{COUNTRY_PATTERN})"
)
_LEGISLATURE = {"national assembly": "KORLEG", "congress": "USALEG", "diet": "JPNLEG"}
_VOTES = {
    "in_favor": re.compile(
        r"\b(?P<v>\d{1,4})\s(?:votes?\s|lawmakers\s|members\s)?(?:voted\s)?"
        r"(?:in favou?r|for|yes|ayes|voting for|voting in favou?r|supporting)\b",
        re.I,
    ),
    "against": re.compile(
        r"\b(?P<v>\d{1,4})\s(?:votes?\s|lawmakers\s)?(?:voted\s)?(?:against|opposed|"
        r"no|nays)\b",
        re.I,
    ),
    "abstentions": re.compile(
        r"\b(?P<v>\d{1,4})\s(?:abstentions?|abstained|abstaining|"
        r"lawmakers abstained)\b",
        re.I,
    ),
    "present": re.compile(
        r"\b(?:(?:out\s)?of|among)\s(?:the\s)?(?P<v>\d{1,4})\s(?:(?:lawmakers|members|"
        r"legislators)(?:\s(?:present|voting|who voted|attending))?|present)\b",
        re.I,
    ),
}
_SCORE = re.compile(
    r"\b(?P<a>\d{1,4})-(?P<b>\d{1,4})(?:-(?P<c>\d{1,4}))?\svote\b|"
    # "by 131 votes to 26", "passed the plenary session 173-36"
    r"\bby\s(?P<a2>\d{1,4})\svotes?\sto\s(?P<b2>\d{1,4})\b|"
    r"\b(?:passed|approved|cleared)\s(?:[\w-]+\s){0,4}?(?P<a3>\d{1,4})-(?P<b3>\d{1,4})\b"
)


@dataclass(frozen=True)
class _Hit:
    kind: str
    start: int
    end: int
    trigger: str


def sentence_events(
    sentence: Sentence,
    negotiation: Negotiation,
    report_date: dt.date | None,
    here: str | None = None,
) -> list[Event]:
    """The negotiation events one sentence reports (usually none or one). `here` is the city
    of the report's dateline, the place a sentence means by "here"."""
    prior = _PRIOR_MEETING.search(sentence.text)
    before = _hits(sentence.text[: prior.start()]) if prior is not None else []
    # (a meeting the sentence's own round follows; a deal "after a ninth round of talks" is
    # told with the round it came at)
    if prior is not None and all(h.kind in ROUNDED_KINDS for h in before):
        # "It was the second round ..., following an opening session in Honolulu last month":
        # the earlier meeting is an event of its own, its place and date not the main clause's
        main = replace(sentence, text=sentence.text[: prior.start()] + ".")
        earlier = replace(sentence, text=sentence.text[prior.start() + 2 :])
        which = prior.group("o").lower()
        number = 1 if which in ("opening", "first", "inaugural") else (
            None if which in ("previous", "last") else ordinal_value(which))
        events = [_build(hit, main, negotiation, report_date, here)
                  for hit in _hits(main.text)]
        trigger = prior.group("meeting")
        # (an earlier meeting, the first round included, is told as a round held and over:
        # "It followed a first round held in Honolulu from April 23 to 25", 5 of 6 dev writers)
        hit = _Hit("round_concluded", prior.start("meeting") - prior.start() - 2,
                   prior.end("meeting") - prior.start() - 2, trigger)
        first = _build(hit, earlier, negotiation, report_date, here)
        first = replace(first, round=number if number is not None else first.round,
                        round_text=prior.group("o") + " " + trigger)
        # (and the rounds listed after it: "followed a first round in Seoul in September and a
        # second in Honolulu in October")
        events.extend(_with_rounds_listed([first], earlier.text, report_date))
        # ("..., which the American delegation walked out of after barely an hour and a half":
        # the earlier round broken off, on its day, in its place)
        events.extend(replace(_build(h, earlier, negotiation, report_date, here),
                              round=first.round, round_text=first.round_text, place=first.place,
                              when=first.when)
                      for h in _hits(earlier.text) if h.kind == "talks_broken_off")
        return _as_written(events, sentence)
    halves = sentence.text.split("; ", 1)
    if len(halves) == 2 and all(_NUMBERED_ROUND.search(h) for h in halves):
        # "The ninth round was the first face-to-face meeting since ...; the eighth round, on
        # Feb. 5, was held by video conference.": two rounds, each told in its own clause
        found = [sentence_events(replace(sentence, text=half), negotiation, report_date, here)
                 for half in (halves[0] + ".", halves[1])]
        if all(found):
            return _as_written([*found[0], *found[1]], sentence)
    hits = _hits(sentence.text)
    entry = _ROUND_ENTRY.match(sentence.text.strip()) if not hits else None
    city = (entry.group("place") or entry.group("place2")) if entry is not None else None
    if entry is not None and city is not None and not _is_country(city):
        # "Round 2: Seoul, May 21-23.": a factbox's round by its number, city and dates
        hit = _Hit("round_concluded", entry.start("r"), entry.end("r"), entry.group("r"))
        return [replace(_build(hit, sentence, negotiation, report_date, here), place=city)]
    of_which = _ORDINAL_OF_WHICH.search(sentence.text)
    if of_which is not None and not any(h.kind == "round_concluded"
                                        and h.start < of_which.start() for h in hits):
        # "have gone seven rounds without a deal, the seventh of which wrapped up March 19 in
        # Los Angeles": the round the relative clause tells, beside the sentence's own events
        hit = _Hit("round_concluded", of_which.start("t"), of_which.end("t"), of_which.group("t"))
        own = replace(sentence, text=" " * of_which.start() + sentence.text[of_which.start() :])
        told = replace(_build(hit, own, negotiation, report_date, here),
                       round=ordinal_value(of_which.group("o")), round_text=of_which.group("o"))
        main = replace(sentence, text=sentence.text[: of_which.start()])
        events = [_build(h, main, negotiation, report_date, here) for h in _hits(main.text)]
        return _as_written([*events, told], sentence)
    clauses = sentence.text.split("; ")
    if any(_ORDINAL_HELD.match(c) for c in clauses):
        # "The first took place in Honolulu on April 23-25, the second in Seoul on May 21-23,
        # ...", "The first opened in Honolulu on April 23; the fourth ended in Seoul on June
        # 27": the rounds the sentence before counted, each by its ordinal, place and dates
        ordinals: list[Event] = []
        for clause in clauses:
            part = replace(sentence, text=clause)
            held = _ORDINAL_HELD.match(clause)
            if held is None:
                ordinals.extend(sentence_events(part, negotiation, report_date, here))
                continue
            verb = held.group("t")
            kind = "talks_opened" if verb in _ORDINAL_OPENS else "round_concluded"
            hit = _Hit(kind, held.start("t"), held.end("t"), verb)
            first = replace(_build(hit, part, negotiation, report_date, here),
                            round=ordinal_value(held.group("o")), round_text=held.group("o"))
            ordinals.extend(_with_rounds_listed([first], clause, report_date))
        return _as_written(ordinals, sentence)
    events = [_build(hit, sentence, negotiation, report_date, here, tuple(hits)) for hit in hits]
    following = _NEXT_ROUND.search(sentence.text)
    if following is not None:
        events = _with_next_round(sentence, following, negotiation, report_date, here) or events
    return _with_round_of_deal(_with_rounds_listed(events, sentence.text, report_date),
                               sentence.text)


_ORDINAL_OF_WHICH = re.compile(
    rf"\bthe\s(?P<o>{ORDINAL_PATTERN})\sof\swhich\s(?P<t>wrapped\sup|ended|concluded|was\sheld|"
    r"took\splace)\b"
)
_ORDINAL_HELD = re.compile(
    rf"^(?:[*•-]\s)?(?:and\s)?[Tt]he\s(?P<o>{ORDINAL_PATTERN})"
    # (with its place or day set off by commas: "the fourth, again in Seoul, on June 25-27";
    # "the eighth, on 5 February, took place by video conference")
    r"(?:,\s(?:again\s)?(?:in|on)\s[^,;]{2,25},)?\s"
    r"(?P<t>took\splace|was\sheld|followed|opened|began|started|ended|closed|wrapped\sup)\s"
    # (or its days first, no word between: "The first was held April 23-25 in Honolulu")
    rf"(?:(?:again\s)?(?:in|on|by)\s(?=[A-Z0-9]|video)|(?={MONTH}_?\s\d))"
)
# the verbs of an ordinal's clause that open a round, not hold it
_ORDINAL_OPENS = ("opened", "began", "started")
_NUMBERED_ROUND = re.compile(
    rf"\b(?:{ORDINAL_PATTERN})\s(?:round|session|meeting)\b|\b(?-i:Round)\s\d{{1,2}}\b", re.I)
# (or the dates first: "Round 1: April 23-25, Honolulu")
_ROUND_ENTRY = re.compile(
    # (or a dash: "* Round 1 - Sept. 24-25, Seoul.")
    # (or by its ordinal: "* 1st round: April 23-25, Honolulu")
    # (or a number word: "- Round one: April 23-25, Honolulu")
    rf"^(?:[*•-]\s)?(?P<r>Round\s(?:\d{{1,2}}|(?i:{NUMBER_WORD_PATTERN}))|(?i:{ORDINAL_PATTERN})\sround)"
    rf"(?::|{ENTRY_DASH})\s"
    rf"(?:(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s(?={MONTH}_?\s\d|\d{{1,2}}\s{MONTH})|"
    rf"(?=(?:{MONTH}_?\s\d|\d{{1,2}}\s{MONTH})[^,]{{0,20}},\s"
    r"(?P<place2>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\.?$))"
)
# the rounds after a numbered one, listed by place and dates: "The first round took place in
# Honolulu on April 23-25, followed by Seoul (May 21-23), Washington (June 10-12) and Seoul
# again (June 25-27)"; "..., followed by Seoul on May 21-23, ..."; "The first round was held in
# Honolulu on April 23-25, the second in Seoul on May 21-23, ... and the fourth in Seoul on June
# 25-27"; "Round one was held in Honolulu on April 23-25, round two in Seoul on May 21-23, ..."
# (or a semicolon: "...; the second in Seoul on May 21-23; the third in Washington ...")
_LIST_SEPARATOR = re.compile(r",\s(?:and\s)?(?:followed\sby\s)?|;\s(?:and\s)?|"
                             r"\s(?:and|followed\sby)\s")
_LIST_ITEM = re.compile(
    # (or with its place set off by commas: "the fourth, again in Seoul, on June 25-27")
    # (or "a second round in Seoul that ended on May 23", "a third in Washington concluding
    # June 12": the day the round ended)
    # (or rounds unnumbered, numbered on: "followed by rounds in Seoul (May 21-23) and
    # Washington (June 10-12)")
    rf"^(?:(?:the\s|an?\s)?(?P<o>{ORDINAL_PATTERN})(?:\s(?:round|session|meeting))?"
    rf"(?:,\s(?:again\s)?|\s)|[Rr]ound\s(?P<n>\d{{1,2}}|{NUMBER_WORD_PATTERN})\s|"
    r"(?:further\s|more\s|subsequent\s)?rounds\s(?=(?:in|at)\s))?"
    r"(?:(?:was\s)?(?:held\s)?(?:in|at)\s)?(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:\sagain)?"
    r"(?:\s(?:that|which)\s(?:ended|concluded|closed|wrapped\sup)|\s(?:ending|concluding|closing))?"
    r",?\s(?:\(|on\s)?(?P<dates>[^()]{3,30}?)\)?\.?$"
)
# (or its days before its place: "..., the second May 21-23 in Seoul, the third June 10-12 in
# Washington and the fourth June 25-27 in Seoul")
_LIST_ITEM_DAYS_FIRST = re.compile(
    rf"^(?:the\s)?(?P<o>{ORDINAL_PATTERN})(?:\s(?:round|session|meeting))?\s(?:(?:was\s)?held\s)?"
    rf"(?:on\s)?(?P<dates>{MONTH}_?\s[^()]{{1,25}}?)\s(?:in|at)\s"
    r"(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:\sagain)?\.?$"
)
# ... or counted first: "The first three rounds were held in Honolulu (April 23-25), Seoul (May
# 21-23) and Washington (June 10-12)."
_FIRST_ROUNDS = re.compile(
    rf"\b[Tt]he\sfirst\s(?:{NUMBER_WORD_PATTERN}|\d)\srounds\s(?:were\s)?(?:held|took\splace)\s"
    r"in\s(?=[A-Z])"
)

# ... or after a colon: "have already held three rounds on a 12th Special Measures Agreement:
# the first in Honolulu in April, the second in Seoul in May and the third in Washington"
_ROUNDS_AFTER_COLON = re.compile(
    r"\brounds\b[^:;.]{0,80}:\s(?=the\sfirst\s(?:round\s)?(?:in|at)\s[A-Z])"
)


def _with_rounds_listed(
    events: list[Event], text: str, report_date: dt.date | None
) -> list[Event]:
    """A numbered round's sentence listing the rounds that followed it, each by its place and
    dates (and its number, when the list says it): each a round of its own, numbered on from
    it; or the first rounds counted and listed so."""
    counted = _FIRST_ROUNDS.search(text) or _ROUNDS_AFTER_COLON.search(text)
    held = [e for e in events if e.kind == "round_concluded"]
    base = next((e for e in held if e.round is not None), None)
    if counted is not None and held:
        base, number, chunks = held[0], 0, _LIST_SEPARATOR.split(text[counted.end():].rstrip(" ."))
    elif base is not None and base.round is not None:
        first = next(iter(find_date_phrases(text)), None)  # the numbered round's own dates
        chunks = _LIST_SEPARATOR.split(text[first.end:].rstrip(" .")) if first else [""]
        if chunks[0].strip() and not re.fullmatch(r"(?:in|at)\s[A-Z][a-z]+(?:\s[A-Z][a-z]+)?",
                                                  chunks[0].strip()):
            return events  # what follows the round's dates (and its place) is no list
        number, chunks = base.round, chunks[1:]
    else:
        return events
    listed: list[Event] = []
    for chunk in chunks:
        item = _LIST_ITEM_DAYS_FIRST.match(chunk.strip()) or _LIST_ITEM.match(chunk.strip())
        if item is None or _is_country(item.group("place")):
            break
        phrases = find_date_phrases(item.group("dates"))
        if len(phrases) != 1:
            break
        said = item.group("o") or item.groupdict().get("n")
        stated = (ordinal_value(said) if item.group("o") else int(number_value(said))) if said \
            else None
        number = stated if stated is not None else number + 1
        when = resolve(phrases[0], text, report_date, forward=False)
        listed.append(replace(base, round=number, round_text=item.group(),
                              place=item.group("place"), when=when))
    if not listed or (counted is not None and len(listed) < 2):
        return events
    rounds = {e.round for e in listed}
    kept = [e for e in events if e.round not in rounds and not (counted and e is base)]
    return [*kept, *listed]


# the round a deal came at or after: "reached the tentative deal on Tuesday at the fifth round",
# "reached the deal in principle in March after the ninth round of talks in Washington"
_DEAL_AT_ROUND = re.compile(
    # (or "reached the agreement in principle in March during a ninth round of talks")
    rf"\b(?:at|after|following|during)\s(?:the|their|a)\s(?:[\w-]+\s)?{ORDINAL_PATTERN}\s"
    r"(?:[\w-]+\s)?(?:round|meeting|session)\b|"
    # (or the round that produced it: "A seventh round in Los Angeles in March produced a
    # working-level compromise")
    rf"\b(?:the|a)\s{ORDINAL_PATTERN}\s(?:round|meeting|session)\b[^.;]{{0,80}}?\sproduced\b",
    re.I,
)


def _with_round_of_deal(events: list[Event], text: str) -> list[Event]:
    """A deal told with the numbered round it came at or after, and no event of that round of
    its own: the round was held too, on the deal's day and at its place (the round that
    produced it)."""
    rounds = {e.round for e in events if e.kind in ROUNDED_KINDS}
    deals = [e for e in events if e.kind in ("deal_announced", "deal_signed") and e.round
             and e.round not in rounds]
    if not deals or not _DEAL_AT_ROUND.search(text):
        return events
    held = replace(deals[0], kind="round_concluded", cameo=cameo_of("round_concluded"),
                   outcome=None)
    return [*events, held]


# a further round told in the same sentence: "held the first round in Seoul in September and
# the second in Honolulu last month", "... and moved to Honolulu for a second round on Oct. 23-24"
_NEXT_ROUND = re.compile(
    r",?\sand\s(?:then\s)?(?:(?:moved|went|travel{1,2}ed|headed)\sto\s"
    r"(?P<p>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\sfor\s)?"
    rf"(?:the|a)\s(?P<o>{ORDINAL_PATTERN})(?:\s(?:round|session|meeting))?"
    r"(?=\s(?:in|at|on|last|this|early|late|from)\b|[,.]?$)"
)


def _with_next_round(
    sentence: Sentence,
    following: re.Match[str],
    negotiation: Negotiation,
    report_date: dt.date | None,
    here: str | None,
) -> list[Event] | None:
    """The sentence's round and the further round coordinated after it, each with its own
    number, place and date; None unless the first clause tells a numbered round."""
    main = replace(sentence, text=sentence.text[: following.start()] + ".")
    firsts = [_build(hit, main, negotiation, report_date, here) for hit in _hits(main.text)]
    rounds = [e for e in firsts if e.kind in ("round_concluded", "talks_opened") and e.round]
    if not rounds or len(rounds) != len(firsts):
        return None
    rest = replace(sentence, text=sentence.text[following.start() :])
    ordinal = following.group("o")
    at = following.start("o") - following.start()
    hit = _Hit("round_concluded", at, at + len(ordinal), ordinal)
    second = _build(hit, rest, negotiation, report_date, here)
    second = replace(second, round=ordinal_value(ordinal), round_text=following.group().strip(" ,"),
                     place=following.group("p") or second.place)
    return _as_written([*firsts, second], sentence)


def _as_written(events: list[Event], sentence: Sentence) -> list[Event]:
    """Events read from a part of the sentence, each with the whole sentence as written as its
    source."""
    return [replace(e, evidence=tuple(
        replace(ev, sentence=sentence.text) if ev.index == sentence.index else ev
        for ev in e.evidence)) for e in events]


# an earlier meeting the sentence's own follows: ", following an opening session in Honolulu"
_PRIOR_MEETING = re.compile(
    # (or the main verb: "The fourth round ... followed a stormy third session in Seoul")
    # (or a meeting "the first since" it: "The seventh round ... was the first since the sixth
    # round in Washington in January")
    # (or after a bracketed acronym: "the second on the 11th Special Measures Agreement (SMA)
    # after a first round held in Seoul in September")
    r"(?:,\s(?:following|after)|\)\s(?:following|after)|\s(?:followed|came\safter)|"
    r"\sthe\sfirst\s(?:[\w-]+\s){0,3}?since)\s(?:an?|the|its|their)\s"
    r"(?:[a-z]+\s)?"
    rf"(?P<o>opening|first|inaugural|previous|last|{ORDINAL_PATTERN})\s"
    # (at the end of the sentence, or with a relative clause of its own: "..., which the U.S.
    # delegation left early")
    # (or with its place and time set off first: "followed the sixth round, held in Washington in
    # January, which also produced no breakthrough")
    # (or "also held" there, the sentence going on after it: "followed a first session, also
    # held in Seoul, in September and a second in Honolulu in October")
    r"(?P<meeting>session|round|meeting)\b(?=[^,;]*(?:,\s(?:also\s|again\s)?(?:held|hosted)\s"
    r"[^,;]{3,50}(?:,\s[^,;]*)?)?"
    r"(?:,\s(?:which|where|when)\s[^;]*)?[.]?$)"
)


# a round counted for a person: "... the first round for Seoul's new chief negotiator, Jeong"
_SOMEONE_S_FIRST = re.compile(
    # (or led by him, or with him: "the first session led by Seoul's new chief negotiator",
    # "the first session for Seoul's newly appointed chief negotiator")
    r"\s(?:round|session|meeting)?\s?(?:for|of|led\sby|with)\s(?:[A-Z][\w.]*['’]s\s|the\s|his\s|"
    r"her\s)(?:new\s|newly\s(?:appointed|named)\s)?(?:[\w-]+\s)?"
    r"(?:negotiator|envoy|delegate|team\sleader|chief|head)\b|"
    # ... or for a person named with his office after: "The session was the first for Jeong
    # Eun-bo, a former finance ministry official newly named to lead ..."
    r"\s(?:round|session|meeting)?\s?for\s[A-Z][a-z]+\s[A-Z][a-z]+(?:-[a-z]+)?,\s(?:a|an|the)\s|"
    # ... or within a term: "the second under President Joe Biden", "the first face-to-face
    # meeting under President Biden's administration"
    # ("at the second round of negotiations under President Biden")
    r"\s(?:[\w-]+\s)?(?:(?:round|session|meeting)\s)?(?:of\s(?:talks|negotiations)\s)?"
    r"(?:under|since)\s(?:the\s)?(?:new\s)?"
    r"(?:President|[A-Z][a-z]+\s(?:administration|government)|administration|government)\b|"
    # ... or since another event, or in the new year: "the first meeting since the U.S.
    # delegation walked out", "the first since the last agreement expired", "the first session
    # of the new year" (but "the third round since September", "since the negotiations were
    # launched" count the rounds)
    r"\s(?:[\w-]+\s)?(?:(?:round|session|meeting)\s)?(?:since\s(?:the\s)?(?:U\.S\.\s|American\s|"
    r"Korean\s|last\s|previous\s|old\s|current\s)?(?:delegation|team|side|walkout|agreement|deal|"
    r"accord|SMA)\b|of\s(?:the\s)?new\syear\b)|"
    # ... or the first in a stretch of time: "The three-day meeting was the first in two months"
    r"\s(?:(?:round|session|meeting)\s)?in\s(?:more\sthan\s|nearly\s|over\s|almost\s)?"
    r"(?:[\w-]+\s)?(?:months|weeks|years|a\s(?:year|month))\b|"
    # ... or the first deal of its kind, not a round: "It is the first such agreement under the
    # Biden administration"
    r"\s(?:such\s)?(?:[\w-]+\s)?(?:agreement|deal|accord|pact)\b"
)
_ROUND_STATEMENT = re.compile(
    rf"^(?:[A-Z]+:\s)?(?:It|This|That|(?:The|This)\s(?:[\w-]+\s){{0,2}}?(?:meeting|round|session|talks)"
    # an apposition between: "The meeting, held in Jeju, was the ninth"
    r"(?:,\s[^,.]{1,60},)?)\s"
    rf"(?:is|was|are|were|marks|marked)\s(?:the\s)?(?P<o>{ORDINAL_PATTERN})\b|"
    # the round in apposition to the meeting: "The session, the third round of negotiations
    # ..., had been due to run for two days"
    rf"^(?:[A-Z]+:\s)?(?:The|This)\s(?:[\w-]+\s){{0,2}}?(?:meeting|session|talks),\s(?:the\s|their\s)?"
    rf"(?P<o2>{ORDINAL_PATTERN})\s(?:round|session|meeting)\b|"
    # the meeting named by its round and what it was to be: "The third round of negotiations
    # was meant to run for two days."
    rf"^(?:[A-Z]+:\s)?(?:The|This)\s(?P<o3>{ORDINAL_PATTERN})\s(?:round|session|meeting)\b"
    r"[^.]{0,60}?\b(?:was|were|had\sbeen)\s(?:meant|due|scheduled|supposed|set|planned|"
    r"expected)\sto\s(?:run|last|go\son|continue|end|wrap\sup|conclude|close)\b|"
    # "The seventh round of negotiations came as the allies have been without ...", "The
    # seventh round of talks left thousands of Korean employees facing unpaid leave"
    rf"^(?:[A-Z]+:\s)?(?:The|This)\s(?P<o4>{ORDINAL_PATTERN})\s(?:round|session|meeting)"
    # (with what the talks are on: "The seventh round of negotiations on the 11th Special
    # Measures Agreement (SMA) came nearly three months after ...")
    r"(?:\sof\s(?:talks|negotiations)(?:\s(?:on|over)\s[^,.;]{1,60}?)?)?\s"
    r"(?:came|comes|left|produced|yielded|brought)\b",
    re.I,
)
ROUNDED_KINDS = ("talks_opened", "round_concluded", "talks_broken_off", "talks_scheduled")


def with_stated_round(sentence: Sentence, previous: list[Event]) -> list[Event] | None:
    """The previous sentence's talks with the round a sentence of its own states of them ("It
    is the third round since ..."; "The three-day meeting is the first for the 12th
    agreement"), or None when the sentence states no round or there is nothing to set it on."""
    m = _ROUND_STATEMENT.match(sentence.text)
    if m is None or not any(e.kind in ROUNDED_KINDS and e.round is None for e in previous):
        return None
    if _SOMEONE_S_FIRST.match(sentence.text, m.end()):
        # "It was the first round for Seoul's new chief negotiator": his, not the talks'
        return None

    number = ordinal_value(m.group("o") or m.group("o2") or m.group("o3") or m.group("o4"))
    return _numbered(previous, sentence, number, m.group(), ROUNDED_KINDS)


def _numbered(
    previous: list[Event], sentence: Sentence, number: int | None, text: str,
    kinds: tuple[str, ...],
) -> list[Event]:
    """The previous sentence's unnumbered events of `kinds` with the round `sentence` gives
    them, that sentence joining their evidence."""
    evidence = sentence.evidence("round")
    return [
        replace(e, round=number, round_text=text, evidence=(*e.evidence, evidence))
        if e.kind in kinds and e.round is None
        else e
        for e in previous
    ]


# a round numbered by the sentence after the one that told it, as it follows an earlier one:
# "Negotiators ended two days of talks in Washington on Wednesday ..." + "The sixth round of
# negotiations on a new Special Measures Agreement followed a fifth round held in Seoul ..."
_FOLLOWING_ROUND = re.compile(
    rf"^(?:The|This)\s(?:latest\s)?(?P<o>{ORDINAL_PATTERN})\s(?:round|meeting|session)\b"
    r"[^.;]{0,80}?\s(?:followed|came\safter)\b"
)


def with_following_round(sentence: Sentence, previous: list[Event]) -> list[Event] | None:
    """The previous sentence's unnumbered round with the number a sentence gives it while
    telling the round it followed, or None."""
    m = _FOLLOWING_ROUND.match(sentence.text)
    if m is None or not any(e.kind in ROUNDED_KINDS and e.round is None for e in previous):
        return None
    return _numbered(previous, sentence, ordinal_value(m.group("o")), m.group("o") + " round",
                     tuple(k for k in ROUNDED_KINDS if k != "talks_scheduled"))


# the latest round, after a count of the rounds held: "seven rounds of negotiations have so far
# failed to produce a successor. In the most recent round, held in Los Angeles, ..."
_LATEST = re.compile(r"\b(?:latest|most\srecent|last)\s(?:round|session)\b", re.I)
_ROUNDS_HELD = re.compile(
    rf"\b(?P<n>\d{{1,2}}|{NUMBER_WORD_PATTERN})\srounds\b(?:\sof\s[\w-]+)?\s(?:have|had)\b", re.I
)


def with_counted_round(sentence: Sentence, before: str, found: list[Event]) -> list[Event]:
    """A sentence's unnumbered "latest round" numbered by the count of rounds held that the
    sentence before (or its own words before it) gives."""
    latest = _LATEST.search(sentence.text)
    if latest is None or not any(e.kind in ROUNDED_KINDS and e.round is None for e in found):
        return found
    counts = list(_ROUNDS_HELD.finditer(before + " " + sentence.text[: latest.start()]))
    if not counts:
        return found
    return _numbered(found, sentence, int(number_value(counts[-1].group("n"))), latest.group(),
                     tuple(k for k in ROUNDED_KINDS if k != "talks_scheduled"))


_ABBREVIATION = re.compile(
    r"\b(?:[A-Z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|Gen|No|St|Jr|Sr|Sen|Rep|Lt|Col|Adm|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.(?=\s\d)|"
    r"\b(?:Mr|Mrs|Ms|Dr|Gen|No|St|Jr|Sr|Sen|Rep)\."
)


def mask_abbreviations(text: str) -> str:
    """The text with the full stops of abbreviations ("U.S.", "Mr.") and decimal points
    ("1.0551 trillion") replaced by `_`, same length.

    Patterns that stop at a full stop (`[^.]`) then stop at sentence ends only.
    """
    masked = _ABBREVIATION.sub(lambda m: m.group().replace(".", "_"), text)
    return _DECIMAL_POINT.sub("_", masked)


_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")
# a subordinating word right before the deal named in a deadline's clause
_UNDATED_CONDITION = re.compile(r"\b(?:after|once|when|until|before|if|unless)\s(?:[\w-]+\s){0,3}$",
                                re.I)


# a plan said to be unknown: "no word on when", "It was not immediately clear when", "unclear
# whether"
_UNKNOWN_WHEN = re.compile(
    r"\b(?:no\sword|not\s(?:yet\s|immediately\s)?(?:clear|known|decided|certain|settled)|unclear|"
    r"uncertain|undecided|no\sindication|no\s(?:date|timetable)\s(?:has\sbeen\s|was\s)?set|"
    r"(?:did|does|would|could)\s(?:not|n['’]t)\s(?:say|specify|indicate|disclose)|"
    # "He declined to say when the delegations would meet again"
    r"(?:declined|refused|declining|refusing)\sto\s(?:say|specify|indicate|disclose))"
    r"\s(?:\w+\s){0,2}?(?:on\s|about\s|as\sto\s|of\s)?(?:when|whether|if)\s[^.;]{0,80}$",
    re.I,
)


# what parts two clauses of a sentence, each with an event of the same kind: "The deal was
# signed April 8 ..., after the two sides initialed the text in March"
# an apposition measuring an event against an earlier one, which is told in a clause of its
# own: "..., a steep climb from the two-percent goal they set in Wales in 2014", "..., the
# biggest change since the pledge made in Wales in September 2014"
_MEASURED_AGAINST = r",\s(?:a|an|the)\s(?:[\w'’-]+\s){0,6}?(?:since|from|than|beyond)\s"
_CLAUSE_PART = re.compile(
    r",\s(?:after|before|and|but|while|when|whereas)\s|;\s|\s(?:after|before)\s|"
    # "was initialed on Feb. 10 ... and was signed on March 8" (or "and signed on April 8")
    # (or "and formally signed on March 8", "and signed March 8, 2019")
    r"\sand\s(?=(?:was|were|then|later|formally|finally)\s|(?:signed|initial(?:l)?ed)\s"
    rf"(?:(?:on|in)\s|{MONTH}))|"
    rf"{_MEASURED_AGAINST}"
)


def _another_of_kind(text: str, first: _Hit, second: _Hit) -> bool:
    """A second event of the kind already found in a sentence: only in a clause of its own,
    each clause with a date of its own, and the two dates not the same words."""
    # (a part may look ahead past the second trigger: "... and signed on April 8")
    parts = [p for p in _CLAUSE_PART.finditer(text, first.end) if p.start() < second.start]
    if not parts:
        return False
    part = parts[-1]  # the clause the second event opens
    # (the first clause up to the part; the second up to its own end)
    own = [find_date_phrases(text[first.start : part.start()]),
           find_date_phrases(re.split(r"[,;]", text[part.end() :])[0])]
    return bool(own[0] and own[1]) and own[0][0].text != own[1][0].text


# a round the deal came after, told in a clause of its own: ", after an eighth round"
_ROUND_BEFORE_DEAL = re.compile(
    r",\s(?:after|following)\s(?:an?|the|their)\s(?:[\w-]+\s){0,2}(?:round|session|meeting)\s"
)
# both sides agreed, just before the plan: "the two sides agreed to keep negotiating"
_BOTH_AGREED = re.compile(
    r"\b(?:two\ssides|both\ssides|two\sdelegations|both\sdelegations|allies)\s(?:have\s)?"
    r"(?:also\s)?(?:agreed\s(?:to\s)?)?$"
)
# a timeline's entry: its date, a dash, then what happened, in the present
# a timeline item's bullet and days: "* April 23-25", "- Nov. 4, 2024" (the stop masked or not)
_ITEM_DAYS = rf"^(?:[-–*•]\s)?{MONTH}[_.]?\s\d{{1,2}}(?:[-–]\d{{1,2}})?(?:,\s(?:19|20)\d\d)?"
_TIMELINE_ENTRY = re.compile(
    rf"(?:{_ITEM_DAYS}|^(?:[*•-]\s)?"
    # (or a colon: "* Oct. 4: the two governments announce a deal.")
    rf"{MONTH}\s(?:19|20)\d\d)(?:{ENTRY_DASH}\s|:\s)"
)
_TIMELINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("deal_signed", re.compile(
        rf"\b(?P<t>sign|signs|initial|initials)\s(?:[\w'’-]+\s){{0,3}}?(?:{DEAL}|text)\b", re.I)),
    ("deal_announced", re.compile(
        rf"\b(?P<t>announce|announces|reach|reaches|strike|strikes|seal|seals|agree\son|"
        rf"agrees\son)\s(?:[\w'’-]+\s){{0,4}}?{DEAL}\b", re.I)),
    ("ratification_vote", re.compile(
        rf"\b{_LEGISLATURE_RE}\s(?P<t>consents|approves|ratifies|passes|endorses)\b")),
    # "* April 8, 2021 - The agreement is signed.", "* March 18: text initialled.", "* April
    # 8: signed by Choi Jong-kun and Robert Rapson."
    ("deal_signed", re.compile(
        rf"(?:\b(?:{DEAL}|text)\s(?:is\s|are\s)?|(?:{ENTRY_DASH}|:)\s(?=\w+\s(?:by|in|at)\b))"
        r"(?P<t>signed|initial(?:l)?ed)\b", re.I)),
    # "* Nov 19, 2019 - U.S. negotiators walk out of the third round in Seoul."
    ("talks_broken_off", re.compile(
        r"\b(?P<t>walk\sout|break\soff|break\sdown|breaks\soff|breaks\sdown|collapses|"
        r"cut\s(?:the\s)?(?:[\w-]+\s)?(?:session|talks|meeting|round)\sshort)\b")),
    # "* Sept 2019 - First round of talks opens in Seoul"
    ("talks_opened", re.compile(
        rf"\b{TALKS}\b[^.;]{{0,80}}?\s(?P<t>{_OPENS_NOW})\b", re.I)),
)


# a trigger's group in each rule's pattern: "t", then "t2", "t3", ... in number order
_TRIGGER_GROUPS = sorted(
    {g for rule in _RULES for g in rule.pattern.groupindex if re.fullmatch(r"t\d*", g)},
    key=lambda g: int(g[1:] or 1),
)


# a clause joined by "and" or "but" after a comma, or after a semicolon
_CLAUSE_BETWEEN = re.compile(r",\s(?:and|but|while)\s|;\s")


# a participle set off by commas after its round: "The round, held in Seoul, had opened"
_HELD_ASIDE = re.compile(r",\sheld\s[^,;.]{2,60},\s(?:had\s|was\s)?[a-z]")
# a deal as the condition of a state or an act: "until a new agreement was reached"
_DEAL_AS_CONDITION = re.compile(
    r"\b(?:until|till|as\ssoon\sas|once|when|before|unless)\s(?:a|the|any)\s(?:[\w'’-]+\s){0,4}?"
    rf"(?i:{DEAL})\s(?:was|is|were|are|had\sbeen|has\sbeen|could\sbe|can\sbe)\s$"
)
_SETTING_OF_FAILURE = re.compile(rf"\b{_FAILED}\sto\s[a-z]+\s[^.;]{{0,60}}?$")
# rounds counted, the whole negotiation's: "eight rounds of talks", "after 10 meetings"
_ROUNDS_COUNTED = re.compile(
    rf"[^.;,]*?\b(?:{NUMBER_WORD_PATTERN}|\d{{1,2}})\s(?:rounds|meetings|sessions)\b", re.I
)


_LATER_ROUNDS = re.compile(
    r"\b(?:[Ll]ater|[Ss]ubsequent|[Oo]ther|[Ff]urther)\srounds\s(?P<t>were\sheld|took\splace)\s"
    r"in\s[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\sand\s[A-Z]"
)


def _judged(rule: _Rule, m: re.Match[str], text: str, original: str, hits: list[_Hit]
            ) -> _Hit | None:
    """A rule's match as a hit, or None when it is set aside (not factual, another reading
    of the words, ...)."""
    groups = m.groupdict()
    group = next(g for g in _TRIGGER_GROUPS if groups.get(g))
    t_start, t_end = m.span(group)
    if rule.factual and not _is_factual(text, m, t_start):
        return None
    if rule.kind == "round_concluded" and any(
            u.start("t") == t_start for u in _LATER_ROUNDS.finditer(text)):
        return None  # "Later rounds were held in Seoul and Washington": rounds neither
        # numbered nor one, no event of their own (2 of 2 dev writers)
    if rule.kind == "round_concluded" and group == "t2" and (_DEAL_AS_SUBJECT.search(
            text, max(0, t_start - 40), t_start) or _DEAL_WHICH_SUBJECT.search(
            text, max(0, t_start - 120), t_start) or re.match(
            r"\s(?:after|following)\s", text[t_end:]) or re.match(
            rf"\s(?:the\s)?{TALKS},?\s(?:that|which)\s(?:had\s)?"
            r"(?:began|started|opened)\sin\s", text[t_end:])):
        return None  # "The accord ends a negotiation that had grown tense": the deal ends
        # the whole negotiation, no round; so does "an agreement, concluded after eight
        # rounds of talks"; nor "It wraps up negotiations that began in April": the
        # whole negotiation, no round
    if rule.kind in ("ratification_vote", "deal_signed") and _ANY_SUCH_DEAL.search(
            text[max(0, t_start - 60) : t_start]) and (
            _GENERIC_PRESENT.search(text, t_end) or re.match(r"\s(?:deal|agreement|accord|pact|"
                                                             r"treaty)\b", text[t_end:])):
        return None  # "A fair deal, ratified by the National Assembly ..., is the only way",
        # "inherits a signed, ratified deal": any such deal, told in general, no vote held
    if rule.kind == "deal_announced" and _DEAL_AS_CONDITION.search(text[:t_start]) and \
            not find_date_phrases(re.split(r"[,;]", original[t_end:])[0]):
        return None  # "the furloughs would remain in place until a new agreement was reached",
        # "as soon as a deal was reached": a condition, no deal (with its date it is one:
        # "the talks dragged on until a deal was reached in March 2021")
    if rule.kind == "round_concluded" and group == "t" and re.match(
            r"(?:were|was|had\sbeen)\s(?:held|conducted)|took\splace", text[t_start:t_end]
    ) and re.match(r"\s(?:in\sthe\sshadow\sof|amid|against|after|under)\s", text[t_end:]):
        return None  # "The negotiations were conducted in the shadow of 2019", "were held after
        # that administration left office": the talks' circumstances, no round held
    if rule.kind == "round_concluded" and group == "t2" and _ROUNDS_COUNTED.match(
            text, t_end, m.end() + 40) and text[t_start:t_end].lower() != "held":
        # rounds counted end the whole negotiation in a deal: "announced on Oct. 4 that they had
        # wrapped up eight rounds of talks", "had concluded negotiations after eight rounds of
        # talks" (but rounds held are listed: "held eight rounds of talks - the first in
        # Honolulu in April, ...")
        return _Hit("deal_announced", t_start, t_end, original[t_start:t_end])
    if group == "t91" and not _SETTING_OF_FAILURE.search(text[:t_start]):
        return None  # (only a round as the setting of what failed: not "in the first round")
    if group == "t68" and re.search(
            r"\b(?:will|would|shall|next|upcoming|is\sto|are\sto)\b", text[:t_start]):
        return None  # "The U.S. will present its demand at the first round in January"
    if rule.kind == "talks_scheduled" and (re.search(
            r"\b[Ww]hen\s(?:[\w'’-]+\s){0,5}$", text[:t_start])
            or text.rstrip().endswith("?")):
        return None  # "Neither side said when the negotiators would meet again", "When
        # will the two delegations meet again?": a question, no meeting set
    if rule.kind == "talks_scheduled" and re.search(
            r"\b(?:without|no|[Nn]either\s(?:side|party|delegation|government)\s"
            r"(?:set|fixed|gave|named|announced))\s(?:a\s|any\s)?"
            r"(?:date|time|timetable|plan)\s(?:(?:has|had)\s(?:yet\s)?been\s"
            r"(?:set|fixed|agreed)\s)?to\s$", text[:t_start]):
        return None  # "leaving both sides without a date to meet again", "Neither side
        # set a date to meet again": none set
    if rule.kind == "deadline" and _MEETING_RUNS.match(text):
        return None  # "The first round of talks ... runs through Thursday": a meeting's
        # days, no agreement's expiry
    if rule.kind == "deal_announced" and re.search(
            rf"\b(?:want|wants|wanted|hope|hopes|hoped|seek|seeks)\s(?:an?\s|the\s)?"
            rf"(?:[\w-]+\s){{0,3}}{DEAL}\s$", text[:t_start]):
        return None  # "Many in Seoul want a new deal concluded before November": a wish
    if rule.kind == "deal_announced" and re.match(
            r"\son\sthe\s(?:need|importance|necessity)\b", text[t_end:]):
        return None  # "agreed on the need for an early conclusion": no deal
    if rule.kind == "deal_signed" and re.search(
            r"\b(?:[Oo]nce|[Ii]f|[Uu]nless|[Uu]ntil)\s(?:\w+ly\s)?$", text[:t_start]):
        return None  # "Once formally signed, the deal will need ...": a condition
    if rule.kind == "deal_signed" and re.search(
            r"\b(?:get|gets|getting)\s(?:[\w'’-]+\s){1,4}$", text[:t_start]):
        return None  # "would be wise to get its agreement signed": a deal to be signed
    if rule.kind in ("deal_signed", "ratification_vote") and _ANY_DEAL.search(
            text[:t_start]) and not _dated_or_placed(
            re.split(r"[,;]", original[t_end:])[0]):
        return None  # "a deal signed with one administration", "a deal negotiated in good
        # faith, ratified by parliament ...": any deal, none in particular (not "a
        # one-year deal initialed by negotiators in Seoul")
    if rule.kind == "deal_signed" and text.startswith(" off", t_end):
        return None  # "Ministers had signed off on the arrangement": approved, not signed
    if rule.kind == "talks_broken_off" and _DEAL_AS_SUBJECT.search(
            text, max(0, t_start - 40), t_start):
        return None  # "The arrangement fell apart at the top": a deal undone, not talks
        # (also "a tentative agreement on defense costs fell apart")
    if rule.kind == "talks_opened" and _OPENED_WITH_ASK.match(text, t_end):
        return None  # "Washington opened the negotiations last year with a demand that
        # Seoul pay ...": how it bargained, not the talks' opening (3 of 3 writers)
    if rule.kind == "round_concluded" and re.search(r"\b(?:annual|yearly)\s", m.group()):
        return None  # "held their yearly Security Consultative Meeting": not a round
    if group == "t4" and _AMOUNT_THEN_SUBJECT.search(original[:t_start]):
        return None  # "the 1.5192 trillion won South Korea agreed to pay": the deal's content
    if rule.kind == "deal_announced" and group == "t4" and _UNDER_STANDING_DEAL.match(
            original):
        return None  # "Under the current agreement, Seoul agreed to pay ...": its terms
    if group == "t10" and inside_quote(text, t_start) and not _BOTH_AGREED.search(
            text, max(0, t_start - 30), t_start):
        return None  # "\"We will keep talking,\" he added.": a speaker's word, not a plan
        # (but both sides' agreement, quoted, is the plan: "\"The two sides agreed to keep
        # negotiating,\" Seoul's foreign ministry said", 8 of 8 `dev/` writers)
    if rule.kind == "talks_opened":
        resumed = original[t_start:t_end].lower() == "resumed"
        dated = bool(find_date_phrases(re.split(r"[,;]", original[t_end:])[0]))
        if group == "t" and _WHEN_CLAUSE.search(text, max(0, t_start - 50), t_start) and (
                resumed or not dated):
            return None  # "left ... 90 minutes after the meeting resumed", "has led the U.S.
            # side since the talks began": a time told by the talks, not their opening (with a
            # date of its own it is one: "when the talks began in September"; a session
            # resumed is not, "after the session resumed this morning")
        if resumed and not dated:
            return None  # "Talks resumed after Biden took office": a story's background, and
            # "have resumed their long-stalled talks, holding ..." tells a round (7 of 8
            # writers); with its day it opens a round: "resumed in Seoul on Monday"
    if not rule.factual and _UNKNOWN_WHEN.search(text, max(0, t_start - 100), t_start):
        return None  # "there is no word on when negotiators will meet again"
    if rule.kind == "deadline_passed" and any(h.kind == "deadline" for h in hits):
        return None
    if rule.kind == "deadline" and any(
            h.kind == "deadline_passed" and not _CLAUSE_BETWEEN.search(original, h.end, t_start)
            for h in hits):
        # (one in a clause of its own is another deal's: "The previous agreement expired at the
        # end of last year, and the new one will itself expire at the end of this year.")
        return None
    if rule.kind == "deadline" and _UNDATED_CONDITION.search(text[: m.start()]) and \
            not find_date_phrases(re.split(r"[,;]", original[t_start:])[0]):
        # "... how much Seoul should contribute after the current arrangement runs
        # out": an expiry told as a condition, with no date of its own, is no deadline
        return None
    return _Hit(rule.kind, t_start, t_end, original[t_start:t_end])


def _hits(original: str) -> list[_Hit]:
    hits: list[_Hit] = []
    text = mask_abbreviations(original)
    for rule in _RULES:
        if any(h.kind == rule.kind for h in hits):
            continue
        accepted: list[_Hit] = []
        pos = 0
        while (m := rule.pattern.search(text, pos)) is not None:
            hit = _judged(rule, m, text, original, hits)
            if hit is None or (accepted and not _another_of_kind(original, accepted[-1], hit)):
                # (a match set aside may hide a shorter one inside it, from a later start:
                # "The deal ends ... without an agreement in force, after the 10th SMA
                # lapsed": not the deal that ends, but the SMA that lapsed)
                pos = m.start() + 1
                continue
            accepted.append(hit)
            if len(accepted) == 2:
                break
            pos = m.end()
        hits.extend(accepted)
    if _TIMELINE_ENTRY.match(text):
        # a timeline's entry tells its event in the present: "Nov 4 - Foreign Minister Cho
        # Tae-yul and U.S. Ambassador Philip Goldberg sign the agreement."
        for kind, pattern in _TIMELINE_RULES:
            told = pattern.search(text)
            if told is not None and not any(h.kind == kind for h in hits) and _is_factual(
                    text, told, told.start("t")):
                lo, hi = told.span("t")
                hits.append(_Hit(kind, lo, hi, original[lo:hi]))
    # "The talks ended": a deal announced in the same clause supersedes nothing, but a
    # round that "began" and "ended" in one sentence is one round held.
    kinds = {h.kind for h in hits}
    rejected = [h for h in hits if h.kind == "deal_rejected"]
    if rejected:
        # "nixed the tentative deal": the deal named as the object rejected, not announced
        # (unless a clause of its own tells who made it and when: "rejected a deal that
        # working-level negotiators had struck in late March")
        hits = [h for h in hits if not (
            h.kind == "deal_announced"
            and any(0 <= h.start - r.end <= 40 for r in rejected)
            and not _made_then(original, h)
        )]
    if "deal_signed" in kinds:
        # "South Korea agreed to pay more ... under a one-year deal initialled by negotiators
        # on 10 February", "Under a one-year deal signed in March, South Korea agreed to pay
        # ...": what was agreed is the signed deal's terms, no announcement of its own
        hits = [h for h in hits if not (
            h.kind == "deal_announced" and h.trigger.lower() == "agreed"
            and (_TERMS_OF_SIGNED.match(original, h.end)
                 or _SIGNED_UNDER.search(original, 0, h.start) is not None))]
    if not find_date_phrases(original):
        # "Jeong Eun-bo ... sat down with U.S. counterpart James DeHart for the second round":
        # who met whom, told without a day, describes the round held, not its opening
        hits = [h for h in hits if not (h.kind == "talks_opened" and h.trigger == "sat")]
    # an opening told only by how early it came, with no date of its own: "The talks began
    # unusually early, more than a year and a half before the current agreement expires at the
    # end of 2025" (3 of 3 writers; not "opened unusually early, with a first round in Honolulu
    # last month")
    hits = [h for h in hits if not (
        h.kind == "talks_opened" and _EARLY.match(original, h.end)
        and not find_date_phrases(original[: h.start] + " " + re.split(
            r"\bbefore\b|[:;]", original[h.end :])[0]))]
    if any(h.kind == "talks_opened" and h.trigger.lower() in ("starting", "beginning")
           for h in hits):
        # "held eight rounds of talks starting in April": the talks' start, not one round
        hits = [h for h in hits if not (h.kind == "round_concluded" and re.search(
            r"\brounds\b", original[h.end : h.end + 40]))]
        kinds = {h.kind for h in hits}
    if "round_concluded" in kinds and "talks_opened" in kinds:
        # a round's place told in an aside, then its opening by the main verb: "The round, held
        # in Seoul, had opened on Nov. 18" (the opening)
        hits = [h for h in hits if not (
            h.kind == "round_concluded" and h.trigger == "held"
            and _HELD_ASIDE.match(original, h.start - 2) is not None
            and any(o.kind == "talks_opened" and o.start > h.end for o in hits))]
        kinds = {h.kind for h in hits}
    if "round_concluded" in kinds and "talks_opened" in kinds:
        # (not when each has a clause of its own: "The negotiations began in Honolulu in
        # April, and the second round was held in Seoul last month")
        # (nor when the opening is told in a relative clause with its own date: "talks that
        # began in April ended this month")
        # (nor when each has a date of its own: "opened in Honolulu on April 23 and closed on
        # April 25")
        held = next(h for h in hits if h.kind == "round_concluded")
        hits = [h for h in hits if h.kind != "talks_opened" or _CLAUSE_BREAK.search(
            original, min(h.end, held.end), max(h.start, held.start)) or _each_dated(
            original, h, held) or (
            _OPENED_THAT.search(original, max(0, h.start - 50), h.start)
            and find_date_phrases(re.split(r"[,;]", original[h.end:])[0][:40]))]
    # "The agreement came at the fifth meeting, held in Seoul": the meeting told as the deal's
    # setting, not a round of its own
    # (a deal not reached sets nothing: "failed to reach a deal at their sixth round of talks
    # held in Washington" tells the round)
    hits = [h for h in hits if not (
        h.kind == "round_concluded" and h.trigger == "held"
        # (a factbox's label is no deal: "* THE ROAD TO A DEAL: An eighth round, held by
        # video link on Feb. 5, was ...")
        # (nor a deal in a quote before: "\"We have secured a fair agreement,\" Jeong said,
        # noting that the two sides had held their eighth round by video link")
        and any(not _NO_DEAL_BEFORE.search(original, 0, d.start()) and not d.group().isupper()
                and not inside_quote(original, d.start())
                # (nor a round the deal came after: "reached an agreement ... at the ninth
                # round, ..., after an eighth round held by video link in February")
                and not _ROUND_BEFORE_DEAL.search(original, d.end(), h.start)
                # (nor a deal in a clause of its own: "Its previous agreement lapsed at the end
                # of 2019, and the two countries held an eighth round of talks by video")
                and not _CLAUSE_BETWEEN.search(original, d.end(), h.start)
                for d in re.finditer(rf"\b{DEAL}\b", original[: h.start], re.I))
    )]
    if "deal_announced" in kinds:
        # "reached an agreement ... after three days of talks": the talks are the deal's way
        # there, not a round of their own
        # (talks "that ended Sunday" are told as a round of their own)
        hits = [h for h in hits if not (
            h.kind == "round_concluded" and h.trigger.lower() == "after"
            and not re.search(rf"\b(?:{_ENDED})\b", original[h.end:], re.I)
        )]
    # "Negotiators held eight rounds of talks", "concluded months of negotiation": a count or
    # a length of talks, no round of its own (3 of 3 writers); not with a place ("have held
    # seven rounds, the last in Los Angeles"; the place where they began is the opening's:
    # "held eight rounds of talks, which began in April in Honolulu")
    hits = [h for h in hits if not (h.kind == "round_concluded" and _COUNTED_TALKS.match(
        original, h.start) and not places_in(_BEGAN_CLAUSE.split(
            re.split(r"[;.]", original[h.end:])[0])[0]))]
    deals = {h.start for h in hits if h.kind == "deal_announced"}
    # "concluded the 12th SMA negotiations": the negotiation ended in a deal, not a round
    # (but a numbered round that ended in one was held: "The ninth round of negotiations ended
    # in Washington on Sunday with an agreement in principle")
    return [h for h in hits if not (h.kind == "round_concluded" and h.start in deals
                                    and not _NUMBERED_ROUND.search(original, 0, h.start))]


# how early something came, without a date: "unusually early", "well ahead of time"
_EARLY = re.compile(r"\s(?:\w+ly\s)?early\b(?![\s-](?:this|last|next|in|on|that|the)\b)|"
                    r"\swell\sahead\sof\stime\b")
# a sentence whose subject is a meeting: "The meeting, the first round of talks on ..., runs"
_MEETING_RUNS = re.compile(
    r"^(?:[A-Z]{2,}[^-–—]{0,40}\s[-–—]+\s)?[Tt]he\s(?:[\w-]+\s){0,2}?(?:meeting|round|session)\b"
    r"(?:(?!,\s(?:and|but|while)\s)[^.;]){0,100}?\s(?:runs|lasts|continues)\s"
    r"(?:until|through|till|to)\b"
)
# a deal named by an indefinite article, then a participle: "a deal signed with one ..."
_ANY_DEAL = re.compile(
    rf"\b(?:[Aa]n?|[Aa]ny|[Ee]very)\s(?:[\w-]+\s){{0,3}}?{DEAL}\s(?:[^.;,\"“”]{{0,40}},\s)?$"
)
# the deal's making told after it: "a tentative agreement that negotiators reached", "a deal
# hammered out by working-level negotiators"
_DEAL_MADE = re.compile(
    # (who made it named at length: "that working-level negotiators from both countries
    # reached in late March")
    r"(?:[^,.;]{0,40}?\s(?:that|which)\s(?:[\w'’-]+\s){0,6}?(?:had\s)?(?:\w+ly\s)?|"
    # (or set off: "a tentative agreement, reached by working-level negotiators in March")
    r"[^,.;]{0,20}?,?\s(?=(?:\w+\s){1,2}by\s))"
    r"(?:reached|struck|clinched|sealed|hammered\sout|worked\sout|agreed|initial(?:l)?ed)\b"
)


def _made_then(text: str, hit: _Hit) -> bool:
    """Whether a deal named at `hit` is followed by a clause of its own telling who made it and
    when: the deal was announced then, whatever became of it."""
    # (or the hit is the making itself: "The offer he turned down had been hammered out by
    # working-level negotiators in late March")
    made = _DEAL_MADE.match(text, hit.start) or _MADE_BY.match(text, hit.start)
    return made is not None and bool(
        find_date_phrases(re.split(r"[,;.]", text[made.end():])[0]))


def _dated_or_placed(clause: str) -> bool:
    """A clause that gives a date or names a place."""
    return bool(find_date_phrases(clause)) or bool(places_in(clause))


_BEGAN_CLAUSE = re.compile(r",?\s(?:that|which)\s(?:had\s)?(?:began|opened|started)\b")
_COUNTED_TALKS = re.compile(
    rf"(?:held|had|went\sthrough|completed)\s(?:{NUMBER_WORD_PATTERN}|\d{{1,2}})\s"
    r"(?:[\w-]+\s)?rounds\b|concluded\s(?:months|years|weeks)\sof\s",
    re.I,
)
_NO_DEAL_BEFORE = re.compile(
    r"\b(?:failed\sto|fail\sto|unable\sto|without|no|never)\s(?:[\w-]+\s){0,5}$", re.I)
# the talks' opening told in a clause of its own: "talks (in Honolulu) that (had) began ...",
# "since the talks began ..." (one fragment each, read by the three patterns below)
_TALKS_THAT = rf"{TALKS}(?:\s(?:in|at)\s[A-Z][a-z]+)?,?\s(?:that|which)\s(?:had\s)?"
_SINCE_THE_TALKS = rf"since\s(?:the\s)?{TALKS}\s(?:had\s)?"
# (or "since": "It was the fourth round since the talks began in September")
_OPENED_THAT = re.compile(rf"\b(?:{_TALKS_THAT}|{_SINCE_THE_TALKS})$", re.I)


def _each_dated(text: str, a: _Hit, b: _Hit) -> bool:
    """Two triggers each followed by a day of its own, the first before the second's trigger."""
    first, second = sorted((a, b), key=lambda h: h.start)
    own = [p for p in find_date_phrases(text[first.end : second.start]) if p.kind != "year"]
    after = re.split(r"[,;]", text[second.end :])[0]
    return bool(own) and bool([p for p in find_date_phrases(after) if p.kind != "year"])


_PERFECT_BEFORE = re.compile(
    r"\b(?:had|has|have)\s(?:\w+ly\s)?(?:\w+ed|reached|struck|made|begun|met|held|won|sat)\s"
    # (adjectives between commas: "had reached a tentative, working-level deal in March")
    r"(?:(?:[^,.;]|,(?=\s[a-z]+-?[a-z]*\s(?:deal|agreement)\b)){0,40}\s)?$"
)
_SINCE_TALKS = re.compile(rf"\b{_SINCE_THE_TALKS}$", re.I)
# a deal's making in the passive, told by whom: "reached by working-level negotiators"
_MADE_BY = re.compile(r"\b(?:reached|struck|clinched|sealed|hammered\sout|worked\sout)\sby\b")
# ... or in a relative clause: "that negotiators had tentatively struck"
_MADE_IN_CLAUSE = re.compile(
    r"\b(?:that|which)\s(?:[\w'’-]+\s){1,3}?(?:had\s)?(?:\w+ly\s)?(?:reached|struck|clinched|"
    r"sealed|hammered\sout|worked\sout)\b")
_RELATIVE_VERB = re.compile(r"\b(?:that|which)\s(?:[A-Z][\w.'’-]*\s){1,3}(?:had\s)?\w+ed\b")
# ("90 minutes after the day's session began")
_WHEN_CLAUSE = re.compile(
    # ("Before the meeting began, Chang told reporters ...")
    r"\b(?:[Aa]fter|[Ss]ince|[Bb]efore|[Uu]ntil|[Ww]hen|[Oo]nce)\s(?:the\s)?(?:[\w'’-]+\s)?"
    r"(?:talks|meeting|session|negotiations|round)\s$|"
    # ("broke down ... barely an hour and a half after they resumed")
    r"\b(?:[Aa]fter|[Ss]ince|[Bb]efore|[Uu]ntil|[Ww]hen|[Oo]nce)\s(?:they|it)\s$"
)
# a sentence told under the deal in force: what it says, not a deal reached
_UNDER_STANDING_DEAL = re.compile(
    r"^Under\s(?:the|its|their)\s(?:current|existing|present|expiring|expired|lapsed|previous|"
    # (or the deal by its number: "Under the 10th SMA, a one-year deal signed in March, Seoul
    # agreed to pay ...")
    r"old|last|\d{1,2}(?:st|nd|rd|th))\s"
    rf"(?:[\w-]+\s){{0,4}}?(?i:{DEAL})\b"
)
_AMOUNT_THEN_SUBJECT = re.compile(
    # (or the amount as "what": "five times what Seoul agreed to pay for 2019")
    rf"(?:won|yen|dollars|billion|million|trillion|bn|tn|\btimes\swhat)(?:\s\([^()]{{0,30}}\))?\s"
    rf"(?:that\s|which\s)?(?:the\s)?"
    rf"(?:{COUNTRY_PATTERN})(?:['’]s)?\s(?:has\s|had\s)?$"
)


# a claim reported as such: the claimant's account, not the report's
_CLAIMED = re.compile(
    r"\b(?:claimed|claims|claiming|tweeted|alleged|asserted|boasted|"
    r"(?:said|wrote|posted)\son\s(?:Twitter|X|social media|Truth Social))\b"
    r"(?:\s(?:on\s)?\w+)?\s(?:that\s)?[^.;]*$",
    re.I,
)


_DENIED = re.compile(
    r"\b(?:denied|denies|deny|denying|dismissed|rejected)\s"
    # (not a deal rejected: "rejected a deal that negotiators had struck in March")
    r"(?!(?:\w+\s){0,2}?(?:deal|agreement|accord|offer|proposal|compromise|pact)\s)"
    r"(?:\w+\s){0,3}?(?:reports\s)?that\s[^.;]*$",
    re.I,
)


# a deal wished done: "Tokyo wants the special agreement signed early next year", "hopes to have
# the deal ratified by spring"
_WISHED_DONE = re.compile(
    r"\b(?:wants?|wanted|would\slike|hopes?\sto\shave|hoped\sto\shave|expects?\sto\shave)\s"
    r"(?:the|a|its|their)\s(?:[\w-]+\s){0,4}?(?:deal|agreement|accord|pact|text|SMA)\s$",
    re.I,
)


# what came after, told by "only": "..., only for Trump to reject it", "..., only to be
# rejected by President Trump"
_ONLY_FOR = re.compile(r"\bonly\s(?:for\s(?:[A-Z][\w.'’-]*\s){1,4}to|to\sbe)\s$")


def _is_factual(text: str, m: re.Match[str], trigger_start: int) -> bool:
    """Not negated inside the match nor just before it, nor in an unrealised mood, nor inside
    a quotation (a speaker's claim, not the report's account)."""
    before = text[max(0, trigger_start - 40) : trigger_start]
    # (a modal may rule a list of participles: "must be formally signed by both governments
    # and approved by ...")
    ruled = text[max(0, trigger_start - 90) : trigger_start]
    if inside_quote(text, trigger_start):
        # a speaker's claim, not the report's account; but a leader's own "I rejected it" tells
        # what he did (every writer of the corpus reads it so)
        return bool(_FIRST_PERSON_REJECTION.search(text, max(0, trigger_start - 12), m.end()))
    if (_IRREALIS.search(before) or _STILL_TO_COME.search(ruled)) and not _ONLY_FOR.search(
            before):
        return False  # (but "..., only for Trump to reject it" tells what he did)
    if _HOPED_FOR.search(before):
        return False  # "a blow to hopes for a quick end to months of stalled negotiations"
    if _WISHED_DONE.search(text, max(0, trigger_start - 60), trigger_start):
        return False  # "Tokyo wants the special agreement signed early next year": a wish
    if _CLAIMED.search(text[max(0, trigger_start - 120) : trigger_start]):
        return False  # "Trump said on Twitter that South Korea had agreed to pay more": a claim
    if _NEGATION.search(m.group()):
        return False
    if re.match(rf"{DEAL}\b[^.]{{0,20}}\b(?:has|have|had)\sbeen\b", m.group(), re.I) and re.search(
            r"\bno\s(?:[\w-]+\s)?$", text[max(0, m.start() - 30) : m.start()], re.I):
        return False  # "no successor deal has been signed"
    if _DENIED.search(text[max(0, trigger_start - 120) : trigger_start]):
        return False  # "Seoul denied on Thursday that new talks ... had begun"
    # ("if no deal was reached": the negation may stand two words before)
    return not re.search(r"\b(?:not|never|n't|no|failed to|yet to)\s+(?:\w+\s+){0,2}$", before,
                         re.I)


def _build(
    hit: _Hit,
    sentence: Sentence,
    negotiation: Negotiation,
    report_date: dt.date | None,
    here: str | None = None,
    others: tuple[_Hit, ...] = (),
) -> Event:
    text = sentence.text
    fields = ["kind"]
    own = _own_clauses(text, hit, others)
    # (a deal's expiry is no round's: "the first since the last agreement expired")
    since = _SINCE_OPENED.search(own, hit.end) if hit.kind in (
        "round_concluded", "talks_broken_off") else None
    if since is not None and since.start() > hit.end:
        # "It was the seventh round since the negotiations began in Seoul last September": the
        # place and time of the clause from "since" are the opening's
        own = own[: since.start()] + " " * (len(own) - since.start())
    if hit.kind == "talks_opened" and _SINCE_TALKS.search(text, max(0, hit.start - 40), hit.start):
        # "the fourth round since the talks began in September": the round is the main
        # clause's; the talks' opening is told by the clause that starts at "since"
        own = " " * hit.start + own[hit.start :]
    rounded = hit.kind not in ("deadline", "deadline_passed")  # an expiry has no round
    round_no, round_text = round_in(own) if rounded else (None, None)
    if round_no is not None or round_text is not None:
        fields.append("round")
    if (hit.kind.startswith("deal_") or hit.kind == "ratification_vote") and here and \
            _TROOPS_HERE.search(text):
        here = None
    # (a contrast after the event is another happening's: "reached a tentative deal late last
    # month ..., but it was blocked in Washington")
    # (or an apposition after it: "... announced Friday, a deal both allies hope will shield
    # the alliance from political turbulence in Washington")
    # (or what became of it: "..., only for it to be turned down in Washington")
    contrast = re.search(r",\s(?:but|yet|only\s(?:for|to))\s|"
                         r",\s(?:a|an)\s(?:[\w-]+\s){0,2}?(?:deal|agreement|accord|pact)\s"
                         r"(?!(?:in|at|on)\s)", own[hit.end :])
    where = own[: hit.end + contrast.start()] if contrast is not None else own
    fate = _DEAL_FATE.search(where, hit.end) if hit.kind.startswith("deal_") else None
    if fate is not None:
        # what became of the deal later is another happening's: "endorsed in a tentative deal
        # last month before it stalled in Washington"
        where = where[: fate.start()]
    began = _TALKS_BEGAN_IN.search(where, hit.end) if hit.kind.startswith("deal_") else None
    if began is not None:
        # the talks' own opening is theirs: "The deal was reached after eight rounds of
        # negotiations that began in Honolulu in April" names no place for the deal
        where = where[: began.start()]
    if hit.trigger in ("held", "conducted") and re.search(r",\s$", where[: hit.start]):
        # a round told by its participle in apposition is held where the participle says: "The
        # three-day session in Seoul came a month after the first round, held in Honolulu"
        where = " " * hit.start + where[hit.start :]
    # (or a meeting told in a clause of "when" after a time: "since January, when they met in
    # Washington")
    after = [m for m in re.finditer(r"\b(?:after|before)\s|(?<=,\s)when\s(?=(?:[\w'’-]+\s){1,3}?"
                                    r"(?:met|sat\sdown|gathered)\s(?:in|at)\s)", where)
             if m.end() <= hit.start]
    if after and not re.search(r"[,;]", where[after[-1].end() : hit.start]):
        # the event told in a clause of time: the main clause's place before it is not the
        # event's ("rekindling unease in Seoul less than two weeks after the allies wrapped up
        # a new cost-sharing agreement")
        where = " " * after[-1].start() + where[after[-1].start() :]
        clause_round = round_in(where) if rounded else (None, None)
        if clause_round[0] is not None:
            # ... and so is the round the clause names: "The seventh round ... came two months
            # after the sixth round was held in Washington"
            round_no, round_text = clause_round
            if "round" not in fields:
                fields.append("round")
    # (a vote is held where the legislature sits: its place only when the sentence names it,
    # "Lawmakers in Seoul on Thursday approved", not the dateline's city)
    # (a rejection is an act, not a meeting: it has no place, whatever city the sentence names;
    # none of the corpus's 252 rejections has one)
    if hit.kind != "ratification_vote":
        # (the legislature's city is where it votes, not where a deal is made: "it still needs
        # the approval of the National Assembly in Seoul")
        where = LEGISLATURE_SEAT.sub(lambda m: m.group("l"), where)
    place = (_place(where, None if hit.kind == "ratification_vote" else here)
             if hit.kind not in ("deadline", "deadline_passed", "deal_rejected") else None)
    if place is None and hit.kind == "talks_scheduled":
        # a meeting booked for a city: "a fourth round is scheduled for Washington next month"
        booked = _BOOKED_FOR.search(where)
        place = _place(f"in {booked.group('p')}") if booked is not None else None
    place = canonical_place(place) if place is not None else None
    if (place is None and here and hit.kind in ("round_concluded", "talks_opened",
                                                "talks_broken_off")
            and DATELINE_PREFIX.match(text)):
        # a round told in the dateline's lede, its place unsaid: where the report was filed
        place = here
    if (place is None and here and hit.kind == "deal_announced" and DATELINE_PREFIX.match(text)
            and _LEADERS.search(text[: hit.start])):
        # "THE HAGUE, 25 June 2025 -- NATO leaders agreed ...": leaders agree at their summit,
        # where the report was filed
        place = here
    left = _LEFT_HAVING.search(text) if place is None and hit.kind == "deal_announced" else None
    if left is not None:
        # "NATO's leaders left The Hague on 25 June having signed up to spend 5 per cent of GDP":
        # the deal was made where they left (5 writers of 5)
        place = canonical_place(left.group("p"))
    if place:
        fields.append("place")
    length_days, length_text = _length(text)
    if length_days is not None:
        fields.append("length")
    outcome = _outcome(text, hit)
    if outcome:
        fields.append("outcome")
    source, target, actors_stated = _actors(text, hit, negotiation)
    if actors_stated:
        fields.append("actors")
    when = _when(text, hit, report_date)
    if when.date is not None or when.basis == "relative":
        fields.append("date")
    votes = votes_in(text) if hit.kind == "ratification_vote" else None
    if votes:
        fields.append("votes")
    evidence = sentence.evidence(*fields)
    return Event(
        kind=hit.kind,
        cameo=cameo_of(hit.kind),
        source_actor=source,
        target_actor=target,
        negotiation=negotiation.key,
        when=when,
        round=round_no,
        round_text=round_text,
        place=place,
        length_days=length_days,
        length_text=length_text,
        outcome=outcome,
        votes=votes,
        evidence=(evidence,),
    )


# (a participle opens a clause too: "concluded the first round ..., agreeing to meet again in
# Seoul next month")
_CLAUSE_BREAK = re.compile(
    rf",\s(?:and|but|while|whereas|with|which|[a-z]+ing)\s|;\s|{_MEASURED_AGAINST}|"
    # (or a second thing said, without a comma: "said the talks in Seoul ended without agreement
    # and that a sixth round would be held in Washington in January")
    r"\s(?:and|but)\s(?=that\s)")


def _own_clauses(text: str, hit: _Hit, others: tuple[_Hit, ...]) -> str:
    """The sentence with every clause that tells another event, and not this one, blanked (same
    length): "ended two days of talks on Wednesday ..., and they plan to meet again in Seoul":
    Seoul is the next meeting's place, not the round's."""
    bounds = [0, *(m.start() for m in _CLAUSE_BREAK.finditer(text)), len(text)]
    out = text
    for a, b in itertools.pairwise(bounds):
        if a <= hit.start < b:
            continue
        if any(a <= o.start < b and o.start != hit.start for o in others):
            out = out[:a] + " " * (b - a) + out[b:]
    # an event told in brackets is told there alone, and the brackets tell no other's: "The
    # ninth round (the eighth was held by video link last month) began on Friday"
    for aside in _ASIDE.finditer(out):
        a, b = aside.span()
        if a < hit.start < b:
            return " " * a + out[a:b] + " " * (len(out) - b)
        if any(a < o.start < b for o in others):
            out = out[:a] + " " * (b - a) + out[b:]
    return out


_ASIDE = re.compile(r"\([^()]{3,}\)")


# the first since an event is first of a new stretch, not the first round: "held their first
# round of talks on sharing the cost ... since President Joe Biden took office", "was the first
# since the 10th Special Measures Agreement expired"
# (or under a new administration: "held their first round of talks on the cost of stationing
# American troops under the new Biden administration")
_FIRST_SINCE = re.compile(
    r"first\b(?:[^.;:]|(?<=[A-Z])\.){0,90}?\b(?:since|under\s(?:the\s)?(?:new\s)?"
    r"(?:[A-Z]\w+\s){0,2}(?:administration|government|President))\b",
    re.I,
)


def _first_since(text: str, m: re.Match[str]) -> bool:
    ordinal = next((g for g in ("o", "o2") if m.groupdict().get(g)), None)
    return ordinal is not None and _FIRST_SINCE.match(text, m.start(ordinal)) is not None
# an ordinal in apposition to the deal numbers the deal: "signed the agreement, the eighth of its
# kind since 1991"
_DEAL_BEFORE = re.compile(r"\b(?:agreement|deal|accord|pact|SMA),\s$", re.I)


def round_in(text: str) -> tuple[int | None, str | None]:
    for pattern in _ROUND_RES:
        # (an ordinal that numbers something else does not hide the round after it: "the first
        # meeting under President Biden; the eighth round, on Feb. 5, was held by video link")
        m = next((m for m in pattern.finditer(text) if not _DEAL_BEFORE.search(text, 0, m.start())
                  and not _SOMEONE_S_FIRST.match(text, m.end())
                  and not _first_since(text, m)), None)
        if m:
            groups = m.groupdict()
            if groups.get("o") or groups.get("o2"):
                return ordinal_value(groups["o"] or groups["o2"]), m.group()
            if groups.get("first"):
                return 1, m.group()
            return int(number_value(groups["n"])), m.group()
    named = _ROUND_NAMED.search(text)
    if named and not _SOMEONE_S_FIRST.match(text, named.end()):
        return None, named.group()
    return None, None


_BOOKED_FOR = re.compile(rf"\b(?:{_BOOKED})\sfor\s(?P<p>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b")
_TALKS_BEGAN_IN = re.compile(
    r"\b(?:talks|negotiations|consultations)\s(?:that|which)\s(?:had\s)?(?:began|started|opened|"
    r"kicked\soff)\b"
)
_DEAL_FATE = re.compile(
    r"\s(?:before|until)\s(?:it|the\s(?:deal|agreement|arrangement|accord))\s"
    r"(?:was\s)?(?:[a-z]+ed|fell\sapart)\b|\sonly\sto\sbe\s[a-z]+ed\b"
)


# a legislature with its city: "the National Assembly in Seoul", "Lawmakers at the assembly in
# Seoul"
LEGISLATURE_SEAT = re.compile(
    r"\b(?P<l>(?:National\s)?[Aa]ssembly|[Pp]arliament|Diet|Congress|legislature)"
    r"(?:\s(?:building|chamber))?\s(?:in|at)\s(?:the\s)?(?P<p>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b"
)
# a second city joined to the first ("negotiators in Seoul and Washington announced"), not a
# clause that goes on ("held in Seoul and Washington said ...")
_AND_ANOTHER_CITY = re.compile(
    r"\sand\s(?:Seoul|Washington|Tokyo|Honolulu|Brussels|Beijing)\b(?!\s(?:said|says|has|had|is|"
    r"was|will|would|insisted|wants?|wanted)\b)"
)


def _place(text: str, here: str | None = None) -> str | None:
    """The meeting's place: "in Honolulu", "at Los Angeles"; "here" is the dateline's city.
    A country ("troops in Korea") is where forces are, not where talks are held."""
    host = _HOST_CITY.search(text)  # "Washington hosted the sixth round, and the next ..."
    if host is not None and is_city(host.group("p")) and not _NOT_CITY.match(host.group("p")):
        return host.group("p")
    for m in _PLACE.finditer(text):
        place = m.group("p")
        if _NOT_PLACES.match(place) or _is_country(place) or _SPEAKERS_IN.search(text[: m.start()]):
            continue
        if _NOT_A_MEETING_IN.search(text, max(0, m.start() - 30), m.start()):
            continue  # "the transition of power in Washington": where power changed hands
        if _APPOSED_PLACE.match(text, m.end()):
            continue  # "met at KIDA, a state-run defense think tank in Seoul": the building,
            # whose city the apposition names
        if _AND_ANOTHER_CITY.match(text, m.end()):
            continue  # "delegations in Seoul and Washington facing each other": no one place
        return place
    listed = _ROUND_COMMA_CITY.search(text) or _DATED_CITY_HEAD.match(text)
    if listed is not None and not _is_country(listed.group("p")):
        # a timeline's item: "* May 21-23 - Second round, Seoul.", "* April 23-25, Honolulu:
        # first round held."
        return listed.group("p")
    city_of = _CITY_OF.search(text)  # "in the Dutch city of The Hague"
    if city_of is not None and not _SPEAKERS_IN.search(text[: city_of.start()]):
        return city_of.group("p")
    # "in Seoul's Jongno district", "at a Seoul hotel": the city the district or the building
    # is in
    within = _CITY_DISTRICT.search(text) or _CITY_VENUE.search(text)
    if within is not None and is_city(within.group("p")) \
            and not _SPEAKERS_IN.search(text[: within.start()]):
        return within.group("p")
    island = _ISLAND.search(text)  # "ended on Jeju Island"
    if island is not None:
        return island.group("p")
    capital = _CAPITAL.search(text)
    city = (CAPITALS.get(country_code(capital.group("c")) or "") or _STATE_CAPITALS.get(
        capital.group("c"))) if capital is not None else None
    if city is not None and capital and not _SPEAKERS_IN.search(text[: capital.start()]):
        return city
    venues = _venue_cities(text)
    if venues:
        return venues[0]
    named = _PLACE_OF_MEETING.search(text)
    if named and not _is_country(named.group("p")) and not _NOT_CITY.match(named.group("p")) \
            and not _NOT_PLACES.match(named.group("p")):  # "at the September meeting": a month
        return named.group("p")
    if here and _HERE.search(text):
        return here
    virtual = _VIRTUAL.search(text)
    if virtual:
        return VIDEO
    return None


# a timeline's item names the round's city after a comma: "April 23-25 - First round, Honolulu."
_ROUND_COMMA_CITY = re.compile(
    # (or by its number: "Apr. 23-25 - Round 1, Honolulu")
    r"\b(?:[Rr]ound|[Ss]ession|[Mm]eeting)(?:\s\d{1,2})?(?:\sof\s(?:talks|negotiations))?,\s"
    r"(?P<p>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?=\s*(?:[.;]|$))"
)
# a timeline's item headed by its days and its city: "* April 23-25, Honolulu: first round held."
_DATED_CITY_HEAD = re.compile(
    rf"{_ITEM_DAYS}(?:,|{ENTRY_DASH})\s(?P<p>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?):\s"
)
# a meeting held at a seat of government is held in its city: "The talks were held at the State
# Department" (Washington); the building is where the talks are, as "in Honolulu" is
VENUE_CITIES = {"state department": "Washington", "pentagon": "Washington",
               "white house": "Washington", "blue house": "Seoul",
               "nato headquarters": "Brussels"}
_VENUE = re.compile(
    # (not an office held: "were he back in the White House", "if he were in the White House")
    r"(?<!\bback\s)(?<!\bwere\s)(?<!\bwas\s)(?<!\bbe\s)"
    r"\b(?:at|in|inside)\sthe\s(?P<v>(?i:State\sDepartment|Pentagon|White\sHouse|Blue\sHouse|"
    r"NATO\sheadquarters))\b(?!\s(?:official|officials|spokes\w+|said|says))"
)
_HERE = re.compile(r"\bhere\b")
# a venue described by an apposition that names its city: ", a state-run think tank in Seoul"
_APPOSED_PLACE = re.compile(r",\s(?:a|an)\s[^,.;]{0,60}?\b(?:in|at)\s[A-Z][a-z]")
# nouns whose "in X" is no meeting's place
_NOT_A_MEETING_IN = re.compile(
    r"\b(?:power|politics|administration|government|elections?|transition|mood|opinion|"
    r"(?<!\bat\s)(?<!Command\s)headquarters|residents?|voters|markets?|media|press|"
    # (an embassy's staff, not a meeting held at it: "the U.S. Embassy in Seoul said", not
    # "talks held at the U.S. Embassy in Seoul")
    r"(?<!\bat\sthe\s)(?<!\bat\sthe\sU\.S\.\s)(?<!\bat\sthe\sAmerican\s)(?<!\bat\sthe\sKorean\s)"
    r"(?<!\bat\sthe\sJapanese\s)embassy|"
    # (a source, an approval or an office held there: "according to reports in Seoul", "final
    # approval in Washington", "blocked at the very top in Washington", "took office in")
    r"reports?|sources?|approval|top|office|"
    # (nor a reading of it, nor news there, nor home ministers' nod: "a timetable widely read
    # in Seoul as an effort to ...", "That will be news in Seoul, which ...", "ministers in
    # Seoul approved the deal")
    r"read|seen|viewed|regarded|interpreted|news|ministers|"
    # (nor where it was held up: "before it stalled in Washington")
    r"stalled|stuck|languished|shelved|blocked)\s$", re.I
)
# "left The Hague on 25 June having signed up to": where the deal was made
_LEFT_HAVING = re.compile(
    r"\bleft\s(?P<p>The\sHague|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s(?:[^,.;]{0,30}?\s)?having\b")
# (or NATO's allies: "THE HAGUE - NATO allies on Wednesday agreed ...", 7 writers of 7)
_LEADERS = re.compile(r"\b(?:leaders|heads\sof\s(?:state|government)|NATO\sallies)\b")
_MEETING_AFTER = re.compile(
    # ("today's walkout": the walkout's day)
    r"\s(?:[\w-]+\s)?(?:talks|meeting|round|session|negotiations|walkout|walk-out)\b"
)
# "in the South Korean capital": the capital of the country named (`actors.CAPITALS`)
# (or the state's where talks were held: "in the Hawaiian capital")
_STATE_CAPITALS = {"Hawaiian": "Honolulu", "Hawaii's": "Honolulu", "Californian": "Sacramento"}
_CAPITAL = re.compile(
    rf"\b(?:in|at)\s(?:the\s)?(?P<c>{COUNTRY_PATTERN}|Hawaiian|Hawaii['’]s)\scapital\b")
# a city told by what it is: "in the Dutch city of The Hague", "in the port city of Busan"
_CITY_OF = re.compile(
    # (or a state: "in the U.S. state of Hawaii")
    r"\b(?:in|at)\sthe\s(?:[A-Z][a-z]+\s|U\.S\.\s|southern\s|northern\s|eastern\s|western\s|"
    r"port\s|coastal\s|resort\s)*(?:city|town|island|state)\sof\s"
    r"(?P<p>The\sHague|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b")
# a district of a city, named by the city's possessive: "in Seoul's Jongno district"
_CITY_DISTRICT = re.compile(
    r"\b(?:in|at)\s(?P<p>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)['’]s\s(?:[A-Z][\w-]+\s)?"
    r"(?:district|neighbou?rhood|downtown|suburbs?|outskirts|ward)\b")
# a building told by its city: "at a Seoul hotel", "at the Honolulu venue"
_CITY_VENUE = re.compile(
    r"\b(?:at|in)\s(?:a|an|the)\s(?P<p>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s(?:hotel|venue|"
    r"conference\s(?:center|centre|hall)|convention\s(?:center|centre)|office|offices|"
    r"building|compound)\b")
# "the cost of stationing American troops here": where the troops are; a round held in the
# dateline's city is told so, but a deal's place must be said of the deal
_TROOPS_HERE = re.compile(
    r"\b(?:troops|forces|soldiers|stationed|based|workers|employees|presence)\shere\b", re.I
)
# "agreed on how much Korea will pay next year": the year is the payment's
# A trigger in the past tense ("kicked off on Monday") looks back, whatever else the
# sentence says of the future ("talks on how much Seoul will pay").
_ROUND_AS_SETTING = re.compile(
    rf"(?:{ORDINAL_PATTERN}|opening|inaugural)\s(?:round|session|meeting)", re.I
)
_PAST_TRIGGER = re.compile(
    # (a passive in the past too: "The first round was held in Seoul on Sept. 24-25, and
    # officials said the next would be in Honolulu")
    r"^(?:(?:was|were|had\sbeen)\s)?"
    r"(?:\w+ed|began|held|met|struck|sat down|broke down|broke off|took place|came|"
    r"kicked off|got under way|walked out|signed|rejected|turned down|said)\b",
    re.I,
)
# a verb in the past right before a deal named as its object: "put together a tentative"
_PAST_VERB_BEFORE = re.compile(
    r"\b(?:put\stogether|struck|reached|made|won|hammered\sout|worked\sout|"
    r"(?!need)\w+ed)\s(?:an?\s|the\s|their\s)?(?:[\w-]+\s){0,2}$")
# "WASHINGTON, May 1, 2020 (Reuters) -": the report's date, not an event's
# talks and deals reported the day they happen ("officials said Wednesday as the fifth round
# ended"); a rejection that "sources said Sunday" had happened, or that its author "said Monday"
# he had made, may be older
TOLD_AS_IT_HAPPENED = ("round_concluded", "talks_opened", "talks_broken_off", "deal_announced",
                        "deal_signed", "ratification_vote")
_ATTRIBUTED_AFTER = re.compile(
    r",\s(?:the\s|a\s|an\s)?(?:[\w'’.-]+\s){0,4}?(?:said|says|announced|reported|confirmed)\b"
)
_AMOUNT_FOR = re.compile(
    # ("agreed to share the bill in 1991": the bill shared is the event's object, its year the
    # event's)
    r"\b(?:contribution|payment|payments|share|budget|amount)\s(?:(?:for|in)\s)?$|"

    r"\bbill\sfor\s$",
    re.I,
)
# ... or with whose between, the year told by a preposition: "Seoul's contribution to U.S.
# Forces Korea (USFK) for 2020 and beyond", "Seoul's contribution to the upkeep of USFK from 2026
# through 2030"
_CONTRIBUTION_TO = re.compile(
    r"\b(?:contribution|payments?)\s(?:to|toward|towards)\s"
    r"(?:(?!\s(?:for|in|from|on)\s)[^;,\"“”\d]){3,60}?\s(?:from\s(?:19|20)\d\d\s)?$", re.I)
# "the 2006 talks ran to six rounds before Seoul agreed ...": the talks' year, the deal's
_YEAR_OF_TALKS = re.compile(r"\b[Tt]he\s(?P<y>(?:19|20)\d{2})\s(?:talks|negotiations)\b")
_SAID_WHEN = re.compile(
    r"\b(?:said|says|told|announced|stated|added|noted|wrote|tweeted|confirmed)\s$", re.I
)
_PAYING = re.compile(r"\b(?:will|would|should|must)\s(?:\w+\s)?(?:pay|contribute|spend)\b", re.I)
# "at the Wales summit", "during the Seoul talks"
# a city that hosts the meeting: "Washington will host the sixth round in January"
_HOST_CITY = re.compile(
    r"(?:^|(?<=,\s)|(?<=\sand\s))(?P<p>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s(?:will\s|would\s|is\sto\s)?"
    r"(?:host|hosts|hosted)\s(?:the|a|an|their)\s(?:[\w-]+\s){0,2}?"
    r"(?:round|meeting|session|talks|negotiations|summit)\b"
)
_PLACE_OF_MEETING = re.compile(
    # (a year may come first: "At the 2014 Wales summit")
    # (or their summit, or one a thing dates back to: "pledged at their Wales summit", "dates
    # back to the Wales summit in September 2014, when allies pledged ...")
    r"(?:\b(?:[Aa]t|[Dd]uring|[Aa]fter|[Bb]efore|[Ww]hen|back\sto)\s(?:the|their)|"
    r"^(?:[A-Z]+:\s)?The)\s"
    r"(?:(?:19|20)\d\d\s)?"
    r"(?P<p>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s(?:summit|talks|meeting|round|negotiations)\b"
)
# "The Korean talks", "The Defense talks": no city
_NOT_CITY = re.compile(
    # (a capital standing for its country is still a city: "The Washington round ended")
    rf"^(?!(?:Seoul|Washington|Tokyo|Berlin|Manila|Beijing|Taipei|Madrid|Warsaw|Ottawa)$)"
    rf"(?:{COUNTRY_PATTERN})$|^(?:Korean|American|Japanese|Allied|Alliance|Defen[cs]e|Cost|"
    r"Trade|Tariff|Nuclear|Final|Next|Latest|Last|First|Previous|Recent|Earlier|Bilateral)\b"
)
# "officials in Seoul said": where the speakers are, not where the talks were.
_SPEAKERS_IN = re.compile(
    r"\b(?:officials|sources|diplomats|spokes(?:man|woman|person)|based|workers|employees|"
    # who governs there, not where talks were: "the change of administration in Washington"
    r"administration|government|election|leadership|"
    # people posted or living there ("the U.S. charge d'affaires in Seoul"), or an opinion
    # held there ("widely seen in Seoul as"); not lawmakers, who vote where they sit
    # ("Lawmakers in Seoul on Thursday approved ...")
    rf"{ROLE_NOUN_PATTERN}|ministers|d['’]affaires|analysts|observers|experts|"
    r"residents|critics|people|seen|viewed|regarded|welcomed|criticized|criticised|hopes|"
    r"fears|concerns?|anger|frustration)\s$",
    re.I,
)


def places_in(text: str) -> list[str]:
    """Every city a sentence says something is "in" or "at" (as `_place` reads them: not where
    power changed hands, "the transition of power in Washington", nor a deal was read, nor the
    legislature's seat, "the National Assembly in Seoul")."""
    text = LEGISLATURE_SEAT.sub(lambda m: m.group("l"), text)
    return [
        m.group("p")
        for m in _PLACE.finditer(text)
        if is_city(m.group("p")) and not _SPEAKERS_IN.search(text[: m.start()])
        and not _NOT_A_MEETING_IN.search(text, max(0, m.start() - 30), m.start())
    ] + _venue_cities(text)


def is_city(place: str) -> bool:
    """Could a capitalised name after "in" be a meeting's city (not a month, a weekday, a
    country, a title-cased headline's word)?"""
    return not (_NOT_PLACES.match(place) or _is_country(place))


def _venue_cities(text: str) -> list[str]:
    """The cities of the seats of government a sentence says something is "at" ("held at the
    State Department"), not a person's post there ("a senior adviser at the State
    Department")."""
    return [
        VENUE_CITIES[m.group("v").lower()]
        for m in _VENUE.finditer(text)
        if not _SPEAKERS_IN.search(text[: m.start()]) and not _POST_AT.search(text, 0, m.start())
    ]


_POST_AT = re.compile(rf"\b(?:{ROLE_NOUN_PATTERN}|officer|diplomat|aide|staffer)\s$", re.I)


def _is_country(place: str) -> bool:
    """A country's name (not a capital standing for it)."""
    return bool(
        re.fullmatch(
            r"(?:South |North )?Korea|Japan|Germany|China|Taiwan|the Philippines|"
            r"United States|America|Europe|Asia",
            place,
        )
    )


def _length(text: str) -> tuple[int | None, str | None]:
    m = _LENGTH.search(text)
    if not m:
        return None, None
    n = m.group("n") or m.group("n2")
    return int(number_value(n)), m.group()


def _outcome(text: str, hit: _Hit) -> str | None:
    if hit.kind == "deal_announced":
        lowered = hit.trigger.lower()
        if "principle" in lowered or "in principle" in text.lower():
            return "agreement_in_principle"
        if "tentative" in lowered or "tentative" in text.lower():
            return "tentative_agreement"
        return "agreement"
    if hit.kind in ("round_concluded", "talks_broken_off") and _NO_DEAL.search(text):
        return "no_deal"
    return None


def _actors(text: str, hit: _Hit, negotiation: Negotiation) -> tuple[str | None, str | None, bool]:
    """CAMEO source and target actors, and whether the sentence itself names them."""
    if hit.kind in ("deadline", "deadline_passed"):
        return None, None, False
    parties = list(negotiation.parties)
    if hit.kind == "ratification_vote":
        for name, code in _LEGISLATURE.items():
            if name in text.lower():
                return code, None, True
        return None, None, False
    between = _BETWEEN.search(text)
    if between:
        named = [a.code for a in find_actors(between.group())]
        if len(named) >= 2:
            return named[0], named[1], True
    before = [a for a in find_actors(text[: hit.start]) if a.country in parties or not parties]
    countries: list[str] = []
    codes: list[str] = []
    for a in before:
        if a.country not in countries:
            countries.append(a.country)
            codes.append(a.code)
    if len(codes) >= 2:
        return codes[-2], codes[-1], True
    if len(codes) == 1:
        other = next((p for p in parties if p != countries[0]), None)
        return codes[0], other, True
    if len(parties) == 2:
        return parties[0], parties[1], False
    return (parties[0] if parties else None), None, False


# the phrases that name a day with its month (a weekday alone would be read from the report's
# day, not from the vaguer time: "last week, on Tuesday")
_DAY_KINDS = ("month_day", "day_month", "numeric")


def _when(text: str, hit: _Hit, report_date: dt.date | None) -> When:
    monies = [(m.start, m.end) for m in find_money(text)]
    own = own_date_phrases(text)
    phrases = [p for p in own if _belongs_to(text, hit, p, monies)]
    if hit.kind in ("deadline", "deadline_passed"):
        following = [p for p in phrases if 0 <= p.start - hit.end <= 15]
        phrases = following or phrases
    # a year or month that qualifies the meeting is no date of the event when a day is told:
    # "ended the fifth and final round of talks this year on Wednesday"
    qualified = [p for p in phrases if re.fullmatch(r"(?:this|last)\s(?:year|month)", p.text)
                 and re.search(rf"\b{TALKS}\s$", text[: p.start])]
    days_before = [p for p in own if p.end <= hit.start and p.kind in (
        "weekday", "month_day", "day_month", "relative_day")]
    if qualified and len(qualified) == len(phrases) and days_before and re.search(
            r",\s$", text[: hit.start]):
        # (and a participle's meeting shares its main clause's day: "failed again Wednesday to
        # settle ..., ending the fifth and last round of talks this year")
        phrases = days_before[-1:]
    phrases = [p for p in phrases if p not in qualified] or phrases
    if hit.kind == "deal_rejected" and re.search(r"\bhad\s(?:\w+ly\s)?$", text[: hit.start]):
        # a rejection told in the pluperfect takes no date from the clause its relative clause
        # hangs on: "a tentative deal struck ... in late March, which US President Donald Trump
        # had rejected" (the date is the deal's)
        phrases = [p for p in phrases if p.start >= hit.end or not re.search(
            r",\s(?:which|that)\s", text[p.end : hit.start])]
    # (or after its agent: "a one-year deal initialled by the allies' negotiators on Sunday")
    right_after = [p for p in phrases if p.start >= hit.end
                   and re.fullmatch(r"\s?(?:by\s(?:the\s)?(?:[\w'’.-]+\s){1,4}?)?(?:on\s|in\s)?",
                                    text[hit.end : p.start])]
    if right_after and any(p.end <= hit.start and ("," in text[p.end : hit.start] or re.search(
            r"\b(?:this|last)\s(?:week|month)\b", p.text)) for p in phrases):
        # "- Agreed in principle in March 2021, signed on April 8, 2021, and ratified ...": the
        # date right after the verb, not the one before the comma (nor a vaguer one before it:
        # "The leaders who met in The Hague this week agreed on 25 June to a goal ...")
        phrases = right_after
    if re.search(r",\s$", text[: hit.start]) and re.match(r"\w+(?:ed|ing)\b", hit.trigger):
        # a participle's clause after the main one dates its own verb: "on Wednesday released
        # the main terms of the 11th SMA, agreed in principle ... in Washington on March 7"
        # (not a date in a clause of time after it: "... before USFK begins furloughs on April 1")
        own_clause = [p for p in phrases if p.start >= hit.end and not re.search(
            r"[,;]|\b(?:as|before|after|until|when|while|since|if)\b", text[hit.end : p.start])]
        phrases = own_clause or phrases
    began = _TALKS_BEGAN_IN.search(text, hit.end) if hit.kind.startswith("deal_") else None
    if began is not None:
        # the talks' opening dates the talks: "The deal was hammered out over eight rounds of
        # negotiations that opened in Honolulu in April" gives the deal no date
        phrases = [p for p in phrases if p.start < began.start()]
    if hit.kind == "talks_scheduled" and any(p.start >= hit.end for p in phrases):
        # a time in a clause before the plan is that clause's: "With no time left to close a
        # deal this year, the two sides agreed to keep negotiating and to hold a sixth round
        # next month"
        phrases = [p for p in phrases if p.start >= hit.end or "," not in text[p.end : hit.start]]
    if hit.kind == "talks_opened":
        # "is being held in Honolulu through Thursday": when the round ends, not when it opened
        phrases = [p for p in phrases
                   if not re.search(r"\b(?:through|until|till)\s$", text[: p.start])]
        if not phrases and _UNDER_WAY.match(hit.trigger):
            return report_day(report_date)  # told as it happens
    if hit.kind == "deadline":
        # a time in another clause before the expiry is that clause's: "met on Wednesday with
        # the current deal due to expire in less than two weeks"; "kicked off talks on Tuesday,
        # well over a year before the current agreement expires" (a sentence's opening time
        # stays: "On Dec. 31, the agreement expires")
        phrases = [p for p in phrases if p.start > hit.end
                   or re.fullmatch(r"\s*(?:[*•]\s)?(?:[A-Z][a-z]{1,4}\s)?", text[: p.start])
                   or not _DEADLINE_CLAUSE_BREAK.search(text, p.end, hit.start)
                   # (the expiry dated before it: "the Dec. 31, 2025, expiry of ...")
                   or _DATED_EXPIRY.match(text, p.end) is not None]
    # (a gerund takes the tense of the verb it hangs on: "ended their summit ... by agreeing")
    # ("..., only for Trump to reject it in April" tells what he did then)
    past = (_PAST_TRIGGER.search(hit.trigger) is not None
            or _PAST_BY_GERUND.search(text, 0, hit.start) is not None
            # (an inverted "did": "Only on October 4 did Seoul and Washington announce")
            or re.search(r"\bdid\s(?:[\w.'’-]+\s){1,8}?$", text[: hit.start]) is not None
            or _ONLY_FOR.search(text, max(0, hit.start - 40), hit.start) is not None
            # (a round named as the setting of what was done at it: "at the first round, held
            # in Seoul in September" is a round held)
            or _ROUND_AS_SETTING.fullmatch(hit.trigger) is not None
            # (a deal named as the object of a verb in the past: "negotiators put together a
            # tentative agreement in late March under which Seoul would pay ...")
            or (hit.trigger[:1].islower() and _PAST_VERB_BEFORE.search(
                text, max(0, hit.start - 40), hit.start) is not None
                and not re.search(r"\s(?:ed|ing)$", hit.trigger))
            ) and hit.kind not in (
        "talks_scheduled", "deadline")
    if phrases:
        nearest = min(phrases, key=lambda p: _distance(p, hit))
        # a vaguer time made exact in apposition: "which was initialled last month, on Feb. 10,"
        if nearest.kind in ("relative_unit", "month", "month_rel_year", "year"):
            exact = next((p for p in phrases if p.start > nearest.end and p.kind in _DAY_KINDS
                          and re.fullmatch(r",\s(?:on\s)?", text[nearest.end : p.start])), None)
            nearest = exact or nearest
        if nearest.kind == "that_unit":
            # "approved by the National Assembly later that month"
            return of_time_told_before(nearest, own, text, report_date)
        narrated = in_narrated_year(nearest, text) if past else None
        if narrated is not None:
            return narrated
        # (a deadline is still to come: "runs out at the end of December", said in November)
        forward = False if past else (True if hit.kind == "deadline" else None)
        # (but a meeting scheduled is still to come, whoever "had agreed" to it: "had agreed
        # to continue negotiating in January", said in December)
        if forward is None and hit.kind != "talks_scheduled" and _PERFECT_BEFORE.search(
                text, max(0, nearest.start - 60), nearest.start):
            forward = False  # "a tentative agreement that negotiators had reached in late March,
            # under which Seoul would have paid ...": the date's own verb looks back
        if forward is None and nearest.start > hit.start and _DEAL_MADE.match(text, hit.start):
            forward = False  # "a tentative deal hammered out by working-level negotiators in
            # late March, would have raised ...": the deal was made then, whatever "would" says
        return resolve(nearest, text, report_date, forward=forward)
    said = [p for p in own
            if _SAID_WHEN.search(text[max(0, p.start - 40) : p.start])]
    if said and past and hit.kind in TOLD_AS_IT_HAPPENED and not re.search(
        r"\bhad\s(?:\w+\s)?$", text[: hit.start]
    ):
        # "officials said Wednesday as the fifth round of talks ended": told as it happened
        return resolve(said[0], text, report_date, forward=False)
    perfect = _PRESENT_PERFECT.search(text)
    if perfect is not None and hit.kind not in ("talks_scheduled", "deadline") and not (
            # not the perfect of a relative clause while the event is told with "had": "said
            # he had turned down an offer, deepening a dispute that has already left ..."
            re.search(r"\bhad\s(?:\w+\s)?$", text[: hit.start])
            and re.search(r"\b(?:that|which|who)\s(?:\w+\s)?$", text[: perfect.start()])):
        return report_day(report_date)
    if (past and hit.kind in TOLD_AS_IT_HAPPENED and report_date is not None
            and _ATTRIBUTED_AFTER.search(text[hit.end :])
            and not re.search(r"\bhad\s(?:\w+\s)?$", text[: hit.start])):
        # "The two sides concluded the negotiations ..., the foreign ministry said": news of
        # the day, attributed, with no date of its own
        return report_day(report_date)
    talks_year = _YEAR_OF_TALKS.search(text, 0, hit.start)
    if talks_year and hit.kind in ("deal_announced", "round_concluded", "talks_broken_off"):
        return When(talks_year.group("y"), "stated", talks_year.group())
    return unstated(report_date)


# (or a relative clause: "struck at the end of the ninth round, which began here Friday")
_SINCE_OPENED = re.compile(
    rf"\b(?:{_SINCE_THE_TALKS}|{_TALKS_THAT})(?:began|started|opened|resumed|kicked\soff|"
    r"(?:were\s|was\s|been\s)?launched)\b"
)


def opened_since(sentence: Sentence, event: Event) -> bool:
    """The talks' opening told by the "since" clause of a sentence that counts the rounds ("It
    is the third round since the negotiations were launched in April"): the sentence states
    the round of the meeting told before it; the opening is no meeting of its own."""
    return (event.kind == "talks_opened" and event.round is None
            and _ROUND_STATEMENT.match(sentence.text) is not None
            and _SINCE_OPENED.search(sentence.text) is not None)


_PAST_BY_GERUND = re.compile(r"\b(?:ended|closed|wrapped\sup|concluded)\b[^,;.]*\bby\s$")
# a deal as the subject of what ends or falls apart, with what it is on or a verb before
# ("a tentative agreement on defense costs fell apart", "The deal marks an end to")
_DEAL_AS_SUBJECT = re.compile(
    rf"\b{DEAL}\s(?:(?:on|over|for)\s(?:[\w-]+\s){{1,3}}|(?:marks|brings|puts)\s(?:an?\s)?|"
    r"(?:\w+\s)?)$",
    re.I,
)
# the deal as the subject, a relative clause between: "The accord, which requires Diet
# approval, concludes negotiations once clouded by ..."
_DEAL_WHICH_SUBJECT = re.compile(rf"\b{DEAL},\s(?:which|that)\s[^,.;]{{1,80}},\s$", re.I)
# a date that is the expiry's, told right before it: "the Dec. 31, 2025, expiry of ..."
_DATED_EXPIRY = re.compile(r",?\s(?:expiry|expiration)\sof\b", re.I)
# (or the deal's: "launched well ahead of the current deal's expiry at the end of 2025")
_EXPIRY_OF = re.compile(r"\b(?:expiry|expiration|lapse)\sof\b|['’]s\s(?:expiry|expiration)\b",
                        re.I)
# an event told as coming before the deal's expiry: "more than a year before the current
# agreement runs out at the end of 2025"
_BEFORE_EXPIRY = re.compile(
    r"\b(?:before|until)\s[^,;]{0,60}?\b(?:runs?\sout|expires?|lapses?)\s",
    re.I)
_UNDER_WAY = re.compile(r"(?:is|are)\sbeing\sheld\b")
_DEADLINE_CLAUSE_BREAK = re.compile(r"[,;]\s|\swith\s")


def _belongs_to(
    text: str, hit: _Hit, phrase: DatePhrase, monies: list[tuple[int, int]]
) -> bool:
    """A date in a clause about the old deal's expiry is not the date of another event."""
    if hit.kind in ("deadline", "deadline_passed"):
        return True
    lo, hi = sorted((hit.end, phrase.start))
    between = text[lo:hi]
    if any(lo <= start and end <= hi for start, end in monies) or _PAYING.search(between):
        return False  # "agreed that Tokyo will contribute ¥946.5bn over five years from April
        # 2016": the date belongs to the amount
    if phrase.start >= hit.end and re.search(r"\bhow\s(?:much|to)\b", between) and (
            re.match(r"(?:from|for|in)\s", phrase.text)
            or re.search(r"\b(?:from|for|in)\s$", text[: phrase.start])):
        return False  # "wrapped up their first round of negotiations on how to split the cost
        # ... from next year on Wednesday": the year of the question asked, not of the round
    if phrase.start > hit.end and _BEFORE_EXPIRY.search(between):
        return False  # "The talks were concluded more than a year before the current agreement
        # runs out at the end of 2025": the expiry's date
    if hit.kind not in ("deadline", "deadline_passed") and _EXPIRY_OF.search(between):
        return False  # "The deal came after 10 rounds ..., which dragged on past the expiry of
        # the previous agreement at the end of 2013": the expiry's date
    if _DATED_EXPIRY.match(text, phrase.end):
        return False  # "well ahead of the Dec. 31, 2025, expiry of the current 11th SMA"
    if hit.kind != "talks_opened" and _SINCE_OPENED.search(between):
        return False  # "the fourth round since the talks began in September": the opening's date
    lead = text[max(0, phrase.start - 40) : phrase.start]
    if _PAYING.search(lead) and not _PAYING.search(text[hit.start : hit.end]):
        return False  # "talks on how much Seoul will pay for U.S. troops in 2026"
    if _SAID_WHEN.search(lead) and not _SAID_WHEN.search(text[: hit.end] + " ") and not (
            hit.kind == "deal_announced" and re.search(r"\bannounced\s$", lead)):
        return False  # "Trump said on Thursday he had turned down": the saying's date (but a
        # deal's announcement is the deal's: "announced on Friday that they had reached a
        # new five-year Special Measures Agreement")
    if text[phrase.end : phrase.end + 2] in ("'s", "’s") and not _MEETING_AFTER.match(
            text, phrase.end + 2):
        return False  # "ratified this year's agreement": the agreement's year (but
        # "Tuesday's talks in Seoul ... ended early" are the talks' day)
    if _AMOUNT_FOR.search(lead) or (
            re.match(r"(?:for|in|from|through)\s", phrase.text)
            and _CONTRIBUTION_TO.search(text[max(0, phrase.start - 80) : phrase.start])):
        return False  # "setting Seoul's contribution for 2026 at ...": the amount's year
    if hit.kind != "deal_announced" and phrase.start >= hit.end and (
            _MADE_BY.search(between) or _MADE_IN_CLAUSE.search(between)):
        return False  # "had rejected a tentative agreement, reached by working-level
        # negotiators in March 2020", "rejected a deal that negotiators had tentatively struck
        # in late March": the date the deal was made, not of its rejection
    if hit.kind == "deal_rejected" and phrase.end <= hit.start and _MADE_BY.search(
            text, max(0, phrase.start - 60), phrase.start):
        return False  # "a 13 per cent increase worked out by negotiators in March 2020 was
        # rejected by ...": the date the increase was worked out, before the rejection
    if phrase.start >= hit.end and _RELATIVE_VERB.search(between):
        return False  # "had refused a 13 percent increase that Seoul offered in the spring of
        # 2020": the date of the relative clause's verb
    if (re.search(r"\d\s?(?:%|percent|per\scent)\s$", lead) and phrase.kind == "year") or any(
            end <= phrase.start and re.fullmatch(r"\)?\s?", text[end : phrase.start])
            for _, end in monies):
        return False  # "will raise its payment ... by 8.3% in 2026 under a new deal", "will
        # pay 1.5192 trillion won (about $1.1 billion) in 2026 under a new deal": the change's
        # or the amount's year, not the deal's
    if re.search(r",\s(?:and|but|with)\s|;\s", between):
        return False  # another clause
    if phrase.end <= hit.start and re.fullmatch(r"\s(?:and|but|then|and\sthen)\s",
                                                text[phrase.end : hit.start]):
        return False  # "opened the talks in April 2024 and announced a deal on Oct. 4": the
        # date ends the first of two coordinated verbs' clauses
    if phrase.kind in ("relative_unit", "year") and phrase.end <= hit.start and re.search(
            # (not the round's own participle: "the third round, held in Seoul last month,
            # ended abruptly"; nor where it was: "The previous session, in Seoul last month,
            # ended abruptly"; nor an apposition that is the time itself: "The eighth round,
            # last month, had to be held by video link")
            r"\b(?:round|talks|meeting|session|summit|negotiations),\s(?!held\b|convened\b|"
            r"in\s[A-Z])"
            r"[^,]+$", text[: phrase.start]
    ) and re.match(
            r"[^,]*,\s*$", text[phrase.end : hit.start]):
        # "The latest round, their sixth this year, ended on Tuesday": an apposition's date
        return False  # another clause
    apposition = re.search(r",\s[^,]*$", text[: phrase.start])
    if hit.kind in ("deal_announced", "deal_signed", "ratification_vote") and \
            phrase.end <= hit.start and re.match(
            r"[^,]*,\s(?:(?:was|were|has\sbeen|had\sbeen)\s)?(?:\w+ly\s)?$",
            text[phrase.end : hit.start]) and apposition is not None and re.search(
            r"\b(?:cover\w*|run\w*|spann?\w*|lasts?|lasting)\b", apposition.group()):
        # "The agreement, which covers fiscal 2022 through 2026, was reached ... in December":
        # the deal's term in an apposition, not the date it was reached
        return False
    if phrase.start > hit.end and re.search(
            r",\s(?:which|that)\s(?:will\s)?(?:takes?|took)\seffect\b|,\s(?:which|that)\s(?:will\s)?"
            r"(?:enters?|entered)\sinto\sforce\b", text[hit.end : phrase.start]):
        return False  # "voted 173-36 to approve the agreement, which takes effect Friday": the
        # relative clause's day
    if phrase.start > hit.end and re.search(r",\s[^,]*\bsince\s", text[hit.end : phrase.start]):
        return False  # "have reached a provisional agreement ..., the first cut since the allies
        # began sharing the cost in 1991": the since-clause's date
    if (re.search(r"\b(?:since|until)\s*$", text[: phrase.start]) or re.match(
        r"(?:since|until)\b", phrase.text
    )) and not (hit.kind == "talks_opened" and (
            hit.trigger.startswith("rounds of") or hit.trigger in ("negotiating", "in talks"))):
        return False  # "since 2019": the start of a state, not the event (but "eight rounds of
        # talks since April", "have been negotiating since September 2019" are told by the
        # talks' start)
    if re.search(r"\b(?:than|compared\s(?:with|to))\s$", lead):
        return False  # "8.9 percent less than last year": the base's date
    if re.search(r"\bfrom\s*$", text[: phrase.start]) and not re.search(
            r"\d(?:st|nd|rd|th)?\s?(?:to|-|–|through)\s?\d", phrase.text):
        # "went unpaid from April 1, 2020, until Seoul agreed", "..., raising the prospect that
        # workers will be put on unpaid leave from April 1": a state's start (but "sat down in
        # Los Angeles from March 17 to 19 for a seventh round": its days)
        return False
    if re.match(r"by\s(?:19|20)\d\d\b", phrase.text):
        return False  # "a target of 5% of GDP by 2035": the goal's year, not the event's
    if _PAID_IN.search(lead):
        return False  # "the 1.4028 trillion won it contributes in 2025": the amount's year
    if _YEARS_FROM.search(lead):
        return False  # "over the five fiscal years starting in April 2016": the amount's years
    return not re.search(r"\b(?:expires?|expired|expiring|lapsed?)\b", between, re.I)


_PAID_IN = re.compile(
    r"\b(?:pay|pays|paid|paying|contribute|contributes|contributed|spend|spends|spent)\s"
    r"(?:(?:in|for|during)\s)?$",
    re.I,
)
_YEARS_FROM = re.compile(
    r"\b(?:years?|fiscal)\b[^.,;]{0,20}\b(?:starting|beginning|from|through|until|to)\s"
    r"(?:in\s)?(?:fiscal\s(?:year\s)?)?$",
    re.I,
)


def _distance(phrase: DatePhrase, hit: _Hit) -> int:
    if phrase.start >= hit.end:
        return phrase.start - hit.end
    return hit.start - phrase.end + 1  # a date before the trigger counts slightly farther


def votes_in(text: str) -> Votes | None:
    """The vote count a sentence gives (in favour, against, abstaining, present), if any."""
    found: dict[str, int | None] = {}
    for name, pattern in _VOTES.items():
        m = pattern.search(text)
        found[name] = int(m.group("v")) if m else None
    score = _SCORE.search(text)
    if score and found["in_favor"] is None:
        found["in_favor"] = int(score.group("a") or score.group("a2") or score.group("a3"))
        found["against"] = int(score.group("b") or score.group("b2") or score.group("b3"))
        if score.group("c"):
            found["abstentions"] = int(score.group("c"))
    if all(v is None for v in found.values()):
        return None
    return Votes(found["in_favor"], found["against"], found["abstentions"], found["present"])
