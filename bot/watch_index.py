"""Which watches could an incident concern? A coarse index, so matching never scans every watch (pure).

Watches are bucketed by country and on a grid of one-degree cells; an incident looks at its
country's watches and at the cells within the largest radius any watch can have. The exact
decision stays with bot.match.match_watches.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

from bot.analysis.facts import Facts, Severity
from bot.chat_settings import default_radius_km
from bot.model import Watch

KM_PER_DEGREE = 111.0


class WatchIndex:
    def __init__(self, watches: Iterable[Watch]) -> None:
        self._by_country: dict[str | None, list[Watch]] = defaultdict(list)  # every watch, for country-level news
        self._countries: dict[str | None, list[Watch]] = defaultdict(list)  # watches of a whole country
        self._by_cell: dict[tuple[int, int], list[Watch]] = defaultdict(list)
        self._reach_km = 0.0
        for w in watches:
            self._by_country[w.country].append(w)
            if w.kind == "country":
                self._countries[w.country].append(w)
            if w.lat is not None and w.lon is not None:
                self._by_cell[(math.floor(w.lat), math.floor(w.lon))].append(w)
                self._reach_km = max(self._reach_km, w.radius_km, default_radius_km(w.kind, Severity.CRITICAL))

    def near(self, facts: Facts) -> list[Watch]:
        """Every watch that may match: the country's watches, and those in cells within reach of the incident.

        An incident without coordinates may concern any place of its country (a coup, a curfew);
        one with coordinates, the whole-country watches and the places near it.
        """
        located = facts.lat is not None and facts.lon is not None
        bucket = (self._countries if located else self._by_country).get(facts.country, ()) if facts.country else ()
        found: dict[int, Watch] = {id(w): w for w in bucket}
        if located and self._by_cell:
            assert facts.lat is not None and facts.lon is not None
            dlat = math.ceil(self._reach_km / KM_PER_DEGREE)
            # Degrees of longitude shrink towards the poles: widen the search there.
            dlon = math.ceil(self._reach_km / (KM_PER_DEGREE * max(0.05, math.cos(math.radians(facts.lat)))))
            base_lat, base_lon = math.floor(facts.lat), math.floor(facts.lon)
            for i in range(base_lat - dlat, base_lat + dlat + 1):
                for j in range(base_lon - dlon, base_lon + dlon + 1):
                    for w in self._by_cell.get((i, (j + 180) % 360 - 180), ()):
                        found[id(w)] = w
        return list(found.values())
