"""Verbs by lemma: the inflected forms of an English verb, as one regular-expression group.

Trigger words are listed once as lemmas ("settle", "strike", "hammer out") and matched in every
form news copy uses them ("settles", "settled", "settling"; "struck"; "hammered out"), so a rule
names the action rather than the phrasings of the reports it was built with. Regular verbs are
inflected by the spelling rules of English (drop a final e, y after a consonant to i, a doubled
final consonant after one short vowel in a one-syllable verb, "scrap" -> "scrapped", and for the
longer verbs listed in `_DOUBLED`); irregular ones by `_IRREGULAR`. A
particle after the verb ("out", "off", "down", "up") follows every form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "strike": ("strikes", "struck", "striking", "stricken"),
    "begin": ("begins", "began", "begun", "beginning"),
    "sit": ("sits", "sat", "sitting"),
    "meet": ("meets", "met", "meeting"),
    "break": ("breaks", "broke", "broken", "breaking"),
    "give": ("gives", "gave", "given", "giving"),
    "put": ("puts", "putting"),
    "set": ("sets", "setting"),
    "hold": ("holds", "held", "holding"),
    "win": ("wins", "won", "winning"),
    "get": ("gets", "got", "gotten", "getting"),
    "spend": ("spends", "spent", "spending"),
    "leave": ("leaves", "left", "leaving"),
    "come": ("comes", "came", "coming"),
    "go": ("goes", "went", "gone", "going"),
    "shut": ("shuts", "shutting"),
    "wind": ("winds", "wound", "winding"),
    "shoot": ("shoots", "shot", "shooting"),
    "take": ("takes", "took", "taken", "taking"),
    "make": ("makes", "made", "making"),
    "bear": ("bears", "bore", "borne", "bearing"),
    "seek": ("seeks", "sought", "seeking"),
}
# longer regular verbs whose final consonant doubles before -ed / -ing
_DOUBLED = {"initial": "initiall"}
# a one-syllable verb ending in consonant, short vowel, consonant (not w, x or y) doubles it:
# "wrap" -> "wrapped", "scrap" -> "scrapped", "plan" -> "planning" (not "seek", "nix", "want")
_ONE_SHORT_SYLLABLE = re.compile(r"^[^aeiou]*[aeiou][^aeiouwxy]$")


def forms(lemma: str) -> tuple[str, ...]:
    """Every form of a verb given by its lemma ("settle" -> settle, settles, settled,
    settling); a particle after the verb stays after each form ("hammer out")."""
    verb, _, particle = lemma.partition(" ")
    if verb in _IRREGULAR:
        inflected: tuple[str, ...] = (verb, *_IRREGULAR[verb])
    else:
        stem = _DOUBLED.get(verb, verb + verb[-1] if _ONE_SHORT_SYLLABLE.match(verb) else verb)
        if verb.endswith("ee"):  # "agree" -> "agreeing"
            inflected = (verb, verb + "s", verb + "d", verb + "ing")
        elif verb.endswith("e"):
            inflected = (verb, verb + "s", verb + "d", verb[:-1] + "ing")
        elif verb.endswith("y") and verb[-2:-1] not in tuple("aeiou"):
            inflected = (verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing")
        elif verb.endswith(("s", "sh", "ch", "x", "z", "o")):  # "vetoes"
            inflected = (verb, verb + "es", verb + "ed", verb + "ing")
        else:
            inflected = (verb, verb + "s", stem + "ed", stem + "ing")
        if verb == "initial":  # both spellings: initialed, initialled
            inflected = (*inflected, "initialed", "initialing")
    tail = f" {particle}" if particle else ""
    return tuple(f"{f}{tail}" for f in dict.fromkeys(inflected))


def verb_pattern(
    lemmas: Iterable[str], *, past_only: bool = False, present_only: bool = False
) -> str:
    """A non-capturing alternation of every form of the lemmas (longest first, so "settled"
    wins over "settle"); with `past_only`, only the forms that can be a past tense or
    participle ("settled", "struck", "put"; not "settles" or "settling"); with
    `present_only`, the others ("settle", "settles", "settling")."""
    out: list[str] = []
    for lemma in lemmas:
        fs = forms(lemma)
        past = tuple(f for f in fs[1:] if not f.split(" ")[0].endswith(("ing", "s")))
        if past_only:
            fs = past or fs[:1]
        elif present_only:
            fs = tuple(f for f in fs if f not in past)
        out.extend(fs)
    ordered = sorted(dict.fromkeys(out), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s") for f in ordered) + ")"


# Stance verbs by lemma, beside the constructions `news.positions` spells out itself, so that
# every form of a verb is read, not only the forms seen in a report ("has Seoul shouldering",
# "floated a figure of $5 billion", "will shell out 1.18 trillion won", "settled on").
DEMAND_LEMMAS: tuple[str, ...] = (
    "demand", "ask for", "seek", "want", "call for", "insist on", "press for", "push for",
    "request", "hold out for",
)
OFFER_LEMMAS: tuple[str, ...] = (
    "offer", "propose", "put forward", "table", "float", "pitch", "bid",
)
AGREEING_LEMMAS: tuple[str, ...] = ("accept", "agree to", "settle on")
# Bearing a cost: a present or -ing form states what a party is to pay (stance "agreed"), a
# past form what it paid ("paid").
PAYING_LEMMAS: tuple[str, ...] = (
    "shoulder", "bear", "cover", "foot", "shell out", "fork out", "earmark", "budget",
)


# The finite forms of the verbs that report speech, one list for every reader: a statement's
# verb ("DeHart said", "Bolton later wrote") and a saying that dates itself, not the amount said
# ("Trump had said in October last year that Seoul 'would be paying $10 billion a year'").
# Finite forms only: a participle ("saying", "adding") opens a clause of its own.
REPORTING_VERBS = (
    r"said|says|say|told|tells|added|adds|stated|states|noted|notes|stressed|stresses|"
    r"emphasized|emphasised|explained|explains|claimed|claims|warned|warns|"
    r"insisted|insists|insist|maintained|maintains|acknowledged|admitted|announced|"
    r"confirmed|confirms|"
    r"pointed out|brushed off|dismissed|denied|denies|vowed|pledged|reiterated|"
    # ("Officials have played down the chance of a deal before then")
    r"played\sdown|plays\sdown|play\sdown|(?:(?:are|is|were|was)\s)?playing\sdown|"
    r"expressed|tweeted|tweets|wrote|writes|complained|complains|reported|declared|declares|"
    # a hint given: "U.S. negotiators have indicated they are willing to ..."
    r"indicated|indicates|"
    r"asserted|asserts|remarked|observed|recalled|conceded|concedes|criticized|criticised|"
    r"criticizes|criticises|questioned|protested|objected|countered|counters|replied|"
    r"responded|retorted|urged|urges|talked|promised|boasted|suggested|"
    # (a caution given: "Cha cautioned that the talks could drag into 2020")
    r"cautioned|cautions|lamented|laments|quipped|joked|alleged|alleges|"
    # (a complaint with what it is: "Diplomats privately grumbled that the deal had been
    # shaped to satisfy Washington")
    r"(?:grumbled|grumbles|grumble)(?=\s(?:\w+ly\s)?that\b)|"
    # a case made, not a quarrel: "Critics argue that ...", not "Europeans still argue over
    # whether two per cent is a floor"
    r"(?:argued|argues|argue)(?!\s(?:over|about|with|among)\b)|"
    # (the plural's present: "Critics warn that ..."; "Officials have made clear they ...")
    r"warn|claim|complain|contend|contends|contended|made\sclear|made\sit\sclear|"
    # ("Foreign ministry officials, however, concede privately that ...")
    # (or a clause with "that" left out: "officials on both sides acknowledge the bargaining is
    # far from over", "officials concede the distance ... has barely narrowed")
    r"(?:concede|acknowledge|admit)(?=\s(?:\w+ly\s)?that\b|"
    r"\s(?:the|a|an|this|it|there)\s[^.;,\"“”]{0,60}?\b(?:is|are|was|were|has|have|had|will|"
    r"would|remains?|may|might|could)\b)|"
    # (and others': "Analysts note that ...", "Critics point out that ...")
    # (not a word that would be said: "Scholars would note that ...")
    r"(?<!would\s)(?<!could\s)(?<!might\s)(?<!should\s)"
    r"(?:note|stress|explain|emphasi[sz]e|maintain|observe|suggest|recall|point\sout)"
    r"(?=\s(?:\w+ly\s)?that\b)|"
    # a position restated or a hint given, with what it is ("Jeong reaffirmed that ...", "Seoul
    # signalled that it could offer more"; not "repeated the offer", an act)
    r"(?:repeated|reaffirmed|underscored|underlined|signal(?:l)?ed|hinted)(?=\s(?:\w+ly\s)?that\b)|"
    # (or a comment with what it is: "Jeong commented that ..."; not "commented on the talks";
    # nor a forecast, a theory's as often as a speaker's: "Mancur Olson predicted that small
    # allies free-ride")
    r"(?:commented|comments)(?=\s(?:\w+ly\s)?that\b)|"
    # (or an assurance given to someone: "Cho assured lawmakers that ...")
    r"(?:assured|assures|reassured)(?=\s(?:[\w'’.,-]+\s){1,6}that\b)|"
    # a notice given: "USFK has notified its Korean workers that ..."
    # (whom, and when: "notified its South Korean employees late last month that ...")
    r"(?:notified|informed|notifying|informing)(?=\s(?:[\w'’.,-]+\s){1,10}that\b)|"
    # (or notices sent that say it: "USFK has sent notices warning its Korean employees that
    # they could be furloughed", "sent its Korean employees a notice that they could ...",
    # "sent notices warning they could ..."; not "notices warning of possible furloughs")
    r"(?:sent|issued|sending|issuing)(?=\s(?:[\w'’.,-]+\s){0,6}?notices?\b(?:\s[\w'’.,-]+){0,6}?"
    r"\s(?:that|warning(?!\sof\b))\b)|"
    # a figure given as someone's estimate: "NATO estimates that 23 allies ..."
    r"estimates|estimated(?=\sthat\b)"
)
