"""Which negotiation a report is about: cost sharing between allies, and under which agreement.

The extractor reads only reports about a cost-sharing negotiation; a report with none of these
topic phrases yields nothing (a golf report's "fifth round in Seoul" is not a round of talks).
Topic phrases cover the ways news copy names such talks: "defense cost sharing", "sharing
defense costs", "Special Measures Agreement", "burden sharing", "host-nation support", "upkeep
of U.S. troops".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from burdenshare.news.actors import COUNTRY_PATTERN, parties_in
from burdenshare.news.numbers import ORDINAL_PATTERN, ordinal_value
from burdenshare.news.records import Evidence, Negotiation
from burdenshare.news.sentences import Sentence

TOPIC = "defense cost sharing"
TOPIC_KEY = "defense-cost-sharing"

_TOPIC_RE = re.compile(
    r"\b(?:"
    r"defen[cs]e[- ]cost[- ]sharing|defen[cs]e[- ]costs?|cost[- ]sharing|burden[- ]sharing|"
    r"shar(?:e|es|ed|ing) (?:the )?(?:defen[cs]e |military |stationing )?costs|"
    r"Special Measures Agreement|SMA|host[- ]nation support|stationing costs|"
    r"upkeep of (?:the )?(?:U\.S\.|US|American) (?:troops|forces)"
    r")\b",
    re.I,
)
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


def find_negotiation(sentences: tuple[Sentence, ...]) -> Negotiation | None:
    """The cost-sharing negotiation the report is about, or None if it names none."""
    hits = [TopicHit(s, m.group()) for s in sentences for m in _TOPIC_RE.finditer(s.text)]
    if not hits:
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
    key = f"{TOPIC_KEY}:{'-'.join(sorted(parties))}" if parties else TOPIC_KEY
    evidence = (
        Evidence(
            first.sentence.text,
            first.sentence.index,
            first.sentence.start,
            first.sentence.end,
            ("topic",),
        ),
    )
    return Negotiation(key, TOPIC, first.text, agreement, number, tuple(parties), evidence)


def _parties(sentences: tuple[Sentence, ...], topic_sentences: list[Sentence]) -> list[str]:
    """The two parties: "between X and Y" if said, else the two countries named most often."""
    for s in topic_sentences:
        m = _BETWEEN_RE.search(s.text)
        if m:
            found = parties_in(m.group())
            if len(found) == 2:
                return found
    counts: Counter[str] = Counter()
    for s in topic_sentences:  # countries named with the topic weigh more
        counts.update(dict.fromkeys(parties_in(s.text), 3))
    for s in sentences:
        counts.update(parties_in(s.text))
    return [code for code, _ in counts.most_common(2)]
