"""Is this report about an incident we already know? (pure)

A report joins an incident when, within the time window:
- it is a near-duplicate of the incident's reports (syndicated or lightly rewritten copy), or
- it happened at the same place (same city, or within SAME_PLACE_KM) and is of a compatible kind,
  and the texts share enough distinctive terms or shingles to be about the same event, or
- only the country is known on one side, and the texts are clearly about the same event.
Reports of a different place or an incompatible kind (an attack and a protest) stay apart, and
two same-kind events in one city are told apart by their words and their time; two reports that each
state the day they tell of ("1/25/1970:", "on 21 January 2018") and state different days are two events;
so are two that tell of weekdays two or more days apart ("on Tuesday", "on Thursday"), a report that sets
its event apart ("the second mosque blast in two days") and one a day older, and a trial or an anniversary
of an old attack ("over a 2017 attack") and a new one. A neighbouring town (within SAME_PLACE_KM) needs more
words in common than the same town.
A follow-up that names only the country joins the country's only recent incident (unless it names what was hit
and that incident does not: "the airport reopens"); one placed no closer than a country ("No one has claimed
responsibility for the attack.") joins the country's incident reported just before it, minutes before, when that
is an incident it could follow (one placed nowhere joins nothing by this: any event in the world would do).
Two reports of the same kind, the same half-day, that name the same group, one of them placed only in the
country ("Islamic State fighters drove troops from a western town"), need fewer words in common.
Two reports placed at differently named towns of one country, one the gazetteer lists and one it does not, neither
naming the other's ("Azaz", "Ras al-Ain"), are of two places; so are two placed only in the country that name
different provinces ("Homs province", "Hasakah province"). A report more than half a day after an incident at its
place that shares only words every report uses with it ("killed", "bomb") is a new event. A crowd storming a
building, unrest to one outlet and an armed attack to another, is one event at one place at the same time, with
many words in common. A line placed nowhere that says what it follows ("No group has claimed the bombing.") joins
the one event the stream reported in the minutes before it, and none when there were several; a line placed
in a neighbouring country ("The attack is blamed on the Houthis.") continues the event just before it there.
A report saying no one was hurt beside an incident with a toll gives one more conflicting detail.
Two neighbouring towns (within SAME_PLACE_KM), each report naming its own and neither the other's, are two places
unless the tolls agree ("an air strike on a house in Khan Younis kills 9", "an air strike in Rafah kills 7"). Two
reports naming the site hit, of no kind in common and with no name in common (a mosque and a minibus, a bank and a
park, a parade and a school), are two events. A first-report lead more than half a day after an event at its place
giving fewer dead than that event tells of another (a toll only rises). A protest about an attack ("hundreds protest
after the convoy attack") is another event than the attack, whatever kind the analysis gave it; so is a tribute to
its victims ("marche blanche en hommage a l'enseignant tue"). A town named only as its area's name ("the northern Gaza
Strip") does not name the town; two reports placed at towns of neighbouring countries, neither naming the other's, are
of two places, and so are a report placed nowhere that says "in Nowshera" and one placed at Peshawar. One outlet's
template for two neighbouring towns with their own tolls is no near-duplicate. Two reports naming different quarters of
the town ("Sadr City district", "Dora district") give one more conflicting detail. A lead telling of another weekday a
full day after the event's last report is a new event, and so is one of another weekday with fewer dead half a day
after its first report, whatever toll update came since; a follow-up saying "a day after a drone attack" still follows it.
Strikes from the air told on one weekday, one in the morning and one in the evening or at night ("missiles hit Kharkiv
early on Tuesday", "drones struck Kharkiv on Tuesday night"), are two raids; and a later report giving fewer dead than the
incident, beside a conflicting detail, gives one more (a toll only rises).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.analysis.facts import Category
from bot.dedupe.borders import are_neighbours
from bot.dedupe.sketch import (
    SAME_NAMES,
    conflicts,
    days_apart,
    different_dates,
    different_years,
    names_its_target,
    names_the_place,
    other_raid,
    other_region,
    other_said_place,
    other_sites,
    other_town,
    protests_one,
    same_town,
    says_no_one_was_hurt,
    shared_actors,
    shared_names,
    shares_a_telling_word,
    similarity,
    target_conflict,
    tells_of_a_new_one,
    term_overlap,
)
from bot.match import haversine_km

WINDOW = timedelta(hours=48)  # a report this long after the last one starts a new incident
SAME_PLACE_KM = 25.0
NEAR_DUPLICATE = 0.5  # sketch Jaccard of syndicated copies and light rewrites ...
# ... unless they name different targets: one boilerplate ("Members of the X movement bombed the Y in Lima to
# mark ...") tells two events. Copies this close are one text whatever they name.
SURE_DUPLICATE = 0.8

# Kinds that reports of one event are often given differently: a raid with gunfire is an attack to one
# outlet and a shooting to another; a bombing is part of an assault; fighting and air strikes are military.
_VIOLENT = frozenset({Category.ARMED_ATTACK, Category.BOMBING, Category.SHOOTING, Category.MILITARY,
                      Category.KIDNAPPING, Category.CRIME})


# "Clashes" between security forces and a crowd are unrest to one outlet and fighting to another;
# such a pair needs more words in common than two reports of one kind.
_BORDERLINE = frozenset({frozenset({Category.UNREST, Category.MILITARY})})
BORDERLINE_PENALTY = 0.15
# A crowd storming a building (unrest) and "an attack" on it (armed attack): one event only at one place, at the
# same time, and with more in common than reports of one kind.
_MOB = frozenset({Category.UNREST, Category.ARMED_ATTACK})
MOB_PENALTY = 0.3


def compatible(a: Category, b: Category) -> bool:
    if a == b or Category.NONE in (a, b):  # a calm report (trial, identification) can follow any event
        return True
    if Category.DISRUPTION in (a, b):  # a closure or curfew is how many outlets report the event behind it
        return True
    return (a in _VIOLENT and b in _VIOLENT) or frozenset({a, b}) in _BORDERLINE


@dataclass(frozen=True)
class Report:
    """What one article says, as far as clustering cares."""

    category: Category
    country: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    published: datetime
    sketch: tuple[int, ...]
    terms: frozenset[str]
    killed: int | None = None
    follow_up: bool = False  # refers back to a known event (toll rises, claim, attacker named)
    violent: bool = False  # speaks of violence (shot, killed, attack), though not reporting a new incident


@dataclass(frozen=True)
class KnownIncident:
    id: int
    category: Category
    country: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    first_seen: datetime
    last_seen: datetime
    sketch: tuple[int, ...]
    terms: frozenset[str]
    killed: int | None = None


@dataclass(frozen=True)
class Verdict:
    incident_id: int
    score: float
    reason: str


def _place(report: Report, incident: KnownIncident) -> str:
    """'same' (city), 'near' (another city within SAME_PLACE_KM), 'near-unknown' (a side lacks the city, same
    country), 'border' (a side lacks the city, neighbouring countries), 'different' or 'unknown'."""
    if report.geonameid is not None and report.geonameid == incident.geonameid:
        return "same"
    if report.geonameid is None and incident.geonameid is None and report.country \
            and report.country == incident.country and (town := same_town(report.terms, incident.terms)) is not None:
        # towns no gazetteer lists, which only their names identify: "the town of Palma in northern Mozambique"
        # twice is one place; Palma and Quissanga are two, however alike the wire's wording
        return "same" if town else "different"
    if (report.geonameid is None) != (incident.geonameid is None) and report.country == incident.country \
            and other_town(report.terms, incident.terms):
        # one placed at a town the gazetteer lists, the other at a town it does not, and neither names the
        # other's: two places ("a car bomb in Azaz", "a car bomb in the town of Ras al-Ain in Hasakah province")
        return "different"
    if report.country is None and incident.geonameid is not None and other_said_place(report.terms, incident.terms) \
            or incident.country is None and report.geonameid is not None \
            and other_said_place(incident.terms, report.terms):
        # placed nowhere, it says it happened in a town, and the other is placed at another town, neither naming the
        # other's: "a bomb exploded at a mosque in Nowshera" beside "a bomb exploded at a mosque in Peshawar"
        return "different"
    if None not in (report.lat, report.lon, incident.lat, incident.lon) and report.geonameid and incident.geonameid:
        km = haversine_km(report.lat, report.lon, incident.lat, incident.lon)  # type: ignore[arg-type]
        return "near" if km <= SAME_PLACE_KM else "different"
    if report.country and incident.country:
        if report.country == incident.country:
            # each names its province, and they differ ("Homs province", "Hasakah province"): two places
            return "different" if other_region(report.terms, incident.terms) else "near-unknown"
        if not are_neighbours(report.country, incident.country):
            return "different"
        # each placed at its own town, in two neighbouring countries, neither naming the other's: two places (the
        # same wording tells of village raids on both sides of a border: "20 civilians killed in an attack on a
        # village" near Segou, in Mali, and at Tawori, in Burkina Faso)
        return "different" if other_town(report.terms, incident.terms) else "border"
    return "unknown"


def score(report: Report, incident: KnownIncident, *, window: timedelta = WINDOW, strict: bool = False) -> Verdict | None:
    """How surely the report is about this incident; None when it is not.

    strict: for a closed incident, only a report clearly about it (a late follow-up) counts.
    """
    if not (incident.first_seen - window <= report.published <= incident.last_seen + window):
        return None
    place = _place(report, incident)
    if place in ("different", "unknown") and report.follow_up and report.geonameid is None \
            and incident.geonameid is not None and names_the_place(report.terms, incident.terms):
        # a follow-up placed no closer than a country (or none) that names the event's town: "JNIM claims the
        # attack on Djibo" (the group's country taken for the place), "Mangina : le bilan s'alourdit"
        place = "near-unknown"
    if place == "different":  # cheapest test first: most candidates are elsewhere in the country
        return None
    if place == "border" and Category.NONE in (report.category, incident.category):
        return None  # two calm stories of neighbouring countries share words (a trial, a visit), rarely an event
    sim = similarity(report.sketch, incident.sketch)
    years_differ = different_years(report.terms, incident.terms, report.published.year, incident.first_seen.year)
    if years_differ:  # a trial or an anniversary of an old attack beside a new one: even a follow-up is not of it
        return None
    dates_differ = different_dates(report.terms, incident.terms)
    if sim >= NEAR_DUPLICATE and not dates_differ and (sim >= SURE_DUPLICATE or not (
            target_conflict(report.terms, incident.terms) or place == "near" and _other_towns_other_tolls(report, incident))):
        # (one outlet's template tells of two neighbouring towns with their own tolls: "Six citizens were killed when
        # warplanes bombed a house in Nuseirat camp", "Four citizens ... in Bureij camp")
        return Verdict(incident.id, 1.0 + sim, f"near-duplicate ({sim:.2f})")
    if protests_one(report.terms, incident.terms) and Category.UNREST not in (report.category, incident.category):
        # "hundreds protest in Timbuktu after the convoy attack" beside the attack: another event, whatever kind the
        # analysis gave it (two reports of one protest are unrest, and one may not say what it protests)
        return None
    if place == "near" and _other_towns_other_tolls(report, incident):
        # two towns a few km apart, each report naming its own and neither the other's ("an air strike on a house
        # in Khan Younis kills 9", "an air strike in Rafah kills 7"): the same wire wording tells two events the
        # same day; only the same toll says one event placed at either town
        return None
    if tells_of_a_new_one(report.terms) and report.published - incident.first_seen > SAME_TIME \
            and not report.follow_up:
        # "the second blast in two days": not the one of the day before (but "the airport resumed flights, a day
        # after a drone attack" points back at the attack: a follow-up tells what it follows)
        return None
    mob = False
    if not compatible(report.category, incident.category):
        # a crowd storming a building is unrest to one outlet and an armed attack to another: told at the
        # same place, at the same time, with many words in common
        mob = frozenset({report.category, incident.category}) == _MOB and place in ("same", "near") \
            and _gap(report, incident) <= SAME_TIME
        if not mob:
            return None
    overlap = term_overlap(report.terms, incident.terms)
    same_toll = bool(report.killed and report.killed == incident.killed)
    evidence = overlap + 2 * sim + (0.1 if same_toll else 0.0)
    gap = _gap(report, incident)
    needed = _NEEDED[place] + TIME_PENALTY * min(2.0, max(0.0, (gap - SAME_TIME) / timedelta(hours=24)))
    if Category.NONE in (report.category, incident.category):
        if report.category == incident.category or shared_names(report.terms, incident.terms) < SAME_NAMES:
            calm_about_violence = report.category is Category.NONE and report.violent
            needed += NONE_PENALTY / 2 if calm_about_violence else NONE_PENALTY
        # else: a calm report naming the same people as an incident is about that affair, not another story
    elif mob:
        needed += MOB_PENALTY
    elif frozenset({report.category, incident.category}) in _BORDERLINE:
        if gap > SAME_TIME:  # one clash told as unrest and as fighting is told at the same time; a protest one
            return None      # day and a coup or an offensive the next are two events
        needed += BORDERLINE_PENALTY
    elif report.category != incident.category:
        needed += 0.05
    follow_up = report.follow_up and report.published >= incident.first_seen and (
        place in ("same", "near")
        or (place in ("near-unknown", "border") and report.geonameid is None and gap <= FOLLOW_UP_COUNTRY_GAP))
    if follow_up:
        # "the death toll rises", "X claims the attack": new names and numbers, few shared words, later.
        # One that names only the country must still share something with the event it points back at.
        floor = {"same": 0.0, "near": 0.0, "border": FOLLOW_UP_BORDER_FLOOR}.get(place, FOLLOW_UP_COUNTRY_FLOOR)
        needed = max(floor, needed - FOLLOW_UP_BONUS)
    elif dates_differ:
        return None  # each states the day it tells of, and they differ: two events
    elif other_sites(report.terms, incident.terms) and not shared_names(report.terms, incident.terms):
        # each says where it struck, sites of no kind in common, and no name in common: a mosque and a minibus, a
        # bank and a park in one city the same day are two events, however alike the wire's wording ("Blast in
        # Kabul kills 4")
        return None
    else:
        apart = days_apart(report.terms, incident.terms)  # "on Tuesday" and "on Thursday": two events; one
        if apart >= 2 or apart and gap > DAY:               # day apart may be one night ("late Saturday"), told
            return None                                     # the same day or the next, not a day after the last report
        if other_raid(report.terms, incident.terms):  # missiles early on Tuesday, drones on Tuesday night: two raids
            return None
        needed += DAY_PENALTY * apart
    if place == "near-unknown" and gap <= SAME_TIME and report.category == incident.category \
            and shared_actors(report.terms, incident.terms):
        needed -= SAME_ACTOR_BONUS
    if not follow_up and report.killed and incident.killed and report.killed < incident.killed and (
            gap > SAME_TIME or report.published - incident.first_seen > SAME_TIME
            and days_apart(report.terms, incident.terms) >= 1):
        # a toll only rises: a first-report lead ("Blast at Kabul mosque kills 4") a day or two after an event at
        # the place with more dead is of a new event; and a toll update filed under the event does not make a lead
        # with fewer dead, of another day, fit ("1 killed on Tuesday evening" after "4 killed on Monday night",
        # then "6"; a late summary or a story on one of the dead is still the event)
        return None
    if not follow_up and gap > SAME_TIME and not shares_a_telling_word(report.terms, incident.terms):
        return None  # the same city the next day, with only words every report uses in common: a new event
    if strict and not follow_up:  # a follow-up is by nature no new event: filed under the closed one
        needed += STRICT_PENALTY
    if evidence < needed:
        return None
    if not follow_up:  # conflicting details only raise the bar: weighed last, for the few pairs that pass it
        # (one says no one was hurt, the other gives a toll: another conflicting detail)
        unhurt = says_no_one_was_hurt(report.terms) and bool(incident.killed) \
            or says_no_one_was_hurt(incident.terms) and bool(report.killed)
        # (and, beside another conflicting detail, a later report giving fewer dead: "12 soldiers" then "8 villagers"
        # near Djibo; alone, fewer dead is one outlet counting fewer than another, as often the same morning)
        count = conflicts(report.terms, incident.terms) + unhurt
        fewer = bool(count and report.killed and incident.killed and report.killed < incident.killed)
        needed += CONFLICT_PENALTY * (count + fewer)
        if evidence < needed:
            return None
    return Verdict(incident.id, evidence - needed, f"{place} place, terms {overlap:.2f}, text {sim:.2f}")


# A neighbouring town (a suburb, the next town): one event is placed at either by different outlets, but
# two events there are told apart by more than the city they share words with.
NEAR_NEEDED = 0.25
# Weighted share of distinctive words two reports need to be called one event: few at the same
# place, more when only the country is known on one side, most when a side has no place at all.
# Tuned on the labelled devset (bench/dedupe_quality.py), preferring precision: merging two real
# incidents hides one from users, a second alert only annoys them.
# A report placed only in a neighbouring country (a border event, a country taken from a nationality) is asked as
# much as one placed nowhere.
_NEEDED = {"same": 0.05, "near": NEAR_NEEDED, "near-unknown": 0.3, "border": 0.35, "unknown": 0.35}
SAME_TIME = timedelta(hours=12)  # reports this close are "at the same time"; later ones need more in common
TIME_PENALTY = 0.15  # per day beyond SAME_TIME: the same city the next day is often a new event
CONFLICT_PENALTY = 0.3  # per kind of identifying detail both give but do not share (target, names)
FOLLOW_UP_BONUS = 0.3  # a report pointing back at an event at its place needs this much less
# ... or, within a day, naming only the event's country ("the toll rises to 56"), with at least this much
FOLLOW_UP_COUNTRY_GAP = timedelta(hours=36)
FOLLOW_UP_COUNTRY_FLOOR = 0.15
FOLLOW_UP_BORDER_FLOOR = 0.25  # ... and more when it names a neighbouring country
DAY = timedelta(hours=24)
DAY_PENALTY = 0.2  # a report telling of the next weekday ("on Wednesday" after "on Tuesday") needs this much more
STRICT_PENALTY = 0.25  # a closed incident takes only a report clearly about it
# The same group named by two reports of one kind, the same half-day, in one country (one side not naming the
# town): a little less is asked of them ("IS seizes Mahin" and "IS fighters drove troops from a western town").
SAME_ACTOR_BONUS = 0.1
NONE_PENALTY = 0.2  # a calm story (politics, trial) shares words with many others: ask for more


def _other_towns_other_tolls(report: Report, incident: KnownIncident) -> bool:
    """Each names its own town and not the other's, and they do not give the same toll."""
    return other_town(report.terms, incident.terms) and not (report.killed and report.killed == incident.killed)


def _gap(report: Report, incident: KnownIncident) -> timedelta:
    if incident.first_seen <= report.published <= incident.last_seen:
        return timedelta(0)
    return min(abs(report.published - incident.first_seen), abs(report.published - incident.last_seen))


def choose_incident(
    report: Report, candidates: Iterable[KnownIncident], *, window: timedelta = WINDOW, strict: bool = False
) -> Verdict | None:
    """The known incident this report most surely belongs to, if any."""
    candidates = list(candidates)
    best: Verdict | None = None
    for incident in candidates:
        verdict = score(report, incident, window=window, strict=strict)
        if verdict is not None and (best is None or verdict.score > best.score):
            best = verdict
    if best is None and not strict:
        best = _sole_event_pointed_back_at(report, candidates) or _continues_the_last_report(report, candidates)
    return best


# A line that only points back ("No one has claimed responsibility for the attack.", "The death toll later rises
# to 25.") placed no closer than a country continues the report it came with: a summary split into
# lines, a live page's next entry. It arrives with it, minutes apart at most.
CONTINUATION_GAP = timedelta(minutes=15)
NOWHERE_CONTINUATION_GAP = timedelta(minutes=5)  # ... and a line placed nowhere, the next line of a summary, sooner


def _continues_the_last_report(report: Report, candidates: list[KnownIncident]) -> Verdict | None:
    """A follow-up without a city files under its country's incident reported just before it (within CONTINUATION_GAP),
    unless the two name different targets, groups or people."""
    # Within one country; a line placed nowhere has every recent event in the world for candidates, and
    # joining the wrong one would send its chats a false update: it continues only the one event the whole
    # stream reported in those minutes (a summary's next line), none when there were several, and only when it
    # says what kind of event it follows ("no one has claimed the bombing"; not "the toll later rises to 25").
    if not report.follow_up or report.geonameid is not None:
        return None
    # (or a neighbouring one: "The attack is blamed on the Houthis" is placed in Yemen after a drone hits a Saudi airport)
    recent = [inc for inc in candidates if (inc.country == report.country or report.country is None
                                            or are_neighbours(report.country, inc.country))
              and timedelta(0) <= report.published - inc.last_seen <= CONTINUATION_GAP]
    if not recent or report.country is None and (
            len(recent) != 1 or report.category is Category.NONE or not names_its_target(report.terms, recent[0].terms)
            or report.published - recent[0].last_seen > NOWHERE_CONTINUATION_GAP):
        return None  # (placed nowhere, it must at least say what it follows: "for the bombing", not "the toll")
    # The very last one: when that is a calm story (an earthquake's toll) or of a kind this could not follow,
    # the line is about it, or about something we do not know; not about an event reported before it.
    last = max(recent, key=lambda inc: (inc.last_seen, inc.id))
    if last.category is Category.NONE or not compatible(report.category, last.category) \
            or conflicts(report.terms, last.terms):
        return None
    return Verdict(last.id, 0.0, "follow-up of the report just before it")


def _sole_event_pointed_back_at(report: Report, candidates: list[KnownIncident]) -> Verdict | None:
    """A follow-up that names only the country ("the government blames the attack on ...", "the
    Taliban claimed the attack") points back at an event its readers know: when the country had
    exactly one incident in the last day and a half, that is the one, whatever words it uses, unless
    the two name different targets, groups or people."""
    if not report.follow_up or report.geonameid is not None or not report.country:
        return None
    # Only events of a kind it could follow count: a protest against a bombing is no second candidate
    # for "the government blames the bombing on ...".
    recent = [inc for inc in candidates
              if inc.country == report.country and inc.category is not Category.NONE
              and compatible(report.category, inc.category)
              and inc.first_seen <= report.published and _gap(report, inc) <= FOLLOW_UP_COUNTRY_GAP]
    if len(recent) != 1:
        return None
    (incident,) = recent
    if conflicts(report.terms, incident.terms) or not names_its_target(report.terms, incident.terms):
        return None
    return Verdict(incident.id, 0.0, "follow-up of the only recent event in the country")
