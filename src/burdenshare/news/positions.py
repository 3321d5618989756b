"""Reported positions: who asks or offers what figure, and how it relates to a base.

A position needs a stance cue (a verb or noun of demanding, offering, agreeing or paying), a
party (the subject before the cue, or the possessor of the noun: "Seoul's best offer"), and a
figure (money with a currency) or a stated relation ("a 10 percent increase", "fivefold").
Amounts after "from", "over" or "up from" are the base of a relation, not positions; an amount
in brackets right after another is its conversion and is not a second position (those rules live
in `amount_roles`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from burdenshare.news.actors import COUNTRY_PATTERN, ActorMention, find_actors
from burdenshare.news.amount_roles import (
    BRACKET_AFTER,
    DIFFERENCE,
    NOT_A_POSITION_AFTER,
    NOT_A_POSITION_BEFORE,
    RELATION_BASE,
    is_base,
    is_conversion,
)
from burdenshare.news.dates import find_date_phrases, report_day, resolve
from burdenshare.news.lexicon import (
    AGREEING_LEMMAS,
    DEMAND_LEMMAS,
    OFFER_LEMMAS,
    PAYING_LEMMAS,
    verb_pattern,
)
from burdenshare.news.numbers import (
    MULTIPLE_RE,
    NUMBER_WORD_PATTERN,
    PERCENT_RE,
    MoneyMatch,
    find_money,
    multiple_value,
    number_value,
)
from burdenshare.news.periods import period_years
from burdenshare.news.records import STATED, Negotiation, Position, When
from burdenshare.news.sentences import Sentence
from burdenshare.news.topics import MONEY_CUE, OTHER_BUSINESS

_STANCES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "demand",
        re.compile(
            r"\b(?:demanded|demands|demanding|demand|asked for|asking for|asks for|asked|asking|"
            r"asks|sought|seeks|seeking|want|wants|wanted|called for|calls for|insisted on|"
            r"insists on|"
            r"pressed for|pushed for|requested|requesting|request|ask|pressing|pressed|urging|"
            r"pushing|pushes|"
            r"urged|"
            r"(?:lowered|lowers|lowering|reduced|cut|trimmed|scaled back|raised|raises)\s"
            r"(?:its|their|the|his)\s(?:demand|figure|ask|request|price|number)|"
            # a figure in apposition, called a demand: "set the figure, $5 billion, as its
            # annual demand", "the number Washington wants -- $5 billion -- is ..."
            r"(?:figure|number|sum|price\stag|demand|ask)(?:\s[\w'’.-]+){0,4}?(?:,|\s--|\s—)"
            r"(?=\s(?:about\s|around\s|roughly\s|some\s|nearly\s)?[\d$₩¥€][^,;—]{0,40}"
            r"(?:,|--|—)[^.;]{0,60}\b(?:demand\w*|ask\w*|request\w*|want\w*|seek\w*|"
            r"sought)\b))",
            re.I,
        ),
    ),
    (
        "offer",
        re.compile(
            r"\b(?:offered|offers|offering|offer|proposed|proposes|proposing|proposal|suggested|"
            r"put forward|tabled|counteroffer|counter-offer|countered with|"
            # an offer told by the change it made, rejected: "Mr. Trump rejected a 13 percent
            # increase that negotiators had worked out"
            r"(?:rejected|turned\sdown|vetoed|nixed)(?=\s(?:an?\s)?(?:tentative\s|proposed\s)?"
            r"(?:about\s|roughly\s)?\d+(?:\.\d+)?\s?(?:%|percent|per\scent)\s"
            r"(?:increase|rise|hike|raise))|"
            # (a demand put on the table is a demand: "put a demand of about $4.7 billion ...
            # on the table")
            r"put(?!\s(?:a|an|its|their|the)\s(?:[\w-]+\s)?(?:demand|request)\b)"
            r"(?=\s(?:[^.]|\.(?=\d)){0,70}\bon\sthe\stable\b)|"
            r"stick(?:s|ing)? to|stuck to|hold(?:s|ing)? to|held to|sticking with)\b",
            re.I,
        ),
    ),
    (
        "agreed",
        re.compile(
            r"\b(?:will pay|to pay|agreed to pay|agreed to|agreed|will contribute|"
            r"under the (?:new |\w+ )?(?:deal|agreement|SMA|accord)|will rise|rises to|rise to|"
            r"set at|was set|sets|setting|works out to|totall?ing|pay|shoulder|shoulders|bear|"
            # a commitment told as a noun with its amount: "shared a plan for $33 billion in
            # support", "a pledge of 1 trillion won", "a package worth $2 billion"
            r"(?:plan|pledge|package|commitment)\s(?:for|of|worth)(?=\s(?:about\s|around\s|"
            r"roughly\s|some\s|nearly\s)?[\d$₩¥€])|"
            # the verb "total" before its amount: "payments will total 1.2 trillion yen"
            r"(?:will\s|would\s)?total(?:s|ed|led)?(?=\s(?:about\s|around\s|roughly\s|some\s|"
            r"nearly\s|almost\s)?[\d$₩¥€])|"
            r"will cover|to cover|covers|freezes|froze|accepted|accepts|accepting|"
            # "will average about 211 billion yen annually"
            r"(?:will\s)?average(?:s|d)?(?=\s(?:about\s|around\s|roughly\s|some\s)?[\d$₩¥€])|"
            r"(?:rising|rose|increasing|climbing|growing)\sto|"
            # "is then raised to 13.9 percent above last year's level, to 1.1833 trillion won"
            r"(?:is|was|will\sbe)\s(?:then\s|later\s)?(?:raised|increased|lifted)\sto|"
            r"(?:stays|remains|stayed|remained|was|were|is|will be)"
            r"(?=\s(?:frozen|unchanged|flat)\b)|"
            # "Seoul's payment for U.S. troops rises 5.4 percent this year"
            # (or "it" for it: "for 2021 it rises by 13.9 percent to 1.1833 trillion won")
            r"(?:(?:payment|contribution|share|bill)s?\b(?:[^.,;]|(?<=\b[A-Z])\.){0,50}?|"
            r"\bit)\s"
            r"(?:rises|rose|grows|grew|"
            r"increases|increased|climbs|climbed|jumps|jumped)\s"
            r"(?=(?:by\s)?(?:about\s|some\s)?\d+(?:\.\d+)?\s?(?:%|percent|per\scent))|"
            # "Seoul's payment will grow 13.9% in 2021"
            r"will (?:rise|grow|jump|increase|climb|go up|fall|drop)|"
            r"(?:grows|grew|jumps|jumped|climbs|climbed)\s(?=[\d$₩¥])|"
            # "Seoul's share for 2019 is 1.0389 trillion won"
            r"(?:share|contribution|payment|bill|budget|total|sum)(?:\s[\w.-]+){0,8}?\s"
            # (the cue ends before the space: "was $150 million" has no word boundary at "$")
            r"(?:is|was|will be|stands at|comes to|came to|amounts to|totals)(?=\s[^,;]{0,20}\d)|"
            # "Korea's 2026 contribution to the upkeep of American troops, 1.5192 trillion won,
            # is 8.3 percent higher": the amount in apposition
            # (any money noun: "The 2026 figure, 1.5192 trillion won, is 8.3% more than ...")
            r"(?:share|contribution|payment|figure|amount|sum|bill)(?:\s[\w.-]+){0,7}?,\s"
            r"(?=[^,;]{0,30}\d[^,;]{0,30},\s(?:is|was|will be)\s(?:[\w-]+\s){0,2}?\d)|"
            # "The cost, more than $200 million, will be deducted from Seoul's share": the
            # amount in apposition to the cost, a clause going on about it
            r"(?:^|(?<=\s))(?:The|the|Its|its|Their|their)\s(?:[\w-]+\s)?(?:cost|bill|sum|tab)"
            r",\s(?=(?:about\s|around\s|roughly\s|some\s|nearly\s|more\sthan\s|over\s)?"
            r"[$₩¥€]?\d[^,;]{0,30},\s(?:is|was|will|would|must|has|had)\b)|"
            r"bears|foot|spend|spends|provide|provides|buy|buys|keeps|keep|keeping|worth|"
            r"valued at|"
            r"annual (?:payment|average|contribution|amount)s?|"
            r"(?:raises|raised|raise|raising|lift|lifts|lifted|lifting|increases|increased|cuts?|"
            r"cutting|"
            r"reduces|reduced|reduce|lowers|lowered|lower|trims|trimmed)\s(?:[\w'’]+\s){0,2}"
            r"(?:contribution|share|payments?|burden)|"
            r"(?:raise|raises|raised|increase|increases|increased|lift|lifts|lifted)\s(?:it|them)|"
            # "... and raise this year's by 13.9 percent to 1.1833 trillion won"
            r"(?:raise|raises|raised|cut|cuts)\s(?:this|next|last)\syear['’]s(?=\s)|"
            r"will increase|increase to|the deal calls for|contribution for|"
            # a deal told by the change it makes: "rejected a working-level deal for a 13
            # percent increase", "a compromise on a 13 percent rise", "reached a tentative 13
            # percent increase"
            # (a time between: "a tentative deal late in the month for an increase of about 13
            # percent")
            r"(?:deal|agreement|compromise|accord|arrangement)(?:\s(?:late|early|last|this|in|"
            r"on)(?:\s[\w.]+){0,3}?)?\s(?:for|on|of)(?=\s(?:an?\s)?"
            r"(?:about\s|roughly\s|around\s)?\d+(?:\.\d+)?\s?(?:%|percent|per\scent)\s"
            r"(?:increase|rise|hike|raise|cut)|"
            # ("a tentative deal for an increase of about 13 percent")
            r"\s(?:an?\s)?(?:increase|rise|hike|raise|cut)\sof\s(?:about\s|roughly\s|around\s)?"
            r"\d+(?:\.\d+)?\s?(?:%|percent|per\scent))|"
            r"reached(?=\s(?:an?\s)?(?:[\w-]+\s){0,2}?\d+(?:\.\d+)?\s?(?:%|percent|per\scent)\s"
            r"(?:increase|rise|hike|raise|cut))|"
            # a payment noun and the amount it comes to, whatever the verb between: "Seoul's
            # payment climbs to", "comes in at", "puts Seoul's share for this year at", "tops"
            r"(?:payment|contribution|share|bill|total|burden|support)s?\b"
            r"(?:[^.,;]|(?<=\b[A-Z])\.|(?<=\d)\.(?=\d)){0,60}?\s"
            # (not "has topped 1 trillion won": a threshold passed, not the amount)
            r"(?:to|at|reach(?:es|ed)?)"
            r"(?=\s(?:about\s|around\s|roughly\s|some\s|nearly\s|almost\s)?[\d$₩¥€]))\b",
            re.I,
        ),
    ),
    (
        "paid",
        re.compile(
            r"\b(?:paid|pays|paying|shouldered|contributed|contributes|spent|includes|earmarks|"
            r"provided|gave|"
            r"earmarked|"
            r"allocates|allocated|sets aside|set aside|budgeted)\b",
            re.I,
        ),
    ),
)
# the stance verbs listed by lemma (`news.lexicon`), every form of them
_LEMMA_CUES = {
    "demand": verb_pattern(DEMAND_LEMMAS),
    "offer": verb_pattern(OFFER_LEMMAS),
    "agreed": verb_pattern(AGREEING_LEMMAS) + "|" + verb_pattern(PAYING_LEMMAS, present_only=True),
    "paid": verb_pattern(PAYING_LEMMAS, past_only=True),
}
_STANCES = tuple(
    (stance, re.compile(rf"\b(?:{_LEMMA_CUES[stance]})\b|" + pattern.pattern, re.I))
    if stance in _LEMMA_CUES else (stance, pattern)
    for stance, pattern in _STANCES
)
_REPORTED = re.compile(
    r"\b(?:reportedly|allegedly|according to (?:sources|reports|media)|"
    r"sources said|is said to|was said to|is believed to)\b",
    re.I,
)
_APPLIES_TO = re.compile(
    r"^\s*(?:,\s)?(?P<a>(?:for|in)\s(?:(?:19|20)\d{2}|next year|this year))\b", re.I
)
_CHANGE_WORD = (
    r"increase|rise|hike|raise|jump|boost|cut|reduction|decrease|drop|freeze|"
    r"increment"
)
_ABOUT = r"about\s|around\s|roughly\s|some\s|nearly\s|almost\s|approximately\s"
_CHANGE_VERB = (
    r"rais(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|ris(?:e|es|ing)|rose|boost(?:s|ed|ing)?|"
    r"cut(?:s|ting)?|lower(?:s|ed|ing)?|reduc(?:e|es|ed|ing)"
)
_RELATION = re.compile(
    r"(?P<rel>\b(?:an?\s|the\s)?"
    r"(?:(?P<mult>(?:\w+)(?:-|\s)?fold|(?:doubl|tripl|quadrupl|quintupl)(?:e|es|ed|ing)\b)|"
    r"(?P<times>\w+(?:\.\d+)?(?:\sand\sa\shalf)?\stimes))"
    rf"(?:\s(?:{_CHANGE_WORD}))?|"
    r"(?:\ban?\s)?(?:about\s|roughly\s|around\s)?"
    # "13 percent", also in words as broadcasts read it ("thirteen percent")
    rf"(?P<pct>[+-]?(?:\d+(?:\.\d+)?|{NUMBER_WORD_PATTERN})[\s-]?(?:percent|per cent|pc\b|%))"
    rf"(?:\s(?P<pctword>{_CHANGE_WORD}))?|"
    rf"(?:\ban?\s)?(?P<word>{_CHANGE_WORD})\sof\s(?:{_ABOUT})?(?P<pct2>\d+(?:\.\d+)?[\s-]?"
    r"(?:percent|per cent|pc\b|%))|"
    rf"(?P<byword>{_CHANGE_VERB})\b(?:\s[\w'’.-]+){{0,12}}?\sby\s(?:{_ABOUT})?"
    r"(?P<pct4>\d+(?:\.\d+)?[\s-]?(?:percent|per cent|pc\b|%))|"
    r"(?P<updown>up|down)\s(?:about\s)?(?P<pct3>\d+(?:\.\d+)?[\s-]?(?:percent|per cent|pc\b|%))|"
    rf"\bby\s(?:{_ABOUT})?(?P<pct6>\d+(?:\.\d+)?[\s-]?(?:percent|per cent|pc\b|%))|"
    rf"(?:{_ABOUT})?(?P<pct5>\d+(?:\.\d+)?[\s-]?(?:percent|per cent|pc\b|%))"
    # (the same change in money between: "5.8 percent, or 50.5 billion won, more than")
    r"(?:,\s(?:or\s)?[^,.;]{1,30},)?\s"
    r"(?P<cmp>higher|more|larger|bigger|above|lower|less|smaller|below)\b|"
    r"(?P<freeze>(?:a\s)?freeze|freezes|froze|frozen|unchanged|"
    # "keep its payment flat", "hold it at the same level as this year"
    r"(?<=\s)flat(?!\s(?:fee|rate|tax|sum|amount))|at\s(?:the\s)?same\slevel|"
    # "Seoul will pay 1.0389 trillion won, the same amount as in 2019"
    r"the\ssame\s(?:amount|sum|figure)\sas(?=\s(?:in|for|last|the|it)\b)|"
    r"at\s(?:this|last|the\scurrent|the\spresent)\s(?:year['’]s\s)?level))"
    r"(?:\s(?P<basecue>from|over|on|compared with|than)\s(?P<base>[^,;]+?)"
    r"(?=\s(?:which|that|while|and|but)\b|[,;.](?=\s|$)|$))?",
    re.I,
)
_NEGATIVE = re.compile(
    r"cut|reduc|decrease|drop|down|lower|less|smaller|below|\bfell\b|\bfall|declin|shr[iau]nk|"
    r"slash|trim",
    re.I,
)
# the word before a bare percentage, its verb when it has one: "was cut 8.9 percent to",
# "fell by about 8.9 percent"
_WORD_BEFORE = re.compile(
    r"\b(?P<w>[a-z]+)\s(?:by\s)?(?:about\s|some\s|nearly\s|roughly\s)?$", re.I
)


@dataclass(frozen=True)
class _Relation:
    text: str
    factor: float | None
    base: str | None
    start: int
    end: int


_CLAUSE_BREAK = re.compile(
    r",\s(?:while|whereas|but)\s|;\s|\s(?:while|whereas)\s|,\s(?=(?:which|who)\s)|"
    # "..., when its contribution was frozen at the 2019 level"
    r",\s(?=when\s(?:its|their|the)\s)|"
    # another year's payment, a subject of its own: "The 2020 payment was frozen ..., and the
    # 2021 payment rose 13.9% to ..."
    r",\s(?:and|but)\s(?=(?:the|its|their)\s(?:fiscal\s)?(?:19|20)\d\d\s(?:payment|contribution|"
    r"share|amount|figure|bill)\b)|"
    # "..., with Washington seeking $4 billion and Seoul offering a rise of 10 percent"
    rf"\sand\s(?=(?:the\s)?(?:{COUNTRY_PATTERN})\s(?:\w+\s)?(?:offering|seeking|demanding|asking|"
    r"proposing|wanting|pressing)\b)|"
    r"\sand\s(?=(?:raise|raises|cut|cuts|increase|increases|freeze|freezes|lift|lifts|lower|"
    r"lowers)\s(?:it|them|its|their|the|this|next)\b)|"
    # "stays frozen for 2020 and is then raised to ...": the same payment's next step
    r"\sand\s(?=(?:is|was|will\sbe)\s(?:then\s|later\s)?(?:raised|increased|cut|lifted|"
    r"lowered)\b)|"
    # the same subject's next act: "had pressed Seoul to pay $5 billion a year and in April
    # 2020 turned down a South Korean offer of a 13% increase"
    r"\sand\s(?=(?:(?:in|on|last|this|then|later)\s[^,;]{0,25}?\s)?(?:turned\sdown|rejected|"
    r"offered|proposed|demanded|asked|sought)\b)"
)


def sentence_positions(
    sentence: Sentence, negotiation: Negotiation, report_date: dt.date | None
) -> list[Position]:
    """The positions one sentence reports: at most one per clause ("X demands A, while Y
    offers B" gives two)."""
    text = sentence.text
    bounds = [0, *(x for m in _CLAUSE_BREAK.finditer(text) for x in (m.start(), m.end()))]
    bounds.append(len(text))
    out: list[Position] = []
    for lo, hi in zip(bounds[::2], bounds[1::2], strict=True):
        clause = text[lo:hi]
        relative = _RELATIVE.match(clause)
        antecedent = _ANTECEDENT.search(text[:lo]) if relative else None
        if relative is not None and antecedent is not None:
            # "..., South Korea, which paid $349 million": the relative clause's subject is
            # the country named right before it
            clause = antecedent.group("who") + " " + clause[relative.end() :]
            found = _clause_positions(clause, sentence, _any_party(negotiation), report_date)
            out.extend(replace(p, party_text=None) for p in found)
            continue
        out.extend(_clause_positions(clause, sentence, negotiation, report_date))
    return out + stated_amounts(sentence, negotiation, report_date, out)


_RELATIVE = re.compile(r"^(?:which|who)\s")
# "Seoul, which ...", "Seoul's negotiators, who ..."
_ANTECEDENT = re.compile(
    rf"(?P<who>(?:{COUNTRY_PATTERN})(?:['’]s\s(?:[a-z]+\s)?[a-z]+)?)(?:,\s)?$"
)


def _any_party(negotiation: Negotiation) -> Negotiation:
    """The negotiation with no restriction on who may hold a position (a report comparing
    allies names others than the two parties)."""
    return replace(negotiation, parties=())


_RESTATED = re.compile(
    r"^,\s(?:or\s)?(?:a total of\s|totall?ing\s|in total\s|averaging\s|an average of\s|"
    r"(?:roughly|about|some)\s)?$"
)
# "demanded $5 billion a year from South Korea and $8 billion a year from Japan"
_CONTRASTED = re.compile(
    r"^[^;]{0,80}?\b(?:against|compared with|versus|vs\.?|more than|less than)\s"
    rf"(?P<who>(?:{COUNTRY_PATTERN})['’]s)\s$"
)
# "..., far more than South Korea's $349 million or Kuwait's $171 million"
# "Kuwait provided $171 million ... in fiscal 1998, Germany's $23.3 million looked small"
_POSSESSIVE_AFTER_CLAUSE = re.compile(rf",\s(?P<who>(?:{COUNTRY_PATTERN})['’]s)\s$")
_ALSO_CONTRASTED = re.compile(rf"^,?\s(?:or|and)\s(?P<who>(?:{COUNTRY_PATTERN})['’]s)\s$")
_CONTRASTED_PLAIN = re.compile(r"^[^;]{0,80}?\b(?:against|compared with|versus|vs\.?)\s$")
_FROM_WHOM = re.compile(rf"\s(?:from|by|for)\s(?:the\s)?(?P<who>{COUNTRY_PATTERN})\b")
_GAPPED = re.compile(rf",\s(?:(?:and|while|but)\s)?(?:the\s)?(?P<who>{COUNTRY_PATTERN})\s$")
# the next of a gapped list: "Japan provided $2.88 billion ..., South Korea $349 million and
# Kuwait $171 million"
_LIST_NEXT = re.compile(
    rf"^(?:,\s(?:(?:and|or)\s)?|\s(?:and|or)\s)(?:the\s)?(?P<who>{COUNTRY_PATTERN})\s$"
)
# "... $33 billion in support for U.S. Forces Korea and to buy $25 billion worth of ...": a dot
# inside an abbreviation does not end the clause
_GAPPED_YEAR = re.compile(
    r",?\s(?:and|while|but)\s(?:then\s)?(?:in|for)\s(?:fiscal\s(?:year\s)?)?"
    r"(?P<y>(?:19|20)\d{2})\s$"
)
_COORDINATED_AMOUNT = re.compile(
    r"^(?:[^,;.]|(?<=\b[A-Z])\.){0,80}\sand\s(?:to\s)?(?:[a-z]+\s)?$"
)


def _clause_positions(
    text: str, sentence: Sentence, negotiation: Negotiation, report_date: dt.date | None
) -> list[Position]:
    """The clause's position, and the same position restated per another period right after
    it ("946.5 billion yen over five years ..., roughly 189.3 billion yen a year")."""
    position = (_clause_position(text, sentence, negotiation, report_date)
                or _subject_verb_position(text, sentence, negotiation, report_date))
    if position is None or position.figure is None:
        return [] if position is None else [position]
    out = [position]
    monies = find_money(text)
    at = text.find(position.figure)
    chosen = next((m for m in monies if m.start == at), None)
    if chosen is not None:
        # a second stance with its own amount further on ("Trump's claim that Seoul would be
        # paying $10 billion ... is far from the 1.5192 trillion won South Korea agreed to pay")
        later = _clause_position(text[chosen.end :], sentence, negotiation, report_date)
        at_later = chosen.end + text[chosen.end :].find(later.figure or "") if later else 0
        own_subject = later is not None and _SUBJECT_BEFORE_CUE_START.match(
            text, at_later + len(later.figure or "")
        )
        if (
            later is not None
            and later.amount is not None
            and later.amount not in (position.amount, position.base_amount)
            # after "five times the", an amount is the relation's base even with its own
            # verb ("the 1.0389 trillion won Seoul pays"); after "far more than" with no
            # relation stated, an amount with its own payer and verb is that payer's
            # "rises to A from the B it paid": B is the base ("far from" only compares)
            and not re.search(r"(?<!far )\bfrom\s(?:the\s)?$", text[:at_later])
            and (
                (own_subject and position.factor is None)
                or not RELATION_BASE.search(text[:at_later])
            )
        ):
            out.append(later)
            return out
    for mm in monies:
        if chosen is None or mm.start <= chosen.end:
            continue
        gap = text[chosen.end : mm.start]
        contrasted = _CONTRASTED.match(gap) or _POSSESSIVE_AFTER_CLAUSE.search(gap)
        from_whom = _FROM_WHOM.match(text, mm.end) if _CONTRASTED_PLAIN.match(gap) else None
        whose = contrasted if contrasted is not None else from_whom
        if whose is not None:
            # "Germany paid $23.3 million ..., against Japan's $2.88 billion" / "..., against
            # $2.88 billion from Japan"
            who_text = whose.group("who")
            compared = [(who_text, mm)]
            for nxt in monies[monies.index(mm) + 1 :]:
                also = _ALSO_CONTRASTED.match(text[compared[-1][1].end : nxt.start])
                if also is None:
                    break
                compared.append((also.group("who"), nxt))
            for who_text, amount in compared:
                who = find_actors(who_text)
                if not who:
                    continue
                period, years = period_years(text, amount, monies, report_date)
                if period is None:  # compared in the same period unless said otherwise
                    period, years = position.period, position.years
                out.append(replace(
                    position, party=who[0].country, party_text=who_text,
                    figure=amount.money.text, amount=amount.money.amount,
                    currency=amount.money.currency, unit=amount.money.unit,
                    qualifier=amount.money.qualifier, period=period, years=years,
                    relation=None, factor=None, base=None, base_amount=None, base_currency=None,
                ))
            break
        gapped = _GAPPED.search(gap)
        gapped_who = find_actors(gapped.group("who")) if gapped else []
        named = find_actors(text[: chosen.start]) if chosen is not None else []
        if gapped is not None and gapped_who and named and (
                gapped_who[0].country != named[-1].country):
            # "Seoul agreed to pay $1 billion a year, and Tokyo $2 billion": the verb (and the
            # period) left out for a second party; "the president wanted South Korea to pay $5
            # billion a year ..., and Japan $8 billion": the same demand, of a second country
            period, years = period_years(text, mm, monies, report_date)
            if period is None:
                period, years = position.period, position.years
            asked = named[-1].country != position.party
            listed = [(gapped_who[0].country, gapped.group("who"), mm)]
            for nxt in monies[monies.index(mm) + 1 :]:
                also = _LIST_NEXT.match(text[listed[-1][2].end : nxt.start])
                if also is None or not find_actors(also.group("who")):
                    break
                also_who = find_actors(also.group("who"))
                listed.append((also_who[0].country, also.group("who"), nxt))
            for country, who_text, amount in listed:
                period, years = period_years(text, amount, monies, report_date)
                if period is None:
                    period, years = position.period, position.years
                out.append(replace(
                    position,
                    party=position.party if asked else country,
                    party_text=position.party_text if asked else who_text,
                    figure=amount.money.text, amount=amount.money.amount,
                    currency=amount.money.currency, unit=amount.money.unit,
                    qualifier=amount.money.qualifier, period=period, years=years,
                    relation=None, factor=None, base=None, base_amount=None, base_currency=None,
                ))
            break
        in_year = _GAPPED_YEAR.search(gap)
        if in_year is not None:
            # "it paid $180 million, a 20 percent rise, and in 1993 $220 million": the same
            # payer, verb left out, for another year
            y = int(in_year.group("y"))
            out.append(replace(
                position, figure=mm.money.text, amount=mm.money.amount,
                currency=mm.money.currency, unit=mm.money.unit, qualifier=mm.money.qualifier,
                period="year", years=(y, y), relation=None, factor=None, base=None,
                base_amount=None, base_currency=None,
            ))
            break
        coordinated = _COORDINATED_AMOUNT.match(gap) is not None
        clause_gap = gap.rsplit(",", 1)
        restated = len(clause_gap) == 2 and _RESTATED.match("," + clause_gap[1]) is not None
        if restated and mm.money.currency != position.currency:
            break  # "1.5192 trillion won, or about 1.1 billion U.S. dollars": a conversion
        if not (coordinated or restated):
            break
        period, years = period_years(text, mm, monies, report_date)
        if not coordinated and (
            period is None or (period, years) == (position.period, position.years)
        ):
            break
        out.append(
            replace(
                position,
                figure=mm.money.text,
                amount=mm.money.amount,
                currency=mm.money.currency,
                unit=mm.money.unit,
                qualifier=mm.money.qualifier,
                period=period,
                years=years,
                relation=None,
                factor=None,
                base=None,
                base_amount=None,
                base_currency=None,
            )
        )
        break
    return out


def _clause_position(
    text: str, sentence: Sentence, negotiation: Negotiation, report_date: dt.date | None
) -> Position | None:
    monies = find_money(text)
    for stance, cue_start, cue_end in _stances(text):
        from_whom = _SUPPORT_FROM.match(text, cue_start) if stance == "paid" else None
        if from_whom is not None:
            # "$23.3 million in direct support from Germany": paid by the country after "from"
            chosen = next((mm for mm in monies if mm.end == cue_start), None)
            who = find_actors(from_whom.group("who"))
            if chosen is None or not who:
                continue
            party: ActorMention | None = ActorMention(
                who[0].text, who[0].code, from_whom.start("who"), from_whom.end("who"))
            relation = None
            break
        by_whom = _BY_WHOM.match(text, cue_end)
        passive = next((mm for mm in monies if mm.end <= cue_start
                        and _PERIOD_GAP.fullmatch(text, mm.end, cue_start)), None)
        who = find_actors(by_whom.group("who")) if by_whom is not None else []
        if by_whom is not None and passive is not None and who:
            # "the $5 billion a year sought by Washington": the amount before a participle
            # and its agent
            chosen = passive
            party = ActorMention(who[0].text, who[0].code, by_whom.start("who"),
                                 by_whom.end("who"))
            relation = _relation(text, by_whom.end())
            break
        chosen = _position_money(text, monies, cue_end) or _money_before(text, monies, cue_start)
        relation = _relation(text, chosen.end if chosen else cue_end)
        if chosen is not None:
            # "rises 13.9 percent to 1.1833 trillion won, after a freeze for 2020": the
            # relation leading into the amount is the amount's own
            inner = _relation(text, cue_end, limit=chosen.start)
            if inner is not None and re.fullmatch(r"\s(?:to|at)\s", text[inner.end : chosen.start]):
                relation = inner
        if relation is None and chosen is not None:
            relation = _relation(text, cue_end, limit=chosen.start)
        if relation is None and chosen is not None:
            # "signed a deal, calling for a 13.9 percent increase in Seoul's contribution for
            # this year to 1.18 trillion won": a change of the payment leading into its amount
            lead = _relation(text, 0, limit=chosen.start, leading=True, gap=8)
            if lead is not None and re.search(
                    r"\b(?:in|of)\s(?:[\w'’-]+\s){0,2}?(?:contribution|payment|share|spending|"
                    r"budget|burden)\b[^,;]*\s(?:to|at)\s$",
                    text[lead.end : chosen.start]):
                relation = lead
        if relation is None and chosen is not None:
            # the change right before its amount, whatever cue came first: "Under the deal,
            # signed Nov. 4 by ..., Seoul's contribution will rise 8.3 percent to 1.5192
            # trillion won"
            lead = _relation(text, 0, limit=chosen.start, leading=True, gap=2)
            into = r"\s(?:to|at)\s(?:about\s|around\s|roughly\s|some\s)?"
            if lead is not None and re.fullmatch(into, text[lead.end : chosen.start]):
                relation = lead
        if relation is None and chosen is not None and cue_end > cue_start:
            # a cue spanning a relation: "Seoul's 2005 payment fell 8.9 percent to ..."
            relation = _relation(text, cue_start, limit=min(cue_end, chosen.start))
        if relation is None and chosen is None:
            # "freeze Seoul's contribution for 2020": the relation leads the clause
            relation = _relation(text, 0, limit=cue_end, leading=True)
        if chosen is None and relation is None:
            continue
        if chosen is not None and DIFFERENCE.match(text, chosen.end):
            continue  # "The total is 13.3 billion yen more than under the previous pact"
        if chosen is not None and chosen.end <= cue_start and is_base(text, chosen.start):
            continue  # "8.2 percent higher than the 960.2 billion won Seoul paid last year"
        party = _party(text, cue_start, monies, negotiation)
        agent = _AGENT.match(text, cue_end) if party is None else None
        if agent is not None and chosen is not None and chosen.start >= agent.end():
            # "the number floated by the Trump administration: about $8 billion": the
            # participle's agent, the amount after it
            named = find_actors(agent.group("who"))
            if named:
                party = ActorMention(named[0].text, named[0].code,
                                     agent.start("who") + named[0].start,
                                     agent.start("who") + named[0].end)
        owner = _POSSESSOR_AFTER.match(text, cue_end) if stance in ("agreed", "paid") else None
        if owner is not None and find_actors(owner.group("who")):
            # "a deal that keeps Tokyo's payments at ...": whose payments
            actor = find_actors(owner.group("who"))[0]
            party = ActorMention(actor.text, actor.code, cue_end + 1, cue_end + 1 + len(actor.text))
        inside = [a for a in find_actors(text[cue_start:cue_end]) if a.text.endswith(("'s", "’s"))]
        if inside and stance in ("agreed", "paid") and (
                not negotiation.parties or inside[0].country in negotiation.parties):
            # "a deal that will raise Seoul's contribution ...": whose contribution, named in
            # the cue itself
            actor = inside[0]
            party = ActorMention(actor.text, actor.code, cue_start + actor.start,
                                 cue_start + actor.end)
        if party is None and (chosen is not None or relation is not None) and stance in (
                "agreed", "paid"):
            party = _payer(text, cue_start, negotiation)
        if party is None and stance == "demand":
            party = _asker(text, cue_end, negotiation)
        if party is None and chosen is not None and chosen.end <= cue_start:
            # "... South Korea would pay ..., far more than the $1.1 billion it agreed to":
            # "it" is the party named last before the amount
            named = [a for a in find_actors(text[: chosen.start])
                     if not negotiation.parties or a.country in negotiation.parties]
            party = named[-1] if named else None
        if party is not None and _COORDINATED.search(text[: party.start]):
            # "Japan and the United States agreed that Japan will pay": both agreed; who
            # pays is said further on, if a later cue names one party
            later = _clause_party_after(text, cue_end, monies, negotiation)
            if later is not None:
                continue
        if party is not None:
            break
    else:
        return None
    if party is None:  # not reached: the loop leaves only with a party
        return None
    return _position(text, sentence, negotiation, report_date, stance, party, chosen, relation,
                     cue_start)


# A party, an auxiliary, any verb (with a particle or an indirect object) and the amount:
# "Seoul will hand the United States 1.5192 trillion won", "Seoul will put up more than $200
# million". The verb is not listed: in a cost-sharing report a party's amount is its position.
_SUBJECT_VERB_AMOUNT = re.compile(
    rf"(?:^|,\s|;\s|\b(?:and|but|while|that|under\swhich)\s)(?:the\s)?(?P<who>{COUNTRY_PATTERN})"
    r"\s(?:(?P<aux>will|would|must|should|could|can|is\sto|has\sto|agreed\sto|is|was|has|had)"
    r"\s)?(?:[a-z]+ly\s)?(?P<verb>[a-z]+)"
    rf"(?:\s(?:up|out|over|in|back|down)|\s(?:the\s)?(?:{COUNTRY_PATTERN}))?\s$"
)
# verbs whose object is no payment to an ally
_NOT_PAYING = re.compile(
    r"(?:receiv|earn|export|import|invest|los|lost|sav|sell|sold|borrow|lend|lent|rais|"
    r"spen[dt]|exceed|top|hit|cost|owe|ow|said|says|say|estimat|count)\w*$",
    re.I,
)


def _subject_verb_position(
    text: str, sentence: Sentence, negotiation: Negotiation, report_date: dt.date | None
) -> Position | None:
    """The first amount a party of the negotiation is the subject of, whatever its verb, when
    no stance cue gave a position: "agreed" with an auxiliary of the future or obligation, or a
    base or present form; "paid" in the past; "demand" when the party is the United States
    asking of an ally."""
    for mm in find_money(text):
        m = _SUBJECT_VERB_AMOUNT.search(text, 0, mm.start)
        if m is None or is_base(text, mm.start) or DIFFERENCE.match(text, mm.end):
            continue
        verb = m.group("verb").lower()
        if _NOT_PAYING.match(verb) or verb in ("be", "been", "being", "is", "was", "are",
                                                "were", "has", "had", "will", "would"):
            continue
        who = [a for a in find_actors(m.group("who"))
               if not negotiation.parties or a.country in negotiation.parties]
        if not who:
            continue
        aux = (m.group("aux") or "").lower()
        if who[0].country == "USA" and len(negotiation.parties) == 2:
            stance = "demand"
        elif aux in ("had",) or (not aux and verb.endswith("ed")) or aux in ("was", "has"):
            stance = "paid"
        else:
            stance = "agreed"
        party = ActorMention(who[0].text, who[0].code, m.start("who"), m.end("who"))
        relation = _relation(text, mm.end)
        return _position(text, sentence, negotiation, report_date, stance, party, mm, relation,
                         m.start("verb"))
    return None


def _position(
    text: str, sentence: Sentence, negotiation: Negotiation, report_date: dt.date | None,
    stance: str, party: ActorMention, chosen: MoneyMatch | None, relation: _Relation | None,
    cue_start: int,
) -> Position:
    """The position a clause states, with its period, years, date and evidence."""
    monies = find_money(text)
    base_money = _base_money(text, monies, chosen, relation)
    fields = ["stance", "party"]
    if chosen:
        fields.append("figure")
    if relation:
        fields.append("relation")
    period, years = period_years(text, chosen, monies, report_date) if chosen else (None, None)
    applies = _APPLIES_TO.match(text[chosen.end :]) if chosen else None
    skip = [(relation.start, relation.end)] if relation else []
    if chosen and applies:
        skip.append((chosen.end + applies.start("a"), chosen.end + applies.end("a")))
    when = _when(text, cue_start, skip, report_date)
    if when.date is not None or when.basis == "relative":
        fields.append("date")
    full = sentence.text
    evidence = sentence.evidence(*fields)
    money = chosen.money if chosen else None
    return Position(
        party=party.country,
        party_text=party.text or None,
        stance=stance,
        figure=money.text if money else None,
        amount=money.amount if money else None,
        currency=money.currency if money else None,
        unit=money.unit if money else None,
        qualifier=money.qualifier if money else None,
        period=period,
        relation=relation.text if relation else None,
        factor=relation.factor if relation else None,
        base=relation.base if relation else None,
        base_amount=base_money.money.amount if base_money else None,
        base_currency=base_money.money.currency if base_money else None,
        reported=bool(_REPORTED.search(full)),
        negotiation=negotiation.key,
        when=when,
        applies_to=applies.group("a") if applies else None,
        years=years,
        evidence=(evidence,),
    )


# A sentence that goes on about the amount just given: "The figure is 8.3% higher than ...",
# "The one-year deal raises the payment by 8.2 percent."
_FOLLOW_UP = re.compile(
    r"^(?:The|This|That|It|Its)\b(?:\s[\w-]+){0,2}?\s?(?:figure|amount|payment|sum|deal|"
    r"agreement|increase|rise|contribution|total|is|was|represents|marks)\b",
    re.I,
)


def follow_up_relations(
    sentences: tuple[Sentence, ...], positions: tuple[Position, ...]
) -> tuple[Position, ...]:
    """Relations stated in the sentence after an amount, about that amount, set on its
    position (which keeps both sentences as evidence)."""
    out = list(positions)
    own = {ev.index for p in positions for ev in p.evidence}
    for s in sentences:
        if s.index in own or not _FOLLOW_UP.match(s.text):
            continue
        relation = _relation(s.text, 0)
        if relation is None:
            continue
        candidates = [
            i for i, p in enumerate(out)
            if p.amount is not None and p.factor is None
            and max(ev.index for ev in p.evidence) == s.index - 1
        ]
        if len(candidates) != 1:
            continue
        i = candidates[0]
        evidence = s.evidence("relation")
        out[i] = replace(
            out[i],
            relation=relation.text,
            factor=relation.factor,
            base=relation.base,
            evidence=(*out[i].evidence, evidence),
        )
    return tuple(out)


_COORDINATED = re.compile(r"\band\s(?:the\s)?$")


def _clause_party_after(
    text: str, after: int, monies: list[MoneyMatch], negotiation: Negotiation
) -> ActorMention | None:
    """The party of a later stance cue in the clause, if any names one."""
    for _, cue_start, _ in _stances(text):
        if cue_start <= after:
            continue
        party = _party(text, cue_start, monies, negotiation)
        if party is not None and not _COORDINATED.search(text[: party.start]):
            return party
    return None


# an amount's payer named after it: "$23.3 million in direct support from Germany"
_SUPPORT_FROM = re.compile(
    r"\s(?:in\s)?(?:direct\s|indirect\s|host-nation\s|cash\s|financial\s)?"
    rf"(?:support|contributions?|payments?|funding)\sfrom\s(?:the\s)?(?P<who>{COUNTRY_PATTERN})\b"
)


# "floated by the Trump administration:", "put forward by Tokyo," : an agent, any actor
_AGENT = re.compile(r"\sby\s(?P<who>(?:the\s)?[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}"
                    r"(?:\s(?:administration|government|side))?)(?=\s?[:,]\s)")
# "sought by Washington", "offered by the United States": the agent of a participle
_BY_WHOM = re.compile(rf"\sby\s(?:the\s)?(?P<who>{COUNTRY_PATTERN})\b")
# between an amount and its participle: nothing but its period ("$5 billion a year sought")
_PERIOD_GAP = re.compile(r"\s(?:(?:a|per)\s(?:fiscal\s)?year\s|annually\s)?")


_DENIED_STANCE = re.compile(
    r"\b(?:not|never|n['’]t|no\slonger|refused\sto|refuses\sto|refuse\sto)\s(?:[a-z]+\s)?$", re.I
)


def _stances(text: str) -> list[tuple[str, int, int]]:
    """Every stance cue in the clause, in order (at one place: demand before offer before
    agreed before paid). The first that has a party and a figure or relation makes the
    position: "Under the deal, Seoul will pay ..." is Seoul's, not the deal's."""
    found: list[tuple[str, int, int]] = [
        ("paid", mm.end, mm.end) for mm in find_money(text) if _SUPPORT_FROM.match(text, mm.end)
    ]
    for rank, (stance, pattern) in enumerate(_STANCES):
        # (a stance denied is none: "Seoul should not accept the U.S. demand of $5 billion" is
        # the demand's, not an acceptance)
        found.extend((stance, m.start(), m.end()) for m in pattern.finditer(text)
                     if not _DENIED_STANCE.search(text, max(0, m.start() - 30), m.start()))
        del rank
    order = {stance: i for i, (stance, _) in enumerate(_STANCES)}
    found.sort(key=lambda c: (c[1], order[c[0]]))
    return found


def _asker(text: str, cue_end: int, negotiation: Negotiation) -> ActorMention | None:
    """Who demands when the sentence names only whom they asked ("his negotiators asked South
    Korea for about $5bn"): the other party of the negotiation."""
    m = re.match(rf"\s(?:the\s)?(?P<who>{COUNTRY_PATTERN})\b", text[cue_end:])
    if m is None or len(negotiation.parties) != 2:
        return None
    asked = find_actors(m.group("who"))
    if not asked or asked[0].country not in negotiation.parties:
        return None
    other = next(p for p in negotiation.parties if p != asked[0].country)
    return ActorMention("", other, cue_end, cue_end)


# "the roughly $1.1 billion it agreed to": an amount followed by its own payer and verb
_SUBJECT_BEFORE_CUE_START = re.compile(
    rf"\s(?:that\s|which\s)?(?:the\s)?(?:{COUNTRY_PATTERN}|it|they)\s(?:has\s|had\s|will\s)?"
    r"(?:agreed|pays|paid|will pay|offered|accepted)\b"
)
_POSSESSOR_AFTER = re.compile(rf"\s(?:the\s)?(?P<who>(?:{COUNTRY_PATTERN})['’]s)\s")
_SUBJECT_BEFORE_CUE = re.compile(
    rf"^\s(?:(?:a|per)\syear\s)?(?:that\s|which\s)?(?:the\s)?(?:{COUNTRY_PATTERN}|it|they|"
    # "the roughly $8 billion a year that the Trump administration reportedly wants"
    r"(?:[A-Z][a-z]+\s)?(?:administration|government))(?:['’]s)?\s"
    r"(?:has\s|had\s|will\s)?(?:[a-z]+ly\s)?$"
)


_FROM_BEFORE = re.compile(r"\bfrom\s(?:(?:the|their|its|his|her|an?)\s)?(?:\w+\s)?$", re.I)
_NOUN_CUE = re.compile(r"(?:demand|ask|request|offer|proposal|counteroffer)\b", re.I)


# a change from a base, not a contrast ("far from the 1.5192 trillion won Seoul agreed to")
_CHANGE_FROM = re.compile(
    rf"\b(?:{_CHANGE_WORD}|up|down)\s(?:from|over|on)\s(?:the\s|last\syear['’]s\s)?$", re.I
)


def _money_before(text: str, monies: list[MoneyMatch], cue_start: int) -> MoneyMatch | None:
    """An amount right before its payer and the cue: "the 1.5192 trillion won South Korea
    agreed to pay" (a relative clause without "that"); or right before a noun cue
    ("Washington's $5 billion ask")."""
    for mm in monies:
        if _CHANGE_FROM.search(text, max(0, mm.start - 80), mm.start):
            continue  # "an 8.2 percent increase from the 960.2 billion won Seoul paid"
        if mm.end <= cue_start and (
            _SUBJECT_BEFORE_CUE.match(text[mm.end : cue_start])
            or (text[mm.end : cue_start] == " " and _NOUN_CUE.match(text, cue_start)
                # "come down from their initial $5 billion demand": the base of a change
                and not _FROM_BEFORE.search(text, 0, mm.start))
        ):
            return mm
    return None


def _payer(text: str, cue_start: int, negotiation: Negotiation) -> ActorMention | None:
    """The party that pays under a deal, when the sentence states an agreed or paid amount
    without naming who ("The annual average of about 211 billion yen ..."): the one party of
    the negotiation other than the United States, with no words of its own (`party_text`
    empty). None when the sentence names another actor or the negotiation has no such party."""
    hosts = [p for p in negotiation.parties if p != "USA"]
    if len(hosts) != 1 or find_actors(text[:cue_start]):
        return None
    return ActorMention("", hosts[0], cue_start, cue_start)


def _position_money(text: str, monies: list[MoneyMatch], after: int) -> MoneyMatch | None:
    """The first amount after the cue that is not a base ("from X") or a conversion "(X)"."""
    for i, mm in enumerate(monies):
        if mm.start < after:
            continue
        if is_base(text, mm.start) or is_conversion(text, monies, i):
            continue
        if NOT_A_POSITION_BEFORE.search(text, max(0, mm.start - 60), mm.start):
            continue  # "the first time the annual contribution has exceeded 1 trillion won"
        return mm
    return None


# Bounds on the sentences read for stated amounts (each amount reads its sentence again for
# its period and date): a sentence of a report is shorter, and names fewer amounts.
_LONGEST_SENTENCE = 800
_MOST_AMOUNTS = 6


# an amount told before, taken up as a sentence's subject: "The amount is ...", "The 2026 figure
# is ...", "This year's payment would be ..."
_AMOUNT_ANAPHOR = re.compile(
    r"^(?:The|This|That|Its|(?:This|Last|Next)\syear['’]s)\s(?:(?:19|20)\d{2}\s|new\s|annual\s|"
    r"agreed\s|final\s)?(?P<noun>amount|figure|sum|payment|contribution|share|total|increase|"
    r"rise)\s(?:is|was|would\sbe|will\sbe|represents|marks|amounts\sto)\s"
)


def stated_amounts(
    sentence: Sentence, negotiation: Negotiation, report_date: dt.date | None,
    found: list[Position],
) -> list[Position]:
    """Amounts of a cost-sharing report that no stance cue with its party claimed: each is a
    position of stance `stated`, with no party, and its period and years read as a claimed
    one's are ("The figure dwarfs the 197.4 billion yen budgeted for host-nation support in
    fiscal 2019"). A base ("from", "over", "than", "on last year's"), a conversion, a
    difference or a purchase is none; nor is money in a sentence on other business (trade,
    investment). Who asked or paid is left unsaid rather than guessed."""
    text = sentence.text
    if len(text) > _LONGEST_SENTENCE or OTHER_BUSINESS.search(text):
        return []
    monies = find_money(text)
    if len(monies) > _MOST_AMOUNTS:
        return []  # a table or a list run together, not a sentence of positions
    claimed = {p.figure for p in found}
    out: list[Position] = []
    anaphor = _AMOUNT_ANAPHOR.match(text) if not found else None
    relation = _relation(text, anaphor.end()) if anaphor is not None else None
    if anaphor is not None and relation is not None and relation.factor is not None:
        # "The amount is 8.2 percent higher than the 960.2 billion won Seoul paid last year":
        # the change of the amount told before, to its base
        out.append(_stated(text, sentence, negotiation, report_date, None, relation,
                           anaphor.start("noun")))
    told = _CHANGE_TOLD.search(text)
    if told is not None:
        # "the ministry said the 2022 rise would be 5.4 percent": a change told as a noun, its
        # size after a copula
        change = _relation(text, told.end())
        if (change is not None and change.factor is not None and change.start - told.end() < 12
                and all(p.factor != change.factor for p in found)):
            out.append(_stated(text, sentence, negotiation, report_date, None, change,
                               told.start()))
    for i, mm in enumerate(monies):
        before = text[max(0, mm.start - 120) : mm.start]
        if (
            mm.money.text in claimed
            or any(p.base and mm.money.text in p.base for p in found)
            or is_base(text, mm.start)
            or RELATION_BASE.search(before)
            or is_conversion(text, monies, i)
            or DIFFERENCE.match(text, mm.end)
            or NOT_A_POSITION_AFTER.match(text, mm.end)
            or NOT_A_POSITION_BEFORE.search(before[-60:])
        ):
            continue
        # its relation when one follows it ("1.0389 trillion won this year, an 8.2 percent
        # increase on last year's 960.2 billion won")
        out.append(_stated(text, sentence, negotiation, report_date, mm,
                           _relation(text, mm.end), mm.start))
    freeze = _FREEZE.search(text)
    # (a freeze of money: "The talks had been frozen for months" is none)
    if (freeze is not None and not any(p.factor == 1.0 for p in (*found, *out))
            and (MONEY_CUE.search(text) or find_money(text))):
        # "rises 13.9 percent to 1.1833 trillion won, after a freeze for 2020": a freeze is a
        # relation to the status quo of its own, whatever else the sentence says ("unchanged"
        # or "flat" alone is not: it is the state of something else as often)
        held = _relation(text, freeze.start())
        if held is not None and held.factor == 1.0:
            out.append(_stated(text, sentence, negotiation, report_date, None, held,
                               freeze.start()))
    return out


_FREEZE = re.compile(r"\b(?:a\sfreeze|froze|frozen|freezes|freezing|to\sfreeze)\b", re.I)
_CHANGE_TOLD = re.compile(
    r"\b(?:the|this|next|its|their)\s(?:(?:19|20)\d\d\s|year['’]s\s|annual\s|yearly\s)?"
    r"(?:rise|increase|hike|raise|increment)\s(?:would|will|is|was|should|could)\s(?:be|come\sto)\s|"
    # "For 2022 that means a rise of 5.4 percent."
    r"\b(?:that|this|which)\s(?:means|meant|implies|implied)\s(?=an?\s(?:rise|increase|hike|cut)\s"
    r"of\s)",
    re.I,
)


def _stated(
    text: str, sentence: Sentence, negotiation: Negotiation, report_date: dt.date | None,
    chosen: MoneyMatch | None, relation: _Relation | None, at: int,
) -> Position:
    """A `stated` position: an amount, a relation or both, with no party named or guessed."""
    position = _position(text, sentence, negotiation, report_date, STATED,
                         ActorMention("", "", at, at), chosen, relation, at)
    return replace(position, party=None, party_text=None, evidence=tuple(
        replace(e, fields=tuple(f for f in e.fields if f != "party")) for e in position.evidence))


def _base_money(
    text: str, monies: list[MoneyMatch], chosen: MoneyMatch | None, relation: _Relation | None
) -> MoneyMatch | None:
    if relation is None or relation.base is None:
        return None
    for mm in monies:
        if mm is not chosen and relation.start <= mm.start < relation.end:
            return mm
    return None


# Percentages that are no relation of the amount to the status quo: a ceiling on later rises
# ("capped yearly increases at 4 percent"), a share of the cost borne ("Seoul bore 40 percent",
# "pays 40 percent of"), and the rise of the years after ("with a 10 percent increase each year
# after that")
_CAP = re.compile(
    r"\b(?:capp(?:ed|ing)|caps?|ceiling|limited)\b[^,;]{0,40}?\s(?:at|of|to)\s$|"
    r"\b(?:no|not)\smore\sthan\s$|\bat\smost\s$",
    re.I,
)
_SHARE_BORNE = re.compile(
    rf"\b(?:{verb_pattern(('pay', 'shoulder', 'bear', 'cover', 'foot'))})\s(?:{_ABOUT})?$", re.I
)
_LATER_YEARS = re.compile(
    r"\s(?:(?:a|each|every|per)\syear\s)?(?:after\sthat|thereafter|afterwards|in\slater\syears)\b",
    re.I,
)


def _no_relation(text: str, m: re.Match[str]) -> bool:
    """Whether the percentage `m` is a cap, a share borne or the rise of later years."""
    share = bool(m.group("pct")) and _SHARE_BORNE.search(text, 0, m.start()) is not None and not (
        m.group("cmp") or _MORE.match(text, m.end())
    )  # "pay 13 percent more" is a relation
    return bool(_CAP.search(text, 0, m.start()) or share or _LATER_YEARS.match(text, m.end())
                or _PAYS_NOW.search(text, 0, m.start()))


# a part of the rise, not the rise: "the 7.4 percent growth in South Korea's defense budget",
# "a 6.5 percent adjustment for labor costs"
_COMPONENT = re.compile(
    r"\s(?:growth|increase|rise)\s(?:in|of)\s(?:[\w'’]+\s){0,3}?(?:defen[cs]e\sbudget|"
    r"military\sbudget|spending)\b|\s(?:adjustment|increase|rise)\sfor\s(?:the\s)?(?:pay|wages|"
    r"labou?r)\b",
    re.I,
)


# "Today it pays ten times as much": the status quo told against the past, not a position
_PAYS_NOW = re.compile(
    r"\b(?:today|now|currently|nowadays)\b[^.;,]{0,30}\b(?:pays|contributes|spends|is\spaying)\s"
    r"(?:about\s|roughly\s|some\s|nearly\s)?$",
    re.I,
)
_RESTATED_AS_CHANGE = re.compile(
    r",\s(?:a|an|the)\s(?:demand|figure|sum|amount|offer|request|proposal)\s(?:that|which)\s"
    r"(?:amounts?\sto|represents?|would\smean|means)\s(?:a\s|an\s)?(?:roughly\s|about\s|some\s|"
    r"nearly\s)?$"
)
_RAISE_VERB = re.compile(
    r"\b(?:raises|raised|raise|raising|lifts|lifted|increases|increased|cuts|cut)\b", re.I
)
_MORE = re.compile(r"\s(?:more|less|extra|higher|lower|above|below|over|under)\b", re.I)


_COMPARED_AFTER = re.compile(r"\s(?:more|higher|above|less|lower|below)\s(?:than\s)?", re.I)


def _relation(
    text: str, after: int, limit: int | None = None, *, leading: bool = False, gap: int = 6
) -> _Relation | None:
    """The stated relation after `after` (before `limit`), within a few words of it; with
    `leading`, the relation is the one closest before `limit` (the cue), at most `gap` words
    before it."""
    end = limit if limit is not None else len(text)
    if leading:
        found = list(_RELATION.finditer(text, after, end))
        if not found or len(text[found[-1].end() : end].split()) > gap:
            return None
        return _relation_of(found[-1])
    m = _RELATION.search(text, after, end)
    if m is None or _no_relation(text, m):
        return None
    # the relation must follow closely (within a few words of the figure or cue), or stand
    # in an apposition of its own after a comma ("$1.3 billion annually ... to help fund the
    # troops stationed here, nearly 50 percent more than ...")
    words = len(text[after : m.start()].split())
    # ("raises Seoul's contribution to the upkeep of 28,500 US troops stationed in the country
    # by 5.8 percent": "by" ties the change to the verb however long its object)
    by_verb = bool(re.search(r"\bby\s$", text[max(0, m.start() - 3) : m.start()])
                   or m.group().startswith("by ")) and words <= 20 and bool(
        _RAISE_VERB.search(text, max(0, after - 40), m.start())) and not find_money(
        text[after : m.start()])
    # ("..., a demand that amounts to a roughly 50 percent increase over what Seoul paid": an
    # apposition restating the amount by its change)
    restated = _RESTATED_AS_CHANGE.search(text, max(after, m.start() - 70), m.start()) is not None \
        and words <= 30 and not find_money(text[after : m.start()])
    # ("..., up 5.8 percent from last year's 869.5 billion won": the wire's trailing change)
    trailing = words <= 25 and text[: m.start()].endswith(", ")
    if words > 10 and not by_verb and not restated and not (trailing
                           and (m.group("pct5") or m.group("updown") or m.group("word")
                                or m.group("pctword")
                                # (", 8.2 percent more than last year's ...": the bare
                                # percentage, its comparison read by `_relation_of`)
                                or (m.group("pct") and _COMPARED_AFTER.match(text, m.end())))
                           and not find_money(BRACKET_AFTER.sub("", text[after : m.start()], 1))):
        return None
    return _relation_of(m)


def _relation_of(m: re.Match[str]) -> _Relation | None:
    factor: float | None = None
    if m.group("mult"):
        mult = MULTIPLE_RE.search(m.group("mult"))
        factor = multiple_value(mult) if mult else None
    elif m.group("times"):
        mult = MULTIPLE_RE.search(m.group("times"))
        factor = multiple_value(mult) if mult else None
    elif m.group("freeze"):
        # (an aside may stand between: "Seoul's position, he said, is unchanged")
        if re.search(r"\b(?:position|positions|stance|view|views|policy|line)(?:,\s[^,]{1,30},)?"
                     r"\s(?:\w+\s)?(?:remains?|remained|is|was|stays?|stayed)\s$",
                     m.string[max(0, m.start() - 60) : m.start()], re.I):
            return None  # "Our position remains unchanged": a stance kept, not a payment frozen
        factor = 1.0
    else:
        pct_text = (
            m.group("pct") or m.group("pct2") or m.group("pct3") or m.group("pct4")
            or m.group("pct5") or m.group("pct6")
        )
        pct = PERCENT_RE.search(pct_text)
        worded = None if pct is not None else re.match(rf"{NUMBER_WORD_PATTERN}\b", pct_text, re.I)
        if pct is not None:
            value = number_value(pct.group("num"))
        elif worded is not None:
            value = number_value(worded.group())  # ("two-percent": the word before the hyphen)
        else:
            return None
        words = " ".join(
            g
            for g in (m.group("pctword"), m.group("word"), m.group("updown"), m.group("byword"),
                      m.group("cmp"))
            if g
        )
        if m.group("pct6"):  # "... by 8.2 percent" after the verb: its direction
            words = m.string[max(0, m.start() - 60) : m.start()]
            words = words if re.search(r"\b(?:cut|cuts|reduc\w*|lower\w*|decreas\w*)\b",
                                       words) else ""
        if m.group("pct") and not m.group("pctword") and re.match(
                r"\s(?:goal|target|guideline|benchmark|threshold|mark|bar|ceiling|floor)\b",
                m.string[m.end() : m.end() + 12]):
            return None  # "the two-percent goal": a level aimed at, not a change
        if m.group("pct") and not m.group("pctword") and re.search(
                r"\b(?:goal|target|guideline|benchmark|threshold|mark|bar|ceiling|floor)\b"
                r"[^.;:]{0,40}:\s$", m.string[max(0, m.start() - 60) : m.start()]):
            return None  # "The Hague sets a new bar: five per cent": the level the bar is at
        if _COMPONENT.match(m.string, m.end()):
            return None  # "the 7.4 percent growth in the defense budget": a part of the rise
        if re.search(r"\bplus\s$", m.string[max(0, m.start() - 5) : m.start()]):
            return None  # "the full cost plus 50 percent": a formula on the cost, no relation
        if m.group("pct") and not m.group("pctword") and re.match(
            r"\sof\s", m.string[m.end() : m.end() + 4]
        ):
            return None  # "5% of GDP", "40 percent of the cost": a share, not a change
        if m.group("pct") and not m.group("pctword") and re.search(
            r"\b(?:spend|spends|spent|spending)\s(?:only\s|just\s|at\sleast\s|more\sthan\s|"
            r"less\sthan\s|over\s|under\s|nearly\s|almost\s|roughly\s|around\s)?(?:about\s)?$",
            m.string[max(0, m.start() - 40) : m.start()],
        ):
            return None  # "room to spend only about 2.1%": a level of spending, not a change
        if m.group("pct") and not m.group("pctword") and re.search(
            r"\b(?:at|to)\s(?:about\s|around\s|roughly\s|some\s|nearly\s|almost\s)?$",
            m.string[max(0, m.start() - 20) : m.start()],
        ) and not re.match(r"\s(?:more|less|higher|lower|above|below|increase|rise|hike|cut)\b",
                           m.string[m.end() : m.end() + 12]):
            return None  # "keep its spending at about 2.1%": a level, not a change
        if m.group("pct") and not words:
            # the direction from the verb before ("was cut 8.9 percent") or the word after
            # ("8.9 percent less than last year")
            verb = _WORD_BEFORE.search(m.string, max(0, m.start() - 30), m.start())
            before = [verb.group("w")] if verb else []
            words = " ".join([*before, *m.string[m.end() : m.end() + 12].split()[:1]])
        if (pct is not None and pct.group("sign") == "-") or (words and _NEGATIVE.search(words)):
            value = -value
        factor = 1 + value / 100
    if factor is None:
        return None
    base = m.group("base").strip() if m.group("base") else None
    return _Relation(m.group("rel").strip(), round(factor, 6), base, m.start(), m.end())


def _party(
    text: str, cue_start: int, monies: list[MoneyMatch], negotiation: Negotiation
) -> ActorMention | None:
    """The party holding the position: the last party named before the cue, outside money
    and prepositional phrases; else a possessor right before a noun cue."""
    candidates = [
        a
        for a in find_actors(text[:cue_start])
        if not any(mm.start <= a.start < mm.end for mm in monies)
        and not (
            re.search(
                # ("Japan's spending on U.S. forces": the forces', not a party's)
                r"\b(?:from|of|to|with|against|under|for|by|on)\s+(?:the\s)?$", text[: a.start],
                re.I,
            )
            # "..., with Washington reportedly asking for about $4.7 billion": its subject
            and not (
                re.fullmatch(r"(?:\s(?:\w+ly|now|still|also|again))?\s", text[a.end : cue_start])
                and not re.search(r"\bon\s+(?:the\s)?$", text[: a.start], re.I)
            )
        )
    ]
    parties = negotiation.parties
    candidates = [a for a in candidates if not parties or a.country in parties]
    if candidates:
        return candidates[-1]
    return None


def _when(
    text: str, cue_start: int, skip: list[tuple[int, int]], report_date: dt.date | None
) -> When:
    """When the position was stated: a date phrase near the cue, else as of the report's date.

    Dates in a clause about the old deal's expiry, and the year an amount is for ("for 2026"),
    are not the date of the position.
    """
    phrases = [
        p
        for p in find_date_phrases(text)
        if not any(lo <= p.start < hi for lo, hi in skip)
        and not re.search(
            r"\b(?:expires?|expired|expiring|lapsed?|since|under)\b",
            text[min(cue_start, p.start) : max(cue_start, p.start)],
            re.I,
        )
    ]
    if phrases:
        nearest = min(phrases, key=lambda p: abs(p.start - cue_start))
        return resolve(nearest, text, report_date)
    return report_day(report_date)
