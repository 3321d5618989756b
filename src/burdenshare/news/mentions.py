"""Mentions of what the scenario model knows: cost categories, scope, side issues, threats,
ratifiers, each asserted or denied.

The vocabulary follows the model (see `/work/shared/DESIGN.md`): the three SMA cost categories
(Korean-national labor, military construction, logistics support); scope changes (costs the
current framework does not cover, operations off the peninsula, strategic assets, rotational
forces); side issues linked to the talks but outside the formal offer (weapons purchases,
security initiatives); threats that change a party's no-deal alternative (troop reduction,
trade actions, furloughs); and ratifiers (legislatures, the public). A mention is `denied` when
its sentence carries a denial cue ("brushed off", "ruled out", "not on the table", "neither have
been discussed"); the cue is kept.
"""

from __future__ import annotations

import re

from burdenshare.news.records import Mention
from burdenshare.news.sentences import Sentence

_LEXICON: tuple[tuple[str, str, str], ...] = (
    (
        "cost_category",
        "labor",
        r"(?:Korean|local|South Korean)\s(?:civilians|workers|employees|nationals|staff)"
        r"(?:\s(?:employed|working|hired)\sby\s[^,.]+)?|labou?r costs?|personnel costs|"
        r"salaries|wages",
    ),
    (
        "cost_category",
        "construction",
        r"(?:the\s)?construction(?:\sof\s(?:military\s)?facilities)?|military construction",
    ),
    ("cost_category", "logistics", r"logistic(?:s|al)(?:\ssupport)?"),
    (
        "scope",
        "full_range_of_costs",
        r"(?:does not (?:capture|cover|reflect) )?(?:the )?full range of costs|"
        r"(?:new|additional) cost categor(?:y|ies)|"
        r"(?:expand|broaden|widen)\w*\s(?:the\s)?scope\sof\s(?:the\s)?(?:SMA|deal|agreement|costs?|"
        r"cost[- ]sharing|contributions?)",
    ),
    (
        "scope",
        "off_peninsula_operations",
        r"(?:military\s)?operations\s(?:even\s)?(?:off|outside|beyond)\sthe\s(?:Korean\s)?peninsula",
    ),
    ("scope", "strategic_assets", r"strategic assets"),
    ("scope", "rotational_forces", r"rotational (?:forces|deployments?|troops)"),
    (
        "side_issue",
        "security_initiative",
        r"(?:U\.S\.-led\s|US-led\s)?security initiatives?|Strait of Hormuz|Indo-Pacific strategy",
    ),
    (
        "side_issue",
        "weapons_purchase",
        r"purchas\w*\s(?:of\s)?(?:U\.S\.|US|American)\s(?:weapons|arms|military equipment)|"
        r"(?:weapons|arms)\s(?:purchases|buys|sales)|buy\w*\s(?:more\s)?(?:U\.S\.|US|American)\s"
        r"(?:weapons|arms)",
    ),
    (
        "threat",
        "troop_reduction",
        r"reduc\w*\s(?:the\s)?(?:number\sof\s)?(?:its\s|U\.S\.\s|US\s|American\s)?troops|"
        r"troop\s(?:reduction|withdrawal|cuts?|drawdown|pullout)|"
        r"(?:withdraw|pull)\w*\s(?:out\s)?(?:its\s|U\.S\.\s|US\s|American\s)?(?:troops|forces)",
    ),
    ("threat", "trade_action", r"trade actions?|tariffs?|trade sanctions|trade retaliation"),
    ("threat", "worker_furlough", r"furlough\w*|unpaid leave"),
    ("ratifier", "national_assembly", r"National Assembly"),
    ("ratifier", "congress", r"\bCongress\b"),
    (
        "ratifier",
        "public",
        r"the (?:general\s)?public\b(?!\s(?:statement|hearing|sector|broadcaster|record))|"
        r"public opinion",
    ),
)
_LEXICON_RE = [
    (cat, item, re.compile(rf"\b(?:{rx})", re.I if cat != "ratifier" else 0))
    for cat, item, rx in _LEXICON
]

_DENIAL = re.compile(
    r"\b(?:brushed off|brushes off|dismissed|dismisses|denied|denies|ruled out|rules out|"
    r"played down|downplayed|rejected (?:concerns|speculation|reports|suggestions)|"
    r"(?:were|was|are|is)\s?n[o']t\s(?:on\s)?the\s(?:negotiat\w+\s)?table|"
    r"weren't on the (?:negotiat\w+\s)?table|wasn't on the (?:negotiat\w+\s)?table|"
    r"not on the (?:negotiat\w+\s)?table|off the table|"
    r"(?:has|have|had)\s(?:not|never)\sbeen\sdiscussed|neither\s(?:has|have)\sbeen\sdiscussed|"
    r"no plans? to|not considering|never discussed)\b",
    re.I,
)


_CLAUSE_BREAK = re.compile(r",\s(?:and|but)\s(?:that\s)?|;\s|\s(?:but|while|whereas)\s")


def _clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the coordinated clauses of a sentence (a denial does not cross them)."""
    spans: list[tuple[int, int]] = []
    at = 0
    for m in _CLAUSE_BREAK.finditer(text):
        spans.append((at, m.start()))
        at = m.end()
    spans.append((at, len(text)))
    return spans


def sentence_mentions(sentence: Sentence) -> list[Mention]:
    """The known items one sentence mentions, with stance (a denial covers its own clause)."""
    text = sentence.text
    denials = [
        (m, span)
        for m in _DENIAL.finditer(text)
        for span in _clauses(text)
        if span[0] <= m.start() < span[1]
    ]
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for category, item, pattern in _LEXICON_RE:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if any(x.item == item for x in out):
                continue
            taken.append(m.span())
            denial = next((d for d, (lo, hi) in denials if lo <= m.start() < hi), None)
            stance = "denied" if denial else "asserted"
            fields = ("item", "stance") if denial else ("item",)
            evidence = sentence.evidence(*fields)
            out.append(
                Mention(
                    category,
                    item,
                    m.group(),
                    stance,
                    denial.group() if denial else None,
                    (evidence,),
                )
            )
    return out
