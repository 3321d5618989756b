"""Statements: quotes and paraphrases, with the speaker and the speaker's role.

People are first collected from the whole report wherever a role and a name stand together
("U.S. chief negotiator James DeHart", "Jeong Eun-bo, Seoul's chief negotiator, ..."). A
statement is then a reporting verb ("said", "told", "added", "brushed off") with a speaker
right before it (or after it, in "..., said DeHart"), or "According to X, ...". The speaker may
be a name (resolved by surname to the person introduced), a pronoun (the last speaker), a
description ("The U.S. official", "America's chief negotiator": the person of that party and
office), or an institution ("South Korea's foreign ministry"). A sentence that is only a quote
belongs to the speaker of the statement just before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from burdenshare.news.actors import (
    COUNTRY_PATTERN,
    NAME_PATTERN,
    NOT_NAMES,
    ROLE_NOUN_PATTERN,
    ROLE_NOUNS,
    country_code,
    find_actors,
)
from burdenshare.news.dates import ENTRY_DASH, MONTH
from burdenshare.news.lexicon import REPORTING_VERBS
from burdenshare.news.records import Evidence, Statement, primary
from burdenshare.news.sentences import Sentence, inside_quote

_WEEKDAY_P = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_VERBS = (
    rf"{REPORTING_VERBS}|"
    # "lawmakers called on the government to ..."
    r"called\son(?=\s[^.;]{1,80}?\sto\s)|"
    # a figure a named source gives: "Yonhap News Agency put the number at between 4,500 and
    # 5,000" (3 of 3 dev writers; estimates that put it are no one's, below)
    r"put(?=\s(?:the\s)?(?:number|figure|total|tally)\b[^.;]{0,60}?\sat\s)|"
    # told as under way: "President Trump was claiming that Seoul \"would be paying\" ..."
    r"(?:was|were)\s(?:claiming|insisting|arguing|complaining|boasting)(?=\sthat\b)|"
    # "..., Jeong Eun-bo was quoted as saying"
    r"(?:was|were|is)\s(?:quoted|cited)\s(?:by\s[^,.;]{1,40}\s)?as\s"
    # ("was quoted by the ministry as calling the outcome a fair reflection of ...")
    r"(?:saying|calling|describing|warning|adding|telling)|"
    # "Harris called it \"a fair deal\"": a name given in quotes
    # (or a word: "officials have called the demand excessive")
    # ("Korean officials have called that figure unrealistic"; with the object before it: "a
    # figure officials have privately called unrealistic")
    # (or a noun phrase: "Goldberg called the accord a reflection of ...", not "called it a
    # day")
    # ("called the walkout regrettable and said ...")
    # ("Harris called the deal fair to both countries", "called the agreement proof that")
    r"called(?=\s(?:(?:it|this|that|the)(?:\s[\w-]+){0,2}\s(?:[\"“]|[a-z]+(?:[,.;]|\s(?:and|but)\s)|"
    r"(?!off\b|up\b|in\b|back\b|for\b|on\b|out\b)[a-z]{3,}\s(?:to|that)\s|"
    r"(?:a|an)\s(?!day\b)[a-z])|"
    r"(?!off|up|in|back|for|on|out|away|home)[a-z]{4,}[,.;]))|"
    # (a possessive's, with the words quoted: "called today's talks \"serious and
    # forward-looking\"", not "called its own briefing an hour later")
    r"called(?=\s(?:these|those|his|her|their|its|[\w.]+['’]s)(?:\s[\w-]+){0,2}\s[\"“])|"
    # a judgement quoted after "what": "bridge what one diplomat called \"a chasm, not a gap\""
    # (not a name given: "an exercise called \"Freedom Shield\"")
    r"(?<=\s)called(?=\s[\"“][a-z])|"
    # a sum named as a limit by a group: "U.S. negotiators had called $1 billion a year their
    # \"minimum\"" (not a capital's: "Washington had called $1 billion its minimum" names no
    # speaker for the writers)
    r"(?:(?<=negotiators\s)|(?<=negotiators\shad\s)|(?<=officials\s)|(?<=officials\shad\s))"
    r"called(?=\s(?:US)?[$₩¥€]?\d(?:[^.;]|\.(?=\d)){0,60}?\s(?:their|its|his|her|the|a)\s[\"“]?"
    r"(?:minimum|floor|maximum|ceiling|bottom\sline)\b)|"
    # a message passed on: "delivered a message", "issued a warning" (a demand or request
    # conveyed is the demand's event, not a statement: "Bolton conveyed a request that Japan
    # pay about $8 billion a year" names no speaker for the corpus's writers, four to one)
    r"(?:conveyed|relayed|delivered|issued)\s(?:a|an|the|his|her|their)\s(?:message|warning)|"
    # a charge made: "Trump has repeatedly accused wealthy allies of freeloading"
    r"accused(?=\s(?:[\w'’-]+\s){1,4}?of\b)|accuses(?=\s(?:[\w'’-]+\s){1,4}?of\b)|"
    # a view voiced: "Some lawmakers voiced concern over the size of the increases"
    r"voiced(?=\s(?:[a-z]+\s)?(?:concerns?|complaints?|doubts?|opposition|support|frustration|"
    r"hopes?|regret|criticism|misgivings)\b)|"
    # "described the agreement as \"the moment Europe decided ...\""
    # ("had described $1 billion (about 1.1305 trillion won) as the \"minimum\"")
    # ("Japanese officials regarded the demand as out of the question")
    r"(?:described|describe|describes|regarded|regards)(?=\s(?:(?:[^.;]|(?<=\d)\.(?=\d)){1,60}?\s)?"
    r"as\b)|"
    # "the foreign ministry on Wednesday released details of the new agreement"
    # (or the terms: "released the main terms of the 11th Special Measures Agreement",
    # "released the key terms on Wednesday. Here are the main points:")
    r"released(?=\s(?:the\s)?(?:(?:main|key|full)\s)?(?:details|terms|a\sstatement|"
    r"a\sfact\ssheet)\b)|"
    # "has written that ...", "conveyed to Tokyo that the president wanted ..."
    # (but not a request or demand conveyed: "conveyed to Japanese officials a request from
    # Trump that Japan pay ...")
    # a view held by a group placed with the reporter: "Officials here worry that ...",
    # "analysts in Seoul expect ..." (thirteen of fourteen such groups are speakers for the
    # corpus's writers; a view without the place is not: "officials hope")
    r"(?:(?<=\shere\s)|(?<=\sin\sSeoul\s)|(?<=\sin\sTokyo\s)|(?<=\sin\sWashington\s)|"
    r"(?<=\sin\sboth\scapitals\s))(?<![Ff]ew\shere\s)(?<![Mm]any\shere\s)"
    r"(?:worry|worried|fear|feared|hope|hoped|admit|admitted|acknowledge|acknowledged|"
    # ("Observers here see the early start as an attempt to ...", 3 dev writers of 3)
    r"concede|conceded|expect|expected|see|saw|believe|believed|doubt|doubted)(?=\s)|"
    # (or where: "has written in his memoir that ...")
    r"written(?=(?:\sin\s(?:his|her|a|the)\s(?:memoir|book|column|op-ed|letter|article))?"
    r"\sthat\b)|"
    # (a post, a testimony, a speech carried on: "posted on social media that", "testified
    # before Congress that", "went on to say that")
    r"(?:posted|testified|testifies)(?=\s(?:[\w'’.-]+\s){0,4}?that\b)|"
    r"went\son\sto\s(?:say|add|warn|argue|stress|note|claim|insist)|"
    r"conveyed(?=\sto\s(?:(?!an?\s(?:request|demand))[^.;]){1,40}?\sthat\b)"
)
_VERB_RE = re.compile(
    r"\b(?:(?:also|has|had|have|already|again|earlier|later|then|once|recently|repeatedly|"
    r"previously|reportedly|long|often|publicly|privately|since|begun|started|"
    # any manner adverb or connective between the speaker and the verb: "Donald Trump
    # nonetheless claimed that ...", "Jeong bluntly told reporters ..." (not a noun in -ly)
    r"nonetheless|nevertheless|however|still|even|now|further|"
    # how readily: "Officials in Seoul were quick to stress that ..."
    r"(?:was|were|is|are|has\sbeen|have\sbeen)\s(?:quick|swift|keen|careful)\sto|"
    r"(?!(?:ally|rally|supply|reply|family|early|only|assembly|daily|weekly|monthly|yearly|"
    r"quarterly|belly|bully)\b)[a-z]{2,}ly)\s)*"
    rf"(?P<verb>{_VERBS})\b(?:\s+that\b)?[,:]?"
)
_PARTY_ADJ = rf"(?:{COUNTRY_PATTERN})(?:['’]s)?"
# the words that qualify an office or a group without naming it: "a senior Japanese government
# official", "a State Department spokesperson", "Pentagon officials", "NATO diplomats"
_OFFICE_WORDS = (
    r"senior|top|high-ranking|unnamed|anonymous|government|ministry|foreign\sministry|"
    r"defen[cs]e\sministry|administration|military|presidential|"
    r"embassy|state\sdepartment|pentagon|white\shouse|defen[cs]e\sdepartment|blue\shouse|"
    r"presidential\soffice|nato|alliance"
)
_ROLE_MODIFIER = rf"(?:(?i:{_OFFICE_WORDS}|(?:the\s)?government['’]s)\s)"
# a rank or office abbreviated before a name: "Gen. Robert Abrams", "Rep. Kim Jong-dae"
# (and a courtesy title, which some papers write without the stop: "Mr Trump")
_COURTESY = ("Mr", "Mrs", "Ms", "Dr")
_TITLE_ABBREVIATIONS = ("Gen", "Lt", "Maj", "Col", "Capt", "Adm", "Sgt", "Sen", "Rep", "Gov",
                        "Amb", "Prof", *_COURTESY)
_TITLES = rf"(?:{'|'.join(_TITLE_ABBREVIATIONS)})\.\s"
# a stop within a speaker's name, no end of it: an initial's ("U.S.", "a former U.S. official")
# or an abbreviated title's (one look-behind per length: Python's look-behinds are fixed-width)
_STOP_IN_NAME = "(?:(?<=\\b[A-Z])|" + "|".join(
    "(?<=" + "|".join(rf"\b{t}" for t in _TITLE_ABBREVIATIONS if len(t) == n) + ")"
    for n in sorted({len(t) for t in _TITLE_ABBREVIATIONS})) + ")\\."
_END_OF_NAME = rf"(?!{_STOP_IN_NAME})\."  # a full stop that is none of those
_ROLE_PHRASE = (
    r"(?:(?:[Ff]ormer|[Aa]cting|[Tt]hen)\s|[Tt]hen-)?"
    rf"(?:(?P<party>{_PARTY_ADJ})\s)?(?:(?:former|acting|new|then)\s)?"
    # ("Japan's top government spokesman")
    rf"{_ROLE_MODIFIER}{{0,2}}"
    rf"(?P<role>(?i:{ROLE_NOUN_PATTERN}))"
)
_ROLE_THEN_NAME = re.compile(rf"{_ROLE_PHRASE}\s(?P<name>{NAME_PATTERN})")
# an office as writers set it beside a name, its words in any order: "the top U.S. negotiator",
# "Seoul's chief negotiator", "a former foreign ministry official"
_LOOSE_ROLE = (rf"(?:(?:{_ROLE_MODIFIER}|(?P<party>{_PARTY_ADJ})\s|(?i:former|acting|new|then|"
               rf"chief|deputy|vice)\s|[Tt]hen-)){{0,4}}(?i:{ROLE_NOUN_PATTERN})")
# the name, then the office: "James DeHart, the top U.S. negotiator,", "Kim In-chul, a
# spokesman for the foreign ministry,"; or the office first, or with "is": "Seoul's chief
# negotiator, Jeong Eun-bo,", "Jeong Eun-bo is Seoul's chief negotiator"
_NAME_THEN_ROLE = re.compile(
    rf"(?P<name>{NAME_PATTERN}),\s(?:the\s|a\s|an\s)?(?P<rolephrase>{_LOOSE_ROLE}"
    r"(?:\s(?:of|for|at|to)\s[^,]+)?),|"
    rf"(?P<n3>{NAME_PATTERN})\s(?:is|was|has\sbeen)\s(?:the\s|a\s|an\s)?"
    rf"(?P<r3>{_LOOSE_ROLE.replace('party', 'party3')})\b(?!\s[a-z])|"
    rf"(?:^|(?<=[Tt]he\s))(?P<r2>{_LOOSE_ROLE.replace('party', 'party2')}),\s"
    rf"(?P<n2>{NAME_PATTERN}),"
)
# the name, then a post at a body that is no office of state: "Bruce Klingner, a senior fellow
# at the Heritage Foundation,", "Choi Eung-sik, head of the USFK Korean Employees Union,"
_EXPERT_POSTS = ("fellow", "professor", "analyst", "researcher", "scholar", "expert", "lecturer")
_NAME_THEN_AFFILIATION = re.compile(
    rf"(?P<name>{NAME_PATTERN}),\s(?P<role>(?:(?:a|an|the)\s)?(?:[\w-]+\s){{0,2}}?"
    rf"(?:{'|'.join((*_EXPERT_POSTS, 'head', 'leader', 'chief', 'president'))})"
    r"\s(?:at|of|with|for)\s[^,;]{3,80}),"
)
# the name, then a post and the delegation the person leads: "Jeong Eun-bo, a former finance
# ministry official who now heads the South Korean delegation", "... who took over the Korean
# delegation for this round"
_NAME_THEN_DELEGATION = re.compile(
    rf"(?P<name>{NAME_PATTERN}),\s(?:a|an|the)\s[^,;]{{0,60}}?\bwho\s(?:now\s|recently\s|has\s)?"
    r"(?:heads|leads|led|took\sover|taken\sover)\s(?:the\s)?"
    rf"(?:(?P<party>{_PARTY_ADJ})\s)?(?:delegation|negotiating\steam)\b"
)
_PRONOUN = re.compile(r"^(?:[Hh]e|[Ss]he)$")
_DESCRIPTOR = re.compile(
    rf"^(?:the\s)?{_ROLE_PHRASE}$|"
    # an office qualified but unnamed: "a senior South Korean government official"
    # (or one who held it: "a former foreign ministry official")
    rf"^(?:the\s(?={_ROLE_MODIFIER})|an?\s|one\s)(?:former\s|retired\s)?{_ROLE_MODIFIER}{{0,2}}"
    rf"(?:(?-i:[A-Z][a-z]+)\s(?={_PARTY_ADJ}\s))?(?:(?P<party2>{_PARTY_ADJ})\s)?"
    # (or by a region or service named in capitals: "one Northern European diplomat", "a
    # Marine Corps commander")
    rf"{_ROLE_MODIFIER}{{0,2}}(?:(?-i:[A-Z][a-z]+)\s){{0,2}}(?P<role2>(?i:{ROLE_NOUN_PATTERN}))$",
    re.I,
)
_INSTITUTION = re.compile(
    rf"^(?:the\s)?(?:(?:{_PARTY_ADJ})\s)?(?:foreign ministry|defense ministry|defence ministry|"
    r"ministry|State Department|Pentagon|White House|presidential office|government|"
    r"embassy|National Assembly|(?-i:Assembly)|Blue House|"
    r"(?:U\.?S\.?|United States) Forces Korea|USFK|negotiators|"
    # ("the U.S. military has already warned its Korean employees", "the U.S. military in
    # South Korea has warned")
    r"(?:U\.?S\.?|American) military(?: in (?:South )?Korea)?|"
    r"negotiating team|delegation|officials|command|NATO|Department of (?:Defense|State)|"
    r"Defen[cs]e Department|"
    r"Ministry of (?:Foreign Affairs|National Defense|Defense|Defence|Foreign Affairs and Trade))"
    # (in its capital: "the Foreign Ministry in Seoul said")
    r"(?:\sin\s(?:Seoul|Tokyo|Washington|Brussels|Berlin|Madrid))?$|"
    # a party's side: "the Korean side", "the U.S. team"
    rf"^(?:the\s)?(?:{_PARTY_ADJ})\s(?:side|team)$",
    re.I,
)
# Groups that speak without names: "officials familiar with the talks", "diplomatic sources",
# "officials in Seoul", "government officials".
_GROUP = re.compile(
    rf"^(?:the\s|an?\s|one\s|another\s)?(?:(?:{_OFFICE_WORDS}|diplomatic|defen[cs]e|"
    r"European|Western|Asian|Nordic|Northern|Southern|Eastern|Central|allied|U\.?S\.?|Korean|"
    r"South Korean|Japanese|"
    r"American|informed|two|several|three|Seoul|Washington|Tokyo|ranking|EU|negotiating|"
    # "Opposition lawmakers argued", "both governments said", "civic groups"
    r"opposition|main|minor|smaller|ruling|ruling[\s-]party|both|civic|labou?r|workers['’]?|"
    r"employees['’]?|some|many|dissenting|local|"
    # (any country's: "a Spanish diplomat", "Polish officials")
    rf"{_PARTY_ADJ}|"
    r"parliamentary|congressional|"
    r"union)\s){0,3}"
    r"(?:officials|sources|diplomats|negotiators|people|official|source|diplomat|person|"
    r"spokes(?:person|man|woman)|media|representatives?|"
    r"lawmakers?|legislators?|council(?:l)?ors?|governments|sides|unions?|activists?|groups|"
    r"critics?|analysts?|researchers?|scholars?|professors?|commentators?|"
    r"experts?|parties|party|members|observers|(?<!both\s)(?<!two\s)capitals|(?<=union\s)leaders|"
    # one of a body or a workforce, counted: "one opposition member", "a worker who asked not
    # to be named" (not "member states", nor "Korean workers at U.S. bases have been")
    r"(?:(?<=\ba\s)|(?<=\bone\s)|(?<=\banother\s)|(?<=\bopposition\s)|(?<=\bcouncil\s)|"
    r"(?<=\bunion\s))(?:member|worker|employee))"
    r"(?:\s(?:familiar with|close to|involved in|briefed on|in|at|from|of|for|with knowledge of|"
    r"representing|on(?=\sboth\ssides\b)|"
    # (a seat on a body: "a lawmaker on the foreign affairs committee")
    r"on(?=\s(?:the\s)?[\w\s-]{0,40}?(?:committee|panel|delegation|team)$))"
    r"\s[\w .'’-]{2,60}|\shere)?$",
    re.I,
)
# One unnamed person, counted and described in the writer's own words: "one furloughed worker",
# "a senior delegation official", "a union leader" (the words before the noun are open; the
# article, the noun and the lower case keep it to one person)
_ONE_UNNAMED = re.compile(
    r"^(?:[Aa]n?|[Oo]ne|[Aa]nother)\s(?:(?!(?:who|which|that|of|and|or)\b)[a-z][a-z-]+\s){1,2}"
    r"(?:official|source|diplomat|spokes(?:person|man|woman)|representative|negotiator|"
    r"lawmaker|legislator|member|worker|employee|leader|officer|analyst|expert|aide|activist)"
    r"(?:\shere|\sin\s[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+)?)?$"
)
# "According to X, ...", also after a dateline ("Paris, 24 June 2020 — According to ...")
_ACCORDING = re.compile(
    # (or after a transcript's turn: "REPORTER: According to a government official here, ...")
    # (a broadcast's ellipsis may stand for the comma: "According to the foreign ministry...
    # the two sides agreed ...")
    # (or an explainer's answer, "A: According to ...", or after a clause and a colon: "Japan
    # received its own version of the bill: according to Bolton's memoir, Trump wanted ...")
    r"^\s*(?:[^—\n]{0,60}(?:—|--)\s|[A-Z][A-Z .'’-]{1,40}:\s|A:\s|[^:\"“”\n]{10,120}:\s)?"
    # (or in someone's words: "In the words of Jeong Eun-bo, ...", "As Jeong Eun-bo put it, ...")
    r"(?:But\s|And\s)?(?:(?:According|(?<=:\s)according)\sto|In\sthe\swords\sof|"
    r"As(?=\s[^,…]{2,60}\sput\sit,))\s(?P<sp>[^,…]+?)(?:\sput\sit)?(?:,|\.\.\.|…)\s"
    r"(?P<text>.+)$"
)
_NEWS_AGENCY = re.compile(
    r"(?:the\s)?(?:Yonhap(?:\sNews(?:\sAgency)?)?|Reuters|AP|Associated\sPress|AFP|Agence\s"
    r"France-Presse|Kyodo(?:\sNews)?|Jiji(?:\sPress)?|UPI|NHK|KBS|Xinhua)")
_ACCORDING_LINE = re.compile(r"^\s*(?:[*•-]\s)?According\sto\s(?P<sp>[^,:\"“”]{3,60}?):\s*$")
_APPOSED_NAME = re.compile(rf"(?P<name>{NAME_PATTERN}),\s")
# "..., according to the State Department", "..., according to a memoir by John Bolton, his
# former national security adviser, published on Tuesday" (an apposition may follow)
_ACCORDING_AFTER = re.compile(
    # (a factbox's lead ends in a colon: "Key terms ..., according to South Korea's foreign
    # ministry:")
    # (with a relative clause after the source, quotes and all: "..., according to Seoul's
    # foreign ministry, which described the accord as a \"six-year\" Special Measures Agreement")
    # (or "as outlined by": "Key points, as outlined by Seoul's foreign ministry:")
    r"^(?P<text>.+?),[\"”]?\s(?:according to|as\s(?:described|outlined|set\sout|listed|"
    r"detailed|summari[sz]ed)\sby(?=[^,]+:$))\s(?P<sp>[^,\"“”]+?)"
    # (or an aside set off by a dash: "..., according to diplomatic sources — roughly 50
    # percent more than Seoul paid last year")
    r"(?:,\s(?:which|who)\s.*|,\s[^\"“”]*|\s(?:—|–|--)\s[^\"“”]*)?[.:]?$"
)
# a work as the subject of a verb of finding: "A Pentagon study once put ... at", "A
# congressional report estimated ..."
_WORK_FINDS = re.compile(
    r"^(?P<sp>(?:A|An)\s(?:[\w.-]+\s){0,3}?(?:report|study|survey|review|audit|analysis))"
    r"\s(?:once\s|also\s|later\s)?(?P<verb>put|puts|estimated|estimates|found|finds|showed|"
    r"shows|counted|counts|concluded|concludes|calculated|calculates)\s(?P<text>.+)$"
)
# a work named before its author, then what it says: "The memoir of Bolton, the former U.S.
# national security adviser, says the president sought ..."
_WORK_OF = re.compile(
    rf"^(?:[Tt]he\s)?(?:memoir|book|memoirs)\sof\s(?P<sp>{NAME_PATTERN})(?:,\s[^,]{{3,60}},)?\s"
    r"(?P<verb>says|said|states|claims|recounts)\s(?:that\s)?(?P<text>.+)$"
)
# a figure's source named with its estimate: "by NATO's own estimate", "according to the
# ministry's projections"
_BY_ESTIMATE = re.compile(
    r"\b(?:[Aa]ccording\sto|[Bb]y|[Oo]n)\s(?P<sp>(?:the\s)?[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,3})"
    # (an estimate is someone's word; "by the Pentagon's count" is a record the corpus reads
    # as the report's own, viii05)
    # ("According to NATO estimates, 23 allies ...": the possessive may go unwritten)
    r"(?:['’]s)?\s(?:own\s|latest\s|new\s|official\s)?(?:estimates?|calculations?|projections?|"
    r"assessments?)\b,?\s?"
)
# the author of a work is the speaker: "a memoir by John Bolton", "a statement from the ministry"
# the medium that relayed a source, no part of it: "diplomatic sources cited by Korean media",
# "a government official quoted in the JoongAng Ilbo"; nor the reporter who reached it: "one
# government official we spoke to"
_RELAYED = re.compile(r"\s(?:(?:cited|quoted)\s(?:by|in)\s.+|(?:who\s|whom\s|that\s)?(?:we|I)\s"
                      r"(?:spoke|talked)\s(?:to|with)\b.*)$")
_WORK_BY = re.compile(
    r"^(?:a|an|the|his|her|their)\s(?:[\w-]+\s){0,2}?(?:memoir|book|report|statement|letter|"
    r"interview|post|study|analysis|note)\s(?:by|from|of)\s|"
    # "according to details released by South Korea's foreign ministry on March 10"
    r"^(?:the\s)?(?:details|terms|figures|data|documents?|information)\s(?:released|"
    r"disclosed|published|provided|made\spublic)\sby\s|"
    rf"(?<=\w)\s(?:on\s)?(?:{_WEEKDAY_P}|{MONTH}\s\d{{1,2}})$|"
    # "John Bolton's memoir"
    r"['’]s\s(?:[\w-]+\s)?(?:memoir|book|statement|letter|interview|post|estimates?|"
    r"projections?|calculations?|assessments?)$|"
    # "according to NATO estimates": the possessive may go unwritten
    r"(?<=[A-Z])\s(?:estimates|projections|calculations|assessments)$",
    re.I,
)


def _source_of(according_to: str) -> str:
    """Who an "according to" names: not the work it is in ("a memoir by John Bolton") nor the
    medium that relayed it ("diplomatic sources cited by Korean media")."""
    return _RELAYED.sub("", _WORK_BY.sub("", according_to.strip()))
# What may follow "X said" without being what was said: a time, a place, a manner.
_AFTER_VERB_ONLY = re.compile(
    rf"^(?:(?:on\s)?{_WEEKDAY_P}(?:,?\s[A-Z][a-z]+\.?\s\d{{1,2}}(?:,\s\d{{4}})?)?|"
    r"in a (?:statement|briefing|press release|interview)|at a (?:news conference|press briefing|"
    r"briefing)|on condition of anonymity|without giving details|(?:on\s)?(?:today|yesterday)|"
    r"earlier|later|local time|afterwards|after the (?:talks|meeting)|"
    r"[\s,])*[.!?]?$"
)
_QUOTE = re.compile(r"[\"“](?P<q>[^\"”]{3,})[\"”]")
# (the quote may take up the sentence's own words: "The two sides \"explained their positions in
# considerable detail,\" said Jeong Eun-bo")
_QUOTE_THEN_VERB = re.compile(
    rf"^\s*(?P<pre>[^\"“”]{{1,120}}?\s)?[\"“](?P<q>[^\"”]+?)[,.]?[\"”],?\s(?P<sp>[^\"”;]+?),?\s"
    rf"(?P<verb>{_VERBS})\b|"
    rf"^\s*(?P<pre2>[^\"“”]{{1,120}}?\s)?[\"“](?P<q2>[^\"”]+?)[,.]?[\"”],?\s(?P<verb2>{_VERBS})\s"
    rf"(?P<sp2>(?:[^,.]|{_STOP_IN_NAME})+?)(?:,|{_END_OF_NAME})"
)
_TOLD_WHOM = re.compile(
    r"^(?:(?:the\s)?(?:reporters|journalists|the press|press|lawmakers|parliament|"
    r"(?:a|an)\s(?:[\w-]+\s)?(?:briefing|news conference|press conference|forum|hearing|"
    r"audience|meeting|interview|radio program|radio programme)|"
    r"[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+)*)\s)(?:that\s)?"
)
_LEADING = re.compile(
    r"^(?:(?:But|And|Meanwhile|However|Still|Also|Yet|Then|Later|Earlier)"
    r",?\s)+",
    re.I,
)


@dataclass(frozen=True)
class Person:
    """Someone the report names with an office: name, role as written, party, where."""

    name: str
    role: str | None
    party: str | None
    evidence: Evidence

    @property
    def surname(self) -> str:
        """The family name as news copy repeats it (the last word of a Western name, the first
        of a Korean name written family-name first: "Chang Won-sam" → "Chang")."""
        return _surname(self.name)


def find_people(sentences: tuple[Sentence, ...]) -> tuple[Person, ...]:
    """Everyone named together with an office anywhere in the report, first mention first."""
    people: dict[str, Person] = {}
    for s in sentences:
        for m in _ROLE_THEN_NAME.finditer(s.text):
            name = _clean_name(m.group("name"))
            if name and name not in people:
                role = _role_text(m.group("party"), m.group("role"))
                party = country_code(m.group("party")) if m.group("party") else None
                people[name] = Person(name, role, party, s.evidence("speaker", "role"))
        for m in _NAME_THEN_ROLE.finditer(s.text):
            which = next(k for k in ("", "2", "3") if m.group(f"n{k}" if k else "name"))
            name = _clean_name(m.group(f"n{which}" if which else "name"))
            if name and name not in people and (not which or " " in name):
                party_text = m.group(f"party{which}")
                people[name] = Person(
                    name,
                    m.group(f"r{which}" if which else "rolephrase").strip(),
                    country_code(party_text) if party_text else None,
                    s.evidence("speaker", "role"),
                )
        for m in _NAME_THEN_DELEGATION.finditer(s.text):
            # "Jeong Eun-bo, a former finance ministry official who now heads the South Korean
            # delegation": the delegation's head, its side's negotiator
            name = _clean_name(m.group("name"))
            if name and " " in name and name not in people:
                party_text = m.group("party")
                people[name] = Person(
                    name, f"head of the {party_text} delegation" if party_text else
                    "head of the delegation", country_code(party_text) if party_text else None,
                    s.evidence("speaker", "role"))
        for m in _NAME_THEN_AFFILIATION.finditer(s.text):
            name = _clean_name(m.group("name"))
            if name and " " in name and name not in people:
                people[name] = Person(name, m.group("role"), None, s.evidence("speaker", "role"))
    # "Minister Kang stated ..." in a report that names "Kang Kyung-wha": the fullest name
    full = {_surname(n): n for n, _ in reversed(_full_names(sentences))}
    return tuple(
        replace(p, name=full[p.name]) if " " not in p.name and p.name in full else p
        for p in people.values()
    )


_COURTESY_TITLES = frozenset({"Former", *_COURTESY, *(f"{t}." for t in _COURTESY)})


_CANDIDACY = r"(?:(?:Republican|Democratic|presidential)\s)*(?:[Cc]andidate|[Nn]ominee)\s"


def _clean_name(raw: str) -> str | None:
    tokens = raw.split()
    while tokens and tokens[-1] in NOT_NAMES:
        tokens.pop()
    if not tokens or any(t in NOT_NAMES for t in tokens):
        return None
    if len(tokens) == 1 and "-" in tokens[0]:
        return None
    return " ".join(tokens)


def _role_text(party: str | None, role: str) -> str:
    return f"{party} {role}" if party else role


# a presenter's turn in brackets: "[REPORTER] Several opposition lawmakers said ..."
# (or a sound bite's tag before a quote: "[SOUNDBITE] \"The proposals were not responsive ...\"",
# whose speaker the sentence before names)
_SOUND_BITE = r"[\[(](?:SOUND\s?BITE|SOT)[\])]"
_SOUND_BITE_TAG = re.compile(_SOUND_BITE)
_BRACKETED_PRESENTER = re.compile(
    r"^\[(?:ANCHOR|REPORTER|CORRESPONDENT|HOST|PRESENTER|NEWSREADER)\]\s+|"
    rf"^{_SOUND_BITE}\s*(?=[\"“])")


# a quotation in single marks, as British and some Asian papers print them: "'We will not
# sign,' said Jeong." (an apostrophe within a word, "Seoul's", is no mark; nor is one ending a
# plural's possessive, "the allies' share", which no opening mark comes before)
_SINGLE_QUOTED = re.compile(
    r"(?:^|(?<=[\s(:—–-]))['‘](?=[A-Za-z0-9$])"
    r"(?P<q>(?:[^'‘’\"“”]|(?<=\w)['’](?=\w)){2,}?)['’](?=[\s,.;:!?)—–-]|$)")


def _double_quoted(text: str) -> str:
    """A sentence's quotations in single marks in double marks, the text otherwise as written
    (the same length, so offsets hold); one with double marks already is left as it is."""
    if any(mark in text for mark in "\"“”"):
        return text
    return _SINGLE_QUOTED.sub(lambda m: f"\"{m.group('q')}\"", text)


def _sourced_in(statement: Statement, s: Sentence) -> Statement:
    """A statement read from part of sentence `s`, its evidence from `s` as a whole."""
    def whole(e: Evidence) -> Evidence:
        return s.evidence(*e.fields) if e.index == s.index else e

    intro = statement.speaker_evidence
    return replace(statement, evidence=tuple(whole(e) for e in statement.evidence),
                   speaker_evidence=whole(intro) if intro is not None else None)


@dataclass(frozen=True)
class _Speaker:
    name: str
    mention: str | None
    role: str | None
    party: str | None
    attribution: str
    intro: Evidence | None


def find_statements(
    sentences: tuple[Sentence, ...], people: tuple[Person, ...]
) -> tuple[Statement, ...]:
    """Quotes and paraphrases in the report, in order, with speakers resolved.

    A sentence may hold several ("the ministry said ..., after Trump wrote that ..."); a
    surname alone ("Lee told a briefing") is the person of that surname named in full anywhere
    in the report; "the ministry" is the ministry that spoke before.
    """
    names = _full_names(sentences)
    out: list[Statement] = []
    last: _Speaker | None = None
    last_index = -10
    # a headline and its deck sum up the report ("US insists on $1 billion ...", "Seoul's
    # delegation stresses Korea's contribution"): the unpunctuated lines it opens with say nothing
    # the body does not, and are no statements
    deck = next((s.index for s in sentences if s.text.rstrip()[-1:] in ".!?:\"”"), 0)
    for s in sentences:
        if s.index < deck:
            continue
        turn = _turn(s, names)
        captioned = _captioned(s, names)
        if captioned is not None:
            # "[JEONG EUN-BO / Chief Negotiator]": the quote after a caption is the named person's
            last, last_index = captioned, s.index
            continue
        prev = sentences[s.index - 1].text if 0 < s.index <= len(sentences) else ""
        # (the sentence before that too, when the one before opens with the pronoun: "Then
        # President Donald Trump killed it." + "He rejected the package in April ..." + "\"I
        # rejected it,\" he told reporters")
        prev2 = sentences[s.index - 2].text if 1 < s.index <= len(sentences) and \
            _PRONOUN_FIRST.match(prev) else ""
        # (a presenter's turn in brackets, read without its label: "[REPORTER] Several
        # opposition lawmakers said ...", each statement's source the sentence as written)
        label = _BRACKETED_PRESENTER.match(s.text) if turn is None else None
        read = replace(s, text=_double_quoted(s.text[label.end() if label is not None else 0 :]))
        found = [turn] if turn is not None else _statements(read, people, last, names, out, prev,
                                                            prev2)
        if read.text != s.text:
            found = [_sourced_in(st, s) for st in found]
        briefing = _SPOKE_TO_PRESS.search(s.text) if not found else None
        who = _subject(s.text[: briefing.start()]) if briefing is not None else None
        briefer = _resolve(who, people, last, names, out) if who else None
        if briefer is not None and _is_person(briefer.name):
            # "U.S. chief negotiator James DeHart spoke to reporters and placed the blame on
            # the Korean side." + a quote alone: his words
            last, last_index = briefer, s.index
            continue
        if (not found and last_index < s.index - 1 and _QUOTE.fullmatch(read.text.strip())
                and not _QUOTE.search(prev)):
            # "After the meeting, chief negotiator Jeong Eun-bo sounded a cautious note." + a
            # quote alone: the words of the one person the sentence before names, who said
            # nothing there (and quoted no one: a quote there is a statement not read)
            # (past a sound bite's tag on a line of its own: "... James DeHart put the blame
            # squarely on the Korean side." + "[SOUNDBITE]" + a quote)
            tagged = s.index >= 2 and _SOUND_BITE_TAG.fullmatch(prev.strip()) is not None
            at = s.index - 1 if tagged else s.index
            named = _named_before(at, sentences[at - 1].text if tagged else prev, names, people)
            bare = _bare_quote(read, named) if named is not None and _is_person(named.name) \
                else None
            found = [_sourced_in(bare, s)] if bare is not None else []
        if not found and last is not None and s.index - last_index <= 2:
            bare = _bare_quote(read, last)
            found = [_sourced_in(bare, s)] if bare is not None else []
        for statement in found:
            out.append(statement)
            if statement.attribution != "preceding" or last is None:
                last = _Speaker(
                    statement.speaker,
                    statement.speaker_mention,
                    statement.role,
                    statement.party,
                    statement.attribution,
                    statement.speaker_evidence,
                )
            last_index = s.index
    return _spelled_out(_negotiator_named(out, people), sentences)


_USFK = re.compile(r"\b(?:U\.?S\.?|United\sStates)\sForces\sKorea\b")
# a person meeting the press, words not yet told
_SPOKE_TO_PRESS = re.compile(
    r"\s(?:spoke|talked)\sto\s(?:reporters|journalists|the\spress)\b|"
    r"\s(?:briefed|addressed)\s(?:reporters|journalists|the\spress)\b|"
    r"\s(?:held|gave)\s(?:a|his|her)\s(?:own\s)?(?:briefing|news\sconference|press\sconference)\b"
)


def _negotiator_named(statements: list[Statement], people: tuple[Person, ...]) -> list[Statement]:
    """"Seoul's chief negotiator said" in a report where one person, named in full, speaks and
    is of no other side: that person ("... Seoul's chief negotiator said." + "Jeong Eun-bo told
    reporters ...")."""
    if not any(_PARTY_NEGOTIATOR.fullmatch(st.speaker) for st in statements):
        return statements
    # (named as the speaker of a statement of their own, not only the "he" a pronoun was read
    # as: "Kim Min-ji has the latest." + "He added ..." names a reporter, no negotiator)
    named = {st.speaker: st for st in statements if st.attribution == "explicit"
             and re.fullmatch(NAME_PATTERN, st.speaker) and len(st.speaker.split()) >= 2}
    persons = {st.speaker for st in statements if re.fullmatch(NAME_PATTERN, st.speaker)
               and len(st.speaker.split()) >= 2}
    if len(persons) != 1 or len(named) != 1:
        return statements
    (person,) = persons
    side = next((p.party for p in people if p.name == person), None)
    out = []
    for st in statements:
        m = _PARTY_NEGOTIATOR.fullmatch(st.speaker)
        if m is not None and side in (None, country_code(m.group("party"))):
            # (the name's own sentence is the speaker's evidence)
            own = named[person]
            st = replace(st, speaker=person,
                         speaker_evidence=own.speaker_evidence or primary(own.evidence))
        out.append(st)
    return out


_PARTY_NEGOTIATOR = re.compile(
    rf"(?:the\s)?(?P<party>{COUNTRY_PATTERN})['’]s\s(?:chief|top|lead)\s(?:negotiator|envoy)",
    re.I,
)


def _spelled_out(
    statements: list[Statement], sentences: tuple[Sentence, ...]
) -> tuple[Statement, ...]:
    """A command named by its acronym ("USFK said") or as "the command" in a report that
    spells it out ("U.S. Forces Korea") speaks under the fullest name the report gives; so does a
    bare ministry."""
    full = next((m.group() for s in sentences if (m := _USFK.search(s.text))), None)
    if full is not None:
        # ("the command said" in such a report is that command too)
        statements = [replace(st, speaker=full) if st.speaker in ("USFK", "command") else st
                      for st in statements]
    # "the Pentagon said" in a report that names the U.S. Department of Defense: that name
    department = next((m.group() for s in sentences if (m := _DOD.search(s.text))), None)
    if department is not None:
        statements = [replace(st, speaker=department)
                      if re.fullmatch(r"(?:the\s)?(?:Pentagon|Department\sof\sDefense)", st.speaker,
                                      re.I) else st
                      for st in statements]
    # a bare "the ministry said" in a report that names one ministry in full ("a statement
    # released by Seoul's foreign ministry"): that ministry, as the report names it
    ministries = {m.group() for s in sentences for m in _MINISTRY_NAMED.finditer(s.text)}
    if len(ministries) == 1:
        (ministry,) = ministries
        statements = [replace(st, speaker=ministry) if _bare_ministry(st.speaker, ministry)
                      else st for st in statements]
    elif not ministries:
        # ... or names one ministry without its country ("details released by the foreign
        # ministry" + "the ministry said"): that ministry, as the report first names it
        plain = [m.group() for s in sentences for m in _MINISTRY_PLAIN.finditer(s.text)]
        if len({m.lower() for m in plain}) == 1:
            statements = [replace(st, speaker=plain[0])
                          if re.sub(r"^the\s", "", st.speaker.lower()) == "ministry" else st
                          for st in statements]
    # "the government" or the capital speaking in a report where one ministry of that side
    # speaks too ("South Korea on Wednesday released the details ..." + "..., South Korea's
    # Foreign Ministry said"): the ministry, the one source the report names (the corpus's
    # writers fold them so seven times to one)
    speaking = {st.speaker for st in statements if _MINISTRY_SPEAKING.fullmatch(st.speaker)}
    in_capital = {m for m in speaking if re.search(r"\sin\s(?:Seoul|Tokyo)$", m)}
    for local in in_capital:
        # "the foreign ministry in Seoul said" and "South Korea's foreign ministry said": one
        # ministry, under the name that says whose
        owned = [m for m in speaking - in_capital if country_code(m) == country_code(local)
                 and m.lower().endswith(re.sub(r"\sin\s\w+$", "", local).lower())]
        if len(owned) == 1:
            statements = [replace(st, speaker=owned[0]) if st.speaker == local else st
                          for st in statements]
            speaking.discard(local)
    if len(speaking) == 1:
        (ministry,) = speaking
        statements = [replace(st, speaker=ministry) if _same_side(st.speaker, ministry)
                      else st for st in statements]
    return tuple(statements)


_MINISTRY_SPEAKING = re.compile(
    r"(?:(?:South\sKorea|Korea|Seoul|Japan|Tokyo)['’]s\s)?(?:the\s)?(?i:foreign|defen[cs]e)\s"
    r"(?i:ministry)(?:\sin\s(?:Seoul|Tokyo))?"
)
_BARE_SIDE = re.compile(r"(?:the\s)?(?:government|Government|Seoul|South\sKorea|Tokyo|Japan)")


def _same_side(speaker: str, ministry: str) -> bool:
    """Is `speaker` a bare "the government" or a capital or country whose ministry
    `ministry` may be (a ministry that names no side may be either's)?"""
    if _BARE_SIDE.fullmatch(speaker) is None:
        return False
    side, named = country_code(speaker), country_code(ministry)
    return side is None or named is None or side == named


_DOD = re.compile(r"\b(?:U\.S\.\s)?Department\sof\sDefense\b")


def _bare_ministry(speaker: str, named: str) -> bool:
    """"ministry" or "foreign ministry", said bare, of the one ministry the report names."""
    bare = re.sub(r"^the\s", "", speaker.lower())
    return bare == "ministry" or (bare in ("foreign ministry", "defense ministry",
                                           "defence ministry") and named.lower().endswith(bare))


_MINISTRY_NAMED = re.compile(
    rf"\b(?:{COUNTRY_PATTERN})['’]s\s(?:[Ff]oreign|[Dd]efen[cs]e)\s[Mm]inistry\b"
)


_MINISTRY_PLAIN = re.compile(r"\b(?:[Ff]oreign|[Dd]efen[cs]e)\s[Mm]inistry\b")


_FULL_NAME = re.compile(rf"\b{NAME_PATTERN}\b")
# a speaker's turn in a transcript: "JEONG: We had very candid discussions.", "SENIOR ADVISOR
# DEHART: Good afternoon.", "TRUMP (sound bite): ..."
_TURN = re.compile(
    # (a name's own lower-case letters kept: "JAMES DeHART:", "McCARTHY:")
    # (after a sound bite's tag: "SOUND BITE -- JEONG EUN-BO, CHIEF NEGOTIATOR:")
    r"^(?:SOUND\s?BITE\s?(?:--|—|–|-)\s?)?"
    r"(?P<label>[A-Z](?:[a-z]{1,2}[A-Z])?[A-Z.'’-]+(?:\s[A-Z](?:[a-z]{1,2}[A-Z])?[A-Z.'’-]+){0,3})"
    # (an office may follow: "JAMES DEHART, U.S. NEGOTIATOR:", "JEONG EUN-BO, Chief
    # Negotiator:")
    r"(?:,\s[A-Z][A-Za-z.'’/ -]{1,40}(?<!\s))?"
    r"(?:\s\([^()]{1,30}\))?:\s"
    r"(?P<text>\S.*)$|"
    # (or in brackets before a quote: "[DEHART] \"Unfortunately, ...\"")
    # (or in parentheses, with a note after the name: "(DEHART, IN ENGLISH): \"...\"",
    # "(DeHart, sound bite) \"...\"")
    r"^[\[(](?P<label2>[A-Z](?:[a-z]{1,2}[A-Z])?[A-Z.'’-]+(?:\s[A-Z](?:[a-z]{1,2}[A-Z])?[A-Z.'’-]+)"
    r"{0,3}|[A-Z][a-z]+(?:[A-Z][a-z]+)?)(?:,\s[^\])\"“]{1,30})?[\])]:?\s(?P<text2>[\"“].*)$"
)


# a video script's sound bite, the name and the office in either order, then "SAYING": "(SOUNDBITE)
# (Korean) SOUTH KOREAN CHIEF NEGOTIATOR, JEONG EUN-BO, SAYING: ..." (Reuters' shot lists)
_SHOT_LIST_BITE = re.compile(
    rf"^{_SOUND_BITE}\s(?:\([A-Za-z ]{{2,20}}\)\s)?"
    r"(?P<who>[A-Z][A-Z0-9.'’/ -]{1,60}(?:,\s[A-Z][A-Z0-9.'’/ -]{1,60}){0,2}),\s"
    r"(?:SAYING|SAYS)(?:\s\([^()]{1,30}\))?:\s(?P<text>\S.*)$"
)


# a broadcast's caption naming who speaks next: "[JEONG EUN-BO / Chief Negotiator]",
# "[SOUNDBITE: Jeong Eun-bo, chief negotiator]", "[SOUND BITE - JEONG EUN-BO]"
_CAPTION = re.compile(
    r"^\[(?:(?:SOUND\s?BITE|SOT|INTERVIEW|VOICE)\s?[:-]\s?)?(?P<label>[A-Za-z.'’ -]+?)\s*"
    r"(?:[/,|][^\]]*)?\]$"
)


_CAPTIONED_OFFICE = re.compile(
    r"\b(?:official|spokes(?:man|woman|person)|negotiator|diplomat|lawmaker|legislator|member|"
    r"worker|employee|representative|officer|commander|analyst|expert|resident)$"
)


def _captioned(s: Sentence, names: tuple[tuple[str, Evidence], ...]) -> _Speaker | None:
    """The person a caption line names (a presenter's names no one): by the name the report
    writes in full, matched without case, or by that name's surname."""
    m = _CAPTION.match(s.text.strip())
    if m is None or m.group("label").upper() in _PRESENTERS:
        return None
    label = m.group("label").lower()
    full = next((n for n in names if n[0].lower() == label), None) or next(
        (n for n in names if len(label.split()) == 1 and _surname(n[0]).lower() == label), None)
    if full is None and _CAPTIONED_OFFICE.search(label):
        # "[SOUND BITE - FOREIGN MINISTRY OFFICIAL]": an office named, no name
        return _Speaker(label, None, None, None, "explicit",
                        s.evidence("speaker"))
    if full is None:
        return None
    return _Speaker(full[0], None, None, None, "explicit", full[1])


# "He said", "On Tuesday he claimed", "Last week, she wrote": the pronoun opens the clause
# the words that open a time or circumstance told before a clause's subject ("On Tuesday he
# claimed", "During the campaign, he said", "In April, Trump rejected ...")
_OPENERS_OF_TIME = (
    r"On|Last|Earlier|Later|This|In|By|Next|Then|During|At|After|Before|Since|Throughout"
)
_PRONOUN_FIRST = re.compile(
    rf"^(?:(?:But|And|Yet)\s)?(?:(?:{_OPENERS_OF_TIME})\s(?:[\w,]+\s){{0,3}}?)?"
    # (or after a participle telling where or when: "Speaking on Oct. 15, he said ...")
    r"(?:(?:Speaking|Writing|Addressing|Asked)\s[^,\"“”]{1,50},\s)?"
    r"(?:(?<=\s)(?:he|she)|He|She)\s"
)
_PRONOUN_AFTER_QUOTE = re.compile(
    r"^[\"“][^\"”]+[\"”],?\s(?:he|she)\s|"
    # the pronoun in an aside after the subject: "The gap, he acknowledged, is still wide"
    # (with where or when: "The U.S. side, he said at a separate briefing, was demanding ...")
    r"^[^,\"“]{1,60},\s(?:he|she)\s[a-z]+(?:\s[^,\"“]{1,40})?,\s|"
    # ... or after a quoted phrase that ends a paraphrase: 'Seoul remains committed to an
    # outcome that is "mutually acceptable," he said'
    r"^[^\"“]{1,160}[\"“][^\"”]{1,80}[,.][\"”]\s(?:he|she)\s(?:said|says|added|told)\b|"
    # ... or a paraphrase ending in its attribution: "Our position remains that any increase
    # has to be reasonable, he said."
    # (or with a participle after it: "..., he said, describing the American delegation as
    # having \"listened more than we have spoken.\"")
    r"^[^\"“”]{1,240},\s(?:he|she)\s(?:said|says|added|insisted|noted)\b[^,\"“”]{0,40}"
    r"(?:$|,\s(?:describing|adding|saying|noting|calling|citing)\b)"
)


_PLURAL_NOUN = re.compile(
    r"(?:[Tt]he\s)?(?:\S+\s){0,3}\S*(?:ists|ers|ians|ants|ents|ors|als|ics|ats|ars|ives|ources)$")


def _a_group(name: str, names: tuple[tuple[str, Evidence], ...]) -> bool:
    """Whether a speaker is many, not one: a plural noun ("Economists", "diplomatic sources"),
    not the surname of a person the report names in full ("Sanders")."""
    return (_PLURAL_NOUN.fullmatch(name) is not None
            and not any(_surname(n) == name or n == name for n, _ in names))


def _is_person(name: str) -> bool:
    return re.fullmatch(NAME_PATTERN, name) is not None and _clean_name(name) is not None


_PRESENTERS = frozenset({"ANCHOR", "REPORTER", "CORRESPONDENT", "HOST", "NEWSREADER", "Q", "A",
                         "QUESTION", "MODERATOR", "INTERVIEWER"})


# a label in capitals that heads a section or a dateline, not a speaker's turn ("BREAKING
# NEWS:", "EDITOR'S NOTE:", "KEY POINTS:"; a two-word city's first word: "LOS ANGELES:", "NEW
# YORK:"; a name has no small words)
_HEADING_WORDS = re.compile(
    r"\b(?:NEWS|UPDATE|BREAKING|NOTE|CORRECTION|TAGS?|RELATED|ANALYSIS|BACKGROUND|TIMELINE|"
    r"FACTBOX|EXPLAINER|OPINION|EDITORIAL|COMMENTARY|WHAT|WHY|HOW|KEY|FACTS?|PLUS|MORE|READ|"
    r"ALSO|SEE|PHOTO|VIDEO|WATCH|LIVE|SOURCES?|"
    r"LOS|LAS|SAN|SANTA|NEW|HONG|KUALA|BUENOS|"
    r"THE|OF|AND|FOR|IN|ON|AT|TO)\b")


# (nor an office or a voice, unnamed: "CITY OFFICIAL:", "UNION MEMBER:", "FEMALE RESIDENT:")
_UNNAMED_LABEL = re.compile(
    rf"\b(?:{ROLE_NOUN_PATTERN}|residents?|workers?|employees?|members?|voices?|callers?|"
    r"protesters?|students?|man|woman|male|female|officials|spokes\w+|analysts?|experts?|"
    r"soldiers?|officers?|leaders?|representatives?|negotiators?|unidentified|unnamed)\b")


def _turn(s: Sentence, names: tuple[tuple[str, Evidence], ...]) -> Statement | None:
    """The words of a transcript's turn, said by the person its label names by surname (the
    report names them in full elsewhere); a presenter's turn (ANCHOR, Q) names no one."""
    bite = _SHOT_LIST_BITE.match(s.text)
    if bite is not None:
        # the part of the label that is a name ("JEONG EUN-BO"), not an office, nor the office
        # written before the name ("U.S. NEGOTIATOR JAMES DEHART")
        given = ""
        for part in bite.group("who").split(", "):
            tail = _UNNAMED_LABEL.split(part.lower())[-1].strip()
            if len(tail.split()) >= 2 or tail == part.lower():
                given = part[len(part) - len(tail):]
                break
        m = _TURN.match(f"{given}: {bite.group('text')}") if given else None
    else:
        m = _TURN.match(s.text)
    if m is None:
        return None
    given = m.group("label") or m.group("label2")
    if given in _PRESENTERS:
        return None
    # by the whole name ("KANG KYUNG-WHA": a Korean name's surname comes first) or by surname
    whole = given.lower()
    label = whole.split()[-1]
    full = next((n for n in names if n[0].lower() == whole), None) or next(
        (n for n in names if _surname(n[0]).lower() == label), None)
    if full is None:
        # a name in full in the label alone, words that name no place, party or heading
        # ("JEONG EUN-BO (Chief Negotiator): ..."); a surname alone names no one unknown
        spelled = " ".join(w.capitalize() for w in given.split())
        if (len(given.split()) < 2 or not _is_person(spelled) or find_actors(spelled)
                or _HEADING_WORDS.search(given) or _UNNAMED_LABEL.search(spelled.lower())):
            return None
        full = (spelled, s.evidence("speaker"))
    speaker = _Speaker(full[0], given, None, None, "explicit", full[1])
    said = m.group("text") or m.group("text2")
    return _make(s, speaker, "quote", None, said.strip().strip('"“”'))


@lru_cache(maxsize=8)  # read by `find_people` and `find_statements` for the same report
def _full_names(sentences: tuple[Sentence, ...]) -> tuple[tuple[str, Evidence], ...]:
    """Every name of two or more words the report writes (first mention first)."""
    seen: dict[str, Evidence] = {}
    for s in sentences:
        for name in _names_in(s.text):
            seen.setdefault(name, s.evidence("speaker"))
    return tuple(seen.items())


def _names_in(text: str) -> list[str]:
    """The names of two or more words a text writes, in order, each without a title before it
    ("President Donald Trump" is Donald Trump; a courtesy title too: "Mr Trump" is Trump)."""
    out = []
    for m in _FULL_NAME.finditer(text):
        tokens = m.group().split()
        while tokens and (tokens[0] in NOT_NAMES or tokens[0] in _COURTESY_TITLES
                          or tokens[0].startswith("Then-")):  # ("Then-President Donald Trump")
            tokens.pop(0)
        name = _clean_name(" ".join(tokens)) if tokens else None
        if name and len(name.split()) >= 2 and tokens[-1] not in _BODY_WORDS:
            out.append(name)
    return out


# the last word of a body's name, never a person's: "the Armed Services Committee", "the
# Center for Strategic and International Studies"
_BODY_WORDS = frozenset({
    "Committee", "Center", "Centre", "Institute", "Foundation", "University", "Council",
    "Agency", "Association", "Studies", "Command", "Commission", "Academy", "Organization",
    "Organisation", "Times", "Herald", "Daily", "Journal", "Group", "Fund", "Treaty"})


_OFFICES_NAMED_ALONE = frozenset({"Pentagon", "Congress", "Parliament", "Diet", "Cabinet"})


_PLACE_WORD_BEFORE = re.compile(r"\b(?:the|in|across|throughout)\s$")
_SUBJECT_AFTER = re.compile(r"(?:['’]s|\s(?:has|had|is|was|said|says))\b")


def _surname_before(prev: str) -> _Speaker | None:
    """The one person the sentence before names by a surname alone, in a report that never
    gives the full name ("It was vintage Trump." + "Speaking on 15 October, the former
    president claimed ..."): a capitalised word that is no country, office or sentence opener
    (one that opens the sentence only as a subject: "Trump has never been shy"); none from a
    headline in title case ("Trump Says S. Korea Would Pay 10 Bil. Dollars a Year")."""
    words = prev.split()
    if len(words) >= 4 and sum(w[:1].isupper() for w in words) > 0.6 * len(words):
        return None
    found = {
        m.group() for m in re.finditer(r"\b[A-Z][a-z]{2,}\b(?!-)", prev)
        if m.group() not in NOT_NAMES and m.group() not in _OFFICES_NAMED_ALONE
        and not any(len(a.code) == 3 for a in find_actors(m.group()))
        # (no place: "the Atlantic", "in Europe"; no compound: "Working-level negotiators")
        and not _PLACE_WORD_BEFORE.search(prev[max(0, m.start() - 12) : m.start()])
        and (m.start() > 0 or _SUBJECT_AFTER.match(prev[m.end():]))
    }
    if len(found) != 1:
        return None
    return _Speaker(found.pop(), None, None, None, "explicit", None)


def _named_before(
    index: int, prev: str, names: tuple[tuple[str, Evidence], ...], people: tuple[Person, ...]
) -> _Speaker | None:
    """The one person the sentence before names: in full there, else by the surname of a full
    name the report gives or of someone named with an office ("That same month, Trump turned
    down a deal." + "\"I rejected it,\" he said."); None if it names none or several."""
    found = [(n, ev) for n, ev in names if ev.index == index - 1] or [
        (n, ev) for n, ev in names if re.search(rf"\b{re.escape(_surname(n))}\b", prev)] or [
        (p.name, p.evidence) for p in people if re.search(rf"\b{re.escape(p.surname)}\b", prev)]
    unique = list(dict(found).items())
    if len(unique) != 1:
        return None
    name, evidence = unique[0]
    person = _person_by_name(name, people)
    return _Speaker(name, None, person.role if person else None,
                    person.party if person else None, "explicit", evidence)


# a person told by a description of their standing, not an office held: "the Republican
# candidate", "the president-elect", "the former president"
# (or "the former U.S. president" after the sentence that names him: "Donald Trump has a gift
# for numbers. Speaking on Oct. 15, the former U.S. president said ...")
_THE_CANDIDATE = re.compile(
    r"the\s(?:[A-Z][a-z]+\s|former\s|then\s)?(?:U\.?S\.?\s|American\s)?(?:presidential\s)?"
    r"(?:candidate|nominee|"
    r"president-elect|front-?runner|former\s(?:U\.?S\.?\s|American\s)?president|ex-president)",
    re.I,
)
# one unnamed person opening a sentence as its subject, a verb right after: "A foreign
# ministry official attributed the cut to ...", "A senior official in Seoul explained ..."
_ONE_PERSON_OPENS = re.compile(
    r"^(?P<r>(?:A|An|One)\s(?:[\w.'’-]+\s){0,3}?(?:official|diplomat|negotiator|spokesman|"
    r"spokeswoman|spokesperson|lawmaker|adviser|advisor)(?:\s(?:in|at|of|from)\s[A-Z][\w.'’]+"
    r"(?:\s[A-Z][\w.'’]+)*)?)\s(?:[a-z]+ed|was|spoke|gave|put|told|said|took|made|met|held|"
    r"sat|led|went|came|left|wrote|sent)\b"
)
# the pronoun that says it later in the same sentence
_PRONOUN_SAID = r"\b(?:he|she)\s(?:said|told|says|added|claimed|insisted|argued)\b"
_NAME_BEFORE_PRONOUN = re.compile(
    rf"(?:(?:U\.S\.\s|Former\s|former\s)?President\s)?(?P<n>{NAME_PATTERN})\s(?![A-Z])"
    rf"(?=[^.\"“”]{{0,160}}?{_PRONOUN_SAID})"
)
# a clause naming a person, a colon, then the pronoun's words: "It took Donald Trump one
# sentence to brush it aside: South Korea, he said on Tuesday, \"would be paying\" ..."
_COLON_THEN_PRONOUN = re.compile(rf"^[^:\"“”]{{3,120}}:\s(?=[^.\"“”:]{{0,80}}?{_PRONOUN_SAID})")
_ROLE_BEFORE_PRONOUN = re.compile(
    r"\b(?P<r>the\s(?:(?:former|new|then|outgoing|incoming|U\.S\.|American|Korean|Japanese|"
    r"South\sKorean|chief|top)\s){0,2}(?:president|prime\sminister|(?:foreign\s|defen[cs]e\s)?"
    r"minister|ambassador|negotiator|envoy|secretary\sof\sstate|secretary|senator|speaker)"
    rf")\b(?=[^.\"“”]{{0,80}}?{_PRONOUN_SAID})"
)


# a country's body told by "its": "Its government insisted that ..."
_COLON_THEN_IT = re.compile(r"^(?P<head>[^:\"“”]{3,120}):\sit\s")
_ITS_BODY = re.compile(r"[Ii]ts\s(?P<body>government|(?:foreign|defen[cs]e)\sministry)")


def _one_country(text: str) -> str | None:
    """The one country a text names (as written), or None if it names none or several."""
    found = {a.country: a.text for a in find_actors(text) if len(a.code) == 3}
    return next(iter(found.values())) if len(found) == 1 else None


def _statements(
    s: Sentence,
    people: tuple[Person, ...],
    last: _Speaker | None,
    names: tuple[tuple[str, Evidence], ...],
    before: list[Statement],
    prev: str = "",
    prev2: str = "",
) -> list[Statement]:
    text = s.text
    aside = _ACCORDING_ASIDE.search(text)
    if aside is not None:
        # "Harris, according to the ministry, called it a sign of the alliance's strength": the
        # subject's words, the source set off between it and its verb (read with the aside
        # blanked, each statement sourced to the sentence as written)
        a, b = aside.span("aside")
        masked = replace(s, text=text[:a] + " " * (b - a) + text[b:])
        return [_sourced_in(st, s) for st in _statements(
            masked, people, last, names, before, prev, prev2)]
    if last is not None and _PRONOUN_FIRST.match(text) and not _is_person(last.name):
        last = None  # "he" is no ministry or embassy that spoke before: a person named before
    pronoun = _PRONOUN_FIRST.match(text) or _PRONOUN_AFTER_QUOTE.search(text)
    if pronoun is not None and last is not None and _a_group(last.name, names):
        last = None  # "he" is no group that spoke before ("Economists have long argued ...")
    if pronoun is not None and last is not None and not re.search(
            rf"\b{re.escape(_surname(last.name))}\b", prev):
        # "His Korean counterpart, Jeong Eun-bo, held his own briefing shortly after. He said
        # ...": the one person the sentence before names, not the speaker before him
        # (or by a surname alone: "* April - Trump rejects a working-level deal." + "\"I
        # rejected it,\" he says on April 20.")
        before_him = _named_before(s.index, prev, names, people) or _surname_before(prev)
        if before_him is not None and before_him.name != last.name:
            last = before_him
    if last is None:
        # "Former President Donald Trump is again targeting Seoul. ..., he claimed ...": a
        # pronoun with no speaker before it is the one person the sentence before names
        # (named in full there, or by office and surname: "President Trump has made the issue
        # a personal cause. He wrote ...")
        last = _named_before(s.index, prev, names, people)

    if last is None and pronoun is not None:
        # "A foreign ministry official attributed the cut to ..." + "\"...,\" he said.": the
        # one unnamed person who is the subject of the sentence before
        role = _ONE_PERSON_OPENS.match(prev)
        if role is not None:
            last = _resolve(role.group("r"), people, None, names, before)
        else:
            # (or the one person it names by a surname alone: "Then came Trump." + "Speaking
            # on Oct. 15, he said ...", "South Korea, he told an audience, \"would be paying\"")
            last = _surname_before(prev)
        if last is None and prev2:
            last = _named_before(s.index - 1, prev2, names, people)

    if last is None:
        # "..., but the former president outdid himself when he said ...": a pronoun with no
        # speaker before it is the person the same sentence names by role before it
        role = _ROLE_BEFORE_PRONOUN.search(text)
        if role is not None:
            last = _Speaker(role.group("r"), None, None, None, "explicit",
                            s.evidence("speaker"))

    opener = _NAME_BEFORE_PRONOUN.match(text)
    if last is None or opener is not None:
        # "Donald Trump on Tuesday put his own number on it: Seoul, he said, \"would be
        # paying\" ...": the person who opens the sentence, whoever spoke before it (a
        # government that spoke in the sentence before is no "he")
        name = _clean_name(opener.group("n")) if opener is not None else None
        colon = _COLON_THEN_PRONOUN.match(text) if name is None else None
        if colon is not None:
            # (or the one person named before a colon: "It took Donald Trump one sentence to
            # brush it aside: South Korea, he said on Tuesday, \"would be paying\" ...")
            before_colon = set(_names_in(colon.group()))
            name = before_colon.pop() if len(before_colon) == 1 else None
        if name is not None and len(name.split()) >= 2:
            last = _Speaker(name, None, None, None, "explicit", s.evidence("speaker"))

    def resolve(who: str) -> _Speaker | None:
        # a statement said by the one who issued it: "A statement from South Korea's foreign
        # ministry said", "a statement issued by Seoul's foreign ministry said", "A foreign
        # ministry statement said"
        who = _STATEMENT_OF.sub(lambda m: m.group("by") or m.group("org"), who.strip())
        colon = _COLON_THEN_IT.match(text) if who == "it" else None
        if colon is not None:
            # "Seoul has kept its nerve: it said this month that ...": the party opening the
            # sentence before the colon
            opening = find_actors(colon.group("head"))
            return resolve(opening[0].text) if opening and opening[0].start == 0 else None
        its = _ITS_BODY.fullmatch(who.strip())
        if its is not None:
            # "Spain secured language ..., and its government said": the body of the one
            # country this sentence (or else the one before) names
            country = _one_country(text) or _one_country(prev)
            return None if country is None else _Speaker(
                f"{country}'s {its.group('body')}", who, None, None, "explicit",
                s.evidence("speaker"))
        found = _resolve(who, people, last, names, before)
        if ((found is None or found.attribution == "descriptor")
                and _THE_CANDIDATE.fullmatch(who.strip())):
            # "Donald Trump has found a new number. On Tuesday the Republican candidate said
            # ...": the one person the sentence before names
            named = _named_before(s.index, prev, names, people) or _surname_before(prev)
            return named if named is not None else found
        return found

    bite = _SOUNDBITE.match(text)
    if bite is not None:
        # "SOUNDBITE (senior ministry official): \"We will not sign anything ...\""
        who = bite.group("who") or bite.group("who2")
        # (a cue in capitals: "KOREAN NEGOTIATING OFFICIAL", "JEONG EUN-BO")
        speaker = resolve(who) if not who.isupper() else (
            resolve(capped) if _is_person(capped := " ".join(w.capitalize() for w in who.split()))
            else resolve(who.capitalize()))
        if speaker is not None:
            return [_make(s, speaker, "quote", None,
                          (bite.group("q") or bite.group("q2")).strip().strip('"“”'))]
    colon = _COLON_QUOTE.match(text)
    if colon is not None and not _VERB_RE.search(colon.group("head")):
        # "Seoul's negotiator, Jeong Eun-bo, was blunt: \"The gap is large.\"": the subject
        # before the colon says the quote after it
        who = _subject(colon.group("head"))
        speaker = resolve(who) if who else None
        if speaker is not None:
            return [_make(s, speaker, "quote", colon.group("verb") or colon.group("put"),
                          colon.group("q"))]
    label = _LABELLED_QUOTE.match(text)
    if label is not None and (
            _names_in(who := label.group("who") or label.group("who2"))
            or _ROLE_THEN_NAME.search(who) or _DESCRIPTOR.match(who) or _ONE_UNNAMED.match(who)
            or _INSTITUTION.match(who) or _GROUP.match(who)
            or re.fullmatch(rf"(?:{_TITLES})+{NAME_PATTERN}", who)):  # ("Mr. Pompeo: ...")
        # a quote labelled with the person who said it, before or after: "Foreign Minister
        # Kang Kyung-wha: \"The talks were useful.\"", "\"...\" -- Victor Cha, CSIS"
        speaker = resolve(who)
        if speaker is not None:
            return [_make(s, speaker, "quote", None, label.group("q") or label.group("q2"))]
    m = _ACCORDING.match(text)
    if m:
        said = m.group("text")
        # "According to Seoul's chief negotiator, Jeong Eun-bo, the two sides ...": the person
        # named in apposition to the role
        apposed = _APPOSED_NAME.match(said) if re.search(
            rf"\b(?i:{ROLE_NOUN_PATTERN})$", m.group("sp")) else None
        person = resolve(apposed.group("name")) if apposed is not None else None
        if person is not None and apposed is not None:
            return [_make(s, person, "paraphrase", "according to", said[apposed.end() :])]
        speaker = resolve(_source_of(m.group("sp")))
        if speaker is not None:
            return [_make(s, speaker, "paraphrase", "according to", said)]
    m = _ACCORDING_LINE.match(text)
    if m:
        # a factbox's line introducing its points: "According to Seoul's foreign ministry:"
        speaker = resolve(m.group("sp")) or _source(m.group("sp"))
        if speaker is not None:
            return [_make(s, speaker, "paraphrase", "according to", text)]
    m = _ACCORDING_AFTER.match(text)
    if m and not _QUOTE.search(m.group("sp")):
        author = _source_of(m.group("sp"))
        # "..., according to a memoir by his former national security adviser, Bolton.": the
        # person named in apposition to the role
        apposed = re.match(rf",\s(?P<name>{NAME_PATTERN})[.,]", text[m.end("sp") :]) \
            if re.search(rf"\b(?i:{ROLE_NOUN_PATTERN})$", author) else None
        speaker = (resolve(apposed.group("name")) if apposed is not None else None) or \
            resolve(author) or _source(author)
        if speaker is not None:
            whole = _make(s, speaker, "paraphrase", "according to", m.group("text"))
            inner = _statements(
                Sentence(m.group("text"), s.index, s.start, s.end), people, last, names, before,
            ) if _VERB_RE.search(m.group("text")) else []
            # "Jeong Eun-bo ... told reporters that both sides had \"explained their positions
            # in detail,\" according to South Korea's Foreign Ministry": his words, as the
            # ministry relays them, are his statement and the ministry's
            # (a person's: "Washington had insisted that ..., according to South Korean
            # officials" is the officials' account of a side's position)
            # (or anyone's, as a news agency relays it: "A State Department spokesperson said
            # ..., according to Yonhap")
            people_said = [replace(st, evidence=whole.evidence) for st in inner
                           if _is_person(st.speaker) or _NEWS_AGENCY.fullmatch(author)]
            if people_said and _STATEMENT_OF.match(author):
                # "Linda Specht said the deal reflected ..., according to a statement released
                # by the U.S. side": her words, as her side's statement gives them
                return people_said
            return [*people_said, whole]
    work = _WORK_OF.match(text)
    writer = resolve(work.group("sp")) if work is not None else None
    if work is not None and writer is not None:
        # "The memoir of Bolton, the former U.S. national security adviser, says ...": its
        # author
        return [_make(s, writer, "paraphrase", work.group("verb"), work.group("text"))]
    m = _WORK_FINDS.match(text)
    if m:
        # "A Defense Department report once put Japan's support at $2.88 billion": a report,
        # study or survey that states a figure is the speaker, as written
        speaker = _Speaker(m.group("sp"), m.group("sp"), None, None, "explicit", None)
        return [_make(s, speaker, "paraphrase", m.group("verb"), m.group("text"))]
    m = _BY_ESTIMATE.search(text)
    if m:
        # "by NATO's own estimate it spent ...", "This year, according to NATO's estimates, 23
        # allies will ...": the source of a figure named with its estimate, anywhere in the
        # sentence; what it estimates is the rest of the sentence
        speaker = resolve(m.group("sp")) or _source(m.group("sp"))
        rest = text[m.end():].lstrip(", ")
        if speaker is not None and rest:
            return [_make(s, speaker, "paraphrase", "according to", rest)]
    m = _QUOTE_THEN_VERB.match(text)
    if m is not None and (m.group("pre") or m.group("pre2")) and (
            _VERB_RE.search(m.group("pre") or m.group("pre2"))
            or not re.search(r"[,.!?][\"”]", m.group())
            or re.match(r"(?:and|but|while|whereas|or)\s", m.group("sp") or "")):
        # (not words before the quote that tell who said it: "Trump said Seoul \"would be
        # paying\" ..."; nor a word quoted as a label: "the \"linchpin\" both governments say
        # it is"; nor a clause of its own after it: "the American \"minimum,\" and Washington
        # insisted on a one-year term")
        m = None
    if m:
        quote = m.group("q") or m.group("q2")
        who = m.group("sp") or re.sub(  # ('said an opposition lawmaker during the debate')
            r"\s(?:during|at|after|before|following|outside|as|when|while|posted|based|"
            r"stationed)\s.*$", "",
            m.group("sp2"))  # ('said ... Jeong Eun-bo as he left the talks')
        verb = m.group("verb") or m.group("verb2")
        speaker = resolve(who.strip())
        if speaker is not None:
            first = _make(s, speaker, "quote", verb, quote)
            # a quote around its attribution: "\"Unfortunately,\" DeHart told reporters,
            # \"the proposals ... were not responsive to our request.\""
            resumed = _QUOTE_RESUMED.match(text, m.end())
            if resumed is not None:
                return [first, _make(s, speaker, "quote", verb, resumed.group("q"))]
            # a second speaker after the first: "\"...,\" Harris said at the signing ceremony,
            # while Kang called it \"a reasonable outcome for both sides.\""
            return [first, *_second_speaker(s, m.end(), people, speaker, names, before)]
    m = _SAID_BETWEEN_COMMAS.match(text)
    if m and not _VERB_RE.search(m.group("text")):
        speaker = resolve(m.group("sp").strip())
        if speaker is not None and _JOINT_SUBJECT.fullmatch(m.group("sp").strip()) and \
                _DEAL_REACHED.search(m.group("text")):
            return []  # "... have reached an agreement in principle ..., the two governments
            # said on Sunday, ending ...": the deal announced together (5 of 7 dev writers)
        if speaker is not None:
            # (and one after: "..., a ministry official said, while critics in the opposition
            # argued the budget should be cut")
            return [_make(s, speaker, "paraphrase", m.group("verb"), m.group("text")),
                    *_second_speaker(s, m.end("verb"), people, speaker, names, before)]
    out: list[Statement] = []
    said = _TRAILING_SAID.search(text)
    speaker = resolve(said.group("sp")) if said is not None else None
    if said is not None and speaker is not None:
        # "The two sides had explained their positions ..., said Seoul's foreign ministry.":
        # the one named last says it all; a person it quotes within keeps his words
        whole = _make(s, speaker, "paraphrase", said.group("verb"), text[: said.start()])
        inner = _statements(Sentence(text[: said.start()], s.index, s.start, s.end), people,
                            last, names, before)
        return [*(replace(st, evidence=whole.evidence) for st in inner
                  if _is_person(st.speaker)), whole]
    tail = _TRAILING_ATTRIBUTION.search(text)
    if tail is not None and _VERB_RE.search(text, 0, tail.start()):
        # "Bolton told officials that ..., sources said Saturday.": two statements
        speaker = resolve(tail.group("sp"))
        if speaker is not None:
            inner = _statements(
                Sentence(text[: tail.start()], s.index, s.start, s.end), people, last, names,
                before,
            )
            if inner:
                whole = _make(s, speaker, "paraphrase", tail.group("verb"), text[: tail.start()])
                # (not a country's stance the sources recount: "Washington had insisted that
                # Seoul pay at least $1 billion, ..., officials familiar with the talks said"
                # is the officials' statement, seven of seven writers)
                return [*(replace(st, evidence=whole.evidence) for st in inner
                          if not _is_party(st.speaker)), whole]
    # "..., with Seoul's chief negotiator Lee Tae-woo saying the two sides had ...", "That did
    # not stop Donald Trump from declaring that ...": the gerund's subject says what follows;
    # so does the agent of a passive "described by US officials as a \"minimum\""
    for gerund in (_FROM_SAYING.search(text), _WITH_SAYING.search(text),
                   _DESCRIBED_BY.search(text), _NAME_SAYING.search(text)):
        speaker = resolve(gerund.group("sp")) if gerund is not None else None
        if speaker is not None and gerund is not None:
            return [_make(s, speaker, "paraphrase", gerund.group("verb"), text[gerund.end() :])]
    disclosed = _DISCLOSED_BY.search(text)
    maker = resolve(disclosed.group("sp")) if disclosed is not None else None
    if maker is not None and disclosed is not None and not _VERB_RE.search(
            text, 0, disclosed.start()) and _TERMS_BEFORE.search(text, 0, disclosed.start()):
        # the terms told, then the office that made them public: its statement (not "Jeong's
        # statement was released by Seoul's foreign ministry", someone else's words relayed)
        return [_make(s, maker, "paraphrase", disclosed.group("verb"), text[: disclosed.start()])]
    participle = _SAYING.search(text)
    if participle is not None and not any(
            not (vm.group("verb") in ("insisted", "insists") and text.startswith(" on ", vm.end()))
            and not _event_told(text, vm)
            for vm in _VERB_RE.finditer(text, 0, participle.start())):
        # (a demand before it is no word said: "U.S. officials had insisted on at least $1
        # billion a year, calling it a minimum"; nor an event: "The State Department confirmed
        # the deal, saying ...")
        # "Spain secured an exemption, saying 2.1% would be enough": the subject says it
        # the subject of the clause the participle ends: the sentence's, or that of a clause
        # joined by "but" / "and" ("Seoul offered ..., but Trump rejected it, saying ...")
        joins = list(_CLAUSE_JOIN.finditer(text, 0, participle.start()))
        clause_at = joins[-1].end() if joins else 0
        # (or after a colon: "The deal then died in the White House: President Trump ... had
        # rejected it, saying ...")
        colon_at = text.rfind(": ", clause_at, participle.start())
        clause_at = (colon_at + 2 if colon_at >= 0 and not _QUOTE.search(text, 0, colon_at)
                     else clause_at)
        clause = text[clause_at : participle.start()]
        # (after a time told first: "That same month, former President Donald Trump rejected
        # a deal ..., calling it too low"; "In April, then-President Trump rejected ...")
        clause = re.sub(r"\b([Tt]hen)-", r"\1 ", _LEADING_TIME.sub("", clause))
        clause = _LINKING_ADVERB.sub("", clause)  # "Instead, President Donald Trump had ..."
        clause = _LIST_LEAD.sub("", clause)
        subject = find_actors(clause)
        # ("Opposition lawmakers grumbled ..., arguing ...": a group, not a name "Opposition";
        # the longest that is one: "Labor union officials staged a protest ..., calling")
        # ("Furlough notices went out ..., warning that": no one named)
        group = _leading_group(clause)
        opening = None if _NOUN_THEN_VERB.match(clause) else (
            re.match(rf"(?:The\s)?{NAME_PATTERN}\b", clause) or re.match(
                rf"{_ROLE_PHRASE}\s{NAME_PATTERN}\b", clause))
        named = group or (opening.group() if opening else None)
        # with its article ("The American negotiators left ..., saying ...")
        lead = 4 if clause.startswith(("The ", "the ")) else 0
        # (or an unnamed office: "A Foreign Ministry official welcomed the vote, saying")
        office = _LEADING_OFFICE.match(clause)
        employed = _with_employer(clause, office.end()) if office else None
        if employed is not None and office is not None and len(employed) > office.end():
            named = None  # "An official at Seoul's foreign ministry declined ..., saying"
        who = subject[0].text if subject and subject[0].start in (0, lead) and not (
            # (a country's adjective that opens a group: "Korean labor unions held rallies")
            group and len(group) > len(subject[0].text)) else (named or employed)
        if who is None and re.match(r"(?:he|she|He|She)\s", clause):
            who = clause.split()[0]  # "On Tuesday he went further, telling supporters that"
        speaker = resolve(who) if who is not None else None
        before_verb = _NOUN_PHRASE_THEN_PAST.match(clause) if speaker is None else None
        if before_verb is not None:
            # an office named by its country's possessive: "Japan's top government spokesman
            # declined to comment on the book, saying only that ..."
            speaker = resolve(before_verb.group("np"))
        for when in reversed(list(_SUBORDINATE.finditer(clause)) if speaker is None else []):
            # no one opens the sentence: the subject of a clause within says it ("Relations
            # were tested when the U.S. delegation walked out ... after 90 minutes, saying ...")
            within = find_actors(clause[when.end() :])
            lead = 4 if clause.startswith("the ", when.end()) else 0
            if within and within[0].start in (0, lead):
                speaker = resolve(within[0].text)
                break
        if speaker is not None and _is_party(speaker.name) and _SIDE_DEMANDED.search(clause):
            # "Washington had demanded at least $1 billion a year, calling that figure a
            # minimum": a side's stance as the report recounts it, not words it said (no
            # writer of 29 lists Washington for it)
            speaker = None
        if speaker is not None:
            told = _QUOTE.search(text, participle.end())
            if participle.group("verb") == "telling" and told:
                return [_make(s, speaker, "quote", "telling", told.group("q"))]
            return [_make(s, speaker, "paraphrase", participle.group("verb"),
                          text[participle.end() :])]
    taken = 0
    for vm in _VERB_RE.finditer(text):
        if vm.start() < taken or inside_quote(text, vm.start()):
            continue
        if _event_told(text, vm):
            continue  # "negotiators announced the deal": an event told, not words said
        if vm.group("verb") in ("told", "tells") and _OTHER_STORY.match(text, vm.end()):
            continue  # "The Korean side told a different story.": its account follows, by
            # whoever tells it (0 dev writers of 8 name this subject)
        if vm.group("verb") in ("insisted", "insists") and re.match(r"\son\b", text[vm.end():]):
            continue  # "Washington insisted on a one-year term": a demand, not words said
        head = text[: vm.start()].rstrip()
        if vm.group("verb") == "put" and re.search(
                r"\b(?:[Ee]stimates?|[Ff]igures?|[Dd]ata|[Ss]tatistics|[Cc]alculations?)\b",
                head[taken:]):
            continue  # "Estimates for 2024 put the number at 23": no one's words
        if re.search(r"\b(?:not|never)$|n['’]t$", head):
            continue  # "Officials in Seoul have not said so publicly": nothing said (15 of 17
            # dev writers name no speaker)
        who = _subject(head[taken:])
        if not who or who.endswith(("'s", "’s")):
            continue  # (a possessive is no subject: "Washington's reported ask of Tokyo")
        if vm.group("verb") in ("insisted", "insists") and _is_party(_strip_article(who)) and \
                re.search(r"\bas\s$", head[: len(head) - len(who)]):
            continue  # "The deal lasts one year, as the U.S. insisted, ...": a side's demand
            # met, nothing said
        if vm.group("verb") == "insisted" and re.match(r"(?:has|had)\s", vm.group()) and \
                _is_party(_strip_article(who)):
            continue  # "Seoul has insisted any rise must stay within ...": a side's standing
            # position, no words said (dev writers name the side for 3 of 9)
        if out and _WHILE_PARTY.match(text, taken) and _is_party(_strip_article(who)):
            continue  # "He said Washington was pressing ..., while Seoul insisted ...": the
            # other side's stand is still his account
        if _JOINT_SUBJECT.fullmatch(who) and _DEAL_REACHED.search(head, taken):
            continue  # "... have reached an agreement in principle ..., both governments said
            # on Sunday": the deal announced together, no words of a side (5 of 7 dev writers)
        if vm.group("verb") in ("announced", "pledged") and _JOINT_SUBJECT.fullmatch(
                who.lstrip("*•-–— ")):
            continue  # "the two governments announced ...", "Allies pledged to ...": an act
        speaker = resolve(who)
        if speaker is None and vm.group("verb") == "reported" and not text[vm.end() :].strip(
                " .\"”"):
            speaker = _source(who)  # "..., the Korea Times reported."
        if speaker is None and vm.group("verb") == "put":
            speaker = _source(who)  # "Yonhap News Agency put the number at ..."
        pair = _TWO_PEOPLE.fullmatch(who)
        two = [p for p in (resolve(pair.group("a")), resolve(pair.group("b")))
               if p is not None and _is_person(p.name)] if pair is not None else []
        # (two people who both said it, each a speaker of the same words: "Jeong Eun-bo and his
        # U.S. counterpart James DeHart both said ...")
        said_by = two if len(two) == 2 else [speaker] if speaker is not None else []
        if not said_by:
            continue
        rest = text[vm.end() :].strip()
        if vm.group("verb") in ("told", "tells"):
            rest = _TOLD_WHOM.sub("", rest, count=1)
        elif vm.group("verb") in ("notified", "informed", "notifying", "informing"):
            # "notified its South Korean employees that ...": what, not whom
            rest = re.sub(r"^(?:[\w'’.,-]+\s){1,6}?that\s", "", rest, count=1)
        rest = _WHEN_SAID.sub("", rest, count=1)
        nxt = _next_statement_start(rest)
        said_text = rest[:nxt].rstrip(" ,") if nxt is not None else rest
        if not said_text.strip(" .!?\"”") or _AFTER_VERB_ONLY.match(said_text):
            # "..., officials said (on Thursday).": what was said comes before the attribution
            said = head[taken : len(head) - len(who)].rstrip(" ,")
            if said:
                out.extend(_make(s, by, "paraphrase", vm.group("verb"), said) for by in said_by)
            taken = vm.end()
            continue
        if _JOINT_SUBJECT.fullmatch(_strip_article(who.lstrip("*•-–— "))) and \
                _MEET_AGAIN.match(said_text):
            continue  # "both sides say they will meet again in January": the next meeting
            # told, no words of one side (1 dev writer of 9 names a speaker)
        quote = (
            _QUOTE.fullmatch(said_text.rstrip(".")) if said_text.startswith(('"', "“")) else None
        )
        out.extend(_make(s, by, "quote", vm.group("verb"), quote.group("q")) if quote else
                   _make(s, by, "paraphrase", vm.group("verb"), said_text) for by in said_by)
        if nxt is None:
            break
        taken = vm.end() + (len(text[vm.end() :]) - len(text[vm.end() :].lstrip())) + nxt
    # (beside what the sentence's subject said: "he tweeted that ..., a claim South Korean
    # officials disputed"; or the reply it drew: "Trump had tweeted that Seoul had \"agreed to
    # pay more,\" prompting South Korea's foreign ministry to point out that the talks had not
    # even started")
    beside = [(m, m.group("g") or m.group("g2"), m.start())
              for m in (_GROUP_JUDGED.search(text),) if m] + [
        (m, m.group("sp"), m.end()) for m in (_PROMPTED.search(text),) if m]
    for m, who, said_from in beside:
        speaker = resolve(who)
        if speaker is not None and all(st.speaker != speaker.name for st in out):
            out.append(_make(s, speaker, "paraphrase", m.group("verb") or m.group("verb2"),
                             text[said_from:]))
    also = _AS_DID.search(text) if out else None
    if also is not None:
        # "Jeong Eun-bo said the talks had been useful, as did James DeHart": the same words,
        # said by another
        speaker = resolve(also.group("sp"))
        if speaker is not None and all(st.speaker != speaker.name for st in out):
            out.append(_make(s, speaker, "paraphrase", out[0].verb, text[: also.start()]))
    who_said = (_WHO_SAID.search(text) or _WHICH_SAID.search(text)) if not out else None
    if who_said is not None:
        # "shadowed by U.S. President Donald Trump, who tweeted in August that Seoul had
        # \"agreed to pay more.\"": the relative clause's words are its antecedent's
        speaker = resolve(who_said.group("sp"))
        if speaker is not None:
            out.append(_make(s, speaker, "paraphrase", who_said.group("verb"),
                             text[who_said.end() :]))
    claim = _NAMED_CLAIM.search(text)
    if claim is not None:
        # "despite Donald Trump's claim last October that Seoul \"would be paying\" $10
        # billion a year": the words quoted in a person's claim are that person's
        speaker = resolve(claim.group("sp"))
        if speaker is not None and _is_person(speaker.name) and all(
                st.speaker != speaker.name for st in out):
            out.append(_make(s, speaker, "paraphrase", claim.group("verb"),
                             text[claim.end() :]))
    by_who = _BY_WHO_SAID.search(text) if not out else None
    if by_who is not None:
        # "The decision was welcomed by South Korea's defense ministry, which called it \"a
        # relief\"", "described as a balanced one by a senior Foreign Ministry official, who
        # said ...": the agent of the passive says the relative clause's words
        speaker = resolve(re.sub(r"^(?:a|an|one)\s", "", by_who.group("sp")))
        if speaker is not None:
            out.append(_make(s, speaker, "paraphrase", by_who.group("verb"),
                             text[by_who.end() :]))
    inline = _ACCORDING_INLINE.search(text) if not out else None
    if inline is not None:
        # "Talks stalled under Trump, who according to former national security adviser John
        # Bolton wanted Japan to pay ...": the source named inside the clause
        speaker = resolve(inline.group("sp"))
        if speaker is not None:
            out.append(_make(s, speaker, "paraphrase", "according to", text))
    return out


_SOUNDBITE = re.compile(
    r"^\s*(?:SOUND\s?BITE|SOT|VOICE|INTERVIEW)\s?\((?P<who>[^()]{3,60})\):\s(?P<q>\S.*)$|"
    # (or the cue and who speaks in one bracket: "(SOUNDBITE, KOREAN NEGOTIATING OFFICIAL) \"We
    # cannot ...\"")
    r"^\s*\((?:SOUND\s?BITE|SOT),\s(?P<who2>[^()]{3,60})\)\s(?P<q2>[\"“].*)$"
)
# a reply drawn by what the sentence tells: ", prompting Seoul's foreign ministry to point out
# that ...", ", leading the Pentagon to deny that ..."
_PROMPTED = re.compile(
    r",[\"”]?\s(?:prompting|leading|forcing|causing)\s(?P<sp>[^,;\"“”]{2,60}?)\sto\s"
    r"(?P<verb>say|point\sout|deny|insist|clarify|stress|note|respond|reply|warn|declare|"
    r"publicly\s(?:deny|say|insist))\b(?:\sthat)?\s"
)
_WHO_SAID = re.compile(
    # (or by a surname alone: "pressure from Trump, who said in October that ...")
    r"(?:^|\bby\s|\bfrom\s|,\s)(?P<sp>(?:[A-Z][\w.'’-]*\s){0,5}[A-Z][\w.'’-]+),\swho\s"
    r"(?:had\s|has\s)?(?:\w+ly\s)?(?P<verb>said|tweeted|wrote|claimed|declared|insisted|argued|"
    r"warned|complained|boasted|told\s\w+)\s(?:[^,\"“]{0,30}?\s)?that\s"
)
# ... or a body's, after what it is the object of: "the South Koreans working for United States
# Forces Korea (USFK), which said it regretted the move"
_WHICH_SAID = re.compile(
    r"\b(?:for|by|from|of|with)\s(?P<sp>(?:the\s)?[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,4}|"
    r"the\s(?:[\w'’-]+\s){0,2}ministry)(?:\s\([A-Z]{2,6}\))?,\swhich\s(?:had\s|has\s)?"
    r"(?P<verb>said|warned|announced|insisted|argued)\s(?:that\s)?"
)
# a person's claim with the words it quotes: "Donald Trump's claim last month that Seoul \"would
# be paying\" $10 billion" (a claim without a quote is only told of, not reported)
_NAMED_CLAIM = re.compile(
    r"\b(?P<sp>(?:[A-Z][\w.'’-]*\s){0,4}[A-Z][\w.'’-]+)['’]s\s"
    r"(?P<verb>claim|assertion|boast|declaration|insistence)\s(?:[^,\"“”]{0,30}?\s)?that\s"
    r"(?=[^\"“”]{0,80}[\"“])"
)
# the agent of a passive judgement, then a relative clause of what it said: "welcomed by South
# Korea's defense ministry, which called it ...", "described ... by a senior official, who said"
_BY_WHO_SAID = re.compile(
    r"\b(?:welcomed|praised|criticized|criticised|described|hailed|greeted|endorsed|questioned|"
    r"dismissed)\s(?:[^,.;\"“”]{0,40}?\s)?by\s"
    r"(?P<sp>(?:a|an|the|one)\s[^,.;\"“”]{3,60}?|[A-Z][\w.'’-]*(?:\s[\w.'’-]+){0,5}?),\s"
    r"(?:who|which)\s(?:had\s|has\s)?(?P<verb>said|called|described|added|told\s\w+)\s"
)
_ACCORDING_INLINE = re.compile(
    r"\baccording\sto\s(?P<sp>(?:[\w.'’-]+\s){0,5}?[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,3})"
    r"(?=\s[a-z]|[,;.])"
)
# a time told before the subject: "That same month, ...", "In April, ...", and without the
# comma "On Tuesday he claimed", "Last week the ministry said"
# (the time without a comma is tried first: "On Tuesday Donald Trump, campaigning ..., turned"
# keeps its subject)
_LEADING_TIME = re.compile(
    # (or a date: "On 15 October the former president declared", "On Oct. 15 Trump said")
    # ("Last October Trump said ...")
    # (after a connective: "Yet on Tuesday Trump declared that ...")
    rf"^(?:(?:Yet|But|And)\s)?(?:[Oo]n\s(?:{_WEEKDAY_P}|\d{{1,2}}\s(?:{MONTH})|(?:{MONTH})\s\d{{1,2}}\b)|"
    rf"Last\s(?:week|month|year|{_WEEKDAY_P}|{MONTH}(?=\s[A-Z]))|"
    r"Earlier\s(?:this|that)\s(?:week|month|year)|This\s(?:week|month)|"
    # ("A year ago Trump claimed that ...")
    r"(?:A|One|Two|Three|Some)\s(?:years?|months?|weeks?)\sago|Yesterday|Today|Tonight|"
    # ("Eleven days later Mr Trump declared that ...", "Weeks earlier Donald Trump had ...")
    r"(?:(?:A|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|A\sfew|Some|\d{1,2})"
    r"\s)?(?:[Dd]ays?|[Ww]eeks?|[Mm]onths?|[Yy]ears?)\s(?:later|earlier))\s(?=\w)|"
    # (not an office held then: "Then-President Donald Trump, asked about ..., said")
    rf"^(?:(?:That|This|The)\s(?:same\s)?(?:month|year|week|day)|(?:{_OPENERS_OF_TIME})\b(?!-)"
    r"[^,]{0,30}),\s"
)
_QUOTE_RESUMED = re.compile(r"[^\"“”]{0,40}?,\s[\"“](?P<q>[^\"”]{3,}?)[,.]?[\"”]\.?\s*$")
# an attribution set off by commas in the middle: "Washington has asked for about $4 billion
# a year, South Korean media have reported, down from an earlier demand"
_SAID_BETWEEN_COMMAS = re.compile(
    r"^(?P<text>[^\"“”]{10,}?),\s(?P<sp>[^,.\"“”]{2,50}?)\s(?:have\s|has\s)?"
    r"(?P<verb>said|reported|say|says|report|reports),\s[^\"“”]+$"
)
_WITH_SAYING = re.compile(
    # ("with its chief negotiator, James DeHart, complaining that ...": an apposition)
    r",\swith\s(?P<sp>[^,\"“”]{3,80}?(?:,\s[^,\"“”]{3,40},)?)\s(?P<verb>saying|adding|noting|"
    r"insisting|warning|complaining|arguing|claiming|stressing)\s"
    # (saying nothing is no statement: "with both governments saying little in public")
    r"(?!(?:little|nothing|not\smuch|less|almost\snothing)\b)(?:that\s)?"
)
# ... or without "with", a name before the participle: "The U.S. team walks out on Nov. 19
# after about 90 minutes, DeHart saying Seoul's proposals were \"not responsive\""
_NAME_SAYING = re.compile(
    r",\s(?P<sp>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,3})\s(?P<verb>saying|adding)\s(?:that\s)?"
)
# "That did not stop Donald Trump from declaring last October that Seoul \"would be paying\"
# ...": the one kept from saying it said it
_FROM_SAYING = re.compile(
    r"\b(?:stop|stopped|prevent|prevented|keep|kept)\s(?P<sp>[^,\"“”]{3,60}?)\sfrom\s"
    r"(?P<verb>declaring|asserting|claiming|saying|insisting|arguing|boasting|suggesting)\b"
)
_COLON_QUOTE = re.compile(
    # (or "put it" so: "One official in Seoul put it this way: \"Both sides want a deal.\"")
    r"^(?P<head>[^:\"“”]{3,120}?)\s(?:(?P<verb>was|were|is|are|sounded|remained)(?:\s[\w-]+){1,2}|"
    r"(?P<put>put)\sit(?:\s[\w-]+){0,2}):\s"
    r"[\"“](?P<q>[^\"”]{3,}?)[\"”]\.?$"
)
# a quote labelled with a person's name, not said in a clause: a pull quote or a headline's
# ("Kang Kyung-wha: \"...\"", "\"...\" -- Kang Kyung-wha")
_LABELLED_QUOTE = re.compile(
    r"^(?P<who>[^:\"“”]{5,80}):\s[\"“](?P<q>[^\"”]{3,}?)[\"”]\.?$|"
    r"^[\"“](?P<q2>[^\"”]{3,}?)[\"”]\s?(?:--|—|–)\s?(?P<who2>[^\"“”:]{5,80}?)\.?$"
)
# a word said, told in the passive with who said it: "described by US officials as a \"minimum\""
_DESCRIBED_BY = re.compile(
    r"\b(?P<verb>described|called|dismissed|hailed|branded)\sby\s(?P<sp>[^,.\"“”]{3,60}?)\sas\b"
)
# terms made public by an office, its agent named: "under a new five-year agreement announced by
# the foreign ministry on Friday", "a six-year SMA unveiled by the Foreign Ministry on Wednesday"
_DISCLOSED_BY = re.compile(
    r"\b(?P<verb>announced|disclosed|unveiled|released|made\spublic)\sby\s"
    r"(?P<sp>(?:the\s)?(?:(?:South\sKorea|Seoul|Japan|Tokyo)['’]s\s)?(?:[Ff]oreign\s[Mm]inistry|"
    r"[Mm]inistry\sof\s[Ff]oreign\s[Aa]ffairs|[Dd]efen[cs]e\s[Mm]inistry|State\sDepartment))\b"
)
# ... with the terms named before it ("under a new five-year agreement announced by ...")
_TERMS_BEFORE = re.compile(
    r"\b(?:agreement|deal|accord|pact|SMA\)?|terms|details|figures)\s(?:[^.;]{0,40}\s)?$", re.I)
# a list's bullet opening a line ("* U.S. President-elect ...", "- Former President ..."), with a
# timeline's day after it ("* Nov. 19, 2019 - U.S. delegation walks out ...")
_LIST_LEAD = re.compile(rf"^[-–*•]\s(?:{MONTH}\s\d{{1,2}}(?:,\s\d{{4}})?{ENTRY_DASH}\s)?")
# a subject up to its verb in the past: "Japan's top government spokesman declined ..."
_NOUN_PHRASE_THEN_PAST = re.compile(
    rf"^(?P<np>(?:{_PARTY_ADJ})['’]s\s(?:[\w-]+\s){{0,3}}?[\w-]+)\s(?:[a-z]+ly\s)?[a-z]{{3,}}ed\b"
)
# a side's demand told before a participle: "Washington had pressed for at least $1 billion"
_SIDE_DEMANDED = re.compile(
    r"\b(?:had|has)\s(?:\w+ly\s)?(?:pressed|demanded|asked|insisted|sought|wanted)\b"
)
_CLAUSE_JOIN = re.compile(r",\s(?:but|and|while|whereas|although|though)\s|;\s")
# where a subordinate clause opens in a sentence's head: "... when the U.S. delegation walked out"
# (or "since": "There has been little progress since President Donald Trump turned down
# Seoul's offer in April, calling it insufficient")
_SUBORDINATE = re.compile(r"\b(?:when|after|because|as|once|since)\s")
_SAYING = re.compile(
    # "telling reporters ..., \"I rejected it\"": the participle with its hearers and a quote
    r",\s(?:later\s|then\s)?(?P<verb>telling(?=\s(?:reporters|journalists|the\spress|[A-Z][\w.]*)"
    r"[^\"“]{0,40}[\"“])|"
    # (or any hearers told that: "he went further, telling supporters that South Korea ...")
    r"telling(?=\s(?:[\w'’-]+\s){1,3}that\s)|"
    r"saying|adding|arguing|insisting|noting|warning|declaring|claiming|stressing|asserting|"
    r"complaining|"
    # a call made: "Lawmakers attached conditions to their consent, urging the government to
    # move to a requirement-based system" (the subject's words, as "urged" is)
    r"(?:urging|calling\son)(?=\s[^.;\"“”]{1,60}?\sto\s)|"
    # a case made by what it rests on: "demanded closer scrutiny of the funds, pointing to
    # reports that unspent money had piled up"
    r"pointing\s(?:to|out)(?=\s)|"
    # "rejected a working-level deal, calling it too low"
    r"calling(?=\s(?:it|them|this|that)\s)|describing(?=\s(?:it|them|this|that)\s)|"
    # ("staged a protest ..., calling the workers \"bargaining chips\"": a label in quotes)
    r"calling(?=\s(?:[\w'’-]+\s){1,3}[\"“]))\s(?:that\s)?"
)
_TRAILING_ATTRIBUTION = re.compile(
    rf",\s(?P<sp>[^,\"”]{{2,60}}?)\s(?P<verb>said|say|says|reported|"
    r"told\s(?:reporters|journalists|(?:the\s)?[A-Z][\w.]+(?:\s[A-Z][\w.]+){0,2}))"
    rf"(?:\s(?:on\s)?{_WEEKDAY_P})?\.?$"
)
# an attribution inverted at the end of a sentence: "Seoul wants a fair deal, said Jeong Eun-bo,
# the chief negotiator.", "The two sides had explained their positions ..., said Seoul's
# foreign ministry." (an initial's stop is no end: "..., said U.S. Forces Korea.")
_TRAILING_SAID = re.compile(
    r"(?<![\"”’']),\s(?P<verb>said|says|added|adds|noted)\s"
    rf"(?P<sp>(?:[^,.\"“”]|{_STOP_IN_NAME}){{2,90}}?)(?:,\s[^\"“”]*)?\.?$")
_WHEN_SAID = re.compile(
    rf"^(?:on\s)?(?:{_WEEKDAY_P}|on Twitter|in a statement|at a briefing)\s(?:that\s)?(?=\S)"
)
# "..., (a day) after X wrote that ...": a second reported clause
# (the comma may stand inside a quote that ends there: "... would \"contribute to a robust
# combined defence posture,\" while Harris called it ...")
_NEXT_CLAUSE = re.compile(
    r",[\"”]?\s(?:(?:a|one|two|three|several)\s(?:days?|weeks?|hours?)\s(?=after|before))?"
    r"(?:after|before|while|as|when|because|since)\s|"
    # "..., and lawmakers from both main parties have said ...": a subject of its own
    # (or after a semicolon: "...; James DeHart said the gap remained wide")
    r"(?:,[\"”]?\s(?:and|but|while|whereas)|;(?:\s(?:and|but|while))?)\s"
    r"(?=(?:[\w.'’-]+\s){1,6}(?:have\s|has\s|had\s)?"
    # ("..., and analysts have questioned whether ...")
    r"(?:said|say|says|argued|warned|insisted|stressed|told|questioned|claimed|complained|"
    r"noted|criticized|criticised|admitted|acknowledged|conceded|added|"
    # (or a plural's present: "..., and officials here concede the allies may go without")
    r"concede|acknowledge|admit|warn|argue|insist|note)\b)|"
    # "..., a claim South Korea's government denied at the time": the claim's denier
    r",[\"”]?\s(?:a|an)\s(?:claim|charge|assertion|figure|statement)\s(?:that\s|which\s)?"
    r"(?=(?:[\w.'’-]+\s){1,6}(?:denied|disputed|rejected|dismissed|played\sdown)\b)"
)


_WHILE_PARTY = re.compile(r",[\"”]?\s(?:while|whereas)\s")


def _second_speaker(
    s: Sentence, after: int, people: tuple[Person, ...], last: _Speaker,
    names: tuple[tuple[str, Evidence], ...], before: list[Statement],
) -> list[Statement]:
    """What a second speaker says in a clause joined after an attribution ("..., while Kang
    called it ...", "..., while critics in the opposition argued ..."): its subject opens with
    a capital or is a group; none when no clause follows."""
    text = s.text
    other = _CLAUSE_JOIN.search(text, after)
    verb = _VERB_RE.search(text, other.end()) if other is not None else None
    if other is None or verb is None:
        return []
    subject = text[other.end() : verb.start()].strip()
    if not (subject[:1].isupper() or _GROUP.match(subject)) or _is_party(_strip_article(subject)):
        return []  # (a side's stand is still the first speaker's account: "..., he said, and
        # Seoul insists that any new deal stay within the framework")
    second = Sentence(text[other.end() :], s.index, s.start, s.end)
    return _statements(second, people, last, names, before)


def _event_told(text: str, vm: re.Match[str]) -> bool:
    """A reporting verb that tells an event, not words said: "negotiators announced the deal",
    "the State Department confirmed the deal", "negotiators announced that they had agreed";
    but a ministry announcing that the two sides agreed says it ("The foreign ministry announced
    Friday that the two sides had concluded negotiations": 2 of 2 dev writers)."""
    return vm.group("verb") in ("announced", "confirmed") and bool(
        _EVENT_OBJECT.match(text, vm.end()) or (_AGREED_THAT.match(text, vm.end())
        and not _MINISTRY_BEFORE.search(text, 0, vm.start())))


_MINISTRY_BEFORE = re.compile(r"\b(?:[Mm]inistry|Department|[Oo]ffice)\s$")


def _is_party(who: str) -> bool:
    """A country or its capital, named alone and nothing more ("Seoul", "United States")."""
    found = find_actors(who)
    return len(found) == 1 and found[0].text == who and len(found[0].code) == 3


def _next_statement_start(rest: str) -> int | None:
    """Where a second reported clause starts in what follows a reporting verb (", after X
    wrote ..."), if one does."""
    m = _NEXT_CLAUSE.search(rest)
    if m is None or _VERB_RE.search(rest, m.end()) is None:
        return None
    return m.start()


_ASIDE = re.compile(
    # ("former President Donald Trump, campaigning for a return to the White House, claimed")
    # ("Harris, standing beside her, said the deal showed ...")
    r",\s(?:speaking|asked|asking|declining|requesting|who|campaigning|standing|sitting|"
    r"flanked|appearing|addressing|writing|"
    # "The foreign ministry, in a statement, said": where or how it was said
    # (any one word telling what kind: "in a terse statement")
    r"in\sa\s(?:[a-z]+\s)?(?:statement|text\smessage|briefing|"
    r"press\srelease|release|interview|post)|"
    # "Specht, in brief remarks to reporters, said"
    r"in\s(?:brief\s|short\s|separate\s|later\s|closing\s|opening\s)?(?:remarks|comments)|"
    r"at\sa\s(?:briefing|press\sconference|news\sconference)|"
    # "The State Department, for its part, said"
    r"for\s(?:its|his|her|their)\spart|meanwhile|in\sturn|however|too|by\scontrast|"
    r"in\scontrast|"
    # "President Trump, it later emerged, had rejected it, saying ..."
    r"it\s(?:later\s|soon\s)?(?:emerged|turned\sout|appears|appeared|seems|seemed))\b"
    r"[^,\"“”]{0,100},?$"
)
# a statement named by who issued it, read as its issuer: "A statement from South Korea's
# foreign ministry", "a statement issued by Seoul's foreign ministry", "A Pentagon statement"
_STATEMENT_OF = re.compile(
    r"(?:^|(?<=,\s))(?:[Aa]|[Tt]he|[Ii]ts)\s(?:(?:brief|short|terse|joint|written|separate)\s)?"
    r"(?:statement|press\srelease)\s(?:from|issued\sby|released\sby|by)\s(?P<by>[^,\"“”]{3,60})$|"
    r"(?:^|(?<=,\s))(?:[Aa]|[Tt]he)\s(?P<org>(?:[\w.'’-]+\s){0,4}?(?i:ministry|department|"
    r"embassy|office|government|command|Pentagon|USFK|NATO))\sstatement$"
)
# "A Seoul official who asked not to be named said": the relative clause is no part of the name
# (a number's comma within: "9,000"; or a name's apposition: "who has faced his American
# counterpart, Linda Specht, across the table")
_RELATIVE_ASIDE = re.compile(r",\s(?:which|who|whose)\s(?:[^,\"“”]|,(?=\d{3})|"
                             r",\s[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3},(?=\s[a-z])){3,120},$")
# (or a participle: "A union representative speaking outside one of the bases said")
_RELATIVE_AFTER_SPEAKER = re.compile(
    r"\s(?:who|which|that|speaking|standing|interviewed|reached)\s[^,\"“”]{3,60}$")
# the object of "announced" that is an event, not what was said ("announced a deal on Oct. 4")
_EVENT_OBJECT = re.compile(
    # (a date set off by commas first: "announced, on 4 October, a new five-year Special
    # Measures Agreement")
    r"(?:,?\s(?:on\s)?[^,]{3,25},)?"
    r"\s(?:a|an|the|their|its)\s(?:[\w-]+\s){0,4}?(?:deal|agreement|accord|pact|Agreement|SMA)\b"
    r"(?!\s(?:would|will|is|was|had|has|includes|calls)\b)"
)
# a deal reached, told before who announced it ("have reached an agreement in principle")
_DEAL_REACHED = re.compile(
    r"\b(?:reached|struck|clinched|sealed)\s(?:an?\s|the\s)?(?:[\w-]+\s){0,3}?"
    r"(?:agreement|deal|accord)\b"
)
# both parties together, whose announcement or pledge is an act of the talks, not words one side
# said ("the two governments announced on Oct. 4", "NATO members pledged to halt the decline")
# (or the negotiators of both: "the text, which negotiators announced Oct. 4"; 0 dev writers of
# 14 name them speakers)
_JOINT_SUBJECT = re.compile(
    r"(?i:(?:the\s)?(?:two|both)\s(?:governments|sides|allies|countries|capitals|delegations)|"
    r"(?:the\s)?allies|(?:the\s)?negotiators)|(?:the\s)?NATO\s(?:members|allies)"
)
_OTHER_STORY = re.compile(r"\sa\s(?:very\s|rather\s|quite\s)?different\s(?:story|tale)\b")
# the next meeting, as both sides tell it: "(they will) meet again next month", "try again in
# the new year", "keep talking"
_MEET_AGAIN = re.compile(
    r"(?:only\s)?(?:that\s)?they\s(?:will|would)\s(?:meet|try|sit\sdown|pick\sthings\sup|resume|"
    r"reconvene|keep\s(?:talking|negotiating))\b(?:\sagain)?"
)
# "announced on Oct. 4 that they had agreed on a 12th Special Measures Agreement": the event
_AGREED_THAT = re.compile(
    r"(?:\s(?:on\s)?[\w.]+(?:\s\d{1,2})?)?(?:\s?that)?\s(?:they|it|both\ssides|the\stwo\s\w+)\s"
    r"(?:had\s|have\s)?(?:agreed|reached|struck|settled|concluded)\b"
)
_DETERMINER = r"(?:a|an|the|its|their|his|her|[A-Z][a-z]+['’]s)"
# a name, then its role in apposition, right before the verb
_NAME_THEN_ROLE_BEFORE_VERB = re.compile(
    # (after a time said first: "A year ago Donald Trump, then a candidate, said"; the role
    # may be dated: "then a candidate", "now the party's leader")
    rf"(?:^|[;:]\s|\bthat\s|[\"”]\s|(?:--|—|–)\s|"
    r"\b(?:ago|earlier|later|[Tt]hen|[Ll]ast\s(?:week|month|year)|when|after|as|while)\s|"
    # (a name in apposition to a role before it: "His South Korean counterpart, Jeong Eun-bo, a
    # former finance ministry official, said"; or after it: "Seoul's negotiator Jeong Eun-bo, a
    # former finance ministry official, said")
    rf"\b(?i:{ROLE_NOUN_PATTERN}|counterpart),\s|"
    r"['’]s\s(?:chief\s|top\s|lead\s)?(?:negotiator|envoy)\s|"
    # (or after "counterpart": "His counterpart Jeong Eun-bo, a former finance ministry
    # official, said")
    r"\b[Cc]ounterpart\s(?=[A-Z])|"
    # (or after the office the sentence opens with: "Former U.S. President Donald Trump, the
    # Republican presidential candidate, said")
    # (a wire's dateline before it too: "(Jiji Press)--Former U.S. President ...")
    rf"(?:^|--|—|–)\s?{_ROLE_PHRASE}\s|"
    # (or after a title: "Gen. Robert Abrams, the USFK commander, said")
    r"(?:^|\s)(?:Gen|Lt|Maj|Col|Adm|Sen|Rep|Gov|Amb|Dr|Mr|Mrs|Ms)\.\s|"
    # (or after a paraphrase it ends: "... for fair and equitable burden sharing, James DeHart,
    # the senior U.S. negotiator, told reporters")
    r"(?<=\w),\s)"
    # (the person's age may come first: "Kim Jae-yeon, 54, a USFK worker, said")
    rf"(?P<name>{NAME_PATTERN}),\s(?:\d{{2}},\s)?"
    rf"(?:(?:(?:then|now|later|formerly)\s(?:{_DETERMINER}\s)?|"
    # (or an office with no article: "Mark Rutte, NATO's secretary general,", "Choi Eung-sik,
    # head of the USFK Korean Employees Union,")
    rf"{_DETERMINER}\s|[A-Z]{{2,}}['’]s\s|(?-i:[a-z]+)\s(?=of\s))[^,\"“”]{{2,120}}?,?|"
    # (or any words in lower case set off by commas: "Son Ji-oh, spokesperson for the union,",
    # "Kim Jae-yeon, former deputy foreign minister,", "Trump, in a tweet,")
    r"(?-i:[a-z])[^,\"“”]{1,119},)$"
)
# a group said to say what a relative clause tells: "a step officials said would ...", "which
# officials said would reduce ..."
_GROUP_IN_RELATIVE = re.compile(
    r"\b(?:which|that|what|a\s[a-z]+)\s(?P<g>(?:[\w.'’-]+\s){0,2}?(?:officials|sources|diplomats|"
    # ("a sum officials here privately describe as unrealistic": "here" is no name's)
    r"analysts|experts|lawmakers|critics|government|ministry|negotiators)|"
    # (or one of them: "what one diplomat called", "what a senior Defense Ministry official
    # described as")
    r"(?:a|an|one)\s(?:[\w.'’-]+\s){0,3}?(?:official|source|diplomat|analyst|expert|"
    r"lawmaker|negotiator))(?:\shere)?$"
)
# a source set off between a named subject and its verb: "Harris, according to the ministry,
# called it ..."
_ACCORDING_ASIDE = re.compile(
    rf"(?:^|\b(?:while|whereas|and|but)\s){NAME_PATTERN}(?P<aside>,\saccording\sto\s"
    r"[^,\"“”]{3,60},)\s(?:\w+ly\s)?[a-z]+(?:ed|ld|id)\b")
# another who said the same: "..., as did James DeHart."
_AS_DID = re.compile(r",\s(?:as\sdid|and\sso\sdid)\s(?P<sp>[^,.;\"“”]{3,60}?)\.?$")
# who judged a claim, named: "Seoul", "Jeong Eun-bo", "the foreign ministry", "Seoul's foreign
# ministry", "U.S. officials" (the name's stops its own: "the U.S. State Department")
_WHO_JUDGED = (
    r"(?:the\s)?(?:[A-Z]|(?<=the\s)[a-z])(?:[\w'’-]|\.(?=\w)|(?<=\.[A-Z])\.)*"
    r"(?:\s(?:[A-Z]|(?<=[Ff]oreign\s)m|(?<=[Dd]efen[cs]e\s)m|(?=(?:officials|diplomats|"
    r"negotiators|lawmakers|government)\b)[a-z])(?:[\w'’-]|\.(?=\w)|(?<=\.[A-Z])\.)*){0,3}"
    r"(?:['’]s\s[\w\s]{2,30}?)?"
)
# a figure and the group that judged it, in a relative clause with its pronoun left out: "a
# figure South Korean lawmakers across party lines have called unacceptable", "a demand
# Japanese officials regarded as unrealistic", "a claim South Korean officials disputed" (the
# group speaks, six dev writers of six)
_GROUP_JUDGED = re.compile(
    # (or with its pronoun: "a number that officials here privately called impossible")
    # (or its relative clause set off: "Trump's claim, which Seoul's foreign ministry disputed")
    r"\b(?:(?:a|an|the)\s(?:[\w-]+\s)?|['’]s\s)(?:figure|demand|claim|number|sum|request|amount)"
    r"(?:\s|,\s(?=which\s))(?:that\s|which\s)?"
    rf"(?P<g>(?:(?:{_PARTY_ADJ}|European)\s)?(?:officials|lawmakers|"
    r"diplomats|negotiators|analysts|critics|experts|observers)(?:\sin\s[A-Z][a-z]+)?|"
    # (or a ministry: "a claim Seoul's Foreign Ministry disputed")
    rf"(?:the\s|(?:{COUNTRY_PATTERN})['’]s\s)(?:[Ff]oreign|[Dd]efen[cs]e)\s[Mm]inistry)"
    r"(?:\shere|\sacross\sparty\slines|\sfrom\sboth\s(?:main\s)?parties)?\s"
    r"(?:have\s|had\s)?(?:\w+ly\s)?(?P<verb>called|regarded|dismissed|disputed|brushed\saside|"
    r"described|rejected|denied|call|regard|describe)\b|"
    # (or in the passive, by whom: "a claim denied by Seoul's foreign ministry", "The report was
    # disputed by Seoul")
    # (or what the report said between: "The report that Seoul had agreed to pay more was
    # denied by the foreign ministry")
    r"\b(?:figure|demand|claim|number|sum|request|amount|report|reports|account)"
    r"(?:\s(?:that|which)\s[^,;:\"“”]{3,80}?)?"
    r"(?:\s(?:was|were|has\sbeen|had\sbeen))?\s(?:\w+ly\s)?(?P<verb2>denied|disputed)\sby\s"
    rf"(?P<g2>{_WHO_JUDGED})"
    r"(?=[,.;]|\s(?:as|and|on|in|which)\b|$)"
)
# "Donald Trump, then a candidate, says": a name and a short apposition before the verb
_NAME_THEN_APPOSITION = re.compile(
    rf"(?P<name>{NAME_PATTERN}),\s(?:then|now|once|still|already)\s[^,\"“”]{{1,50}},\s*$"
)
_COUNTRY_THEN_APPOSITION = re.compile(
    rf"^(?:But\s|And\s)?(?P<c>{COUNTRY_PATTERN}),\s(?:one|among|alone|the\sonly|a\s|an\s|long|"
    # (or a participle's or an "as" aside: "Spain, estimated to have spent only 1.28 % ...,
    # said", "Spain, as expected, said")
    # (with a second aside: "Spain, whose defence spending was estimated at 1.28 percent of GDP
    # last year, among the lowest in the alliance, said")
    r"which|whose|as|[a-z]+ed|[a-z]+ing)\b[^,\"“”]{2,100},(?:\s[^,\"“”]{2,60},)?$"
)
# a country whose relative clause tells what it says: "Spain, which says it can meet its
# targets with about 2.1 %, secured ...", "Spain, which had long argued that ..." (3 of 3 dev
# writers name the country; the verb's adverbs and "had" are the verb's, `_VERB_RE`)
_COUNTRY_WHICH_SAYS = re.compile(
    rf"^(?:But\s|And\s)?(?P<c>{COUNTRY_PATTERN}),\swhich\s?$"
)
_TRAILING_NAME = re.compile(rf"(?:{_ROLE_PHRASE}\s)?{NAME_PATTERN}$")


# the words that may open a clause as a group, two or three ("The" no group's first word of three)
# ("The Korean employees' union": a possessive word within)
_LEADING_GROUP = re.compile(r"(?:The\s)?[A-Z][a-z]+\s[a-z]+\b")
_LEADING_GROUP_3 = re.compile(r"(?:The\s)?(?!The\b)[A-Z][a-z]+\s[a-z]+(?:s['’])?\s[a-z]+\b")


def _leading_group(head: str) -> str | None:
    """The group opening a clause, the longest `_GROUP` accepts: "Labor union officials" (not
    "Labor union"), "Opposition lawmakers" (not a name "Opposition"); None if none does."""
    for pattern in (_LEADING_GROUP_3, _LEADING_GROUP):
        m = pattern.match(head)
        if m is not None and _GROUP.match(m.group()):
            return m.group()
    return None
_LEADING_OFFICE = re.compile(
    rf"(?:[Tt]he\s|[Aa]n?\s){_ROLE_MODIFIER}{{0,2}}(?:{_PARTY_ADJ}\s)?{_ROLE_MODIFIER}{{0,2}}"
    rf"(?i:{ROLE_NOUN_PATTERN})(?=[\s,])"
)


# a capitalised word that heads a plural noun before a past verb is no name: "Furlough notices
# went out to employees, warning that ..."
_NOUN_THEN_VERB = re.compile(r"^[A-Z][a-z]+\s[a-z]+s\s(?:went|were|have|had|[a-z]+ed)\b")
_LINKING_ADVERB = re.compile(
    r"^(?:Instead|However|Meanwhile|Still|Yet|Later|Earlier|Afterwards?|Again|Indeed|"
    r"Nonetheless|Nevertheless|Moreover|Likewise|Similarly|Elsewhere|Then|[A-Z][a-z]+ly),\s"
)


def _with_employer(head: str, end: int) -> str:
    """An office with the institution it speaks for: "A spokesman for South Korea's foreign
    ministry declined ... but said" is that spokesman, not any "A spokesman"."""
    words = head[end:].split()
    if words[:1] in (["for"], ["of"], ["at"]):
        for n in range(min(7, len(words)), 1, -1):
            if _INSTITUTION.match(" ".join(words[1:n])):
                return f"{head[:end]} {' '.join(words[:n])}"
    return head[:end]


# a clause's first verb in the past, its object or complement right after: "declined to",
# "met reporters", "arrived in Seoul" (not "one furloughed worker")
_FIRST_PREDICATE = re.compile(
    r"\s(?:(?:also|later|then|first|had|has|have)\s)*(?:[a-z]{3,}ed|met|told|went|gave|took|"
    r"held|made|spoke|left|sent|wrote)\s(?=(?:to|the|a|an|his|her|their|its|on|in|at|with|for|any|"
    r"reporters|questions|comment)\b|[A-Z])")


def _subject(head: str) -> str | None:
    """The words right before a reporting verb that could name a speaker: the last clause, or
    a name ending a longer clause ("When asked whether ... forward DeHart said")."""
    # a subordinate clause's conjunction is no part of its subject: "When Donald Trump, then a
    # candidate, declared ..."
    head = re.sub(r"^(?:When|After|As|While|Although|Though|Because|If|Since|Once)\s(?=[A-Z])",
                  "", head)
    head = _LIST_LEAD.sub("", head)  # a factbox's bullet: "* U.S. President-elect ..."
    # a live blog's time: "08:52  A ministry official says", "Yesterday, 23:40  Sources in ..."
    head = re.sub(r"^(?:(?:Yesterday|Today),\s)?\d{1,2}:\d{2}\s+", "", head)
    # ... nor a linking adverb: "Instead, the top U.S. negotiator, James DeHart, came out ...
    # and said"
    head = _LINKING_ADVERB.sub("", head)
    # a time told before the subject without a comma: "On Tuesday he claimed", "Last week
    # the ministry said"
    head = _LEADING_TIME.sub("", head)
    # ... or a phrase of time or place before a pronoun, without a comma: "In past remarks he
    # has said", "In April he wrote"
    head = re.sub(rf"^(?:{_OPENERS_OF_TIME})\s(?:[\w'’.-]+\s){{1,4}}?(?=(?:he|she)$)", "", head)
    # an acronym given after the name: "U.S. Forces Korea (USFK) has said"
    # (also before a comma: "U.S. Forces Korea (USFK), which stations ..., has warned")
    head = re.sub(r"(?<=\w)\s\([A-Z][A-Za-z.&]{1,9}\)(?=[\s,]|$)", "", head)
    # (or set off by commas: "U.S. Forces Korea, or USFK, said")
    head = re.sub(r"(?<=\w),\sor\s[A-Z][A-Za-z.&]{1,9},$", "", head)
    # the speaker's place after its name: "the foreign ministry here said", "officials here"
    head = re.sub(r"(?<=\w)\shere$", "", head)
    # ... or after it: "South Korea's foreign ministry on Wednesday said"
    # (or a date: "South Korea's foreign ministry on March 10 released details of")
    head = re.sub(rf"(?<=\w)\s(?:on\s)?(?:{_WEEKDAY_P}|(?:{MONTH})\s\d{{1,2}}|"
                  rf"\d{{1,2}}\s(?:{MONTH}))$", "", head)
    # ... or a month or a week: "U.S. Forces Korea this month notified its employees that"
    head = re.sub(r"(?<=\w)\s(?:this|last)\s(?:month|week)$", "", head)
    # an aside between the speaker and the verb: "A senior official in Seoul, speaking on
    # condition of anonymity, said ..."
    head = _ASIDE.sub("", head)
    # (or the person's age, or a picture's caption cue: "Jeong Eun-bo, 55, said", "Jeong
    # Eun-bo (pictured) said")
    head = re.sub(r"(?<=[a-z]),\s\d{2},$|(?<=[a-z])\s\((?:pictured|left|right|centre|center|"
                  r"above|below|photo)\)$", "", head)
    # a relative clause set off by commas between the subject and its verb: "Spain, which was
    # at 1.28 % last year, said ..."
    head = _RELATIVE_ASIDE.sub("", head)
    relative = _RELATIVE_AFTER_SPEAKER.search(head)
    if relative is not None and re.search(
            r"\b(?:official|officials|diplomat|diplomats|source|sources|spokes\w+|negotiator|"
            r"representatives?|leaders?|"
            r"lawmakers?|legislators?|parties|unions?|groups|critics|analysts|members|workers?|"
            r"employees?|residents?|experts?|observers)$",
            head[: relative.start()], re.I):
        head = head[: relative.start()]
    country = _COUNTRY_THEN_APPOSITION.match(head.strip()) or _COUNTRY_WHICH_SAYS.match(head)
    if country is not None:
        return country.group("c")  # "Spain, one of the lowest spenders in the alliance, said"
    role = _NAME_THEN_ROLE_BEFORE_VERB.search(head) or _NAME_THEN_APPOSITION.search(head)
    if role is not None and (_clean_name(role.group("name")) is not None
                             or _ROLE_THEN_NAME.fullmatch(role.group("name"))):
        # "Kim In-chul, a spokesman for the foreign ministry, said"; "Former President Donald
        # Trump, the Republican candidate, has repeatedly complained"
        return role.group("name")
    clause = re.split(
        r"[,;:][\"”’']?\s|\s?(?:--|—|–)\s?|\s-\s|\bthat\s|\bwhether\s|"
        r"\b(?:after|before|when|while|as|because|but|though|although|whereas|where)\s",
        head,
    )[-1].strip()
    clause = _LEADING.sub("", clause).strip().rstrip(",")
    # a relative clause's own speaker: "The furlough, which USFK said would last ..."
    clause = re.sub(r"^(?:which|that)\s(?=[A-Z])", "", clause)
    told = _GROUP_IN_RELATIVE.search(clause)
    if told is not None:
        return told.group("g")  # "a step officials said would improve transparency"
    if clause.endswith((" and", " but")) or clause in ("and", "but"):
        # (with a comma before "but": "Officials would not give figures, but stressed that")
        # "Bolton visited Tokyo in July and told officials ...", "A senior Japanese government
        # official declined to comment ... but said ...": the first verb's subject
        group = _leading_group(head)
        if group is not None:
            return group  # "Civic groups, which ..., welcomed ... but said"
        first = re.match(rf"(?:The\s)?{NAME_PATTERN}", head)
        if (first and _clean_name(first.group()) is not None
                and first.group() not in _TITLE_ABBREVIATIONS):  # (not "Rep." alone)
            return first.group()
        # (a name behind its office: "Defense Secretary Mark Esper welcomed ... and said")
        titled = re.match(r"(?:(?:[A-Z][\w.'’-]*|of|the)\s)+", head)
        opening = _names_in(titled.group()) if titled else []
        if opening:
            return opening[-1]
        office = _LEADING_OFFICE.match(head)
        if office is not None:
            named = re.match(rf",\s(?P<n>{NAME_PATTERN}),\s", head[office.end():])
            if named is not None and _clean_name(named.group("n")) is not None:
                return named.group("n")  # "the top U.S. negotiator, James DeHart, came ... and"
            return _with_employer(head, office.end())
        # "South Korea's Foreign Ministry confirmed the agreement and said ...": an institution
        words = head.split()
        for n in range(min(6, len(words)), 0, -1):
            if _INSTITUTION.match(" ".join(words[:n])):
                return " ".join(words[:n])
        # (the words before the first verb: "Chief negotiator Jeong Eun-bo declined to give
        # details but said", "Rep. Kim Jong-dae of the Justice Party declined ... but")
        predicate = _FIRST_PREDICATE.search(head)
        if (predicate is not None and 0 < len(head[: predicate.start()].split()) <= 10
                and not _is_party(head[: predicate.start()])):  # (a party's is a position)
            return head[: predicate.start()]
    if clause and (len(clause.split()) <= 8 or _GROUP.match(clause)
                   or _NAME_OF_ORGANISATION.fullmatch(clause)
                   or (len(clause.split()) <= 14 and _TWO_PEOPLE.fullmatch(clause))):
        # ("Some members of the Foreign Affairs and Unification Committee questioned ...")
        return clause
    pronoun = re.search(r"\s(?P<p>he|she)$", clause)
    if pronoun is not None:
        return pronoun.group("p")  # "At a campaign event last month he said ..."
    trailing = _TRAILING_NAME.search(clause)
    if trailing and _clean_name(trailing.group()) is not None:
        return trailing.group()
    return None


_NAME_OF_ORGANISATION = re.compile(
    # (a title or an office before the name: "Rep. Kim Jong-dae of the Justice Party", "Prime
    # Minister Pedro Sanchez of Spain"; the body's name may hold small words: "the Center for
    # Strategic and International Studies")
    rf"(?:{_TITLES}|{_ROLE_PHRASE}\s)?(?P<name>{NAME_PATTERN})\s(?:of|from|at)\s(?:the\s)?"
    r"[A-Z][\w.&'’-]*(?:\s(?:[A-Z][\w.&'’-]*|for|and|of|on|the)){0,7}"
)


# a political party or another body named in full: "the ruling Democratic Party", "the Liberty
# Korea Party", "the Democratic Party of Korea", "the USFK Korean Employees Union"
_NAMED_BODY = re.compile(
    r"(?:[Tt]he\s)?(?:(?:ruling|main|minor|opposition|conservative|liberal|progressive)\s)*"
    r"(?P<body>(?:[A-Z][\w.'’-]*\s){1,4}(?:Party|Union|Federation|Association|Confederation|"
    r"Coalition)(?:\sof\s[A-Z][a-z]+)?)"
)


def _resolve(
    who: str,
    people: tuple[Person, ...],
    last: _Speaker | None,
    names: tuple[tuple[str, Evidence], ...] = (),
    before: list[Statement] | None = None,
) -> _Speaker | None:
    """Who a speaker phrase refers to, or None if it names no one."""
    # (a factbox's bullet is no part of the speaker: "* Seoul's foreign ministry called ...")
    who = _LEADING.sub("", re.sub(r"^\s*[*•–-]\s+", "", who)).strip().rstrip(",")
    # a relative clause describes the speaker it follows: "a European diplomat who took part
    # in the talks"
    who = re.sub(r"(?<=[a-z])\s(?:who|whose)\s.*$", "", who)
    if ", " in who:  # an apposition: "the chief U.S. negotiator, James DeHart"
        # (a person named before the group he belongs to: "Kim Hyun-wook, a professor at the
        # Korea National Diplomatic Academy")
        split = list(reversed(who.split(", ")))
        parts = [_resolve(part, people, last, names, before) for part in split]
        named = [f for f in parts if f is not None and f.attribution == "explicit"
                 and " " in f.name]
        # (the part that is the name itself, not a body named within a part)
        persons = [f for f, part in zip(parts, split, strict=True) if f is not None and f in named
                   and _is_person(f.name) and f.name == part.strip()]
        if persons or named:
            return (persons or named)[0]
    who = re.sub(
        r"(?:\s(?:has|have|had|also|already|again|earlier|reportedly|long|often|publicly|"
        r"today|yesterday|tonight|now|himself|herself|themselves|itself))+$",
        "",
        who,
    )
    # the author of a work: "John Bolton's memoir confirms ..."
    author = _AUTHOR_OF_WORK.fullmatch(who)
    if author is not None:
        who = author.group("a")
    # a rank, an office or a courtesy title before a name: "Rep. Kim Jong-dae", "Lt. Gen. Kim
    # Seung-kyum", "Mr. Chang", "Ms Kang"; or a candidacy: "Republican candidate Trump"
    who = re.sub(rf"^(?:{_TITLES}|(?:{'|'.join(_COURTESY)})\s|{_CANDIDACY})+(?=[A-Z])", "", who)
    body = _NAMED_BODY.fullmatch(who)
    if body is not None:
        # "The ruling Democratic Party said", "The USFK Korean Employees Union said": a party
        # or body named in full, as written
        actors = find_actors(body.group("body"))
        return _Speaker(body.group("body"), who, None, actors[0].country if actors else None,
                        "explicit", None)
    of_org = _NAME_OF_ORGANISATION.fullmatch(who)
    if of_org is not None and _clean_name(of_org.group("name")) is not None:
        # "Linda Specht of the State Department": the person, not the department
        return _resolve(of_org.group("name"), people, last, names, before)
    if _PRONOUN.match(who):
        if last is None or _a_group(last.name, names):
            return None  # ("he" is no group that spoke before)
        return _Speaker(last.name, who, last.role, last.party, "pronoun", last.intro)
    by_role = _ROLE_THEN_NAME.fullmatch(_strip_article(who))
    name = _clean_name(by_role.group("name")) if by_role else None
    if name is None and re.fullmatch(NAME_PATTERN, who):
        name = _clean_name(who)
    if name is not None:
        person = _person_by_name(name, people)
        if person is not None:
            return _Speaker(
                person.name, who, person.role, person.party, "explicit", person.evidence
            )
        if len(name.split()) == 1:
            full = next((n for n in names if _surname(n[0]) == name), None)
            if full is not None:
                return _Speaker(full[0], who, None, None, "explicit", full[1])
        return _Speaker(name, who, None, None, "explicit", None)
    trailing = re.search(rf"\b{NAME_PATTERN}$", who)
    if trailing and " " in who and not _INSTITUTION.match(who) and not _GROUP.match(who):
        tokens = trailing.group().split()
        while tokens and tokens[0] in NOT_NAMES:
            tokens.pop(0)
        trailing_name = _clean_name(" ".join(tokens)) if len(tokens) >= 2 else None
        if trailing_name is not None and not _DESCRIPTOR.match(who):
            # "former national security adviser John Bolton"
            person = _person_by_name(trailing_name, people)
            return _Speaker(
                trailing_name,
                who,
                person.role if person else None,
                person.party if person else None,
                "explicit",
                person.evidence if person else None,
            )
    surname = _ROLE_THEN_SURNAME.fullmatch(who)
    if surname is not None:
        # "former White House national security adviser Bolton": the office and a surname,
        # the fullest name the report gives for it
        full = next((n for n in names if _surname(n[0]) == surname.group("s")), None)
        person = _person_by_name(full[0] if full else surname.group("s"), people)
        return _Speaker(full[0] if full else surname.group("s"), who,
                        person.role if person else None, person.party if person else None,
                        "explicit", full[1] if full else None)
    if _OFFICER_OF.fullmatch(who):
        # "the alliance's secretary general", "the ministry's spokesman": unnamed, as written
        return _Speaker(_strip_article(who), who, None, None, "descriptor", None)
    descriptor = _DESCRIPTOR.match(who)
    if descriptor:
        party = country_code(descriptor.group("party")) if descriptor.group("party") else None
        if descriptor.group("role2"):
            # "a senior South Korean government official": someone unnamed, as written
            party2 = descriptor.group("party2")
            return _Speaker(_strip_article(who), who, None,
                            country_code(party2) if party2 else None, "descriptor", None)
        role = descriptor.group("role").lower()
        person = _person_by_office(party, role, people, last)
        if person is not None:
            return _Speaker(
                person.name, who, person.role, person.party, "descriptor", person.evidence
            )
        earlier = _earlier_institution(who, before or []) if re.match(r"the\s", who, re.I) else None
        if earlier is not None:
            # "the official noted" after "a ministry official said": the same one
            return _Speaker(
                earlier.speaker, who, earlier.role, earlier.party, "descriptor",
                earlier.speaker_evidence,
            )
        return _Speaker(_strip_article(who), who, None, party, "descriptor", None)
    if _INSTITUTION.match(who):
        actors = find_actors(who)
        party = actors[0].country if actors else None
        earlier = _earlier_institution(who, before or [])
        if earlier is not None and not actors and re.match(r"the\s", who, re.I):
            return _Speaker(
                earlier.speaker, who, earlier.role, earlier.party, "descriptor",
                earlier.speaker_evidence,
            )
        # ("the Assembly", as a report calls the National Assembly once it has named it)
        spoken_for = _strip_article(who)
        spoken_for = "National Assembly" if spoken_for == "Assembly" else spoken_for
        return _Speaker(spoken_for, who, None, party, "explicit", None)
    if _is_party(party := _strip_article(who)):
        # a country or its capital as the speaker: "Seoul says ...", "Washington insisted",
        # "The United States says ..."
        return _Speaker(party, who, None, country_code(party), "explicit", None)
    back = _named_back(who, people)
    if back is not None:
        # "the analyst" after "Bruce Klingner, a senior fellow at the Heritage Foundation"
        return _Speaker(back.name, who, back.role, back.party, "descriptor", back.evidence)
    counted = _QUANTIFIER.sub("", who)  # "A handful of opposition lawmakers": the lawmakers
    if _GROUP.match(counted) or _ONE_UNNAMED.match(counted):
        who = counted
        if re.fullmatch(r"(?:the\s)?people", who, re.I):
            return None  # "where the people who keep the bases running say": no one named
        who = re.sub(r"\shere$", "", who)  # "diplomatic sources here": the sources
        # "a senior foreign ministry official in Seoul": the office already says whose; the
        # city adds nothing ("officials in Seoul" keep theirs: it is all that says whose)
        who = _CITY_AFTER_OFFICE.sub(r"\g<o>\g<n>", who)
        actors = find_actors(who)
        party = actors[0].country if actors else None
        earlier = _earlier_institution(who, before or [])
        if earlier is not None and re.match(r"the\s\w+$", who, re.I):
            # "the officials" refers back; a bare "officials said" is named as written
            return _Speaker(
                earlier.speaker, who, earlier.role, earlier.party, "descriptor",
                earlier.speaker_evidence,
            )
        return _Speaker(_strip_article(who), who, None, party, "explicit", None)
    office = _OFFICE_THEN_NAME.search(who)
    if office is not None and _clean_name(office.group("n")) is not None:
        # the name after an office however long its body's name: "House Armed Services
        # Committee Chairman Adam Smith"
        name = office.group("n")
        return _Speaker(name, who, None, None, "explicit", None)
    return None


# two subjects joined: "Both Jeong Eun-bo and James DeHart", "Jeong Eun-bo and his U.S.
# counterpart James DeHart both"
# (not a body's name with "and" in it: "the Center for Strategic and International Studies")
_TWO_PEOPLE = re.compile(r"(?:[Bb]oth\s)?(?P<a>(?:(?!\s(?:of|for|at)\s)[^,;]){3,60}?)\sand\s"
                         r"(?:his\s|her\s)?(?P<b>[^,;]{3,60}?)(?:\sboth)?")
_OFFICE_THEN_NAME = re.compile(rf"\b(?i:{ROLE_NOUN_PATTERN})\s(?P<n>{NAME_PATTERN})$")


# a count before a group: "A handful of opposition lawmakers complained"
_QUANTIFIER = re.compile(
    r"^(?:[Aa]\s(?:handful|few|number|group)|[Dd]ozens|[Ss]everal|[Ss]ome)\sof\s(?=[a-z])"
)
_CITY_AFTER_OFFICE = re.compile(
    r"\b(?P<o>[Mm]inistry\s|[Dd]epartment\s)(?P<n>officials?|sources?|"
    r"spokes(?:person|man|woman))\s(?:in|from)\s[A-Z][a-z]+$"
)
_ROLE_THEN_SURNAME = re.compile(
    rf"(?:[\w'’.-]+\s){{0,5}}?(?i:{ROLE_NOUN_PATTERN}|"
    # one running for an office, named: "Republican presidential nominee Trump said Tuesday"
    r"presidential\s(?:candidate|nominee))\s(?P<s>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
)
_OFFICER_OF = re.compile(
    r"(?:the\s)?(?:alliance|NATO|ministry|department|government|embassy|military|command|"
    rf"committee|agency)['’]s\s(?:top\s|chief\s|senior\s)?(?i:{ROLE_NOUN_PATTERN})",
    re.I,
)
# (a narrower reading than `_WORK_BY`, which strips the work from any phrase: applied to every
# speaker phrase, that one also turns "Excerpts from John Bolton's memoir" into "Excerpts")
_AUTHOR_OF_WORK = re.compile(
    rf"(?P<a>{NAME_PATTERN})['’]s\s(?:new\s|latest\s|own\s)?(?:memoir|book|memoirs|letter|"
    r"op-ed|column|post|account)|"
    # (or the work first: "The memoir of Bolton, the former U.S. national security adviser,")
    rf"(?:[Tt]he\s)?(?:memoir|book|memoirs)\sof\s(?P<a2>{NAME_PATTERN})(?:,\s[^,]{{3,60}},)?"
)
_SOURCE = re.compile(r"^(?:the\s)?[A-Z][\w.&'’-]*(?:\s[\w.&'’-]+){0,4}$")


def _source(phrase: str) -> _Speaker | None:
    """A named source after "according to" that is no person or institution known here
    ("Yonhap news agency", "the Asahi Shimbun")."""
    phrase = phrase.strip()
    if not _SOURCE.match(phrase):
        return None
    # (its country's possessive is no part of its name: "South Korea's Yonhap News Agency" is
    # "Yonhap News Agency" to 3 of 3 dev writers)
    name = re.sub(r"^(?:South\s)?(?:Korea|Japan)['’]s\s(?=[A-Z])", "", _strip_article(phrase))
    return _Speaker(name, phrase, None, None, "explicit", None)


def _earlier_institution(who: str, before: list[Statement]) -> Statement | None:
    """A statement by the institution a bare "the ministry" refers back to."""
    head = _strip_article(who).lower()
    named = _NAMED_AS.get(head)
    # ("the official" after "a senior official at South Korea's Foreign Ministry")
    # (or "the source" after "a source familiar with the talks")
    described = re.compile(rf"^(?:an?\s)?(?:[\w-]+\s){{0,3}}{re.escape(head)}\s(?:at|of|in|from|"
                           r"familiar\swith|close\sto|involved\sin|with\sknowledge\sof)\s")
    for st in reversed(before):
        if st.speaker.lower() != head and (st.speaker.lower().endswith(head) or (
                named is not None and named.search(st.speaker))
                or described.match(st.speaker.lower())):
            return st
    return None


# what a bare noun refers back to when the speaker before is not so named: "the command" to
# "U.S. Forces Korea" (or any "... Command"), "the alliance" to NATO, "the ministry" to "the
# Ministry of Foreign Affairs"
_NAMED_AS = {
    "command": re.compile(r"\b(?:Command|Forces\s(?:Korea|Japan)|USFK|USFJ)\b"),
    "alliance": re.compile(r"\bNATO\b"),
    "ministry": re.compile(r"^(?:the\s)?Ministry\sof\s"),
}


def _surname(name: str) -> str:
    parts = name.split()
    if len(parts) >= 2 and "-" in parts[-1]:
        return parts[0]
    return parts[-1]


def _strip_article(text: str) -> str:
    return re.sub(r"^the\s", "", text, flags=re.I)


def _person_by_name(name: str, people: tuple[Person, ...]) -> Person | None:
    for person in people:
        if person.name == name or person.surname == name or person.name.endswith(" " + name):
            return person
    return None


def _person_by_office(
    party: str | None, role: str, people: tuple[Person, ...], last: _Speaker | None
) -> Person | None:
    """The person of that party whose office matches; a generic "official" matches the last
    speaker of that party first."""
    generic = role in ("official", "senior official")
    if generic and last is not None and (party is None or last.party == party):
        for person in people:
            if person.name == last.name:
                return person
    matches = [
        p
        for p in people
        if (party is None or p.party == party)
        and p.role is not None
        # a generic "the official" is only someone named as an official
        and any(r in p.role.lower() for r in ((role,) if generic else _NAMED_BACK.get(
            _core_role(role), (_core_role(role),))))
    ]
    return matches[0] if len(matches) == 1 else None


# the words a report calls a person back by, and the words of the posts it may have named them
# with: "the top U.S. negotiator" is "the U.S. envoy" and "the veteran diplomat"; "a senior
# fellow at the Heritage Foundation" is "the analyst"; "head of the USFK Korean Employees
# Union" is "the union leader"; "NATO Secretary General" is "the NATO chief"
_NAMED_BACK: dict[str, tuple[str, ...]] = {
    "envoy": ("envoy", "negotiator"),
    **dict.fromkeys(("negotiator", "chief negotiator", "lead negotiator"),
                    ("negotiator", "envoy", "delegation")),
    "diplomat": ("negotiator", "envoy", "ambassador", "diplomat"),
    "top diplomat": ("foreign minister", "secretary of state"),
    **dict.fromkeys(("analyst", "expert", "scholar", "researcher", "academic", "fellow",
                     "professor"), _EXPERT_POSTS),
    **dict.fromkeys(("union leader", "union head", "union chief", "union president"),
                    ("union",)),
    **dict.fromkeys(("nato chief", "alliance chief", "alliance's chief"),
                    ("secretary general", "secretary-general")),
    **dict.fromkeys(("pentagon chief", "defense chief", "defence chief"),
                    ("defense secretary", "defence secretary", "secretary of defense",
                     "defense minister", "defence minister")),
}
_BACK_REFERENCE = re.compile(
    r"^(?:the|this|that)\s(?:(?:veteran|seasoned|longtime|career|retired|former|outspoken|"
    r"prominent)\s)?(?P<noun>" + "|".join(re.escape(k) for k in sorted(
        _NAMED_BACK, key=len, reverse=True)) + ")$", re.I)


def _named_back(who: str, people: tuple[Person, ...]) -> Person | None:
    """The one person named before with a post the words call them back by ("the analyst"
    after "Bruce Klingner, a senior fellow at the Heritage Foundation"), or None."""
    m = _BACK_REFERENCE.match(who.strip())
    if m is None:
        return None
    posts = _NAMED_BACK[m.group("noun").lower()]
    matches = [p for p in people if p.role is not None
               and any(post in p.role.lower() for post in posts)]
    return matches[0] if len(matches) == 1 else None


def _core_role(role: str) -> str:
    for noun in ROLE_NOUNS:
        if role.endswith(noun):
            return noun
    return role


def _bare_quote(s: Sentence, last: _Speaker) -> Statement | None:
    m = _QUOTE.fullmatch(_double_quoted(s.text).strip())
    if not m:
        return None
    speaker = _Speaker(last.name, None, last.role, last.party, "preceding", last.intro)
    return _make(s, speaker, "quote", None, m.group("q"))


# a group named with both sides: "officials on both sides say" (16 writers of 20 name them
# "officials"; "officials from both sides", 2 of 2); the mention keeps the words as written
_ON_BOTH_SIDES = re.compile(
    r"^(?P<group>(?:[\w-]+\s){0,2}?(?:officials|negotiators|diplomats|sources))\s(?:on|from)\s"
    r"both\ssides$",
    re.I,
)


def _make(s: Sentence, speaker: _Speaker, kind: str, verb: str | None, text: str) -> Statement:
    fields = ("speaker", "text") if speaker.mention else ("text",)
    intro = speaker.intro
    if intro is None and speaker.attribution in ("explicit", "descriptor"):
        intro = s.evidence("speaker")  # named here and nowhere with an office
    both = _ON_BOTH_SIDES.match(speaker.name)
    return Statement(
        speaker=both.group("group") if both else speaker.name,
        speaker_mention=speaker.mention,
        role=speaker.role,
        party=speaker.party,
        kind=kind,
        verb=verb,
        text=text.strip(),
        attribution=speaker.attribution,
        evidence=(s.evidence(*fields),),
        speaker_evidence=intro,
    )
