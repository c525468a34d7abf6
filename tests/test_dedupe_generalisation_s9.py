"""One incident, one alert (round 9): rules found on a new probe set of wire leads, Wikipedia one-liners,
French items and follow-ups, and on look-alikes (two towns of one country, two provinces, two quarters of one
city, the same city the next day with only common words shared, a crowd storming a building told as unrest
and as an attack).

Each test says what a user sees: these reports are one alert, those are two. None is a devset item.
"""
from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from bot.analysis.facts import Category
from bot.dedupe.cluster import KnownIncident, Report, choose_incident
from bot.dedupe.sketch import key_terms
from bot.model import Article
from tests.dedupe_support import incident_facts, ingest_each, joins, placed_report

T0 = datetime(2022, 6, 14, 8, 0, tzinfo=UTC)
AZAZ = (172082, 36.59, 37.04, "Izaz", "SY", "Syria")
RAS_AL_AIN = (None, None, None, "Ras al-Ain", "SY", "Syria")  # a town the gazetteer gives no coordinates
DAMASCUS = (170654, 33.51, 36.29, "Damascus", "SY", "Syria")
BAGHDAD = (98182, 33.34, 44.40, "Baghdad", "IQ", "Iraq")
CHICAGO = (4887398, 41.85, -87.65, "Chicago", "US", "United States")
DIYARBAKIR = (298117, 37.91, 40.24, "Diyarbakir", "TR", "Turkey")
KABUL = (1138958, 34.53, 69.17, "Kabul", "AF", "Afghanistan")


def report(text: str, *, city=DAMASCUS, at: datetime = T0, title: str = "", **details) -> Report:
    return placed_report(text, city=city, at=at, title=title, **details)


def seen(r: Report, incident_id: int, last_seen: datetime | None = None) -> KnownIncident:
    """The incident r opened, last reported at last_seen."""
    return KnownIncident(incident_id, r.category, r.country, r.geonameid, r.lat, r.lon, r.published,
                         last_seen or r.published, r.sketch, r.terms, r.killed)


# Two places the analysis tells apart only by name

def test_car_bombs_in_a_listed_town_and_an_unlisted_one_the_next_day_are_two_alerts() -> None:
    azaz = report("A car bomb explodes near a market in Azaz, Syria, killing at least eight people.", city=AZAZ,
                  killed=8)
    ras_al_ain = report("BEIRUT (Reuters) - A car bomb exploded in the town of Ras al-Ain in Syria's Hasakah province "
                        "on Monday, killing five people, a war monitor said.", title="Car bomb kills 5 in Syria's "
                        "Hasakah province", city=RAS_AL_AIN, at=T0 + timedelta(hours=20), killed=5)
    assert not joins(ras_al_ain, azaz)


def test_an_unlisted_town_report_naming_the_listed_town_is_still_one_alert() -> None:
    """The analysis placed one at a quarter it could not locate, which the text says is in the other's city."""
    kabul = report("A bomb exploded outside a boys' school in western Kabul, killing six students.", city=KABUL,
                   killed=6)
    quarter = report("A bombing outside a school in the Dasht-e-Barchi neighbourhood of Kabul kills six students.",
                     city=(None, None, None, "Dasht-e-Barchi", "AF", "Afghanistan"), at=T0 + timedelta(hours=1),
                     killed=6)
    assert joins(quarter, kabul)


def test_attacks_in_two_provinces_of_one_country_the_same_day_are_two_alerts() -> None:
    homs = report("Islamic State militants attacked an army post in Syria's Homs province on Saturday, killing "
                  "nine soldiers, a war monitor said.", city=None, country="SY", category=Category.ARMED_ATTACK)
    hasakah = report("Islamic State militants attacked an army post in Syria's Hasakah province on Saturday, "
                     "killing seven soldiers, a war monitor said.", city=None, country="SY",
                     category=Category.ARMED_ATTACK, at=T0 + timedelta(hours=3))
    assert not joins(hasakah, homs)


def test_two_reports_naming_the_same_province_are_still_one_alert() -> None:
    first = report("Islamic State militants attacked an army post in Syria's Homs province on Saturday, killing "
                   "nine soldiers, a war monitor said.", city=None, country="SY", category=Category.ARMED_ATTACK)
    second = report("Nine Syrian soldiers were killed when jihadists stormed an army position in the desert of "
                    "Homs province, the Syrian Observatory said.", city=None, country="SY",
                    category=Category.ARMED_ATTACK, at=T0 + timedelta(hours=2))
    assert joins(second, first)


def test_shootings_on_the_south_side_and_the_west_side_are_two_alerts() -> None:
    assert "SOUTHSIDE" in key_terms("", "A gunman opened fire at a party in a South Side park.")
    south = report("CHICAGO (AP) — A gunman opened fire on a crowd gathered for a birthday party in a South Side "
                   "park on Saturday evening, killing three people and wounding seven, police said.",
                   title="Gunman opens fire at Chicago park party, killing 3", city=CHICAGO,
                   category=Category.SHOOTING, killed=3)
    west = report("CHICAGO (AP) — A Chicago police officer was shot and wounded during a traffic stop on the city's "
                  "West Side on Saturday night, police said.", title="Police officer shot during traffic stop in "
                  "Chicago", city=CHICAGO, category=Category.SHOOTING, at=T0 + timedelta(hours=4))
    assert not joins(west, south)


# The same city the next day

def test_mortar_shells_the_night_after_a_bus_bombing_sharing_only_common_words_are_a_second_alert() -> None:
    bus = report("A bomb attack on a bus carrying soldiers in Damascus, Syria, kills 13 people.", killed=13)
    mortars = report("DAMASCUS (Reuters) - Mortar shells fired by rebels hit the old city of Damascus on Thursday, "
                     "killing two people, state media said.", title="Mortar shells hit Damascus old city, killing 2",
                     category=Category.MILITARY, at=T0 + timedelta(hours=16), killed=2)
    # (the bus bombing was reported again two hours after it was first)
    assert choose_incident(mortars, [seen(bus, 1, last_seen=T0 + timedelta(hours=2))]) is None


def test_the_toll_rising_the_next_day_is_still_one_alert() -> None:
    bombing = report("A suicide bomber blew himself up inside a Shiite mosque in Damascus during Friday prayers, "
                     "killing nine worshippers.", killed=9)
    toll = report("The death toll from Friday's suicide bombing at the mosque rose to 14 on Saturday.",
                  at=T0 + timedelta(hours=26), killed=14)
    assert joins(toll, bombing)


# One event, two kinds

def test_a_crowd_storming_parliament_told_as_unrest_and_as_an_attack_is_one_alert() -> None:
    unrest = report("Protesters storm the parliament building in Baghdad, Iraq, after the nomination of a rival "
                    "candidate for prime minister.", city=BAGHDAD, category=Category.UNREST)
    attack = report("BAGHDAD (Reuters) - Supporters of Shi'ite cleric Moqtada al-Sadr stormed Iraq's parliament in "
                    "Baghdad's Green Zone on Saturday, protesting against a rival bloc's nomination for prime minister.",
                    title="Sadr supporters storm Iraqi parliament", city=BAGHDAD, category=Category.ARMED_ATTACK,
                    at=T0 + timedelta(hours=2))
    assert joins(attack, unrest)


def test_a_protest_and_a_gunmen_attack_in_one_city_the_next_day_are_two_alerts() -> None:
    protest = report("Thousands protest in Baghdad against power cuts, blocking roads with burning tyres.",
                     city=BAGHDAD, category=Category.UNREST)
    attack = report("Gunmen attack a checkpoint in Baghdad, killing three soldiers.", city=BAGHDAD,
                    category=Category.ARMED_ATTACK, at=T0 + timedelta(hours=20))
    assert not joins(attack, protest)


# A line placed nowhere

def test_a_claim_line_placed_nowhere_continues_the_one_event_reported_just_before_it() -> None:
    bombing = report("A car bomb explodes outside a police station in Diyarbakir, Turkey, killing three police "
                     "officers.", city=DIYARBAKIR)
    line = report("No group has claimed responsibility for the bombing.", city=None, at=T0 + timedelta(minutes=1))
    assert line.follow_up and line.country is None
    verdict = choose_incident(line, [seen(bombing, 1)])
    assert verdict is not None and verdict.incident_id == 1


def test_a_claim_line_placed_nowhere_joins_nothing_when_two_events_were_just_reported() -> None:
    bombing = report("A car bomb explodes outside a police station in Diyarbakir, Turkey, killing three police "
                     "officers.", city=DIYARBAKIR)
    other = report("A suicide bomber kills five at a checkpoint in Kabul, Afghanistan.", city=KABUL,
                   at=T0 + timedelta(seconds=30))
    line = report("No group has claimed responsibility for the bombing.", city=None, at=T0 + timedelta(minutes=1))
    assert choose_incident(line, [seen(bombing, 1), seen(other, 2)]) is None


def test_a_claim_line_placed_nowhere_ten_minutes_later_is_not_taken_for_the_last_event() -> None:
    """A summary's next line comes with it; ten minutes on, it may follow an event the stream never carried."""
    bombing = report("A car bomb explodes outside a police station in Diyarbakir, Turkey, killing three police "
                     "officers.", city=DIYARBAKIR)
    line = report("No group has claimed responsibility for the bombing.", city=None, at=T0 + timedelta(minutes=10))
    assert choose_incident(line, [seen(bombing, 1)]) is None


def test_a_line_blaming_a_group_of_the_neighbouring_country_continues_the_attack_just_before_it() -> None:
    """The group gives the line its country (the Houthis: Yemen); the attack it follows was across the border."""
    abha = (108512, 18.22, 42.51, "Abha", "SA", "Saudi Arabia")
    drone = report("A drone attack hits Abha airport in southern Saudi Arabia, wounding eight people.", city=abha,
                   category=Category.ARMED_ATTACK)
    blamed = report("The attack is blamed on the Houthis.", city=None, country="YE", category=Category.NONE,
                    at=T0 + timedelta(minutes=1))
    assert blamed.follow_up
    verdict = choose_incident(blamed, [seen(drone, 1)])
    assert verdict is not None and verdict.incident_id == 1


def test_drones_causing_no_casualties_the_day_after_a_deadly_missile_strike_are_a_second_alert() -> None:
    odesa = (698740, 46.48, 30.73, "Odesa", "UA", "Ukraine")
    strike = report("KYIV (Reuters) - A Russian missile struck a nine-storey apartment building in the southern "
                    "Ukrainian port city of Odesa early on Wednesday, killing 18 people, officials said.",
                    title="Russian missile strike hits apartment building in Odesa", city=odesa,
                    category=Category.MILITARY, killed=18)
    drones = report("KYIV (Reuters) - Russian drones struck grain storage facilities in the port of Odesa overnight "
                    "into Thursday, causing a fire but no casualties, the military said.",
                    title="Russian drones hit Odesa port grain terminal", city=odesa, category=Category.MILITARY,
                    at=T0 + timedelta(hours=24))
    # (the strike was reported again six hours after it was first)
    assert choose_incident(drones, [seen(strike, 1, last_seen=T0 + timedelta(hours=6))]) is None


def test_no_immediate_reports_of_casualties_is_not_no_one_hurt() -> None:
    """A first report often knows of no casualties yet: a later one with a toll may be of the same event."""
    from bot.dedupe.sketch import says_no_one_was_hurt

    assert says_no_one_was_hurt(key_terms("", "The drones caused a fire but no casualties, the military said."))
    assert not says_no_one_was_hurt(key_terms("", "A blast hit the market. There were no immediate reports of "
                                                  "casualties."))
    assert not says_no_one_was_hurt(key_terms("", "A blast hit the market; no casualties were immediately reported."))


def test_ingest_files_a_bombing_its_unplaced_unclaimed_line_and_a_french_lead_under_one_incident(db: Database) -> None:
    diyarbakir = incident_facts(Category.BOMBING, "Diyarbakir", "TR", *DIYARBAKIR[:3], 3)
    articles = [
        (Article(source="Wikipedia", url="https://w.example/1", title="",
                 text="A car bomb explodes outside a police station in Diyarbakir, Turkey, killing three police "
                      "officers and wounding eight people.", published=T0), diyarbakir),
        (Article(source="Wikipedia", url="https://w.example/2", title="",
                 text="No group has claimed responsibility for the bombing.", published=T0 + timedelta(minutes=1)),
         incident_facts(Category.BOMBING, None, None, None)),
        (Article(source="AFP", url="https://w.example/3", title="Turquie : trois policiers tués dans un attentat à "
                 "la voiture piégée à Diyarbakir", text="Une voiture piégée a explosé lundi devant un commissariat de "
                 "Diyarbakir, dans le sud-est de la Turquie, tuant trois policiers et blessant huit personnes.",
                 published=T0 + timedelta(hours=2)), diyarbakir),
    ]
    incident_of = ingest_each(db, articles)
    assert incident_of["https://w.example/1"] == incident_of["https://w.example/2"] == incident_of["https://w.example/3"]
