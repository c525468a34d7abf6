"""Where it happened: one city (or none) and one country, from every place the text names.

One pass of the gazetteer's Aho-Corasick automaton finds all names (overlaps resolved
longest first); then each candidate city is weighed by evidence a reader would use: a
dateline ("BAMAKO, Mali (AP) —"), the country named beside it ("Tripoli, Libya") or
anywhere in the text, how early and how often it is named, "in/near/à" before it,
"diverted to" before it, and population as a prior. Names that are also common words
(Nice, Mobile, Of) or people (Paris Hilton, President Vladimir Putin, Michael Jordan) need
corroboration or are dropped. A place followed by "province", "county", "region" names a
region: country only. "The Somali capital" / "la capitale malienne" is that capital.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from bot.analysis.gazetteer import (AIRPORT, CITY, CITY_ALT, COUNTRY, DEMONYM, DEMONYM_FR, NOT_PLACE, REGION,
                                    UN_SITE, City, Gazetteer, Ref, name_key)

_REGION_AFTER = re.compile(r"\s*(?:province|provinces|county|region|state(?! university| college)|district|governorate|"
                           r"prefecture|department|oblast|division|territory|valley|river|mountains|desert|basin|lake|"
                           r"sea|coast|border|peninsula|frontier|strip)\b", re.I)
_REGION_BEFORE = re.compile(r"(?:province|region|région|prefecture|préfecture|departement|département|district|"
                            r"wilaya|cercle|state|county|gouvernorat|governorate) (?:de |d'|du |des |of )?$", re.I)
_PLACE_PREPOSITION = re.compile(
    r"(?:\b(?:in|near|at|outside|into|across|around|à|au|vers|près de|dans|en|sur|attacked|hit|struck|rocked|"
    r"of)\s+(?:the\s+|la\s+|le\s+)?(?:(?:\w+\s+)?(?:capital|city|town|village|ville|localité|commune|cité)\s+"
    r"(?:of\s+|de\s+|d')?)?)$", re.I)
_DIVERTED_TO = re.compile(r"(?:diverted to|landing (?:in|at)|landed (?:in|at)|dérouté vers|atterri à)\s+$", re.I)
_DATELINE_TAIL = re.compile(r"^(?:,\s*[A-Z][\w .'-]{1,30})?\s*(?:\((?:AP|AFP|Reuters|Xinhua|dpa|ANSA|UPI|IANS|CNN|BBC)\)|"
                            r"\s*[-—–]{1,2}\s)")
_TITLE_BEFORE = re.compile(r"(?:President|Prime Minister|Minister|Mr|Mrs|Ms|Dr|Gen|General|Colonel|Col|Lt|Captain|Sgt|"
                           r"King|Queen|Prince|Princess|Sheikh|Pope|Senator|Sen|Governor|Gov|Mayor|Judge|Chancellor|"
                           r"Secretary|Ambassador|Rev|Saint|St|Lord|Sir|Imam|Emir|Président|président|M|Mme)\.?\s+$")
_COUNTRY_HEADER = re.compile(r"^([A-Z][A-Z .'-]{2,40})\.\s")  # "FRANCE.  An anarchist group..."
_IN_COUNTRY = re.compile(r"\b(?:in|inside|across|au|en|aux)\s+(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|"
                         r"eastern|western|north-?eastern|north-?western|south-?eastern|south-?western)\s+)?$", re.I)
_CAPITAL_OF = re.compile(r"\b(?:the|la|its|their) (?:(?:\w+) )?capital(?:e)?(?: city)?(?:,)?(?: of| de| du)?\s*$", re.I)


@dataclass
class Mention:
    start: int
    end: int
    surface: str
    refs: tuple[Ref, ...]


@dataclass
class Location:
    city: City | None = None
    country: str | None = None
    mentions: list[Mention] = field(default_factory=list)


def find_mentions(gaz: Gazetteer, text: str, folded: str) -> list[Mention]:
    """Every place name in `text`: whole words, proper-noun shaped, longest first where names
    overlap, not part of a person's name."""
    spans: list[tuple[int, int, str, tuple[Ref, ...]]] = []
    n = len(folded)
    for last, (key_len, name, refs) in gaz.automaton.iter(folded):
        end = last + 1
        start = end - key_len
        if (start > 0 and folded[start - 1].isalnum()) or (end < n and folded[end].isalnum()):
            continue
        spans.append((start, end, name, refs))
    spans.sort(key=lambda s: (s[0] - s[1], s[0]))
    taken: list[tuple[int, int]] = []
    out: list[Mention] = []
    for start, end, name, refs in spans:
        if any(start < e and s < end for s, e in taken):
            continue
        surface = text[start:end]
        if any(r[0] == NOT_PLACE for r in refs):
            taken.append((start, end))  # "Paris Hilton": the whole span is not a place
            continue
        kept = tuple(r for r in refs if _shape_ok(surface, name, r))
        if not kept or _is_persons_name(gaz, text, start):
            continue
        taken.append((start, end))
        out.append(Mention(start, end, surface, kept))
    out.sort(key=lambda m: m.start)
    return out


def _shape_ok(surface: str, name: str, ref: Ref) -> bool:
    """Place names are capitalised (French demonyms are not); 'US' must be 'US', not 'us'."""
    if ref[0] == DEMONYM_FR:
        return True
    if not surface[:1].isupper():
        return False
    if name.replace(".", "").isupper():
        return surface.replace(".", "").isupper()
    return True


def _is_persons_name(gaz: Gazetteer, text: str, start: int) -> bool:
    """'Michael Jordan', 'President Vladimir Putin': a given name or a title just before."""
    before = text[max(0, start - 30):start]
    if _TITLE_BEFORE.search(before):
        return True
    words = before.split()
    prev = words[-1] if words else ""
    return bool(prev) and prev[:1].isupper() and not before.rstrip().endswith((",", ".", ":")) \
        and name_key(prev) in gaz.given_names


def locate(gaz: Gazetteer, text: str, folded: str, mentions: list[Mention]) -> Location:
    """The city and country where the item's event happened."""
    length = max(len(text), 1)
    country_score = _country_evidence(gaz, text, mentions, length)
    candidates = _city_candidates(gaz, text, folded, mentions)

    scored: list[tuple[float, City]] = []
    for cid, (ms, is_alt) in candidates.items():
        candidate = gaz.cities[cid]
        s = _city_score(gaz, text, candidate, ms, is_alt, country_score, length)
        if s is not None:
            scored.append((s, candidate))
    scored.sort(key=lambda x: (-x[0], -x[1].population))
    # Country and city are chosen together: a country's total is what names it plus the
    # evidence for its best city, so "a crowded Niamey restaurant" beats "French nationals".
    best_city: dict[str, tuple[float, City]] = {}
    for s, c in scored:
        best_city.setdefault(c.country, (s, c))
    totals = {c: country_score.get(c, 0.0) + (best_city[c][0] if c in best_city else 0.0)
              for c in {*country_score, *best_city}}
    if not totals:
        return Location(None, None, mentions)
    country = max(totals, key=lambda c: (totals[c], country_score.get(c, 0.0)))
    city = best_city[country][1] if country in best_city else None
    return Location(city, country, mentions)


def _country_evidence(gaz: Gazetteer, text: str, mentions: list[Mention], length: int) -> dict[str, float]:
    score: dict[str, float] = defaultdict(float)
    header = _COUNTRY_HEADER.match(text)
    if header:
        for kind, key in gaz.refs(header.group(1)):
            if kind == COUNTRY:
                score[key] += 8.0
    for m in mentions:
        early = 1.0 - min(m.start / length, 1.0)
        kinds = {r[0] for r in m.refs}
        for kind, key in m.refs:
            if kind == COUNTRY:
                # "in eastern Congo", "au Mali": a country as the scene weighs more than as an actor
                scene = _IN_COUNTRY.search(text[max(0, m.start - 25):m.start]) is not None
                score[key] += 2.0 + 2.0 * early + 1.5 * scene
            elif kind in (DEMONYM, DEMONYM_FR):
                score[key] += 0.7 + 0.8 * early
            elif kind == REGION and COUNTRY not in kinds:
                score[key] += 1.5 + early
            elif kind == UN_SITE:
                score[gaz.un_sites[key].country] += 0.5
            elif kind == AIRPORT:
                score[gaz.airports[key].country] += 1.5 + early
    return score


def _city_candidates(gaz: Gazetteer, text: str, folded: str, mentions: list[Mention]
                     ) -> dict[int, tuple[list[Mention], bool]]:
    """geonameid -> (mentions naming it, named only by an alternate name)."""
    out: dict[int, tuple[list[Mention], bool]] = {}

    def add(cid: int, m: Mention, alt: bool) -> None:
        ms, was_alt = out.get(cid, ([], True))
        if m not in ms:
            ms.append(m)
        out[cid] = (ms, was_alt and alt)

    for m in mentions:
        kinds = {r[0] for r in m.refs}
        if COUNTRY in kinds or REGION in kinds:
            # "Djibouti", "Kuwait", "Georgia": the country (or US state), unless a capital phrase says otherwise.
            pass
        elif not _names_region(text, m):
            for kind, key in m.refs:
                if kind in (CITY, CITY_ALT):
                    add(int(key), m, kind == CITY_ALT)
        for kind, key in m.refs:
            if kind == AIRPORT and key in gaz.airport_cities:
                add(gaz.airport_cities[key], m, False)
            elif kind in (COUNTRY, DEMONYM, DEMONYM_FR) and key in gaz.capitals:
                # "the Somali capital", "capital of Mali", "la capitale malienne"
                before = text[max(0, m.start - 30):m.start]
                after = folded[m.end:m.end + 12]
                if _CAPITAL_OF.search(before) or (kind != COUNTRY and after.startswith((" capital", "'s capital")))\
                        or re.search(r"\bcapitale\s+$", before, re.I):
                    add(gaz.capitals[key], m, False)
    return out


def _names_region(text: str, m: Mention) -> bool:
    return bool(_REGION_AFTER.match(text, m.end)) or bool(_REGION_BEFORE.search(text[max(0, m.start - 25):m.start]))


def _city_score(gaz: Gazetteer, text: str, city: City, ms: list[Mention], is_alt: bool,
                country_score: dict[str, float], length: int) -> float | None:
    """Evidence that the event happened in `city`; None when the name is not believable here."""
    first = min(ms, key=lambda m: m.start)
    corroborated = country_score.get(city.country, 0.0) > 0
    dateline = any(_is_dateline(text, m) for m in ms)
    beside = any(_country_beside(gaz, text, m, city.country) for m in ms)
    before = [text[max(0, m.start - 40):m.start] for m in ms]
    preposition = any(_PLACE_PREPOSITION.search(b) for b in before)
    diverted = any(_DIVERTED_TO.search(b) for b in before)
    common = name_key(first.surface) in gaz.common_words
    sure = beside or dateline or diverted
    if common and not (sure or (corroborated and preposition)):
        return None
    if is_alt and not (sure or corroborated or city.population >= 1_000_000):
        return None
    if city.population < 15000 and not (sure or corroborated):
        return None
    if city.population < 100000 and not (sure or corroborated or preposition):
        return None
    score = 1.5 * min(len(ms), 4) + 2.0 * (1.0 - first.start / length)
    score += 4.0 * beside + 3.0 * dateline + 3.0 * diverted + 2.0 * corroborated + 1.0 * preposition
    score += 0.35 * math.log10(max(city.population, 1000)) - 0.5 * is_alt
    return score


def _is_dateline(text: str, m: Mention) -> bool:
    """'BAMAKO, Mali (AP) —', 'LONDON - ', 'Bamako (Reuters) -' at a line start or in capitals."""
    surface = m.surface
    at_line_start = m.start == 0 or text[m.start - 1] == "\n"
    looks_upper = surface.isupper() and len(surface) > 2
    if not (at_line_start or looks_upper):
        return False
    return bool(_DATELINE_TAIL.match(text, m.end)) or (looks_upper and text[m.end:m.end + 2] in (", ", " ("))


def _country_beside(gaz: Gazetteer, text: str, m: Mention, country: str) -> bool:
    """'Tripoli, Libya', 'Jos (Nigeria)', 'Bamako au Mali', 'Winston-Salem, North Carolina'."""
    tail = text[m.end:m.end + 40]
    hit = re.match(r"\s*(?:,|\(|\bin\b|\bau\b|\ben\b|\bdu\b)\s*(?:the\s+)?([A-Z][\w'’. -]{1,35})", tail)
    if not hit:
        return False
    words = hit.group(1).split()
    for n in range(min(4, len(words)), 0, -1):
        for kind, key in gaz.refs(" ".join(words[:n]).rstrip(".,)")):
            if kind in (COUNTRY, REGION, DEMONYM) and key == country:
                return True
    return False
