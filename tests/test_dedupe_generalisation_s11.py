"""One incident, one alert (round 11): rules found on a realistic three-day stream of feeds (wire leads, local and
French outlets, ReliefWeb summaries, Wikipedia one-liners, follow-ups), with many incidents in the same few cities.

Each test says what a user sees, through the real ingest path and a real SQLite file: these reports are one
alert, those are two. None is a devset item.
"""
from datetime import UTC, datetime

from sqlite_utils import Database

from bot.analysis.facts import Category, Facts
from bot.dedupe.followup import protests_an_event
from bot.dedupe.sketch import key_terms
from tests.dedupe_support import city_facts as facts
from tests.dedupe_support import count_alerts

T0 = datetime(2025, 3, 10, 8, 0, tzinfo=UTC)  # a Monday
GAZA = (281133, 31.50161, 34.46672, "Gaza", "PS")
JABALYA = (281129, 31.5272, 34.48347, "Jabalya", "PS")
SEGOU = (2451478, 13.44032, -6.25947, "Ségou", "ML")
TAWORI = (None, None, None, "Tawori", "BF")  # a village the gazetteer does not list
BAGHDAD = (98182, 33.34058, 44.40088, "Baghdad", "IQ")
KHARKIV = (706483, 49.98177, 36.25475, "Kharkiv", "UA")
ARRAS = (3036784, 50.29301, 2.78186, "Arras", "FR")
BAMAKO = (2460596, 12.60915, -7.97522, "Bamako", "ML")
KABUL = (1138958, 34.52813, 69.17233, "Kabul", "AF")
MOGADISHU = (53654, 2.03711, 45.34375, "Mogadishu", "SO")
PESHAWAR = (1168197, 34.008, 71.57849, "Peshawar", "PK")
NUSEIRAT = (281109, 31.44861, 34.3925, "An Nusayrat", "PS")
BUREIJ = (281161, 31.43944, 34.40306, "Al Burayj", "PS")
PORT_SUDAN = (377039, 19.61745, 37.21644, "Port Sudan", "SD")

def alerts(db: Database, *reports: tuple[float, str, str, Facts]) -> int:
    """Ingest (hours after T0, title, text, facts) reports in turn; how many incidents they make."""
    return count_alerts(db, T0, *reports)


# A town named only as the wider area's name ("the northern Gaza Strip") does not name the town

def test_a_strike_in_gaza_city_and_one_in_jabalia_in_the_gaza_strip_are_two_alerts(db: Database) -> None:
    """Jabalia is four kilometres from Gaza City; "in the northern Gaza Strip" names the territory, not the city."""
    assert alerts(
        db,
        (0, "Israeli strike on Gaza City school shelter kills 15, medics say",
         "CAIRO (Reuters) - An Israeli air strike hit a school sheltering displaced families in Gaza City on Monday, "
         "killing at least 15 people, including children, Palestinian medics said.",
         facts(Category.MILITARY, GAZA, 15, "Palestine")),
        (9, "Israeli strike on house in Jabalia kills 7",
         "CAIRO (Reuters) - An Israeli air strike on a house in Jabalia in the northern Gaza Strip killed seven "
         "members of one family on Monday, medics said.", facts(Category.MILITARY, JABALYA, 7, "Palestine")),
    ) == 2


def test_area_names_and_town_words_are_marked_apart() -> None:
    terms = key_terms("", "An air strike hit a house in Jabalia in the northern Gaza Strip.",
                      place_names=["Jabalya", "Palestine"])
    assert "&!gaza" in terms  # "Gaza" only as the Strip's name
    assert "#=gaza" in key_terms("", "A strike hit a school in Gaza City.", place_names=["Gaza", "Palestine"])


# A reporting verb is no telling word

def test_a_car_bomb_on_a_commander_and_a_blast_at_a_ministry_the_same_day_are_two_alerts(db: Database) -> None:
    """Both say a bomb "exploded": every bombing report does."""
    assert alerts(
        db,
        (0, "Taliban commander killed by sticky bomb in Kabul",
         "KABUL (Reuters) - A Taliban commander was killed when a bomb attached to his car exploded in the Khair Khana "
         "area of northern Kabul on Tuesday, police said.", facts(Category.BOMBING, KABUL, 1)),
        (4, "Blast at Kabul ministry of refugees kills 2",
         "KABUL (Reuters) - A bomb exploded inside the Ministry of Refugees in Kabul on Tuesday afternoon, killing "
         "two people, police said.", facts(Category.BOMBING, KABUL, 2)),
    ) == 2


# Two towns in two neighbouring countries

def test_village_raids_near_segou_in_mali_and_at_tawori_in_burkina_faso_are_two_alerts(db: Database) -> None:
    """One wire template, two villages on either side of a border, the same day."""
    assert alerts(
        db,
        (0, "Burkina : une vingtaine de civils tués dans l'attaque d'un village du nord",
         "Une vingtaine de civils ont été tués mercredi dans l'attaque du village de Tawori, dans la région du Sahel, "
         "par des jihadistes présumés, selon des sources locales.",
         facts(Category.ARMED_ATTACK, TAWORI, 20, "Burkina Faso")),
        (5, "Mali : une dizaine de civils tués dans l'attaque d'un village près de Ségou",
         "Une dizaine de civils ont été tués mercredi dans l'attaque d'un village près de Ségou, dans le centre du "
         "Mali, par des hommes armés, selon des élus locaux.", facts(Category.ARMED_ATTACK, SEGOU, 10, "Mali")),
    ) == 2


# An official quoted by name is who said it, not who or what the event was about

def test_two_strikes_on_one_city_quoting_the_same_governor_are_two_alerts(db: Database) -> None:
    assert alerts(
        db,
        (0, "Russian glide bomb hits Kharkiv apartment block, 3 killed",
         "Russian forces struck an apartment block in Kharkiv with a glide bomb on Monday morning, killing three "
         "people, Governor Oleh Syniehubov said.", facts(Category.BOMBING, KHARKIV, 3)),
        (8, "Russian drone hits Kharkiv school, 2 wounded",
         "A Russian drone hit a school in Kharkiv on Monday afternoon, wounding two people, Governor Oleh "
         "Syniehubov said.", facts(Category.MILITARY, KHARKIV)),
    ) == 2


def test_a_governor_named_only_as_the_one_who_said_it_is_no_name() -> None:
    terms = key_terms("", "Two people were killed in Kharkiv, Governor Oleh Syniehubov said.")
    assert not {"OLEH", "SYNIEH", "oleh", "synieh"} & terms
    # ... but named as the one it happened to, he is
    assert "SYNIEH" in key_terms("", "Gunmen shot at the car of Governor Oleh Syniehubov in Kharkiv on Monday.")


# A toll only rises: counted from the event's first report, not from its last update

def test_a_lower_toll_a_day_after_the_event_is_a_second_alert_though_its_toll_was_updated_since(db: Database) -> None:
    assert alerts(
        db,
        (0, "Russian glide bombs hit Kharkiv apartment block, 4 killed",
         "KYIV (Reuters) - Russian glide bombs struck an apartment block in Kharkiv on Monday night, killing four "
         "people and wounding 22, the regional governor said.", facts(Category.BOMBING, KHARKIV, 4)),
        (12, "Death toll in Russian attack on Kharkiv rises to 6",
         "The death toll from Russia's glide bomb attack on an apartment block in Kharkiv has risen to six, the "
         "regional governor said on Tuesday.", facts(Category.BOMBING, KHARKIV, 6)),
        (24, "Russian glide bomb hits Kharkiv, 1 killed",
         "Russian forces dropped a guided aerial bomb on the Saltivskyi district of Kharkiv on Tuesday evening, "
         "killing one person, the governor said.", facts(Category.BOMBING, KHARKIV, 1)),
    ) == 2  # the update joins the event; the new bomb is a second alert


def test_a_story_on_one_of_the_dead_the_next_morning_is_still_one_alert(db: Database) -> None:
    """Fewer dead, half a day after the toll rose, but of no other day: a story on one victim of the strike."""
    assert alerts(
        db,
        (0, "Israeli strike hits Beirut's southern suburbs",
         "BEIRUT (Reuters) - An Israeli air strike hit a building in Beirut's southern suburbs on Thursday evening, "
         "killing a senior Hezbollah commander and four other people, security sources said.",
         facts(Category.MILITARY, (276781, 33.89332, 35.50157, "Beirut", "LB"), 5)),
        (4, "Toll from Israeli strike on Beirut suburbs rises to 7",
         "The death toll from the Israeli strike on a building in Beirut's southern suburbs has risen to seven, "
         "Lebanon's health ministry said.", facts(Category.MILITARY, (276781, 33.89332, 35.50157, "Beirut", "LB"), 7)),
        (14, "Hezbollah confirms commander killed in Beirut strike",
         "Hezbollah confirmed on Friday that one of its senior military commanders was killed in the Israeli strike "
         "on Beirut's southern suburbs.", facts(Category.MILITARY, (276781, 33.89332, 35.50157, "Beirut", "LB"), 1)),
    ) == 1


# A country or a nationality is no telling word a day later

def test_a_strike_two_days_later_sharing_only_the_attackers_nationality_is_a_second_alert(db: Database) -> None:
    assert alerts(
        db,
        (0, "Russian glide bombs hit Kharkiv apartment block, 4 killed",
         "KYIV (Reuters) - Russian glide bombs struck an apartment block in Kharkiv on Monday night, killing four "
         "people and wounding 22, the regional governor said.", facts(Category.BOMBING, KHARKIV, 4)),
        (41, "", "Seven employees of the Factor-Druk printing house were killed when Russian Iskander missiles struck "
                 "the plant in Kharkiv.", facts(Category.MILITARY, KHARKIV)),
    ) == 2


# A common noun at the head of a line is no name

def test_a_lead_opening_on_jihadists_and_a_french_one_on_the_same_school_are_one_alert(db: Database) -> None:
    """"Jihadist fighters attacked ..." (after the dateline): "Jihadist" is no name to set against "Faladié"."""
    assert alerts(
        db,
        (0, "Jihadists attack military police school in Mali's capital",
         "DAKAR (Reuters) - Jihadist fighters attacked a gendarmerie training school and a military airbase in "
         "Mali's capital Bamako early on Monday, the army said, as gunfire rang out across the city.",
         facts(Category.ARMED_ATTACK, BAMAKO)),
        (3, "Mali : des tirs entendus à Bamako",
         "Des tirs nourris ont été entendus lundi matin dans le quartier de Faladié à Bamako, près de l'école de "
         "gendarmerie, selon des habitants.", facts(Category.SHOOTING, BAMAKO)),
    ) == 1


# Two quarters of one town

def test_a_car_bomb_in_one_quarter_and_a_roadside_bomb_in_another_the_same_night_are_two_alerts(db: Database) -> None:
    assert alerts(
        db,
        (0, "Car bomb kills 7 in Baghdad's Sadr City",
         "BAGHDAD (Reuters) - A car bomb exploded near a crowded ice cream shop in Baghdad's Sadr City district on "
         "Monday night, killing seven people and wounding 22, security sources said.",
         facts(Category.BOMBING, BAGHDAD, 7)),
        (2, "Roadside bomb hits army patrol in Baghdad, 2 soldiers killed",
         "BAGHDAD (Reuters) - A roadside bomb struck an army patrol in Baghdad's Dora district on Monday night, "
         "killing two soldiers, security sources said.", facts(Category.BOMBING, BAGHDAD, 2)),
    ) == 2


def test_one_bombing_told_with_and_without_its_quarter_is_one_alert(db: Database) -> None:
    assert alerts(
        db,
        (0, "Car bomb kills 7 in Baghdad's Sadr City",
         "BAGHDAD (Reuters) - A car bomb exploded near a crowded ice cream shop in Baghdad's Sadr City district on "
         "Monday night, killing seven people and wounding 22, security sources said.",
         facts(Category.BOMBING, BAGHDAD, 7)),
        (3, "Irak : sept morts dans l'explosion d'une voiture piégée à Bagdad",
         "Sept personnes ont été tuées et 22 blessées lundi soir dans l'explosion d'une voiture piégée près d'un "
         "glacier bondé de Sadr City, à Bagdad, selon des sources de sécurité.", facts(Category.BOMBING, BAGHDAD, 7)),
    ) == 1


# A tribute to the victims is another event than the attack

def test_a_marche_blanche_for_a_stabbed_teacher_is_a_second_alert(db: Database) -> None:
    assert alerts(
        db,
        (0, "Arras : un enseignant tué au couteau dans un lycée",
         "Un enseignant a été tué et deux personnes blessées mardi matin dans une attaque au couteau dans un lycée "
         "d'Arras, dans le nord de la France, par un ancien élève, selon la police.",
         facts(Category.ARMED_ATTACK, ARRAS, 1)),
        (10, "Arras : marche blanche en hommage à l'enseignant tué",
         "Des milliers de personnes ont participé mardi soir à une marche blanche à Arras en hommage à l'enseignant "
         "tué au couteau dans son lycée.", facts(Category.NONE, ARRAS)),
    ) == 2


def test_a_vigil_in_memory_of_the_victims_is_told_apart_but_not_a_vigil_attacked() -> None:
    assert protests_an_event("hundreds hold vigil in memory of market bombing victims", "")
    assert not protests_an_event("gunmen open fire on a vigil in kabul", "three people were killed.")


# "March" is a month, not a market

def test_a_summary_dated_in_march_joins_the_bombing_it_sums_up(db: Database) -> None:
    """"On 10 March" beside a report naming the camp hit: no second site to set against the camp."""
    assert alerts(
        db,
        (0, "Suicide bomber kills 10 army recruits in Mogadishu",
         "MOGADISHU (Reuters) - A suicide bomber blew himself up among young recruits queueing outside an army camp "
         "in Mogadishu on Monday, killing 10 of them, police said.", facts(Category.BOMBING, MOGADISHU, 10)),
        (20, "Somalia: Humanitarian Flash Update",
         "On 10 March, a suicide bombing killed 10 recruits in Mogadishu and injured 15 others. Humanitarian "
         "partners supported the treatment of the injured and the displaced families.",
         facts(Category.BOMBING, MOGADISHU, 10)),
    ) == 1


# French words of a protest, as the English report's

def test_a_french_and_an_english_report_of_one_power_cut_protest_are_one_alert(db: Database) -> None:
    assert alerts(
        db,
        (0, "Mali : manifestation contre les coupures d'électricité à Bamako",
         "Des centaines de personnes ont manifesté mardi à Bamako pour protester contre les coupures d'électricité à "
         "répétition, brûlant des pneus dans plusieurs quartiers, selon des témoins.", facts(Category.UNREST, BAMAKO)),
        (4, "Protesters burn tyres in Bamako over power cuts",
         "DAKAR (Reuters) - Hundreds of people took to the streets of Bamako on Tuesday to protest against repeated "
         "power cuts, burning tyres in several neighbourhoods, witnesses said.", facts(Category.UNREST, BAMAKO)),
    ) == 1


# A report placed nowhere that says where

def test_a_mosque_blast_in_an_unlisted_town_beside_one_in_peshawar_the_same_day_is_a_second_alert(db: Database) -> None:
    """The analysis placed the second report nowhere; it still says "in Nowshera", which the first never names."""
    nowhere = Facts(is_incident=True, category=Category.BOMBING, city=None, country=None, country_name=None,
                    geonameid=None, lat=None, lon=None, killed=2)
    assert alerts(
        db,
        (0, "Blast at Peshawar mosque kills 5",
         "PESHAWAR: A bomb exploded at a mosque in Peshawar's Qissa Khwani area during afternoon prayers on Monday, "
         "killing five worshippers and injuring 18, police said.", facts(Category.BOMBING, PESHAWAR, 5)),
        (2, "Blast at Nowshera mosque kills 2",
         "NOWSHERA: A bomb exploded at a mosque in Nowshera during afternoon prayers on Monday, killing two "
         "worshippers, police said.", nowhere),
    ) == 2


# A follow-up that says "a day after the attack" points back at it

def test_an_airport_resuming_flights_a_day_after_a_drone_attack_is_one_alert_with_it(db: Database) -> None:
    assert alerts(
        db,
        (0, "Drone attack on Port Sudan airport",
         "CAIRO (Reuters) - Drones attacked the airport in Port Sudan on Friday night, setting a fuel depot on fire; "
         "no casualties were reported, the army said.", facts(Category.ARMED_ATTACK, PORT_SUDAN)),
        (14, "Port Sudan airport resumes flights after drone attack",
         "CAIRO (Reuters) - Port Sudan airport resumed flights on Saturday, a day after a drone attack set a fuel depot "
         "on fire, the civil aviation authority said.", facts(Category.MILITARY, PORT_SUDAN)),
    ) == 1


# One outlet's template for two neighbouring towns

def test_one_template_for_strikes_on_houses_in_two_neighbouring_camps_is_two_alerts(db: Database) -> None:
    """Nuseirat and Bureij are a kilometre apart: the same sentence, another camp, another toll."""
    assert alerts(
        db,
        (0, "", "Four citizens were killed when Israeli warplanes bombed a house in Bureij camp, central Gaza Strip, "
                "medical sources said.", facts(Category.MILITARY, BUREIJ, 4, "Palestine")),
        (20, "", "Six citizens were killed when Israeli warplanes bombed a house in Nuseirat camp, central Gaza Strip, "
                 "medical sources said.", facts(Category.MILITARY, NUSEIRAT, 6, "Palestine")),
    ) == 2


# Another weekday, a day after the last report

def test_a_strike_told_of_saturday_a_day_after_one_told_of_friday_is_a_second_alert(db: Database) -> None:
    assert alerts(
        db,
        (0, "Russian guided bomb hits Kharkiv, 2 killed",
         "Russian forces struck the Industrialnyi district of Kharkiv with a guided aerial bomb on Friday morning, "
         "killing two people, Governor Oleh Syniehubov said.", facts(Category.BOMBING, KHARKIV, 2)),
        (30, "Russian strike hits Kharkiv supermarket, 3 killed",
         "KYIV (Reuters) - A Russian guided bomb hit a supermarket in Kharkiv on Saturday afternoon, killing three "
         "people and wounding 25, Governor Oleh Syniehubov said.", facts(Category.BOMBING, KHARKIV, 3)),
    ) == 2


def test_a_night_told_as_late_friday_and_as_early_saturday_is_still_one_alert(db: Database) -> None:
    assert alerts(
        db,
        (0, "Gunmen kill 6 at Mogadishu beach restaurant",
         "MOGADISHU (Reuters) - Al Shabaab gunmen stormed a beach restaurant on Lido beach in Mogadishu late on "
         "Friday, killing six people, police said.", facts(Category.ARMED_ATTACK, MOGADISHU, 6)),
        (9, "", "Security forces ended a siege of a restaurant on Mogadishu's Lido beach early on Saturday after "
                "al-Shabaab gunmen killed six people there, police said.", facts(Category.ARMED_ATTACK, MOGADISHU, 6)),
    ) == 1
