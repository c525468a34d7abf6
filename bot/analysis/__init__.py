"""Pure analysis core: text in, facts out. No I/O, no clock.

`analyze(title, text)` chains the one-job modules: normalize -> casualties -> detect ->
geo (where) -> sites (airports, UN, targets) -> severity -> summary. The gazetteer is
loaded once per process (gazetteer.load_gazetteer caches it).
"""
from __future__ import annotations

import re

from bot.analysis.casualties import count_casualties, hurt_told_as_victims
from bot.analysis.detect import detect_incident
from bot.analysis.facts import ArticleMeta, Category, Facts
from bot.analysis.gate import Gated, trie_alternation
from bot.analysis.gazetteer import CITY, CITY_ALT, City, load_gazetteer
from bot.analysis.geo import Mention, find_mentions, locate
from bot.analysis.normalize import clean_text, fold
from bot.analysis.severity import rate_severity
from bot.analysis.sites import find_sites
from bot.analysis.status import is_all_clear
from bot.analysis.summary import summarize

__all__ = ["analyze", "ArticleMeta", "Facts", "Category"]

# Longer texts are cut before analysis: what happened and where is in the first part,
# and a bound keeps the time per item predictable (a 1 MB page must not stall the bot).
MAX_ANALYSED_CHARS = 20_000

# Gated: each regex runs only on texts holding one of the words its every match contains.
_ONGOING = Gated(re.compile(r"\b(?:ongoing|under way|underway|continuing|still (?:holding|inside|trapped|besieged)|siege|"
                            r"standoff|stand-off|hostages are being held|gunfire (?:can be|could be) heard|unfolding|"
                            r"en cours|toujours en cours|retranches?)\b"),
                 "ongoing", "under way", "underway", "continuing", "still ", "siege", "standoff", "stand-off",
                 "hostages are being held", "gunfire ", "unfolding", "en cours", "retranche")
_COUP = Gated(re.compile(r"\b(?:coup|putsch|mutin\w*|seized power|coup d'etat|junta)\b"),
              "coup", "putsch", "mutin", "seized power", "junta")
_CURFEW = Gated(re.compile(r"\b(?:curfew|couvre-feu)\b"), "curfew", "couvre-feu")
_AVOID = Gated(re.compile(r"\b(?:avoid the (?:area|vicinity)|urged (?:residents|people) to (?:avoid|stay)|stay away from|eviter la zone)\b"),
               "avoid the ", "urged ", "stay away from", "eviter la zone")
_SUMMARY_WORDS = ("attack", "attaque", "attentat", "killed", "tue", "tues", "explosion", "blast", "bomb", "gunman", "gunmen",
                  "shot", "shooting", "kidnap", "abduct", "hostage", "otage", "enlev", "protest", "manifest", "riot", "coup",
                  "strike", "frappe", "clash", "affrontement", "fighting", "combats", "curfew", "couvre-feu", "closed", "evacuat",
                  "stormed", "ambush", "embuscade", "explos")
# Summaries only ask whether a sentence holds a cue word at a word start, so the order of the words is free: a trie
# (gate.py) rejects a position after one character.
_SUMMARY_CUE = re.compile(r"\b" + trie_alternation(sorted(_SUMMARY_WORDS, key=len, reverse=True)))


def analyze(title: str, text: str, *, meta: ArticleMeta | None = None) -> Facts:
    """Everything the bot concludes about one news item. Never raises on odd input."""
    gaz = load_gazetteer()
    title = clean_text(title or (meta.title if meta else "") or "")
    body = clean_text(text or "")[:MAX_ANALYSED_CHARS]
    if not body and title:
        body, title = title, ""
    elif title and body.startswith(title):
        body = body[len(title):].lstrip()
    elif not title:
        title, body = _split_headline(body)
    full = f"{title}\n{body}" if title else body
    folded_title, folded_body, folded_full = _fold_parts(title, full)
    language = _language(folded_full)

    killed, injured = count_casualties(folded_full)
    injured_or_killed = bool(injured) and killed is None and hurt_told_as_victims(folded_full)
    detection = detect_incident(folded_title, folded_body, killed, injured)
    mentions = find_mentions(gaz, full, folded_full)
    where = locate(gaz, full, folded_full, mentions)
    sites = find_sites(gaz, full, folded_full, mentions, where.city)
    is_incident = detection.category is not Category.NONE
    city = where.city
    listed = city if city is not None and city.known else None
    facts_common = dict(
        city=_city_name(city, mentions, language) if city else None,
        country=where.country,
        country_name=gaz.country_name(where.country),
        lat=listed.lat if listed else None,
        lon=listed.lon if listed else None,
        geonameid=listed.geonameid if listed else None,
        language=language,
        summary=summarize(body or title, _SUMMARY_CUE),
    )
    if not is_incident:
        return Facts(is_incident=False, killed=killed, injured=injured, **facts_common)  # type: ignore[arg-type]

    all_clear = is_all_clear(folded_full)
    ongoing = bool(_ONGOING.search(folded_full)) and not all_clear  # "under control" ends "under way"
    severity, reason = rate_severity(
        detection.category, killed=killed, injured=injured, targets=sites.targets, ongoing=ongoing,
        airport_closed=sites.airport_closed, is_coup=bool(_COUP.search(folded_full)), injured_or_killed=injured_or_killed)
    return Facts(
        is_incident=True,
        category=detection.category,
        severity=severity,
        severity_reason=reason,
        airports=sites.airports,
        un_involved=sites.un_involved,
        un_sites=sites.un_sites,
        killed=killed,
        injured=injured,
        injured_or_killed=injured_or_killed,
        ongoing=ongoing,
        key_facts=_key_facts(killed, injured, injured_or_killed, sites.airport_closed, sites.un_limit_movement, sites.un_involved,
                             ongoing, folded_full),
        **facts_common,  # type: ignore[arg-type]
    )


def _city_name(city: City, mentions: list[Mention], language: str | None) -> str:
    """The city as an English report spells it, when it uses another of the city's names: readers know "Raqqa",
    "Derna" and "Jabalia", which GeoNames writes Ar Raqqah, Darnah and Jabalya. A French report's spelling ("Alep")
    is not shown in English alerts; a name in capitals (a dateline) says nothing of its spelling."""
    if language != "en" or not city.known:
        return city.name
    for m in mentions:
        spelled = m.surface
        if spelled.isupper() or not any(kind in (CITY, CITY_ALT) and key == city.geonameid for kind, key in m.refs):
            continue
        said, own = _name_key(spelled), _name_key(city.name)
        if said == own:  # the name itself, with or without its article ("Al Mukalla", "Fasher")
            return city.name
        return spelled if spelled[:1].isupper() and all(ord(ch) <= 0x24F for ch in spelled) else city.name
    return city.name


_ARTICLE = re.compile(r"^(?:al|el|an|ar|as|ash|ad|at|az)[- ]")  # the Arabic article as news writes it


def _name_key(name: str) -> str:
    return _ARTICLE.sub("", " ".join(fold(name).replace("-", " ").split()))


def _fold_parts(title: str, full: str) -> tuple[str, str, str]:
    """(fold(title), fold(body), fold(full)) for `full` = title + "\n" + body (or body alone), with one fold:
    folding keeps offsets, and the one context-dependent lower-casing (a final sigma) stops at the newline."""
    folded = fold(full)
    if not title:
        return "", folded, folded
    return folded[:len(title)], folded[len(title) + 1:], folded


def _split_headline(body: str) -> tuple[str, str]:
    """Feeds often send 'Headline\nBody' as one text: a short first line without a final
    full stop is a headline."""
    first, sep, rest = body.partition("\n")
    if sep and rest.strip() and len(first) <= 160 and not first.rstrip().endswith("."):
        return first.strip(), rest.strip()
    return "", body


def _key_facts(killed: int | None, injured: int | None, injured_or_killed: bool, airport_closed: bool, un_limit: bool,
               un_involved: bool, ongoing: bool, folded: str) -> tuple[str, ...]:
    out: list[str] = []
    if killed:
        out.append(f"At least {killed} killed")
    if injured:
        out.append(f"At least {injured} casualties (killed or injured)" if injured_or_killed else f"At least {injured} injured")
    if airport_closed:
        out.append("Airport temporarily closed")
    if un_limit:
        out.append("UN staff told to limit movement")
    elif un_involved:
        out.append("UN personnel or premises affected")
    if _CURFEW.search(folded):
        out.append("Curfew in force")
    if _AVOID.search(folded):
        out.append("Residents urged to avoid the area")
    if ongoing:
        out.append("Situation may be ongoing")
    elif is_all_clear(folded):
        out.append("Authorities say the situation is under control")
    return tuple(out)


_FRENCH_WORDS = frozenset({"le", "la", "les", "des", "du", "une", "est", "sont", "dans", "pour", "avec", "qui", "sur", "au",
                           "aux", "ont", "ete", "selon"})
_ENGLISH_WORDS = frozenset({"the", "and", "of", "to", "in", "is", "was", "were", "for", "with", "on", "said", "that", "by",
                            "from"})
# A whole word, as `\b(?:le|la|...)\b` sees one: a maximal run of word characters.
_WORD = re.compile(r"\w+")


def _language(folded: str) -> str | None:
    words = _WORD.findall(folded[:3000])
    fr, en = sum(map(_FRENCH_WORDS.__contains__, words)), sum(map(_ENGLISH_WORDS.__contains__, words))
    if fr == en == 0:
        return None
    return "fr" if fr > en else "en"
