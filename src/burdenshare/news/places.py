"""Place names of meetings: the short forms headlines use, and the regions that hold a city.

A headline says "talks in LA" or "in Hawaii" where the body says Los Angeles or Honolulu; both
tell one meeting. `canonical_place` spells a short form out; `same_place` lets a region match a
city it contains, so the headline's event merges with the body's and keeps the city.
"""

from __future__ import annotations

# short forms a report may use for a city where talks are held
_SHORT: dict[str, str] = {
    "LA": "Los Angeles",
    "L.A.": "Los Angeles",
    "D.C.": "Washington",
    "Washington D.C.": "Washington",
    "Washington DC": "Washington",
}
# regions a headline may name for a meeting held in one of their cities
_REGION_CITIES: dict[str, frozenset[str]] = {
    "Hawaii": frozenset({"Honolulu"}),
    "California": frozenset({"Los Angeles", "San Francisco"}),
    "Jeju": frozenset({"Jeju Island", "Seogwipo"}),
}


def canonical_place(place: str) -> str:
    """The city's full name for a short form ("LA" -> "Los Angeles"); others as given."""
    return _SHORT.get(place, place)


def same_place(a: str | None, b: str | None) -> bool:
    """Could two places name one meeting's place (unknown matches anything; a region matches
    the cities it holds)?"""
    if a is None or b is None or a.casefold() == b.casefold():
        return True
    return b in _REGION_CITIES.get(a, frozenset()) or a in _REGION_CITIES.get(b, frozenset())


def is_region(place: str | None) -> bool:
    """A region that holds meeting cities, less precise than any of them."""
    return place in _REGION_CITIES
