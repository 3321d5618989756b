"""Which scenario party a party named in a report is: the same name, or the same country."""

from __future__ import annotations

from burdenshare.model import Scenario
from burdenshare.news.actors import country_code


def party_for(scenario: Scenario, name: str | None) -> str | None:
    """The scenario party a reported party refers to: the same name, or the same country
    (CAMEO/ISO code, e.g. `KOR` for a party named `ROK` or labelled "Republic of Korea")."""
    if name is None:
        return None
    for party in scenario.parties:
        if party.name == name:
            return party.name
    code = country_code(name) or (name[:3] if name[:3].isupper() else None)
    for party in scenario.parties:
        if code is not None and code in (country_code(party.name), country_code(party.label)):
            return party.name
    for party in scenario.parties:
        if party.name.lower() == name.lower():
            return party.name
    return None
