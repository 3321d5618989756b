"""Parties, institutions and people in news reports, coded as CAMEO actors.

CAMEO actor codes (Schrodt, *CAMEO Codebook* v1.1b3, 2012, ch. "Actor codes") start with an
ISO 3166 alpha-3 country code and may add a role: `GOV` (government: ministries, negotiators,
heads of state), `MIL` (armed forces), `LEG` (legislature). So "South Korea" is `KOR`,
"Seoul's foreign ministry" is `KORGOV`, "US Forces Korea" is `USAMIL`, "the National Assembly"
is `KORLEG`. The tables list the usual ways news copy names each party; they are not tied to
one report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Country names, capitals used as metonyms, and adjectives → ISO 3166 alpha-3.
# Order matters: "North Korea" must be tried before "Korea".
_COUNTRY_FORMS: tuple[tuple[str, str], ...] = (
    ("PRK", r"North Korean|North Korea|Pyongyang|DPRK"),
    ("KOR", r"South Korean|South Korea|Republic of Korea|ROK|Seoul|Korean|Korea"),
    # "US" before a space, a hyphen, a comma or the end, not in "USD", "USFK", "US$"
    ("USA", r"United States|U\.S\.A?\.?|US(?![A-Za-z0-9$])|USA|America(?:n)?|Washington"),
    ("JPN", r"Japan(?:ese)?|Tokyo"),
    ("CHN", r"China|Chinese|Beijing"),
    ("DEU", r"Germany|German|Berlin"),
    ("TWN", r"Taiwan(?:ese)?|Taipei"),
    ("PHL", r"Philippines|Philippine|Manila"),
    # NATO allies that burden-sharing reports compare
    ("GBR", r"United Kingdom|Britain|British|UK(?=[\s-])"),
    ("FRA", r"France|French"),
    ("ESP", r"Spain|Spanish|Madrid"),
    ("POL", r"Poland|Polish|Warsaw"),
    ("ITA", r"Italy|Italian"),
    ("CAN", r"Canada|Canadian|Ottawa"),
    ("GRC", r"Greece|Greek"),
    ("KWT", r"Kuwait(?:i)?"),
)

# Each country's capital, for a meeting placed "in the South Korean capital".
CAPITALS = {
    "PRK": "Pyongyang", "KOR": "Seoul", "USA": "Washington", "JPN": "Tokyo", "CHN": "Beijing",
    "DEU": "Berlin", "TWN": "Taipei", "PHL": "Manila", "GBR": "London", "FRA": "Paris",
    "ESP": "Madrid", "POL": "Warsaw", "ITA": "Rome", "CAN": "Ottawa", "GRC": "Athens",
    "KWT": "Kuwait City",
}

COUNTRY_PATTERN = "|".join(f"(?:{form})" for _, form in _COUNTRY_FORMS)
_COUNTRY_RE = re.compile(rf"\b(?:{COUNTRY_PATTERN})(?:'s|’s)?", re.UNICODE)

# Institutions named without a country (the country is implied by the name).
_INSTITUTIONS: tuple[tuple[str, str], ...] = (
    ("USAMIL", r"(?:U\.?S\.?|United States) Forces Korea|USFK|Pentagon"),
    ("USAGOV", r"State Department|White House|Defense Department|Department of Defense"),
    ("KORLEG", r"National Assembly"),
    (
        "KORGOV",
        r"Blue House|Cheong Wa Dae|Ministry of Foreign Affairs|Foreign Ministry"
        r"|foreign ministry",
    ),
    ("USALEG", r"Congress|Senate"),
    ("JPNLEG", r"Diet"),
    # heads of government, named without their country in most copy
    ("USAGOV", r"(?:President\s)?(?:Donald\s)?Trump|(?:President\s)?(?:Joe\s)?Biden"),
    ("KORGOV", r"(?:President\s)?Moon Jae-in|(?:President\s)?Yoon Suk Yeol"),
    ("JPNGOV", r"(?:Prime Minister\s)?(?:Shinzo\s)?Abe|(?:Prime Minister\s)?Fumio Kishida"),
)
_INSTITUTION_RE = re.compile(
    "|".join(f"(?P<i{n}>\\b(?:{form})\\b)" for n, (_, form) in enumerate(_INSTITUTIONS))
)

# Role words after a country name that make the actor a government, military or legislature.
_ROLE_SUFFIX: tuple[tuple[str, str], ...] = (
    (
        "GOV",
        r"(?:foreign |defense |defence |finance |unification )?(?:ministry|ministries|"
        r"government|administration|negotiators?|officials?|delegation|embassy|"
        r"president|minister|envoy|ambassador|diplomats?|side)",
    ),
    ("MIL", r"(?:forces|military|troops|army|command)"),
    ("LEG", r"(?:lawmakers|parliament|legislature|assembly|congress)"),
)
_ROLE_SUFFIX_RE = [
    (code, re.compile(rf"\s+(?:\w+\s+){{0,2}}?{form}\b", re.I)) for code, form in _ROLE_SUFFIX
]

# Words that name a person's office. Longest first so "chief negotiator" wins over "negotiator".
ROLE_NOUNS: tuple[str, ...] = (
    "chief negotiator",
    "top negotiator",
    "lead negotiator",
    "deputy negotiator",
    "negotiator",
    "special envoy",
    "envoy",
    "ambassador",
    "foreign minister",
    "defense minister",
    "defence minister",
    "finance minister",
    "prime minister",
    "minister",
    "assistant secretary of state",
    "deputy secretary of state",
    "secretary of state",
    "assistant secretary",
    "deputy secretary",
    "under secretary",
    "undersecretary",
    "chief cabinet secretary",
    "defense secretary",
    "defence secretary",
    "secretary-general",
    "secretary general",
    "secretary",
    "vice president",
    "president-elect",
    "president",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "senior advisor",
    "senior adviser",
    "advisor",
    "adviser",
    "director-general",
    "director general",
    "director",
    "senior official",
    "official",
    "lawmaker",
    "chairman",
    "chairwoman",
    "commander",
    "speaker",
    "senator",
    "chancellor",
    "governor",
    "mayor",
    "admiral",
)
ROLE_NOUN_PATTERN = "|".join(re.escape(r) for r in ROLE_NOUNS)

# Tokens that start with a capital but are not (parts of) personal names.
NOT_NAMES = frozenset(
    [
        "The",
        "A",
        "An",
        "And",
        "But",
        "Or",
        "In",
        "On",
        "At",
        "For",
        "From",
        "To",
        "Of",
        "By",
        "With",
        "As",
        "After",
        "Before",
        "Since",
        "During",
        "Under",
        "Meanwhile",
        # (a quantifier before a plural: "Other estimates put the number at ...")
        "Other",
        "Several",
        "Such",
        "Various",
        # (a connective opening the sentence: "Yet Trump declared that ...")
        "Yet",
        # (a time told first: "Yesterday Donald Trump brushed it aside")
        "Yesterday",
        "Today",
        "Tonight",
        "Tomorrow",
        "Earlier",
        "Later",
        # (an adverb opening the sentence: "Long called the 'sympathy budget', it will now ...")
        "Long",
        "Once",
        "However",
        "When",
        "While",
        "If",
        # (a subordinating word opening the sentence: "Whether Trump means it is another matter")
        "Whether",
        "Although",
        "Though",
        "Because",
        "Unless",
        "Until",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "His",
        "Her",
        "Their",
        "Its",
        "Our",
        "This",
        "That",
        "These",
        "Those",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "South",
        "North",
        "East",
        "West",
        "Korea",
        "Korean",
        "Korea's",
        "U.S.",
        "US",
        "America",
        "American",
        "Washington",
        "Seoul",
        "Japan",
        "Tokyo",
        "China",
        "Beijing",
        # (a region or an ocean: "Europe's capitals should read what Trump said")
        "Europe",
        "Asia",
        "Africa",
        "Atlantic",
        "Pacific",
        "National",
        "Assembly",
        "Congress",
        "Ministry",
        "Foreign",
        "Defense",
        "Forces",
        "News",
        "Round",
        "Talks",
        "SMA",
        "Special",
        "Measures",
        "Agreement",
        # what the talks are about or make, never a person: "Relations were tested ...,
        # saying", "* Deal announced Oct. 4: ..."
        "Deal",
        "Accord",
        "Pact",
        "Relations",
        "Relationship",
        "Ties",
        "Tensions",
        # a question word or a party opening a clause: "What Trump wants ...", "Republican
        # candidate Trump ..."
        "What",
        "Why",
        "How",
        "Who",
        "Where",
        "Which",
        "Republican",
        "Democrat",
        "Democratic",
        # an indefinite pronoun: "Something tells me they are worried"
        "Something",
        "Nothing",
        "Everything",
        "Everyone",
        "Everybody",
        "Nobody",
        "Someone",
        "Somebody",
        "Costs",
        "Payments",
        "Money",
        "Troops",
        "President",
        "Minister",
        "Secretary",
        "Ambassador",
        "Envoy",
        "Official",
        "Officials",
        "According",
        "Chief",
        "Top",
        "Lead",
        "Senior",
        "Deputy",
        "Vice",
        "Prime",
        "State",
        "Department",
        "White",
        "House",
        "Pentagon",
        "Republic",
        "Kingdom",
        "United",
        "States",
        "Union",
        "Party",
        "Democratic",
        "People",
        "People's",
        "Power",
        "Also",
        "Both",
        "Neither",
        "Either",
        "Some",
        "Many",
        "Most",
        "All",
        # titles written before names: "National Security Adviser John Bolton"
        "Former",
        "Adviser",
        "Advisor",
        "Security",
        "Negotiator",
        "Spokesman",
        "Spokeswoman",
        "Spokesperson",
        "Commander",
        "Chairman",
        "Chairwoman",
        "Director",
        "Representative",
        "Assistant",
        "Under",
        "Undersecretary",
        # (a military rank or a title, not an office: "NATO Secretary General Mark Rutte",
        # "Professor Kim"; every one-word office of `ROLE_NOUNS` is added below)
        "General",
        "Professor",
        # (or a calling: "Analyst Go Myong-hyun", "Economist Kim Jae-yeon")
        "Analyst",
        "Economist",
        "Researcher",
        "Scholar",
        "Historian",
        "Lecturer",
        "Columnist",
        "Commentator",
        "Activist",
        "Lawyer",
        "Attorney",
        # offices named "Minister of Foreign Affairs Kang Kyung-wha"
        "Affairs",
        "Defence",
        "Trade",
        "Unification",
        "President-elect",
        "Agreements",
        "Negotiations",
        # who presents a broadcast: "Reporter Kang Min-seo has more."
        "Reporter",
        "Correspondent",
        "Anchor",
        # no one's name at the head of a sentence: "Nothing announced.", "Reports say ..."
        "Nothing",
        "Nobody",
        "Everyone",
        "Reports",
        # a place told back: "There, the U.S. side was reported to have come down ..."
        "There",
        "Here",
        # a preposition opening the sentence: "Within hours, the chief U.S. negotiator, James
        # DeHart, appeared before reporters"
        "Within",
        "Without",
        "Despite",
        "Amid",
        "Among",
        "Outside",
        "Inside",
        # (or an adverb of time: "Shortly afterwards, the chief U.S. negotiator ...")
        "Shortly",
        "Soon",
        "Afterwards",
        "Moments",
        # a military unit is no one's name: "2nd Infantry Division units", "Eighth Army"
        "Infantry",
        "Division",
        "Brigade",
        "Regiment",
        "Battalion",
        "Army",
        "Navy",
        "Marine",
        "Marines",
        "Fleet",
        "Corps",
    ]
    # an office written before a name: "Senator Lindsey Graham", "Chancellor Olaf Scholz"
    + [r.capitalize() for r in ROLE_NOUNS if " " not in r]
)

# (with the accented letters of European names: "Pedro Sánchez", "Jean-Yves Le Drian")
_UPPER, _LOWER = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
NAME_TOKEN = (rf"(?:Mc|Mac|O'|O’)?[{_UPPER}][{_LOWER}]+(?:[{_UPPER}][{_LOWER}]+)?"
              rf"(?:-[A-Za-z{_UPPER}][{_LOWER}]+)?")
# (a family name's particle between: "Ursula von der Leyen", "Frank van der Berg")
_PARTICLES = r"(?:(?:von|van|der|den|de|da|di|du|del|della|la|le|bin)\s)*"
NAME_PATTERN = rf"{NAME_TOKEN}(?:\s{_PARTICLES}{NAME_TOKEN}){{0,3}}"


@dataclass(frozen=True)
class ActorMention:
    """A span of a sentence that names a party, with its CAMEO actor code."""

    text: str
    code: str
    start: int
    end: int

    @property
    def country(self) -> str:
        """The country part of the code (the first three letters)."""
        return self.code[:3]


def country_code(text: str) -> str | None:
    """The country code of a country name, capital or adjective, or None."""
    m = _COUNTRY_RE.fullmatch(text.strip())
    if not m:
        m = _COUNTRY_RE.search(text)
        if not m:
            return None
    found = m.group()
    for code, form in _COUNTRY_FORMS:
        if re.fullmatch(rf"(?:{form})(?:'s|’s)?", found):
            return code
    return None


def find_actors(sentence: str) -> list[ActorMention]:
    """Every party named in `sentence`, in order, with role suffixes folded into the code."""
    mentions: list[ActorMention] = []
    taken: list[tuple[int, int]] = []
    for m in _INSTITUTION_RE.finditer(sentence):
        name = next(k for k, v in m.groupdict().items() if v is not None)
        code = _INSTITUTIONS[int(name[1:])][0]
        # "South Korea's foreign ministry": keep the country's span, add the role below
        mentions.append(ActorMention(m.group(), code, m.start(), m.end()))
        taken.append((m.start(), m.end()))
    for m in _COUNTRY_RE.finditer(sentence):
        if any(s <= m.start() < e for s, e in taken):
            continue
        if _is_place_only(sentence, m.start(), m.end()):
            continue
        country = country_code(m.group())
        if country is None:
            continue
        code = country
        end = m.end()
        rest = sentence[end:]
        for role, pattern in _ROLE_SUFFIX_RE:
            rm = pattern.match(rest)
            if rm:
                code += role
                end += rm.end()
                break
        mentions.append(ActorMention(sentence[m.start() : end], code, m.start(), end))
    mentions.sort(key=lambda a: a.start)
    return _join_named_office(sentence, _drop_nested(mentions))


def _join_named_office(sentence: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """A country right before one of its own offices is one actor: "the U.S. State
    Department" is USAGOV, not "U.S." and then a department."""
    out: list[ActorMention] = []
    for a in mentions:
        prev = out[-1] if out else None
        if (prev is not None and len(prev.code) == 3 and a.code.startswith(prev.code)
                and sentence[prev.end : a.start] == " "):
            out[-1] = ActorMention(sentence[prev.start : a.end], a.code, prev.start, a.end)
            continue
        out.append(a)
    return out


def _drop_nested(mentions: list[ActorMention]) -> list[ActorMention]:
    out: list[ActorMention] = []
    for a in mentions:
        if out and a.start < out[-1].end:
            prev = out[-1]
            # "South Korea's foreign ministry": country + institution → KORGOV over both spans
            if a.end > prev.end:
                merged = ActorMention(
                    sentence_span(prev, a),
                    a.code if len(a.code) > 3 else prev.code,
                    prev.start,
                    a.end,
                )
                out[-1] = merged
            continue
        out.append(a)
    return out


def sentence_span(first: ActorMention, second: ActorMention) -> str:
    """Text covering two overlapping mentions (used only for overlapping spans)."""
    if second.start >= first.start and second.end >= first.end:
        return first.text + second.text[first.end - second.start :]
    return first.text


def _is_place_only(sentence: str, start: int, end: int) -> bool:
    """Korean/Korea used as an adjective of a thing that is not a party ("the Korean peninsula",
    "Korean won", "South Korean civilians") is not a party mention."""
    rest = sentence[end : end + 30]
    # ("won" is the currency after the adjective only: "Spain won room to manoeuvre" is Spain)
    won = r"|won" if sentence[start:end].endswith("Korean") else ""
    return bool(
        re.match(
            rf"\s+(?:peninsula{won}|civilians|workers|employees|nationals|"
            r"people|language|War)\b",
            rest,
        )
    )


def parties_in(sentence: str) -> list[str]:
    """Country codes named in a sentence, in order, without repeats."""
    seen: list[str] = []
    for a in find_actors(sentence):
        if a.country not in seen:
            seen.append(a.country)
    return seen
