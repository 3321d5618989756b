"""The period of a stated amount and the years it covers, from the words around it.

"$5 billion a year" is a yearly amount, "1,055.1 billion yen over five fiscal years from 2022" a
total over 2022-2026, "1.1833 trillion won for 2021" the amount of one year. Read per sentence;
`news.years` reads the years another sentence of the report gives.
"""

from __future__ import annotations

import datetime as dt
import re

from burdenshare.news.amount_roles import (
    BRACKET_AFTER,
)
from burdenshare.news.dates import ENTRY_DASH, MONTH, month_number
from burdenshare.news.lexicon import (
    REPORTING_VERBS,
)
from burdenshare.news.numbers import NUMBER_WORDS, MoneyMatch, find_money

_PERIOD = re.compile(
    r"^\s*(?:a|per|each|every|for\sthe)\s(?:fiscal\s)?(?P<p>year|annum|month)\b|"
    r"^\s*(?:annually|yearly)\b|"
    r"^\s*(?:a|per) year\b",
    re.I,
)


def _period(text: str, at: int) -> str | None:
    m = _PERIOD.match(text[at:])
    if not m:
        return None
    return "year" if (m.group("p") or "year").lower() in ("year", "annum") else m.group("p")


YEAR_NUM = r"(?:19|20)\d{2}"
FISCAL = r"(?:fiscal\s(?:year\s)?|FY\s?|April\s|the\s)?"
_TOTAL_OVER = re.compile(
    rf"\b(?:over|for|across|covering|during|in|within)\s(?:the\s)?"
    # "over the life of the five-year deal"
    r"(?:(?:life|length|course|term|duration)\sof\s(?:the\s|an?\s|its\s)?)?"
    rf"(?:next\s)?(?P<n>\w+)(?:\s|-)"
    r"(?:fiscal\s)?years?"
    rf"(?:,?\s(?:from|starting(?:\sin)?|beginning(?:\sin)?)\s(?:{FISCAL}(?P<y>{YEAR_NUM})|"
    rf"(?P<m>{MONTH})\b))?"
    rf"(?:\s(?:through|to|until)\s{FISCAL}(?P<y2>{YEAR_NUM}))?",
    re.I,
)
# "for 2005 and 2006", "from 2022 to 2025", "for 2020 through 2025", "in 2005-06"
_YEAR_SPAN = re.compile(
    rf"\b(?:for|from|in|covering|covered|covers|spanning|spans|between|during|over|across)\s{FISCAL}(?P<y1>{YEAR_NUM})\s?(?:and|to|through|until|-|–)\s?"
    rf"{FISCAL}(?P<y2>{YEAR_NUM}|\d{{2}})\b",
    re.I,
)
_N_YEARS_FROM = re.compile(
    r"\b(?P<n>two|three|four|five|six|[2-9])-year\s(?:deal|agreement|accord|pact|package)\b"
    r"[^.;]{0,40}?\b(?:took\seffect|starting|beginning|effective|which\sbegan)\s(?:in\s|from\s)?"
    rf"{FISCAL}(?P<y>{YEAR_NUM})\b",
    re.I,
)
_LEVEL_OF = re.compile(
    rf"\b(?:at|to)\s(?:the\s)?(?:{YEAR_NUM}|previous\syear['’]s|last\syear['’]s)\slevel\sof\s"
    r"(?:about\s|around\s|some\s)?$",
    re.I,
)
_FOR_YEAR = re.compile(
    rf"\b[Ff]or\s(?:fiscal\s)?(?:(?P<y>{YEAR_NUM})|(?P<rel>last|this|next)\syear)\b"
)
_ONE_YEAR = re.compile(rf"\b(?:in|for)\s(?:all\sof\s)?{FISCAL}(?P<y>{YEAR_NUM})\b", re.I)
_LEADING_YEAR = re.compile(
    # (a fiscal year may go without the comma: "For fiscal 2020 the government budgeted"; a
    # calendar year so told is when a demand was made: "In 2019 Washington asked for ... a year")
    # (a factbox's item too: "* For 2021, it rises 13.9 percent to 1.1833 trillion won.")
    # (or a dashed item: "--For fiscal 2021, the two countries agreed ...")
    rf"^(?:[A-Z]+:\s|[*•-]\s|--\s?)?(?:In|For|During)\s(?:{FISCAL}(?P<y>{YEAR_NUM})(?:\s(?:alone|only))?,\s|"
    rf"(?:fiscal\s(?:year\s)?|FY\s?)(?P<fy>{YEAR_NUM})\s(?=(?:the|its|their|[A-Z][a-z]+)\s))"
    r"(?![^,;]*\b(?:from|than)\s)",
    re.I,
)
_LEADING_REL_YEAR = re.compile(
    # (or under its deal: "Under this year's one-year agreement, Seoul pays 1.0389 trillion won")
    r"(?:[A-Z]+:\s|[*•-]\s)?(?:In|For|Under)\s(?P<rel>this|next|last)\syear"
    r"(?:['’]s\s(?:[\w-]+\s){0,3}?(?:agreement|deal|accord|arrangement|pact|SMA))?,\s(?=[^,;]*$)"
)
_FISCAL_STARTING = re.compile(
    rf"\b(?:in|for)\sthe\s(?:next\s|coming\s|new\s)?fiscal\syear\s(?:starting|beginning)\s"
    rf"(?:in\s)?(?P<m>{MONTH})\b",
    re.I,
)
# ("Seoul paid $150 million that year")
_THAT_YEAR = re.compile(r"\b(?:(?:for|in)\s)?(?:that|the same)\s(?:fiscal\s)?year\b", re.I)
_REL_YEAR = re.compile(
    # ("is paying 201.7 billion yen in the current fiscal year": the report's)
    r"\b(?:in\s|for\s)?(?:(?P<rel>this|next|last)|the\s(?P<current>current))\s(?:fiscal\s)?year\b",
    re.I,
)
_EXPIRY_CLAUSE = re.compile(
    r"\b(?:that|which)\s(?:\w+\s)?(?:expires?|expired|expiring|runs?\sout|ends|lapses?)\b", re.I
)
# a sum asked for: "asked for", "was seeking", "a demand of", "Washington's demand was put at"
_ASKING = re.compile(
    r"\b(?:asked|asks|asking|sought|seeks|seeking|demanded|demands|demanding|wanted|wants|want|"
    r"wanting|requested|pressed|pressing)\b|"
    r"\b(?:demand|request|ask)\s(?:was|is|had\sbeen|has\sbeen|of|for)\b",
    re.I,
)
_COMPARISON = re.compile(
    r"\b(?:than|compared\s(?:with|to))\b|\d\s?(?:percent|per\scent|%)|"
    # "about five times what Seoul paid in 2019"; "the same amount as in 2019"
    # ("the same as in 2019")
    r"\btimes\s(?:what|the|its|their)\b|\bthe\ssame\s(?:(?:amount|level|figure|sum)\s)?as\b|"
    # "$5 billion a year during talks in 2019": the talks' year
    r"\b(?:during|in)\s(?:the\s)?(?:[\w-]+\s)?(?:talks|negotiations)\b|"
    # "a fivefold increase on what Seoul pays this year"
    r"\b(?:on|over|from)\swhat\b", re.I
)
_PAYS = (
    # ("Japan's host-nation support for fiscal 2019 stands at 197.4 billion yen")
    r"(?:contributions?|payments?|share|bill|budget|amount|spending|costs?|support|pay|pays|paid|"
    r"paying|"
    r"contribute|contributes|contributed|contributing|spend|spends)"
)


def _gapped_period(text: str, chosen: MoneyMatch, monies: list[MoneyMatch]) -> str | None:
    """The period of the amount before, in a coordination that leaves out its verb: "wanted
    Japan to pay $8 billion a year and South Korea $5 billion"."""
    previous = [m for m in monies if m.end <= chosen.start]
    if not previous:
        return None
    per = _period(text, previous[-1].end)
    gap = _PERIOD.match(text[previous[-1].end :])
    if per is None or gap is None:
        return None
    rest = text[previous[-1].end + gap.end() : chosen.start]
    return per if re.fullmatch(r"\sand\s(?:[A-Z][\w.'’-]*\s){1,3}", rest) else None


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last match of `pattern` in `text`."""
    found = list(pattern.finditer(text))
    return found[-1] if found else None


# (or an aside set off by dashes before the clause: "For 2020 - a year without any agreement -
# Seoul's payment is frozen at ...")
# (or a clause with its subject left out, after "and": "..., and for 2021 rises by 13.9% to")
_CLAUSE_FOR_YEAR = re.compile(rf"(?:and\s)?[Ff]or\s{FISCAL}(?P<y>{YEAR_NUM})\s(?=it\s|the\s|[A-Z]|"
                              r"[-–—]\s|(?:rises|falls|grows|climbs|increases|stays|is)\b)")
# a year said with the payment before the amount, in the same clause
_PAYMENT_FOR_YEAR = re.compile(
    rf"\b{_PAYS}\s(?:for|in)\s{FISCAL}(?P<y>{YEAR_NUM})\b", re.I
)
# the sentence's subject, a payment for a year: "Korea's contribution for 2026, ..."
_SUBJECT_FOR_YEAR = re.compile(
    rf"(?:[\w'’.-]+\s){{0,4}}?{_PAYMENT_FOR_YEAR.pattern}", re.I
)
_PAYMENT_REL_YEAR = re.compile(
    rf"\b{_PAYS}\s(?:[\w-]+\s){{0,3}}?(?:in\s|for\s)?(?P<rel>this|next|last)\syear\b", re.I
)
# ... or the year's before it: "while this year's contribution rises 13.9 percent to ..."
_REL_YEARS_PAYMENT = re.compile(
    rf"\b(?P<rel>this|next|last)\syear['’]s\s(?:[\w-]+\s)?{_PAYS}\b", re.I)
# "The 2021 payment has been set at ..."
_YEAR_PAYMENT = re.compile(
    rf"\b(?:fiscal\s)?(?P<y>{YEAR_NUM})(?:\s(?:payment|contribution|share|bill|amount|budget|"
    # (or the year's for its payment: "freezes the 2020 payment and raises 2021's by 13.9 per
    # cent, to 1.1833 trillion won")
    r"figure|sum|spending)\b|['’]s(?=\s(?:by|to)\s))",
    re.I,
)
SAID_BETWEEN = re.compile(rf"\b(?:{REPORTING_VERBS})\b", re.I)
_PACKAGE = re.compile(
    r"\b(?:plan|pledge|package|commitment|promise)\s(?:to\s(?:provide|spend|invest|contribute|"
    r"offer|give)\s)?(?:about\s|some\s|roughly\s|nearly\s|up\sto\s)?(?:US)?$",
    re.I,
)
# a demand's clause opening between a year and the amount: "last year with a demand that"
_DEMAND_CLAUSE = re.compile(
    r"\b(?:demand|request|call|ask|proposal|offer)s?\s(?:that|for|of)\b|"
    # "had started the talks last year by asking for $5 billion a year"
    r"\bby\s(?:asking|demanding|seeking|requesting|pressing)\b",
    re.I,
)
_ONE_PER_YEAR = re.compile(r"\b(?:a|per|each)\syear\b|\bannual(?:ly)?\b|\byearly\b", re.I)
_ONE_YEAR_TERM = re.compile(
    r"\b(?:one|1|single)[\s-]year\s(?:deal|agreement|accord|pact|term|arrangement|SMA|extension)\b|"
    # ("insisted the agreement last only one year")
    r"\blast(?:ing)?\s(?:only\s|just\s)?(?:one|1|a\ssingle)\syear\b",
    re.I,
)
_ONE_MORE_YEAR = re.compile(r"\bfor\s(?:one|another|one more|a further|a single)\syear\b", re.I)
# "annual payment for the upkeep of U.S. troops to ..." (a dot inside "U.S." goes on)
_ANNUAL_BEFORE = re.compile(
    r"\b(?:annual(?:ly)?|yearly)\s(?:[\w-]+\s)?(?:payment|contribution|share|bill|amount)\b"
    # (a change may stand between, set off by a comma: "raise its annual contribution by about
    # 13%, to roughly 1.17 trillion won")
    r"(?:[^.;,]|\.(?=\S|\s[a-z])|,\s(?=to\s[^.;,]{0,20}$)){0,60}$|"
    r"\b(?:annual(?:ly)?|yearly)\b[^.;,]{0,40}$",
    re.I,
)
_RESTATED_PER_YEAR = re.compile(
    r"\s?(?:\([^()]*\)\s?)?,\s(?:or|that\sis|i\.e\.,?)\s(?:about\s|around\s|roughly\s|some\s|nearly\s)?"
    r"[$₩¥€]?\d[^,;]{0,30}?\s(?:a|per|each)\s(?:fiscal\s)?year\b[^,;]{0,15},?"
)
# what stands between a total and its yearly average: "1,055.1 billion yen in fiscal
# 2022-2026, or about"
_RESTATING = re.compile(
    r"[^,;$₩¥€\d]{0,40}?(?:\d{4}(?:-\d{2,4})?[^,;$₩¥€\d]{0,20})?,\s(?:or|that\sis|i\.e\.,?)\s"
    r"(?:about\s|around\s|roughly\s|some\s|nearly\s)?(?:US)?"
)
_PARTICIPLE_GOING_ON = re.compile(
    r"(?:putting|setting|bringing|raising|lifting|taking|leaving|keeping|pushing|cutting)\s", re.I
)
# "$5 billion, as its annual demand": the amount named as a yearly one just after it
_ANNUAL_AFTER = re.compile(
    r"^,?\s(?:as|for|in)\s(?:its|their|the|his|her)\s(?:annual|yearly)\s"
    r"(?:demand|payment|contribution|figure|ask|bill|cost|price|offer|share)\b",
    re.I,
)


def period_years(
    text: str, chosen: MoneyMatch, monies: list[MoneyMatch], report_date: dt.date | None
) -> tuple[str | None, tuple[int, int] | None]:
    """The amount's period and the years it covers, from the words around it.

    `total` with the years: "over (the) five years from fiscal 2022", "from 2016 through 2020";
    `year`: "a year", "annually", "per year", "annual payment at ...", and "in 2026", "for
    fiscal 2021", "this year" (the year of the report), which also give the years. The words
    after the amount are read up to the next amount or clause end; a year before it only when
    it is "for/in YEAR" right before ("contribution for this year at ...").
    """
    end = chosen.end
    bracket = BRACKET_AFTER.match(text[end:])  # a conversion: "(US$1.01 billion)"
    if bracket:
        end += bracket.end()
    following = next((m for m in monies if m.start >= end), None)
    nxt = following.start if following is not None else len(text)
    if following is not None and (re.fullmatch(r",?\s(?:and|plus)\s", text[end:nxt]) or (
            # "lowered its demand from nearly $5 billion to about $4 billion a year"
            re.fullmatch(r"\sto\s", text[end:nxt])
            and re.search(r"\bfrom\s$", text[max(0, chosen.start - 5) : chosen.start]))):
        # "Seoul will pay US$58.8 million and 536.8 billion won this year": what is said of the
        # pair after the second is said of both
        return period_years(text, following, monies, report_date)
    # (or a clause of its own after "and": "... at 1.0389 trillion won, unchanged from 2019, and
    # for 2021 rises by 13.9% to ...")
    after = re.split(r"[;]|,\s(?:up|down|an?|which|while|but|after|and)\b|"
                     # a clause of its own: "..., even though the two governments had signed a
                     # deal setting next year's payment"
                     r",?\s(?:even\sthough|although|though|because|whereas)\b|"
                     # "... a year... down from the figure it put on the table last year"
                     r"\.\.\.|…|\s(?:down|up)\sfrom\b",
                     text[end:nxt])[0]
    # a year after a comparison is the base's: "..., 8.2 percent higher than last year"
    after = _COMPARISON.split(after, maxsplit=1)[0]
    # ... and a year in a clause on the deal's expiry is the expiry's: "189.3 billion yen a
    # year under a five-year agreement that expires on March 31 next year"
    after = _EXPIRY_CLAUSE.split(after, maxsplit=1)[0]
    before = text[max(0, chosen.start - 45) : chosen.start]
    # the clause before the amount: "Seoul's contribution for 2026 rises 8.3 percent to";
    # "settled on how much Korea will contribute this year toward the upkeep of ...:"
    pieces = re.split(r"[,;]\s", text[max(0, chosen.start - 160) : chosen.start])
    # an amount in apposition ("the 2026 contribution ..., 1.5192 trillion won, is ..."): the
    # clause before the comma is its own
    clause_before = pieces[-1] or (pieces[-2] if len(pieces) > 1 else "")
    if len(pieces) > 1 and (_PARTICIPLE_GOING_ON.match(clause_before) or re.fullmatch(
            r"to\s(?:about\s|around\s|roughly\s|some\s|nearly\s)?(?:US)?[$₩¥€]?", clause_before)):
        # ("... would rise by about 13 percent, to around 1.17 trillion won": the change goes
        # on to its amount)
        # "the budget for fiscal 2016, putting Tokyo's contribution at ...": the participle
        # goes on with the clause before it
        clause_before = f"{pieces[-2]}, {clause_before}"
    per = _period(text, end) or _gapped_period(text, chosen, monies)
    level = _LEVEL_OF.search(text, max(0, chosen.start - 40), chosen.start)
    if level is not None:
        # "The payment for 2020 ... is kept at the 2019 level of 1.0389 trillion won", "For last
        # year ... frozen at the 2019 level of ...": the amount is the frozen year's, not the
        # level's
        told = list(_FOR_YEAR.finditer(text, 0, level.start()))
        if told:
            y = (int(told[-1].group("y")) if told[-1].group("y") else
                 report_date.year + {"this": 0, "next": 1, "last": -1}[told[-1].group("rel")]
                 if report_date is not None else None)
            return ("year", (y, y)) if y is not None else ("year", None)
    previous = [m for m in monies if m.end <= chosen.start]
    if per and previous and _RESTATING.fullmatch(text, previous[-1].end, chosen.start):
        # "a total of 1,055.1 billion yen in fiscal 2022-2026, or about 211 billion yen a
        # year": the yearly average restating a total covers no year of its own
        return per, None
    # "..., a total of about 946.5 billion yen", "totaling ¥1.0551 trillion over ...", "a
    # five-year package, worth 1.0551 trillion yen"
    total_cue = re.search(
        r"\b(?:(?:a total of|totall?ing|in total|total of)\s|"
        r"total\s(?:comes|came|amounts|amounted|is|was|will be)\s(?:to\s)?|"
        # "..., setting the total at 1,055.1 billion yen"
        r"(?:setting|set|puts|put|putting|fixing|fixed)\s(?:the\s)?total\sat\s|"
        # the verb: "payments will total", "the bill totals"
        r"(?:will\s|would\s)?total(?:s|ed|led)?\s(?:about\s|around\s|roughly\s|some\s|nearly\s)?)$",
        before,
    ) is not None
    total_cue = total_cue or re.search(
        r"\b(?:two|three|four|five|six|seven|\d)-year\b[^.;]{0,60}?\b(?:worth|valued at)\s$",
        before,
    ) is not None
    # "was worth about 946.5 billion yen in total"
    total_cue = total_cue or re.match(r"\s(?:in\stotal|in\sall|altogether)\b", text[end:]) \
        is not None
    restated = _RESTATED_PER_YEAR.match(text, end)
    if restated is not None and not per:
        # "1.05 trillion yen, or about 211 billion yen a year, from fiscal 2022 to 2026": the
        # first is the total of the years the second is the yearly share of
        rest = _YEAR_SPAN.search(text, restated.end(), restated.end() + 60)
        if rest is not None:
            y1, y2 = int(rest.group("y1")), int(rest.group("y2"))
            return "total", (y1, y2 if y2 >= 100 else y1 // 100 * 100 + y2)
    span = _YEAR_SPAN.search(after)
    if span and (per or not _TOTAL_OVER.search(after[: span.start()])):
        y1, y2 = int(span.group("y1")), int(span.group("y2"))
        if y2 < 100:
            y2 += y1 // 100 * 100
        if y1 <= y2:
            # an amount for one span of years is their total unless said per year
            several = y2 > y1 and not _ONE_PER_YEAR.search(before[-40:] + after[: span.start()])
            # "paid 1.0389 trillion won in 2019 and 2020": the same amount in each year
            several = several and not re.match(r"in\s\S+\sand\s", span.group(), re.I)
            return "year" if per or not several else "total", (y1, y2)
    total = _TOTAL_OVER.search(after)
    if total is None and not per:
        # "Tokyo's share for the next five years amounts to 1.05 trillion yen": the years said
        # with the payment, before the amount
        ahead = _TOTAL_OVER.search(clause_before)
        if ahead is not None and _years_count(ahead) and re.search(
                rf"\b{_PAYS}\b", clause_before[: ahead.start()]) and re.search(
                r"\b(?:amounts?\sto|comes?\sto|came\sto|totals?|totall?ing|is|was|will\sbe)\s"
                r"(?:about\s|some\s|roughly\s|nearly\s)?$", clause_before):
            return "total", _years_of(ahead, report_date)
    if total_cue and total is None:
        # "an agreement ... for five years from fiscal 2022, with Tokyo's share totaling
        # 1.0551 trillion yen": the years said before the total, with a year of their own
        earlier = list(_TOTAL_OVER.finditer(text, max(0, chosen.start - 160), chosen.start))
        if earlier and (earlier[-1].group("y") or earlier[-1].group("y2")):
            return "total", _years_of(earlier[-1], report_date)
        # "the previous five-year deal, covering fiscal 2016 to 2020, totaled about ¥946.5
        # billion": the span said with the deal, before its total
        spans = list(_YEAR_SPAN.finditer(text, max(0, chosen.start - 160), chosen.start))
        if spans:
            y1, y2 = int(spans[-1].group("y1")), int(spans[-1].group("y2"))
            y2 = y2 + y1 // 100 * 100 if y2 < 100 else y2
            if y1 < y2:
                return "total", (y1, y2)
        # "Under the existing five-year agreement, which took effect in fiscal 2016, Japan's
        # share ... totaled some 946.5 billion yen": N years from the year it took effect
        started = list(_N_YEARS_FROM.finditer(text, 0, chosen.start))
        if started:
            n = NUMBER_WORDS.get(started[-1].group("n").lower()) or int(started[-1].group("n"))
            y = int(started[-1].group("y"))
            return "total", (y, y + n - 1)
        return "total", None
    one_after = _ONE_YEAR.search(after)
    if per or (total and one_after and one_after.start() < total.start()):
        total = None  # "a year" right after, or "in 2009, ... over the five-year deal"
    if total and _years_count(total):
        # "The agreement, for fiscal 2016 through 2020, commits Japan to ¥946.5 billion over
        # five years": the years unsaid after the total are the span said before it, if it
        # has as many
        return "total", _years_of(total, report_date) or _span_of(
            text[: chosen.start], _years_count(total))
    if per and _ASKING.search(text, max(0, chosen.start - 80), chosen.start):
        # "In 2019, Washington reportedly asked for $5 billion a year", "had demanded about $5
        # billion a year late last year", "Late last year Washington was seeking about $5
        # billion a year": a yearly sum asked for a deal to come; a year told with it dates
        # the asking
        return per, None
    one = (_ONE_YEAR.search(after) or _ONE_YEAR.search(before[-25:])
           # (the last told: "froze the 2020 payment and raised the 2021 payment by 13.9% to")
           or _PAYMENT_FOR_YEAR.search(clause_before) or _last(_YEAR_PAYMENT, clause_before)
           # a clause headed by its year: "...; for 2021 it rises by 13.9 percent to ..."
           or _CLAUSE_FOR_YEAR.match(clause_before)
           # "In fiscal 1998, the Pentagon counted $23.3 million ...": the sentence's year
           or _LEADING_YEAR.match(text[: chosen.start])
           # a factbox item headed by one year: "* 10th SMA (2019 only): Seoul paid ..."
           or (_HEADED_YEAR.match(text, 0, chosen.start)
               if not find_money(text[: chosen.start]) else None)
           # "Korea's contribution for 2026, the first year of the deal, is set at ...": the
           # subject's year, an apposition between (the sentence's first amount only)
           # (not across a clause of its own: "Seoul's payment for 2020 was frozen, and this
           # year it pays 1.1833 trillion won")
           or (_SUBJECT_FOR_YEAR.match(text, 0, chosen.start) if not find_money(
               text[: chosen.start]) and len(
               re.findall(rf"\b{YEAR_NUM}\b", text[: chosen.start])) == 1 and not re.search(
               r",\s(?:and|but|while)\s|;", text[: chosen.start]) else None))
    if one:
        y = int(one.group("y") or one.group("fy"))
        return "year", (y, y)
    if not per and len(pieces) > 1 and re.match(r"when\s", clause_before) and not find_money(
            text[: chosen.start]):
        # "The first SMA was signed in January 1991, when Seoul paid $150 million": the year
        # of the time the "when" clause hangs on (not a yearly sum said then: "in October 2024,
        # when Trump said Seoul would be paying $10 billion a year")
        then: list[str] = re.findall(rf"\b(?:in|of)\s(?:{MONTH}\s)?({YEAR_NUM})\b", pieces[-2])
        if then:
            return "year", (int(then[-1]), int(then[-1]))
    first_year = re.search(r"\bfirst[- ]year\s(?:contribution|payment|share|amount)\b",
                           clause_before)
    spans = list(_YEAR_SPAN.finditer(text, 0, chosen.start))
    if first_year is not None and len(spans) == 1:
        # "It covers 2026 to 2030 and puts Seoul's first-year contribution at 1.5192 trillion
        # won": the span's first year
        y = int(spans[0].group("y1"))
        return "year", (y, y)
    starting = _FISCAL_STARTING.search(after)
    if starting and report_date is not None:
        # "¥201.7 billion in the fiscal year starting in April", said in February 2021
        month = month_number(starting.group("m"))
        y = report_date.year + (month < report_date.month)
        return "year", (y, y)
    that = _THAT_YEAR.search(after)
    if that:
        # "When it signed ... in April 2002, it accepted ... 490 million dollars for that year":
        # the year the sentence named last before the amount
        named = re.findall(rf"\b({YEAR_NUM})\b", text[: chosen.start])
        return "year", (int(named[-1]), int(named[-1])) if named else None
    near = re.split(r"[,;]", before)[-1]
    if re.fullmatch(r"\s?(?:to|at)\s", near):
        # "a 13.9 percent increase ... this year, to 1.18 trillion won": the clause goes on
        near = " ".join(re.split(r"[,;]", before)[-2:])
    rel = (_REL_YEAR.search(after) or _REL_YEAR.search(near)
           or _PAYMENT_REL_YEAR.search(clause_before) or _last(_REL_YEARS_PAYMENT, clause_before)
           # a clause headed by its year: "For this year, 1.1833 trillion won, ..."
           or (_LEADING_REL_YEAR.match(text, 0, chosen.start)
               if not find_money(text[: chosen.start]) else None))
    if rel is not None and per and rel.string is near and SAID_BETWEEN.search(
            text, max(0, chosen.start - 100), chosen.start):
        # "Trump had said in October last year that South Korea 'would be paying $10 billion a
        # year'": the year dates the saying, not the yearly amount
        rel = None
    if rel is not None and per and rel.string is near and _DEMAND_CLAUSE.search(near, rel.end()):
        # "opened the negotiations last year with a demand that Seoul pay $5 billion a year":
        # the year dates the asking, the amount is per year of a deal to come
        rel = None
    if rel and report_date is not None:
        shift = {"this": 0, "next": 1, "last": -1}[(rel.group("rel") or "this").lower()]
        y = report_date.year + shift
        return "year", (y, y)
    if (
        per
        or _ANNUAL_AFTER.match(after)
        or _ANNUAL_BEFORE.search(before)
        or _ANNUAL_BEFORE.search(clause_before)
        or (rel and report_date is None)
        or _ONE_MORE_YEAR.search(after)
        # a one-year deal's amount: "a one-year agreement under which Seoul will pay ...",
        # "insisted on a minimum of $1 billion ... and pushed for a one-year term"
        or _ONE_YEAR_TERM.search(text)
    ):
        return per or "year", None
    if restated is not None or _PACKAGE.search(before):
        # "a plan to provide $33 billion in comprehensive support": a package is a total
        return "total", None
    if _SPREAD_AFTER.search(text, end):
        # "$33 billion in support ..., which it says will be spread over 10 years", "$33
        # billion in support for American forces over roughly a decade": a sum over years
        return "total", None
    return None, None


_HEADED_YEAR = re.compile(
    # ("* 10th SMA (2019 only): ...", "* 2020: Seoul pays ...")
    # (or a dash: "* 2021 - 1.1833 trillion won")
    rf"^(?:[*•-]\s)?(?:[^:()]{{0,40}}\()?(?:fiscal\s|FY\s?)?(?P<y>{YEAR_NUM})(?:\sonly)?\)?"
    rf"(?::|{ENTRY_DASH})\s"
)
# an amount's own sentence saying it is paid out over years: "will be spread over 10 years",
# "over roughly a decade"
_SPREAD_AFTER = re.compile(
    r"\b(?:spread|paid(?:\sout)?|disbursed)\s(?:over|across)\s(?:the\snext\s)?(?:about\s|roughly\s|"
    r"some\s|nearly\s)?(?:\d{1,2}|[a-z]+)\s(?:fiscal\s)?years\b|"
    r"\bover\s(?:about\s|roughly\s|some\s|nearly\s)?a\sdecade\b",
    re.I,
)


def _years_count(total: re.Match[str]) -> int | None:
    """How many years "over the next five years" says (None for one or none)."""
    n = NUMBER_WORDS.get(total.group("n").lower()) or (
        int(total.group("n")) if total.group("n").isdigit() else None
    )
    return n if n and n > 1 else None


def _span_of(text: str, count: int | None) -> tuple[int, int] | None:
    """The last span of years in `text` ("fiscal 2016 through 2020") that has `count` years."""
    for span in reversed(list(_YEAR_SPAN.finditer(text))):
        y1, y2 = int(span.group("y1")), int(span.group("y2"))
        y2 = y2 + y1 // 100 * 100 if y2 < 100 else y2
        if count is not None and y2 - y1 + 1 == count:
            return y1, y2
    return None


def _years_of(total: re.Match[str], report_date: dt.date | None) -> tuple[int, int] | None:
    """The first and last year of "over five years from fiscal 2022" (None when unsaid)."""
    n = _years_count(total)
    if n is None:
        return None
    first = int(total.group("y")) if total.group("y") else None
    if first is None and total.group("m") and report_date is not None:
        # "over five years from April", said in January 2022: from April 2022
        month = month_number(total.group("m"))
        first = report_date.year + (month < report_date.month)
    last = int(total.group("y2")) if total.group("y2") else None
    if first and not last:
        last = first + n - 1
    if last and not first:  # "during the five years through fiscal 2026"
        first = last - n + 1
    return (first, last) if first and last else None
