"""Turn what a user typed after /watch into a place, or a helpful answer (pure)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.analysis.facts import Place

MAX_PLACE_CHARS = 100
# When the most populous candidate dwarfs the next one ("Paris" vs Paris, Texas), take it.
DOMINANT_POPULATION_RATIO = 10


class PlaceIndex(Protocol):
    def search(self, query: str, limit: int = 8) -> list[Place]: ...
    def suggest(self, query: str, limit: int = 5) -> list[str]: ...


@dataclass(frozen=True)
class Resolved:
    place: Place


@dataclass(frozen=True)
class Ambiguous:
    query: str
    options: tuple[Place, ...]


@dataclass(frozen=True)
class Unknown:
    query: str
    suggestions: tuple[str, ...]


@dataclass(frozen=True)
class Invalid:
    reason: str


Resolution = Resolved | Ambiguous | Unknown | Invalid


def clean_query(raw: str) -> str:
    """Collapse whitespace and drop control characters from user input."""
    return " ".join("".join(ch for ch in raw if ch.isprintable() or ch == " ").split())


def resolve_place(raw: str, index: PlaceIndex) -> Resolution:
    query = clean_query(raw)
    if not query:
        return Invalid("Tell me which place, e.g. /watch Bamako, /watch BKO or /watch Tripoli, LY.")
    if len(query) > MAX_PLACE_CHARS:
        return Invalid(f"That name is too long: place names have at most {MAX_PLACE_CHARS} characters.")
    found = index.search(query, limit=8)
    if not found:
        return Unknown(query, tuple(index.suggest(query, limit=5)))
    if len(found) == 1 or _is_dominant(found) or found[0].kind in ("airport", "country", "un_site"):
        return Resolved(found[0])
    return Ambiguous(query, tuple(found[:6]))


def _is_dominant(found: Sequence[Place]) -> bool:
    first, second = found[0], found[1]
    return first.population >= DOMINANT_POPULATION_RATIO * max(1, second.population)
