"""Airports and UN presence involved in an incident, and the targets that raise severity.

An airport is involved when it is named ("Modibo Keita International Airport", "Zaventem"),
when "<City> airport" / "aéroport de <City>" names it by its city, or when "the
international airport" appears in a story located in a city: that city's main airport(s); a flight "diverted to"
(or making an emergency landing in) a city is at that city's airport.
The UN is involved when its people or premises are affected ("UN staff", "peacekeepers",
"casques bleus", a mission's acronym), not when the UN merely comments ("the UN Security
Council condemned").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.analysis.gate import Gated, TailGated, trie_alternation
from bot.analysis.gazetteer import AIRPORT, CITY, CITY_ALT, UN_SITE, City, Gazetteer
from bot.analysis.geo import Mention

# "the main bus terminal of Peshawar" is no airport.
_AIRPORT_WORD = Gated(re.compile(r"\b(?:airport|airports|aeroport|aeroports|airfield|aerodrome|"
                                 r"(?<!bus )(?<!ferry )(?<!oil )(?<!gas )(?<!container )(?<!cargo )(?<!lng )terminal)\b"),
                      "airport", "aeroport", "airfield", "aerodrome", "terminal")
_CITY_AIRPORT = re.compile(r"^(?:'s)?\s*(?:international\s+)?(?:airport|airfield)\b", re.I)
_AIRPORT_OF = re.compile(r"(?:a[ée]roport (?:international )?(?:de |d'|du ))$", re.I)
# "diverted to Halifax", "made an emergency landing in Entebbe", "dérouté vers Abidjan": the plane is at that city's airport
# (not "flew to Paris", "bound for Dubai": a trip, not a scene).
_DIVERTED_TO = TailGated(re.compile(r"(?:(?:diverted|rerouted|re-routed|redirected) to|emergency landing (?:in|at)|forced to land (?:in|at)|"
                                    r"landed safely (?:in|at)|safely landed (?:in|at)|"
                                    r"(?:deroute|detourne|derive) vers|atterrissage d'urgence a)\s+(?:the\s+)?$"),
                         "to", "in", "at", "vers", "a", "the")  # how every match ends
_AIRPORT_CLOSED = re.compile(
    r"\b(?:airports? (?:was |were |has been |have been |is |remains? )?(?:temporarily |briefly )?(?:closed|shut|evacuated|locked down)|"
    r"(?:closed|shut|shutting|closing|evacuated) (?:the |its )?(?:\w+ )?(?:international )?airport|airport closures?|"
    r"(?:was|were) temporarily (?:closed|shut down)|temporarily shut down|flights (?:were |have been )?(?:suspended|cancelled|grounded|halted)|"
    r"aeroport (?:a ete |est )?(?:temporairement )?ferme|fermeture (?:temporaire )?de l'aeroport|vols (?:ont ete )?suspendus)\b")

# A trie (gate.py), so a position that starts no UN word is rejected at once. Its longest-first order is free here: of
# two words where one extends the other ("un", "unmiss"), only one can be followed by what every use of them requires
# (" ", "'s" or a word boundary), so at any position at most one word leads to a match.
_UN_NAMES = ["un", "u.n.", "united nations", "onu", "nations unies", "des nations unies", "de l'onu",
             "minusma", "minusca", "monusco", "unmiss", "unamid", "unifil", "unama", "unami", "unsom",
             "unsmil", "undof", "unficyp", "unmik", "unisfa", "minurso", "minustah", "unoci", "unmil",
             "unhcr", "unicef", "wfp", "pam", "who", "unrwa", "undp", "ocha", "iom",
             "world food programme", "world food program", "programme alimentaire mondial",
             "world health organization", "unops", "unfpa"]
_UN_WORDS = trie_alternation(sorted(_UN_NAMES, key=len, reverse=True))
# A mission as the speaker ("the UN mission in Libya said") is not affected.
_SPEAKS = r"(?!(?: [\w']+){0,4} (?:said|says|reported|reports|condemned|condemns|called|urged|warned|announced|added|a annonce|a indique|a condamne|a declare))"
_UN_AFFECTED = re.compile(
    r"\b(?:peace-?keepers?|peace-?keeping (?:troops|forces|soldiers|base|camp|convoy|personnel|patrol|helicopter|mission" + _SPEAKS + r")|"
    r"blue helmets|casques? bleus?|"
    r"soldats de la paix|" + _UN_WORDS + r"(?:'s)?(?:-run |-operated |-managed | (?:\w+ )?(?:-run |-operated )?)(?:staff|personnel|workers?|employees?|compound|base|camp|convoy|vehicle|"
    r"helicopter|plane|aircraft|office|offices|premises|guesthouse|guest house|building|headquarters|hq|mission" + _SPEAKS + r"|troops|"
    r"soldiers|police|patrol|peacekeepers|contractors?|aid workers?|humanitarians|school|clinic|shelter|facility|site|observers?|"
    r"observation post|monitors?|drivers?|trucks?|warehouses?|"
    r"personnel|employes|fonctionnaires|agents|base|camp|convoi|vehicule|mission" + _SPEAKS + r"|experts?|envoy'?s? convoy)|"
    r"(?:staff|personnel|employees|workers|employes|base|camp|convoi|compound|mission) (?:of|de) (?:the |la |l')?" + _UN_WORDS + r"|"
    # "the United Nations is to evacuate some staff", "l'ONU a évacué son personnel": staff pulled out for their safety
    + _UN_WORDS + r" (?:[\w']+ ){0,3}?(?:evacuat(?:e|es|ed|ing)|relocat(?:e|es|ed|ing)|pull(?:s|ed|ing)? out|evacu(?:e|er|ait)) "
    r"(?:[\w'-]+ ){0,2}?(?:staff|personnel|employees|workers|employes))\b")
_UN_BYSTANDER = re.compile(r"\b(?:security council|secretary[- ]general|general assembly|human rights council|conseil de securite|"
                           r"secretaire general|special envoy|rapporteur|un (?:said|says|condemned|condemns|called|calls|urged|warned))\b")

# Each target's regex runs only when one of its words is in the text (most items name none).
TARGETS: dict[str, Gated] = {
    "airport": Gated(re.compile(r"\b(?:airport|aeroport|airfield)\b"), "airport", "aeroport", "airfield"),
    "UN site": Gated(re.compile(r"\b(?:un|united nations|onu) (?:compound|base|camp|office|headquarters|premises|guesthouse)\b"),
                     "compound", "base", "camp", "office", "headquarters", "premises", "guesthouse"),
    "embassy": Gated(re.compile(r"\b(?:embassy|embassies|consulate|ambassade|consulat)\b"), "embass", "consulat", "ambassade"),
    "hotel": Gated(re.compile(r"\b(?:hotel|hotels|resort|hôtel)\b"), "hotel", "resort", "hôtel"),
    "school": Gated(re.compile(r"\b(?:school|schools|university|college|ecole|lycee|universite)\b"),
                    "school", "universit", "college", "ecole", "lycee"),
    "military base": Gated(re.compile(r"\b(?:military base|army base|air base|barracks|military camp|base militaire|camp militaire|caserne|"
                                      r"gendarmerie|military (?:academy|college)|(?:army|naval|air force) academy|ecole militaire)\b"),
                           "military ", "army ", "naval ", "air force", "air base", "barracks", "base militaire", "camp militaire",
                           "caserne", "gendarmerie", "ecole militaire"),
    "police station": Gated(re.compile(r"\b(?:police station|police post|police base|commissariat|poste de police|"
                                       r"police (?:academy|college|training (?:school|centre|center))|ecole de police)\b"),
                            "police ", "commissariat", "ecole de police"),
    "church": Gated(re.compile(r"\b(?:church|cathedral|eglise)\b"), "church", "cathedral", "eglise"),
    "mosque": Gated(re.compile(r"\b(?:mosque|mosquee)\b"), "mosque"),
    "market": Gated(re.compile(r"\b(?:market|marche|bazaar|shopping (?:mall|centre|center))\b"), "market", "marche", "bazaar", "shopping "),
}


# "near the Modibo Keita International Airport", "2 km from the embassy": a landmark that says where it
# happened, not what was hit (the airport still shows in the place line, and its closure as a fact).
_LANDMARK_BEFORE = re.compile(
    r"(?:\bnear|\bclose to|\bnot far from|\bnext to|\bpres d(?:e|u|es|')|\ba proximite d(?:e|u|es|')|\bnon loin d(?:e|u|es|')|"
    r"\b(?:km|kilometres|kilometers|miles) (?:from|de|du|d'))\s*(?:the |an? |l'|la |le |les |du |de la |des )?(?:[\w'-]+ ){0,4}$")
# A school or college of the security forces is theirs ("a gendarmerie school", "l'école de gendarmerie"): it
# counts as their base, not as a school, whose pupils make an attack graver.
_FORCES_BEFORE = re.compile(r"\b(?:gendarmerie|police|military|army|naval|navy|cadet|cadets|officers'?|militia)\s+$")
_FORCES_AFTER = re.compile(r"\s+(?:de (?:la )?(?:gendarmerie|police)|militaire|des (?:officiers|cadets))\b")
_LOOK_BEFORE = 60
# "The airport was temporarily shut down, and nearby schools were closed as a precaution": a sentence about
# places closing, with no violence in it, names what was closed, not what was hit.
_CLOSING = re.compile(r"\b(?:clos(?:e|ed|es|ing|ure)|shut|suspend(?:s|ed)?|evacuat(?:e|ed|es|ing)|locked down|cancel+(?:s|ed)?|"
                      r"divert(?:s|ed)?|ferm(?:e|es|ee|ees|eture)|suspendu)\b")
_VIOLENCE = re.compile(r"\b(?:attack(?:s|ed|ers?)?|storm(?:s|ed)?|struck|hit|bomb(?:s|ed|ing|er)?|explo(?:sion|ded|sive)|blast|"
                       r"gunm[ae]n|gunfire|shot|shoot(?:ing)?|fired|assault(?:ed)?|raid(?:ed)?|attaqu\w*|kill(?:s|ed|ing)?)\b")


def _sentence(folded: str, start: int, end: int) -> str:
    """The sentence around folded[start:end]."""
    stop = folded.find(".", end)
    return folded[folded.rfind(".", 0, start) + 1:stop if stop >= 0 else len(folded)]


def _targets(folded: str) -> frozenset[str]:
    """What the text says was hit: each kind of target named at least once as more than a landmark or a
    place that closed."""
    found = set()
    for name, gated in TARGETS.items():
        for m in gated.finditer(folded):
            before = folded[max(0, m.start() - _LOOK_BEFORE):m.start()]
            if _LANDMARK_BEFORE.search(before):
                continue
            sentence = _sentence(folded, m.start(), m.end())
            if _CLOSING.search(sentence) and not _VIOLENCE.search(sentence):
                continue
            if name == "school" and (_FORCES_BEFORE.search(before) or _FORCES_AFTER.match(folded, m.end())):
                continue
            found.add(name)
            break
    return frozenset(found)


@dataclass(frozen=True)
class SiteFacts:
    airports: tuple[str, ...]
    airport_closed: bool
    un_involved: bool
    un_sites: tuple[str, ...]
    un_limit_movement: bool
    targets: frozenset[str]


def find_sites(gaz: Gazetteer, text: str, folded: str, mentions: list[Mention], city: City | None) -> SiteFacts:
    airports = _airports(gaz, text, folded, mentions, city)
    un_involved = _un_affected(text, folded)
    un_sites = tuple(dict.fromkeys(str(k) for m in mentions for kind, k in m.refs if kind == UN_SITE))
    if un_sites and not un_involved:
        un_involved = not _UN_BYSTANDER.search(folded)
    if un_involved and not un_sites and city is not None:
        # UN premises in a city that hosts a mission or office: that site.
        un_sites = tuple(s.id for s in gaz.un_sites.values() if s.city == city.name and s.country == city.country
                         and TARGETS["UN site"].search(folded))[:1]
    limit = un_involved and bool(re.search(r"\b(?:limit|restrict|reduce)(?:ed|ing)? (?:their |all )?(?:movements?|travel)|"
                                           r"stay (?:indoors|at home|in their (?:homes|compounds))|shelter in place|"
                                           r"limiter (?:leurs |les )?deplacements|confin", folded))
    targets = _targets(folded)
    if un_involved:
        targets |= {"UN site"} if TARGETS["UN site"].search(folded) else frozenset()
    return SiteFacts(airports, bool(airports) and bool(_AIRPORT_CLOSED.search(folded)), un_involved, un_sites, limit, targets)


# Every _UN_AFFECTED match holds one of these (folded), or a "UN" in capitals (_is_un): most texts have none.
_UN_NEEDLES = (*(name for name in _UN_NAMES if name != "un"), "peace", "helmet", "casque", "soldats de la paix")


def _diverted_to(window: str) -> bool:
    return _DIVERTED_TO.search(window, window.rstrip()) is not None


def _un_affected(text: str, folded: str) -> bool:
    """A UN person or place affected somewhere in the text. A match rejected as the French article ("un camp de la
    Minusca") is retried one character on, so the words it covered can still match ("camp de la minusca")."""
    if "UN" not in text and not any(needle in folded for needle in _UN_NEEDLES):
        return False
    at = 0
    while True:
        m = _UN_AFFECTED.search(folded, at)
        if m is None:
            return False
        if _is_un(text, m):
            return True
        at = m.start() + 1


def _is_un(text: str, m: re.Match[str]) -> bool:
    """'un' is the UN only in capitals ('UN staff'), never the French article ('un véhicule')."""
    s, start = m.string, m.start()
    at = s.find("un", start, m.end())
    while at >= 0:
        alone = (at == 0 or not s[at - 1].isalpha()) and (at + 2 >= len(s) or not s[at + 2].isalpha())
        if alone and text[at:at + 2] != "UN":
            return False
        at = s.find("un", at + 2, m.end())
    return True


def _airports(gaz: Gazetteer, text: str, folded: str, mentions: list[Mention], city: City | None) -> tuple[str, ...]:
    found: list[str] = []
    for m in mentions:
        for kind, key in m.refs:
            if kind == AIRPORT:
                found.append(str(key))
            elif kind in (CITY, CITY_ALT) and (_CITY_AIRPORT.match(text, m.end) or _AIRPORT_OF.search(folded[max(0, m.start - 30):m.start])
                                              or _diverted_to(folded[max(0, m.start - 40):m.start])):
                found.extend(gaz.city_airports.get(int(key), ()))
    if not found and city is not None and _AIRPORT_WORD.search(folded):
        found.extend(gaz.city_airports.get(city.geonameid, ()))
    # One airport per city is what a watcher needs; keep the order of first mention.
    return tuple(dict.fromkeys(found))[:3]
