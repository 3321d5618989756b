"""Which negotiation a report is about: cost sharing between allies, and under which agreement.

A report is about such talks when one of its sentences names them outright ("defense cost
sharing", "Special Measures Agreement", "host-nation support", "burden sharing") or combines
the cues that make up the topic, however it is worded: **money** (cost, pay, bill, upkeep,
contribution, spending, budget, or an amount with its currency), **forces** (troops, soldiers,
forces, bases, military presence, defence, USFK) and **negotiation** (talks, round of,
negotiators, agreement, deal, pledge, summit; agreed, signed, ratified), in a report that names
alliance parties (two countries, or NATO / allies). So "talks on how much Seoul should pay to
keep American soldiers on the peninsula" is found without a phrase list, while a golf report's
"third round" (no forces, no talks), a tariff round (no forces) or a funding round (no
negotiation) is not.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from burdenshare.news.actors import COUNTRY_PATTERN, country_code, parties_in
from burdenshare.news.numbers import ORDINAL_PATTERN, find_money, ordinal_value
from burdenshare.news.records import Negotiation
from burdenshare.news.sentences import Sentence

TOPIC = "defense cost sharing"
TOPIC_KEY = "defense-cost-sharing"

_TOPIC_RE = re.compile(
    r"\b(?:"
    # (not another defence's: "Sharing Flood-Defense Costs")
    r"(?<!-)defen[cs]e[- ]cost[- ]sharing|(?<!-)defen[cs]e[- ]costs?|cost[- ]sharing|"
    r"burden[- ]sharing|"
    r"shar(?:e|es|ed|ing) (?:the )?(?:defen[cs]e |military |stationing )?costs|"

    r"Special Measures Agreement|SMA|stationing costs|"
    r"host[- ]nation (?:support|payments?|contributions?|funding|spending|budget)|"
    r"(?:direct|indirect|financial) support (?:to|for) (?:the )?(?:U\.S\.|US|American) "
    r"(?:forces|troops|military)|"
    r"upkeep of (?:the )?(?:U\.S\.|US|American) (?:troops|forces)|"
    # paying to have the ally's forces there: "for hosting U.S. forces", "to keep American
    # soldiers", "the cost of stationing U.S. troops"
    r"(?:host|hosts|hosting|upkeep of|station|stationing|keep|keeping|costs? of|pay for|"
    r"paying for|expenses of|bill for|price of|funding of|burden of)"
    r"\s(?:the\s)?(?:\d[\d,]*\s)?(?:U\.S\.|US|American)\s(?:forces|troops|soldiers|garrisons?|"
    r"bases|military presence|troop presence|service members)"
    r")\b",
    re.I,
)
# a phrase of the topic that names no defence: on topic only in a report naming forces or allies
_GENERIC_TOPIC = re.compile(
    r"cost[- ]sharing|burden[- ]sharing|shar(?:e|es|ed|ing) (?:the )?costs", re.I
)
_FOR_A_THING = re.compile(r"\s(?:for|of|on)\s(?:the\s)?(?:[a-z][\w-]*\s){0,2}?[a-z][\w-]*")
# sharing the bill itself ("agreed to share the bill", "sharing the financial burden"), on
# topic when a country does it
_SHARING_RE = re.compile(
    r"\bshar(?:e|es|ed|ing)\s(?:the|its|their)\s(?:financial\s|defen[cs]e\s|military\s)?"
    r"(?:bill|burden|tab)\b"
    # (the burden of something else is another burden: "share the burden of hosting refugees")
    r"(?!\s(?:of|for)\s(?!(?:the\s)?(?:costs?|defen[cs]e|troops|forces|soldiers|bases|alliance|"
    r"stationing|keeping|hosting\s(?:the\s)?(?:U\.S\.|US|American))))",
    re.I,
)
_COUNTRY_SUBJECT = re.compile(
    rf"(?:^|\s)(?<!\bin\s)(?<!\bat\s)(?<!\bto\s)(?<!\bfrom\s)(?:the\s)?"
    rf"(?:{COUNTRY_PATTERN})(?:['’]s\s(?:government|leaders?|negotiators))?\s"
    r"(?:(?:first|finally|also|had|has|have|later|then|would|will)\s)*"
    r"(?:agreed|agrees|began|begins|started|starts|refused|refuses|offered|offers|was|is)\s"
    r"(?:to\s)?$"
)


def _country_sharing(text: str, at: int) -> bool:
    """A country is the one sharing: "When Seoul first agreed to share the bill", not "friends
    agreed to share the bill at a restaurant in Seoul"."""
    return _COUNTRY_SUBJECT.search(text[max(0, at - 120) : at]) is not None  # (bounded: linear)


# Cue families: a sentence combining all three (in a report naming alliance parties) is on topic.
MONEY_CUE = re.compile(
    # "paid tribute", "pay a visit" are no money
    r"\b(?:pay|pays|paid|paying)\b(?!\s(?:tribute|homage|respects?|a\s(?:visit|call)|attention))|"
    r"\b(?:costs?|payments?|upkeep|contribut(?:e|es|ed|ing|ion|ions)|"
    r"expenses?|price(?:\stag)?|financial\sburden|"
    r"spend|spends|spent|spending|budgets?|funding|shares? of|financial support)\b|"
    # a share of the economy, however named: "2 % of their economic output"
    # a bill to pay, not one to pass: "foot the bill", "the bill for U.S. troops"
    # ("trained shoulder to shoulder" is no paying)
    r"\bshoulder(?:s|ed|ing)?\b(?!\sto\sshoulder)(?<!shoulder\sto\sshoulder)|"
    r"\bfoot(?:s|ed|ing)?\sthe\sbill\b|\bbill\s(?:for|of)\b|"
    r"\b\d+(?:\.\d+)?\s?(?:%|percent|per\scent)\sof\s(?:GDP|gross domestic product|"
    r"(?:(?:its|their|the)\s)?(?:economic|national)\s(?:output|income))\b",
    re.I,
)
# An amount is a money cue when it is of the scale of a country's contribution (about a million
# dollars or more, in its own currency's units): "50,000 won each for the party" or a prize of
# "10 million won" (about 7,500 dollars) is not.
_CONTRIBUTION_SCALE = 1e6
_UNITS_PER_DOLLAR = {"KRW": 1000.0, "JPY": 100.0}
_FORCES_CUE = re.compile(
    # ("forces" as a verb is no forces: "the stalemate forces them to operate ...")
    r"\b(?:troops?|soldiers|forces(?!\s(?:them|it|him|her|us|the\s\w+\sto|\w+\sto)\b)|"
    r"military(?:\s(?:presence|bases?))?|bases|"
    r"service\s?(?:members|men|women)|servicemembers|garrisons?|deployments?|"
    r"(?:U\.S\.|US|American)\s(?:Army|Navy|Air\sForce|Marines?)|troop\spresence|"
    r"defen[cs]e(?!\s(?:ministry|minister|ministers|department|secretary|officials?|industry|"
    r"firms?|companies))|USFK|stationing|stationed)\b",
    re.I,
)
_NEGOTIATION_CUE = re.compile(
    r"\b(?:talks|negotiat\w*|rounds? of (?:talks|negotiations?|consultations|meetings)|"
    r"consultations|agreements?|deal|accord|pact|pledge|arrangements?|stopgap|"
    r"haggl\w+|wrangl\w+|spending\s(?:goal|target|guideline)s?|requests?|requested|"
    # "met the guideline of spending 2 per cent of GDP on defence"
    r"(?:goal|target|guideline|benchmark)\s(?:of|for)\s(?:defen[cs]e\s)?spending|"
    r"\d+(?:\.\d+)?\s?(?:%|percent)\s(?:goal|target|guideline)s?|"
    # what allies contribute is what burden sharing bargains over
    r"allied\scontributions?|allies['’]\scontributions?|contributions?\s(?:of|from|by)\s"
    r"(?:the\s)?allies|"
    r"settle|settles|settled|settling|renew(?:s|ed|ing|al)?|extend(?:s|ed|ing)?|extension|"
    r"decided|roll(?:ed|s)? over|"
    r"summit|agreed|agree|signed|initial(?:l)?ed|ratif\w+|endorsed|approved|"
    r"demand(?:s|ed|ing)?|sought|offer(?:s|ed)?|proposals?|threat(?:s|ened)?|bargain\w*|"
    r"asked|asks|asking|wants|wanted|pressed|pressing|urged|urging|committed|pledged|"
    r"joint (?:statement|fact sheet|declaration))\b",
    re.I,
)
_ANY_COUNTRY = re.compile(rf"\b(?:{COUNTRY_PATTERN})")
_ALLIANCE = re.compile(r"\b(?:NATO|[Aa]llies|[Aa]lliance|[Aa]llied)\b")

_AGREEMENT_RE = re.compile(
    rf"(?:the\s)?(?:(?P<ord>{ORDINAL_PATTERN})\s)?(?P<name>Special Measures Agreement|SMA)\b", re.I
)
_BETWEEN_RE = re.compile(
    rf"\bbetween\s(?:the\s)?(?P<a>{COUNTRY_PATTERN})\sand\s(?:the\s)?(?P<b>{COUNTRY_PATTERN})"
)


@dataclass(frozen=True)
class TopicHit:
    """A topic phrase in a sentence."""

    sentence: Sentence
    text: str


# Who shares, when it is no state: firms, a fund, a city or province, households. Allies
# negotiate through governments; a cost split by "a Seoul studio and an American co-producer",
# "the garrison's welfare fund and three local businesses" or "Pyeongtaek and Gyeonggi
# Province" is another bargain, however much it speaks of U.S. bases or cost sharing.
_NON_STATE_SHARERS = re.compile(
    r"\b(?:compan(?:y|ies)|firms?|makers?|manufacturers?|contractors?|businesses|studios?|"
    r"co-?producers?|producers?|shipbuilders?|shipyards?|consortium|corporations?|"
    r"(?:welfare|pension|investment)\sfunds?|charit(?:y|ies)|provinces?|provincial|"
    r"municipal(?:ity|ities)?|county|counties|prefectur(?:e|es|al)|governors?|mayors?|"
    r"city\s(?:hall|officials?|council|government)|towns?|town\s(?:hall|council)|residents|"
    # ("the Tokyo metropolitan government")
    r"metropolitan\s(?:government|assembly|officials?)|"
    # ("The assembly of a city in western Tokyo that hosts a U.S. military air base approved
    # a budget"; "the two football federations have agreed to share the costs")
    r"assembly\sof\sa\s(?:city|town)|(?:city|town|municipal|prefectural)\sassembl(?:y|ies)|"
    r"federations?|clubs|"
    r"couples|households|families|spouses|partners\b(?!\sand\sallies)|"
    # ("the city will cover most of the construction costs, while the district will pay")
    # (or "the state will cover most of the construction while the city takes on ...")
    r"the\scity\s(?:will|would|takes|pays|covers|shoulders)\b|districts?|district\soffice)",
    re.I,
)

# where a meeting was, not who pays: "in Seoul's Dongdaemun district", "in the Jongno district
# of Seoul"
_NAMED_DISTRICT = re.compile(r"\bin\s(?:the\s|[A-Z][a-z]+['’]s\s)?[A-Z][a-z-]+\sdistrict\b")


# The names of the allies' cost sharing itself: the agreement, the support, the troops' upkeep,
# NATO's spending target. A report with one of them is on the talks, whatever its lede.
_ANCHOR = re.compile(
    r"Special Measures Agreement|\bSMA\b|host[- ]nation\s(?:support|payments?|contributions?|"
    r"funding|spending|budget)|defen[cs]e[- ]cost|sympathy\sbudget|burden[- ]sharing\stalks|"
    r"(?:upkeep|stationing|costs?|bill|price)\s(?:of|for)\s(?:the\s)?(?:\d[\d,]*\s)?"
    r"(?:U\.S\.|US|American)\s(?:troops|forces|soldiers|military)|"
    r"(?:U\.S\.|US|American)\s(?:troops|forces|military)['’]?\s(?:upkeep|stationing\scosts?)|"
    r"USFK\supkeep|troop[- ]costs?|"
    # a sum paid for the troops: "would be paying $10 billion a year for the American troops
    # on its soil"
    r"\b(?:pay|pays|paid|paying)\b[\"”]?\s(?:about\s|some\s|around\s)?(?:US)?[$₩¥]?\d[^.;]{0,40}?"
    r"\bfor\s(?:the\s)?(?:\d[\d,]*\s)?(?:U\.S\.|US|American)\s(?:troops|forces|soldiers|military)|"
    # what a party pays toward the troops: "a new number on what Seoul pays toward the American
    # troops stationed there"
    r"\b(?:pay|pays|paid|paying|contributes?|contributed)\s(?:toward|towards)\s(?:the\s)?"
    r"(?:(?:cost|upkeep)\sof\s(?:the\s)?)?(?:\d[\d,]*\s)?(?:U\.S\.|US|American)\s"
    r"(?:troops|forces|soldiers|military)|"
    # "no cost-sharing arrangement for American troops on the peninsula"
    r"cost[- ]sharing\s(?:[\w-]+\s){0,2}?(?:for|on|of)\s(?:the\s)?(?:\d[\d,]*\s)?"
    r"(?:U\.S\.|US|American)\s(?:troops|forces|soldiers|military)",
    re.I,
)
# NATO's or the allies' share, named: strong enough when the headline or lede tells it
_ALLIANCE_SHARE = re.compile(
    r"(?:%|percent|per\scent)\sof\s(?:GDP|gross)|"
    r"\b(?:NATO|allies|alliances?)\b[^.]{0,60}?\b(?:spending|spend|target|GDP|budget|funding|"
    r"burden|contribut\w*|pay|pays|paying|share\sof|invoices?)\b",
    re.I,
)
_LEDE_WORDS = 15  # a lede is a sentence; a headline, a section tag or a date line is shorter


def _headline_and_lede(sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """The report's first lines up to and including its lede, its first full sentence (at
    most six lines: headers, headline, dateline); a headline has no full stop."""
    for i, s in enumerate(sentences[:6]):
        if len(s.text.split()) >= _LEDE_WORDS and s.text.rstrip().endswith((".", '"', "”")):
            return sentences[: i + 1]
    return sentences[:6]


def _about_other_business(sentences: tuple[Sentence, ...]) -> bool:
    """A report whose headline or lede is about other business (a tariff round, a supply
    contract, a golf final, a film, a clean-up) and that never names the allies' cost sharing
    itself (the SMA, host-nation support, the troops' upkeep; NATO's or the allies' share only
    when the headline or lede tells it): its "cost-sharing agreement" or "rounds" are that
    business's, and a NATO member buying tanks is no burden-sharing talk."""
    lede = _NAMED_DISTRICT.sub("", " ".join(s.text for s in _headline_and_lede(sentences)))
    if not _OTHER_SUBJECT_IN_LEDE.search(lede) or _ALLIANCE_SHARE.search(lede):
        return False
    return not any(_ANCHOR.search(s.text) for s in sentences)


def find_negotiation(sentences: tuple[Sentence, ...]) -> Negotiation | None:
    """The cost-sharing negotiation the report is about, or None if it names none: also None
    when every sentence that tells the topic names sharers that are no state (firms, a fund,
    a province, households)."""
    found = [(s, m) for s in sentences for m in _TOPIC_RE.finditer(s.text)]
    if not any(_FORCES_CUE.search(s.text) or _ALLIANCE.search(s.text) for s in sentences):
        # "the question of cost sharing for laboratories remains": in a report that never
        # names forces, defence or an alliance, a cost shared for something named is that
        # thing's cost
        found = [(s, m) for s, m in found if not (
            _GENERIC_TOPIC.fullmatch(m.group()) and _FOR_A_THING.match(s.text, m.end()))]
    hits = [TopicHit(s, m.group()) for s, m in found]
    if not hits:
        # a country sharing the bill: "When Seoul first agreed to share the bill in 1991"
        hits = [TopicHit(s, m.group()) for s in sentences
                if (m := _SHARING_RE.search(s.text)) and _country_sharing(s.text, m.start())]
    if not hits:
        hits = _cue_hits(sentences)
    if not hits:
        hits = _payment_hits(sentences)
    if not hits:
        hits = _host_talks_hits(sentences)
    if not hits:
        hits = _paid_for_forces_hits(sentences)
    if not hits or all(_NON_STATE_SHARERS.search(_NAMED_DISTRICT.sub("", h.sentence.text))
                       for h in hits):
        return None
    if _about_other_business(sentences):
        return None
    if all(re.match(r"host[- ]nation", h.text, re.I) for h in hits) and not any(
            "money" in _families(s.text) for s in sentences):
        # "The host nation provided fuel, food, accommodation and medical cover under its
        # host-nation support arrangements": support in kind at an exercise, no money anywhere,
        # is no negotiation over sharing a cost
        return None
    first = hits[0]
    agreement: str | None = None
    number: int | None = None
    for s in sentences:
        m = _AGREEMENT_RE.search(s.text)
        if m:
            agreement = "SMA"
            if m.group("ord") and number is None:
                number = ordinal_value(m.group("ord"))
    parties = sorted(_parties(sentences, [h.sentence for h in hits]))
    if not parties and not any(_ALLIANCE.search(s.text) for s in sentences) and all(
            _GENERIC_TOPIC.fullmatch(h.text) for h in hits):
        # "Cabinet and water boards settle burden-sharing row over dike upgrades": a burden
        # shared, told with no state sharing it and no alliance named (NATO's allies are no
        # parties of their own), is no allies' cost sharing
        return None
    key = f"{TOPIC_KEY}:{'-'.join(sorted(parties))}" if parties else TOPIC_KEY
    evidence = (
        first.sentence.evidence("topic"),
    )
    return Negotiation(key, TOPIC, first.text, agreement, number, tuple(parties), evidence)


# a purchase of so much money's worth ("agreed to buy $2 billion worth of American missiles
# for its forces") or money for one project is not a share of the cost, unless the sentence
# also tells the support
_PURCHASE = re.compile(
    r"\b(?:buy|buys|bought|buying|purchase|purchases|purchased)\s(?:about\s|some\s|nearly\s)?"
    r"[$₩¥€]?\d[^.;]{0,30}\bworth\b|"
    # money spent on one project ("will spend 150 million euros on a new training range"), not
    # on defence
    r"\b(?:spend|spends|spent|spending|invest|invests|invested|investing)\s[^.;]{0,40}?"
    r"\bon\s(?:a|an)\s",
    re.I,
)
_SUPPORT = re.compile(r"\b(?:support|contribut\w+|pay|pays|paid|paying|share|costs?)\b", re.I)


def _cue_hits(sentences: tuple[Sentence, ...]) -> list[TopicHit]:
    """Sentences that combine money, forces and negotiation cues, in a report naming alliance
    parties; or two adjacent sentences with two families each that together have all three
    ("Trump said Seoul would be paying $10 billion a year for the troops." + "Seoul and
    Washington agreed this month on a deal under which Seoul will pay ..."). The topic text is
    the words from the money cue to the forces cue, as written."""
    if not _has_alliance_parties(sentences):
        return []
    families = [_families(s.text) for s in sentences]
    hits: list[TopicHit] = []
    for i, s in enumerate(sentences):
        here = families[i]
        # two adjacent sentences that hold the three families together, one of them two
        # ("... what Korea should contribute for the American soldiers ..." + "... after the
        # talks ended"): the sentence with two is the hit
        partners = [
            j for j in (i - 1, i + 1)
            if 0 <= j < len(sentences) and families[j] and len(here | families[j]) == 3
        ]
        pair = len(here) >= 2 and bool(partners)
        if len(here) < 3 and not pair:
            continue
        purchase = _PURCHASE.search(s.text) is not None and not _SUPPORT.search(s.text)
        if purchase or OTHER_BUSINESS.search(s.text) or (
            len(here) < 3 and all(OTHER_BUSINESS.search(sentences[j].text) for j in partners)
        ):
            continue  # "defense firms signed export deals worth $2 billion ..., as troops ..."
        money = MONEY_CUE.search(s.text)
        forces = _FORCES_CUE.search(s.text)
        cues = [m for m in (money, forces) if m is not None]
        if not cues:
            continue
        lo, hi = min(cues, key=lambda m: m.start()), max(cues, key=lambda m: m.start())
        span = s.text[lo.start() : hi.end()] if hi.start() - lo.end() < 60 else hi.group()
        hits.append(TopicHit(s, span))
    return hits


# The words of sharing a cost, or of bargaining over one; plain "pay $1.2 billion for Patriot
# missiles" or "pay $7 billion a year for gas" is a purchase, not a share.
_PAYMENT = re.compile(
    r"\b(?:contribut(?:e|es|ed|ing|ion|ions)|share|wanted|wants|offered|offers|demanded|"
    r"demands|asked for|seeking|sought|offering|demand|offer|"
    r"payments?\s(?:rises?|rose|increases?|increased|"
    r"grows?|grew|jumps?|"
    r"jumped|goes up|went up)|"
    # "Seoul will pay 1.0389 trillion won this year, up 8.2 percent from the 960.2 billion won
    # it paid in 2018": a payment changed against the last one
    r"(?:pay|pays|paid)(?=(?:[^.]|\.(?=\d)){0,80}\b(?:up|down)\s(?:about\s)?\d+(?:\.\d+)?\s?"
    r"(?:%|percent|per\scent)\sfrom\b)|"
    # "agreed to raise its payment by 6.6 percent to 725.5 billion won": a party's payment
    # changed by agreement
    r"(?<=agreed\sto\s)(?:raise|increase|lift|cut|reduce|lower)\s(?:its|their)\s(?:annual\s)?"
    r"(?:payment|contribution|share)(?=\s(?:by|to)\s))\b",
    re.I,
)
_PAYMENT_TERMS = re.compile(
    r"\b(?:deal|agreement|accord|initial(?:l)?ed|signed|wanted|wants|offered|offers|"
    r"demanded|"
    r"a year|annually|per annum|each year|per year)\b",
    re.I,
)
OTHER_BUSINESS = re.compile(
    # (not "bargaining chips")
    r"\b(?:tariffs?|trade|exports?|imports?|invest\w*|subsid\w*|(?<!bargaining\s)chips?(?!\sin\b)|"
    r"semiconductors?|"
    r"currency swap|steel|cars?|prize|tickets?|salar(?:y|ies) cap|start-?ups?|venture|"
    r"customers?|Series [A-E]|lawsuits?|court|damages|litigation|plaintiffs?|"
    r"fund-?raising|donors?|donations?|museums?|"
    # a contract with a firm is not a share of the cost; a strike is a labour dispute
    r"contracts?\swith|(?:went|go|goes|going)\son\sstrike|wage\s(?:talks|dispute|deal))\b",
    re.I,
)


# What a report's headline and lede are about when it is other business: trade, firms, a
# contract or supply deal, sport, a film, a clean-up, a wage round ...
_OTHER_SUBJECT_IN_LEDE = re.compile(
    OTHER_BUSINESS.pattern
    + r"|\b(?:supply|supplies|orders?|tournament|championship|golf|playoffs?|softball|baseball|"
    r"football|basketball|World\sCup|stadium|friendly\s(?:series|match(?:es)?)|film|movie|drama|"
    # (a sports season; a "campaign season" is politics: "a ritual of every American campaign
    # season: a candidate complains that allies are freeloading")
    r"(?<!campaign\s)(?<!election\s)(?<!political\s)(?<!holiday\s)season|league|concert|"
    r"festival|automaker|carmaker|studio|streaming|clean(?:ing)?\sup|"
    r"clean-?up|pollution|sewage|noise|residents|schools?|meals?|tuition|hospitals?|clinical|"
    r"drugs?|drugmakers?|pharmaceuticals?|biotech|patients|contract|tanks?|howitzers?|jets?|"
    # a military exercise: its "rounds" of firing and "phases" are no talks
    # (with what kind between: "a large combined river-crossing exercise", "a combined
    # landing exercise")
    r"drills?|live-fire|(?:military|combined|joint|field)\s(?:[a-z-]+\s)?(?:exercises?|training)|"
    r"command\spost\s(?:exercises?|drills?))\b|"
    # a city, a province, a county at the table: "The city of Pyeongtaek and Gyeonggi Province
    # ended a third round of talks", "The city of Seoul and the central government are at odds"
    # (not a city told by its country: "in the Dutch city of The Hague")
    r"(?:\b[Tt]he\s|(?<![\w,]\s))city\sof\s[A-Z]|" + _NON_STATE_SHARERS.pattern,
    re.I,
)

def _payment_hits(sentences: tuple[Sentence, ...]) -> list[TopicHit]:
    """A report that says what a party pays (or is asked to pay) under a deal or per year
    ("Under the deal initialed Sunday, Seoul's share rises to 1.0389 trillion won"; "Seoul
    currently contributes 1.4028 trillion won per annum") and speaks of no other business
    (trade, investment, subsidies, prizes): follow-up copy that takes the troops as known. The
    allies' bill is shared with the United States or within an alliance: two other countries
    sharing a cost, in a report that names neither ("Seoul is pushing Beijing to share the cost
    of a joint patrol program"), share another bill."""
    if any(OTHER_BUSINESS.search(s.text) for s in sentences):
        return []
    allies = any(_ALLIANCE.search(s.text) or "USA" in parties_in(s.text) for s in sentences)
    return [
        TopicHit(s, pay.group())
        for s in sentences
        if (pay := _PAYMENT.search(s.text))
        and find_money(s.text)
        and (_PAYMENT_TERMS.search(s.text) or pay.group().startswith(_CHANGES))
        and (named := parties_in(s.text))
        and (allies or len(named) < 2)
    ]


_CHANGES = ("raise", "increase", "lift", "cut", "reduce", "lower")


# Countries that host U.S. forces under a cost-sharing agreement: their negotiators meeting U.S.
# negotiators, with no other subject named, are at the cost-sharing table.
_HOSTS = frozenset({"KOR", "JPN", "DEU", "PHL"})
_NEGOTIATORS = re.compile(
    r"\b(?:negotiators?|delegations?|delegates|envoys?|negotiating\s(?:team|teams|side|sides))\b",
    re.I,
)
_TALKS_NOUN = re.compile(r"\b(?:talks|negotiations)\b", re.I)
# another subject two allies negotiate: the North's weapons, trade, visas, the climate
_OTHER_SUBJECT = re.compile(
    r"\b(?:nuclear|denucleari\w+|missiles?|North\sKorea\w*|Pyongyang|DPRK|free[- ]trade|FTA|"
    r"climate|visas?|fisher(?:y|ies)|beef|whaling|abduct\w+|wartime|history|textbooks?|"
    r"intelligence|semiconductors?|shipbuilding|energy|pandemic|vaccines?)\b",
    re.I,
)


# the talks' subject, named: "a round of talks in Tokyo about the relocation of a base"
# (not "on Tuesday", "after about an hour", "over two days")
_TALKS_ON = re.compile(
    r"\b(?:talks|negotiations|round|meeting|session)\b[^.]{0,60}?\b(?:on|about|over|regarding|"
    r"concerning)\s(?!(?:an?\s|the\s)?(?:hour|hours|minutes?|days?|weeks?|months?|half|one|two|"
    r"three|four|five|several|\d))(?:the\s|a\s|an\s|its\s|their\s|how\s)?"
    r"(?!(?:the|a|an)\b)(?P<what>[a-z][\w-]*)"
)


def _host_talks_hits(sentences: tuple[Sentence, ...]) -> list[TopicHit]:
    """Sentences where U.S. negotiators and those of a country hosting U.S. forces hold talks
    ("U.S. negotiators walked out of talks with South Korea"), in a report that names no other
    subject (the North's weapons, trade, visas ...), no other business, and no subject of the
    talks at all ("talks about the relocation of a base"): copy on the cost-sharing talks that
    takes their subject as known."""
    if any(OTHER_BUSINESS.search(s.text) or _OTHER_SUBJECT.search(s.text) for s in sentences):
        return []
    hits = []
    for s in sentences:
        named = set(parties_in(s.text))
        negotiators = _NEGOTIATORS.search(s.text)
        if _TALKS_ON.search(s.text):
            return []  # the talks are said to be on something: not known to be the costs
        if "USA" in named and named & _HOSTS and negotiators and _TALKS_NOUN.search(s.text):
            hits.append(TopicHit(s, negotiators.group()))
    return hits


# a negotiation cue denied: "the costs ... are not part of any separate agreement"
_DENIED_CUE = re.compile(r"\b(?:not\spart\sof|outside|without)\s(?:any|an?|the)\s(?:[\w-]+\s)?$")


def _families(text: str) -> frozenset[str]:
    """Which cue families (money, forces, negotiation) a sentence holds."""
    found = {
        name
        for name, pattern in (
            ("money", MONEY_CUE),
            ("forces", _FORCES_CUE),
            ("negotiation", _NEGOTIATION_CUE),
        )
        if any(name != "negotiation" or not _DENIED_CUE.search(text, 0, m.start())
               for m in pattern.finditer(text))
    }
    if _contribution_sized(text):
        found.add("money")
    return frozenset(found)


def _contribution_sized(text: str) -> bool:
    """An amount of the scale of a country's contribution (see `_CONTRIBUTION_SCALE`)."""
    return any(
        m.money.amount >= _CONTRIBUTION_SCALE * _UNITS_PER_DOLLAR.get(m.money.currency, 1.0)
        for m in find_money(text))


# a host's payment for the forces it hosts, with the sum: "South Korea paid 1.04 trillion won
# last year for the U.S. troops stationed there", "will pay ... to help maintain the American
# military presence" (the bill shared, told without the talks over it)
_PAID_FOR_FORCES = re.compile(
    # (the payment's first object is the forces: not "pay $1 billion for new tanks for its
    # forces")
    r"\b(?:pay|pays|paid|paying|contribut(?:e|es|ed|ing))\b(?:(?!\bfor\b)[^.;]|\.(?=\d)){0,60}?"
    r"\b(?:for|toward|towards|to\s(?:help\s)?(?:maintain|support|keep|host|station))\s"
    r"(?:the\s)?(?:(?!for\b)[\w.,'’-]+\s){0,4}?"
    r"(?:troops|forces|soldiers|(?:military\s)?presence|bases|USFK)\b",
    re.I,
)


def _paid_for_forces_hits(sentences: tuple[Sentence, ...]) -> list[TopicHit]:
    """A host's payment of a contribution-sized sum for the forces it hosts, in a report that
    speaks of no other business."""
    if any(OTHER_BUSINESS.search(s.text) for s in sentences):
        return []
    return [TopicHit(s, m.group()) for s in sentences
            if (m := _PAID_FOR_FORCES.search(s.text)) and _contribution_sized(s.text)
            and _HOSTS & set(parties_in(s.text))]


def _has_alliance_parties(sentences: tuple[Sentence, ...]) -> bool:
    """Two countries named in the report, or an alliance (NATO, allies)."""
    countries: set[str] = set()
    for s in sentences:
        if _ALLIANCE.search(s.text):
            return True
        # every country named, even as an adjective ("South Korean employees")
        countries.update(
            c
            for m in _ANY_COUNTRY.finditer(s.text)
            if (c := "USA" if m.group() == "US" else country_code(m.group()))
        )
        if len(countries) >= 2:
            return True
    return False


def _parties(sentences: tuple[Sentence, ...], topic_sentences: list[Sentence]) -> list[str]:
    """The two parties: "between X and Y" if said, else the two countries named most often."""
    unique = list({s.index: s for s in topic_sentences}.values())  # in order, each once
    for s in unique:
        m = _BETWEEN_RE.search(s.text)
        if m:
            found = parties_in(m.group())
            if len(found) == 2:
                return found
    counts: Counter[str] = Counter()
    # countries named with the topic weigh more, 3 for each mention of the topic (a sentence is
    # read once however many mentions it holds: one long sentence of many would be quadratic)
    mentions = Counter(s.index for s in topic_sentences)
    for s in unique:
        counts.update(dict.fromkeys(parties_in(s.text), 3 * mentions[s.index]))
    for s in sentences:
        counts.update(parties_in(s.text))
    return [code for code, _ in counts.most_common(2)]
