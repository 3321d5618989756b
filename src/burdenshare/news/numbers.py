"""Numbers as news copy writes them: amounts of money, percentages, multiples and ordinals.

Money is recognised only with a currency (a symbol, an ISO code or a currency word), so that a
bare number is never taken for an amount. Scale words (`million`, `billion`, `trillion`, `bn`,
`tn`) and the Korean units 억 (10^8) and 조 (10^12) multiply the number. The matched words are
kept verbatim so every figure can be found in its sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from burdenshare.news.records import Money

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_UNITS)}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "a": 1, "an": 1})

_ORDINAL_WORDS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]
ORDINALS: dict[str, int] = {w: i + 1 for i, w in enumerate(_ORDINAL_WORDS)}
ORDINAL_PATTERN = r"(?:" + "|".join(_ORDINAL_WORDS) + r"|\d{1,2}(?:st|nd|rd|th))"
NUMBER_WORD_PATTERN = r"(?:" + "|".join(w for w in NUMBER_WORDS if len(w) > 2) + r")"

_SCALES: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
    "trln": 1e12,
    "tril": 1e12,
    "tr": 1e12,
    "b": 1e9,
    "bil": 1e9,
    "m": 1e6,
    "mil": 1e6,
}
_CURRENCY_PREFIX: dict[str, str] = {
    "us$": "USD",
    "u.s.$": "USD",
    "usd": "USD",
    "$": "USD",
    "krw": "KRW",
    "₩": "KRW",
    "w": "KRW",
    "jpy": "JPY",
    "¥": "JPY",
    "eur": "EUR",
    "€": "EUR",
    "gbp": "GBP",
    "£": "GBP",
}
_CURRENCY_SUFFIX: dict[str, str] = {
    "usd": "USD",
    "krw": "KRW",
    "jpy": "JPY",
    "eur": "EUR",
    "u.s. dollars": "USD",
    "us dollars": "USD",
    "american dollars": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "korean won": "KRW",
    "won": "KRW",
    "원": "KRW",
    "yen": "JPY",
    "엔": "JPY",
    "euros": "EUR",
    "euro": "EUR",
    "gbp": "GBP",
    "pounds sterling": "GBP",
    "달러": "USD",
}
_QUALIFIERS = (
    r"about|around|roughly|some|nearly|almost|approximately|an estimated|"
    r"more than|over|at least|up to|less than|under|just over|just under|close to"
)
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# a decimal as broadcast copy spells it: "four-point-seven billion dollars"
_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# (or its decimals in figures: "one-point-5192 trillion won")
_SPOKEN_DECIMAL = (
    rf"(?:{NUMBER_WORD_PATTERN}|\d+)[\s-]point(?:(?:[\s-](?:{'|'.join(_DIGIT_WORDS)}|oh))+|"
    r"-\d+\b)"
)



def _alternation(words: list[str]) -> str:
    """The words as one alternation, longest first ("us$" before "$"), a space as any."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s") for w in ordered)


# the currency words the pattern reads are the tables' own (the Korean ones have a pattern of
# their own below); "W" before a figure is the won only in capitals ("W1.52tr"), and "U.S. $"
# may have a space
_PREFIXES = _alternation([w for w in _CURRENCY_PREFIX if w != "w"]).replace(
    r"u\.s\.\$", r"u\.s\.\s?\$") + r"|(?-i:W)(?=\d)"
_SUFFIXES = _alternation([w for w in _CURRENCY_SUFFIX if w.isascii()])
MONEY_RE = re.compile(
    rf"(?:\b(?P<qual>{_QUALIFIERS})\s+)?"
    rf"(?:(?P<pre>{_PREFIXES})\s?)?"
    # "a trillion won": the article as the number only before a scale word
    # (a number word as a word: not the "one" of "Whether anyone won")
    rf"(?P<num>\b{_SPOKEN_DECIMAL}|{_NUM}|\b(?:{NUMBER_WORD_PATTERN})|"
    r"\ban?(?=\s(?:trillion|billion|million)\b))"
    # "$1.3b", "$5 bil.", "W1.52tr"
    r"(?:[\s-]?(?P<scale>trillion|billion|million|thousand|trln|trn|tn|tr|bn|mn|mln|bln|tril|bil|mil)"
    r"\b(?:(?<=il)\.)?|(?<=\d)(?P<short>[bm])\b)?"
    # a figure said as broadcasts say it: "one trillion 55.1 billion yen", "one trillion,
    # 183.3 billion won"
    rf"(?:(?<=trillion),?\s(?P<num2>{_NUM}|{NUMBER_WORD_PATTERN})\s(?P<scale2>billion)\b)?"
    # "USD 1 billion-plus": at least the figure
    r"(?:-plus\b)?"
    rf"(?:\s(?P<post>{_SUFFIXES})\b)?",
    re.I,
)
# Korean amounts: "1조5192억 원", "1조 5,192억원", "5억 달러".
KOREAN_MONEY_RE = re.compile(
    r"(?:(?P<jo>\d+(?:\.\d+)?)\s?조)?\s?(?:(?P<eok>\d{1,3}(?:,\d{3})*|\d+)\s?억)?"
    r"\s?(?P<cur>원|달러|엔)"
)
PERCENT_RE = re.compile(
    rf"(?P<sign>[+-])?(?P<num>{_NUM})[\s-]?(?:percent|per cent|pc\b|%)", re.I
)
MULTIPLE_RE = re.compile(
    rf"(?P<n>{NUMBER_WORD_PATTERN}|\d+(?:\.\d+)?)(?:-|\s)?fold|"
    rf"(?P<t>{NUMBER_WORD_PATTERN}|\d+(?:\.\d+)?)(?P<half>\sand\sa\shalf)?\s+times\b|"
    r"(?P<word>doubl\w*|tripl\w*|quadrupl\w*|quintupl\w*)",
    re.I,
)


@dataclass(frozen=True)
class MoneyMatch:
    """Money found in a sentence: the value and where it stands."""

    money: Money
    start: int
    end: int


def number_value(text: str) -> float:
    """The value of a digit string ("1,038.9") or a number word ("five")."""
    word = text.lower()
    if word in NUMBER_WORDS:
        return float(NUMBER_WORDS[word])
    spoken = re.fullmatch(_SPOKEN_DECIMAL, word) and re.fullmatch(
        r"(?P<whole>\w+)[\s-]point(?P<digits>(?:[\s-][a-z]+)+|-\d+)", word)
    if spoken is not None:
        # "four-point-seven": the whole number, then one digit a word ("one-point-5192": the
        # decimals in figures)
        told = spoken.group("digits").strip(" -")
        digits = told if told.isdigit() else "".join(
            str(_DIGIT_WORDS.index(d) if d != "oh" else 0) for d in re.split(r"[\s-]", told))
        return float(f"{int(number_value(spoken.group('whole')))}.{digits}")
    return float(text.replace(",", ""))


def ordinal_value(text: str) -> int | None:
    """5 for "fifth" or "5th"; None otherwise."""
    word = text.lower()
    if word in ORDINALS:
        return ORDINALS[word]
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", word)
    return int(m.group(1)) if m else None


def find_money(sentence: str) -> list[MoneyMatch]:
    """Every amount of money with a currency in `sentence`, in order."""
    return list(_find_money(sentence))


@lru_cache(maxsize=256)
def _find_money(sentence: str) -> tuple[MoneyMatch, ...]:
    """`find_money`, kept for the sentences several readers ask about (events, positions)."""
    found: list[MoneyMatch] = []
    for m in MONEY_RE.finditer(sentence):
        pre, post = m.group("pre"), m.group("post")
        if not pre and not post:
            continue
        num = m.group("num")
        if num.lower() in ("a", "an") and not m.group("scale"):
            continue
        if pre and pre == "$" and m.start("pre") > 0 and sentence[m.start("pre") - 1].isalpha():
            continue  # "US$" handled by the longer prefix
        value = number_value(num)
        scale = m.group("scale") or m.group("short")
        if num.lower() == "one" and not scale and re.search(
                r"\bnot\s$", sentence[max(0, m.start("num") - 4) : m.start("num")], re.I):
            continue  # "Pay what is fair and not one won more": a figure of speech, no sum
        if scale:
            value *= _SCALES[scale.lower()]
        if m.group("num2"):
            value += number_value(m.group("num2")) * _SCALES["billion"]
        currency = (
            _CURRENCY_PREFIX.get(pre.lower().replace(" ", ""))
            if pre
            else _CURRENCY_SUFFIX[post.lower()]
        )
        if currency is None:
            continue
        text = m.group().strip()
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        found.append(
            MoneyMatch(
                Money(round(value, 2), currency, text, scale, m.group("qual")),
                start,
                start + len(text),
            )
        )
    for m in KOREAN_MONEY_RE.finditer(sentence):
        if not (m.group("jo") or m.group("eok")):
            continue
        value = 0.0
        if m.group("jo"):
            value += float(m.group("jo")) * 1e12
        if m.group("eok"):
            value += float(m.group("eok").replace(",", "")) * 1e8
        unit = "조" if m.group("jo") else "억"
        text = m.group().strip()
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        found.append(
            MoneyMatch(
                Money(value, _CURRENCY_SUFFIX[m.group("cur")], text, unit, None),
                start,
                start + len(text),
            )
        )
    found.sort(key=lambda x: x.start)
    return tuple(found)


def multiple_value(match: re.Match[str]) -> float:
    """The factor a multiple states: "fivefold" → 5, "five times" → 5, "double" → 2."""
    if match.group("n"):
        return number_value(match.group("n"))
    if match.group("t"):  # "four and a half times" is 4.5
        return number_value(match.group("t")) + (0.5 if match.group("half") else 0.0)
    word = match.group("word").lower()
    return {"doub": 2.0, "trip": 3.0, "quad": 4.0, "quin": 5.0}[word[:4]]


def parse_money(text: str) -> Money:
    """Parse one amount such as "KRW 1.0389 trillion" or "925 million dollars".

    Raises ValueError when `text` is not exactly one amount with a currency.
    """
    found = find_money(text.strip())
    if len(found) != 1 or found[0].money.text != text.strip():
        raise ValueError(
            f"expected one amount with a currency, e.g. 'KRW 1.0389 trillion', got {text!r}"
        )
    return found[0].money
