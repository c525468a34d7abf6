"""One incident, one alert (round 12): the same attack told by a French outlet (RFI, Le Monde, Jeune Afrique, AFP,
Radio Okapi) and an English wire (Reuters, AP) is one alert; two attacks in one city, one told in each language, are
two; and three misses of round 11 (a morning missile strike and that night's drones, an airport suspending flights after
clashes, a humanitarian flash update naming the hospital that treats the injured).

Each test says what a user sees, through the real ingest path and a real SQLite file. None is a devset item.
"""
from datetime import UTC, datetime

from sqlite_utils import Database

from bot.analysis.facts import Category, Facts
from bot.dedupe.followup import is_follow_up
from bot.dedupe.sketch import key_terms, told_day
from tests.dedupe_support import city_facts as facts
from tests.dedupe_support import count_alerts

T0 = datetime(2025, 6, 2, 7, 0, tzinfo=UTC)  # a Monday
KINSHASA = (2314302, -4.32758, 15.31357, "Kinshasa", "CD")
OUAHIGOUYA = (2357043, 13.5769, -2.41786, "Ouahigouya", "BF")
MOPTI = (2453348, 14.4843, -4.18296, "Mopti", "ML")
KISMAYO = (55671, -0.35817, 42.54536, "Kismayo", "SO")
TRIPOLI = (2210247, 32.88743, 13.18733, "Tripoli", "LY")
KHARKIV = (706483, 49.98177, 36.25475, "Kharkiv", "UA")
MOGADISHU = (53654, 2.03711, 45.34375, "Mogadishu", "SO")
BUNIA = (217695, 1.55941, 30.25224, "Bunia", "CD")
TILLABERI = (2438678, 14.20711, 1.45418, "Tillabéri", "NE")
DJIBO = (2361177, 14.09864, -1.62665, "Djibo", "BF")
BANGUI = (2389853, 4.36122, 18.55496, "Bangui", "CF")


def alerts(db: Database, *reports: tuple[float, str, str, Facts]) -> int:
    """Ingest (hours after T0, title, text, facts) reports in turn; how many incidents they make."""
    return count_alerts(db, T0, *reports)


# French words in their plural and feminine forms count as the English word

def test_protesters_attacking_embassies_told_in_french_and_english_are_one_alert(db: Database) -> None:
    """"ambassades" is "embassies": not two sites of no kind in common."""
    assert alerts(
        db,
        (0, "RDC : des manifestants attaquent des ambassades à Kinshasa",
         "Des manifestants en colère ont attaqué mardi plusieurs ambassades occidentales à Kinshasa, dont celles de "
         "France et de Belgique, pour dénoncer le soutien supposé au M23.", facts(Category.UNREST, KINSHASA)),
        (2, "Protesters attack embassies in Congo's capital",
         "KINSHASA, Congo (AP) — Angry protesters attacked several Western embassies in Kinshasa on Tuesday, including "
         "those of France and Belgium, accusing them of backing M23 rebels.", facts(Category.UNREST, KINSHASA)),
    ) == 1


def test_french_plurals_and_feminines_count_as_the_english_word() -> None:
    assert "embass" in key_terms("", "Des ambassades ont été attaquées.")
    assert {"kidnap", "wound"} <= key_terms("", "Trois femmes enlevées, deux blessées.")


# Who was hit, in French: "des policiers" are policemen, not the police that said it

def test_an_attack_on_a_police_post_and_a_mosque_bombing_in_one_town_are_two_alerts(db: Database) -> None:
    assert alerts(
        db,
        (0, "Burkina : des hommes armés attaquent un poste de police à Ouahigouya",
         "Un poste de police a été attaqué lundi matin à Ouahigouya par des hommes armés non identifiés. Deux policiers "
         "ont été tués, selon une source sécuritaire.", facts(Category.ARMED_ATTACK, OUAHIGOUYA, 2, "Burkina Faso")),
        (3, "Burkina : un kamikaze se fait exploser dans une mosquée de Ouahigouya",
         "Neuf fidèles ont été tués lundi lorsqu'un kamikaze s'est fait exploser dans une mosquée de Ouahigouya, dans le "
         "nord du Burkina Faso, pendant la prière, selon des habitants.", facts(Category.BOMBING, OUAHIGOUYA, 9,
                                                                                "Burkina Faso")),
    ) == 2


def test_soldiers_killed_at_an_army_post_and_villagers_killed_in_a_village_nearby_are_two_alerts(db: Database) -> None:
    """"des villageois" are civilians, not soldiers; and a later report giving fewer dead tells of another attack."""
    assert alerts(
        db,
        (0, "Jihadists kill 12 soldiers in attack on army post near Djibo",
         "OUAGADOUGOU (Reuters) - Jihadists attacked an army post near Djibo in northern Burkina Faso on Monday, killing "
         "12 soldiers, security sources said.", facts(Category.ARMED_ATTACK, DJIBO, 12, "Burkina Faso")),
        (6, "Burkina : des jihadistes tuent huit villageois près de Djibo",
         "Des jihadistes ont attaqué lundi un village près de Djibo, dans le nord du Burkina Faso, tuant huit "
         "villageois, selon des sources locales.", facts(Category.ARMED_ATTACK, DJIBO, 8, "Burkina Faso")),
    ) == 2


# More of the words French reports use for what English wires say

def test_a_hotel_siege_told_by_afp_in_french_and_reuters_in_english_is_one_alert(db: Database) -> None:
    assert alerts(
        db,
        (0, "Gunmen storm hotel in Somali port city of Kismayo",
         "MOGADISHU (Reuters) - Al Shabaab gunmen stormed a hotel in the southern port city of Kismayo on Tuesday night "
         "after a car bomb exploded at its gate, killing at least 9 people, police said.",
         facts(Category.ARMED_ATTACK, KISMAYO, 9)),
        (2, "Somalie : les shebab attaquent un hôtel à Kismayo, au moins neuf morts",
         "Des combattants shebab ont pris d'assaut mardi soir un hôtel de Kismayo, dans le sud de la Somalie, après "
         "l'explosion d'une voiture piégée, faisant au moins neuf morts, selon la police.",
         facts(Category.BOMBING, KISMAYO, 9)),
    ) == 1


def test_a_police_station_stormed_told_in_english_and_the_next_morning_in_french_is_one_alert(db: Database) -> None:
    """"pris d'assaut un commissariat" is "stormed a police station": what was hit and how, shared half a day later."""
    assert alerts(
        db,
        (0, "Gunmen storm police station in Bangui, killing three",
         "BANGUI (Reuters) - Gunmen stormed a police station in Bangui late on Monday, killing three policemen, police "
         "said.", facts(Category.ARMED_ATTACK, BANGUI, 3, "Central African Republic")),
        (14, "Centrafrique : trois policiers tués dans l'attaque d'un commissariat à Bangui",
         "Des hommes armés ont pris d'assaut lundi soir un commissariat de Bangui, tuant trois policiers, selon la "
         "police.", facts(Category.ARMED_ATTACK, BANGUI, 3, "Central African Republic")),
    ) == 1


def test_reporting_verbs_and_numbers_in_words_are_no_terms() -> None:
    terms = key_terms("", "Une trentaine de soldats ont été tués, a annoncé l'armée, selon un responsable local.")
    assert not {"trenta", "annonc", "respon"} & terms


# One armed group under its English and French names

def test_an_attack_blamed_on_gsim_in_french_and_on_jnim_in_english_is_one_alert(db: Database) -> None:
    assert alerts(
        db,
        (0, "Mali : une trentaine de soldats tués dans l'attaque d'un poste de l'armée près de Mopti",
         "Une trentaine de soldats des FAMa ont été tués lundi lors de l'attaque d'un poste militaire près de Mopti, a "
         "annoncé l'état-major, qui attribue l'attaque au GSIM.", facts(Category.ARMED_ATTACK, MOPTI, 30)),
        (2, "About 30 soldiers killed in attack on army post in central Mali",
         "BAMAKO (Reuters) - Around 30 soldiers were killed when militants attacked an army post near Mopti on Monday, "
         "the army said, blaming the al Qaeda-linked JNIM.", facts(Category.ARMED_ATTACK, MOPTI, 30)),
    ) == 1


def test_an_attack_by_the_shebab_in_french_and_al_shabaab_in_english_is_one_alert(db: Database) -> None:
    """"shebab" and "Shabaab" are one group, not two that did it."""
    assert alerts(
        db,
        (0, "Al Shabaab overruns military outpost near Kismayo",
         "MOGADISHU (Reuters) - Al Shabaab militants overran a military outpost near Kismayo on Monday, killing eight "
         "troops, residents said.", facts(Category.ARMED_ATTACK, KISMAYO, 8, "Somalia")),
        (14, "Somalie : les shebab s'emparent d'une position de l'armée près de Kismayo",
         "Les shebab se sont emparés lundi d'une position de l'armée somalienne près de Kismayo, tuant huit militaires, "
         "selon des habitants.", facts(Category.MILITARY, KISMAYO, 8, "Somalia")),
    ) == 1


def test_a_group_is_one_term_under_all_its_names() -> None:
    fr = key_terms("", "Les Forces de soutien rapide (FSR) ont bombardé le camp.")
    en = key_terms("", "The paramilitary Rapid Support Forces shelled the camp.")
    assert "@g:rsf" in fr and "@g:rsf" in en
    jnim = key_terms("", "Le JNIM a revendiqué l'attaque.")
    assert "@g:jnim" in jnim and "@g^qaeda" in jnim and "jnim" not in jnim  # a branch of al-Qaeda; the group once


def test_two_attacks_by_one_group_near_one_town_the_same_day_are_two_alerts(db: Database) -> None:
    """The group named in both counts once, as what was hit and who was killed differ: an army post at dawn (15
    soldiers), a supply convoy in the afternoon (civilians)."""
    assert alerts(
        db,
        (0, "JNIM militants attack army post near Burkina's Djibo",
         "OUAGADOUGOU (Reuters) - JNIM militants attacked an army post near Djibo in northern Burkina Faso early on "
         "Monday, killing 15 soldiers, security sources said.", facts(Category.ARMED_ATTACK, DJIBO, 15, "Burkina Faso")),
        (9, "Djibo : un convoi de ravitaillement pris en embuscade par le JNIM",
         "Un convoi de ravitaillement a été pris en embuscade lundi après-midi par des combattants du JNIM près de "
         "Djibo. Plusieurs civils ont été tués, selon des sources locales.",
         facts(Category.ARMED_ATTACK, DJIBO, None, "Burkina Faso")),
        (11, "JNIM ambushes supply convoy near Burkina's Djibo",
         "OUAGADOUGOU (Reuters) - JNIM fighters ambushed a supply convoy near Djibo on Monday afternoon, killing several "
         "civilians, local sources said.", facts(Category.ARMED_ATTACK, DJIBO, None, "Burkina Faso")),
    ) == 2


def test_one_group_attacking_a_base_and_ambushing_a_convoy_near_one_town_the_same_day_is_two_alerts(
        db: Database) -> None:
    """The group both name counts once (not as its name, its one term and al-Qaeda, whose branch it is, besides)."""
    assert alerts(
        db,
        (0, "JNIM militants attack military base near Burkina's Djibo",
         "OUAGADOUGOU (Reuters) - JNIM militants attacked a military base near Djibo in northern Burkina Faso on Monday, "
         "killing 15 soldiers, security sources said.", facts(Category.ARMED_ATTACK, DJIBO, 15, "Burkina Faso")),
        (5, "JNIM ambushes supply convoy near Burkina's Djibo",
         "OUAGADOUGOU (Reuters) - JNIM fighters ambushed a supply convoy near Djibo on Monday, killing several "
         "civilians, local sources said.", facts(Category.ARMED_ATTACK, DJIBO, None, "Burkina Faso")),
    ) == 2


# "La nuit de dimanche à lundi" is Sunday night and early Monday; "a annoncé mardi" is when it was said

def test_an_attack_early_on_monday_and_a_french_recap_of_the_night_of_sunday_to_monday_are_one_alert(
        db: Database) -> None:
    assert alerts(
        db,
        (0, "Militia kills 10 villagers near Congo's Bunia",
         "BUNIA, Congo (Reuters) - CODECO militiamen killed 10 civilians in an attack on a village near Bunia early on "
         "Monday, a civil society leader said.", facts(Category.ARMED_ATTACK, BUNIA, 10)),
        (26, "Ituri : dix civils tués dans l'attaque d'un village près de Bunia",
         "Dix civils ont été tués dans la nuit de dimanche à lundi lors d'une attaque de miliciens CODECO contre un "
         "village près de Bunia, a indiqué la société civile.", facts(Category.ARMED_ATTACK, BUNIA, 10)),
    ) == 1


def test_the_day_a_french_report_says_it_is_not_the_day_it_tells_of() -> None:
    assert told_day("l'armee a annonce mardi que vingt soldats ont ete tues lundi pres de tillaberi")[0] == (0,)
    assert told_day("vingt soldats tues dans la nuit de dimanche a lundi")[0] == (6, 0)


def test_an_ambush_said_a_day_later_in_french_is_one_alert_with_the_english_report(db: Database) -> None:
    assert alerts(
        db,
        (0, "Ambush kills 20 Niger soldiers near Tillaberi",
         "NIAMEY (Reuters) - At least 20 Nigerien soldiers were killed on Monday when suspected jihadists ambushed their "
         "patrol near Tillaberi in western Niger, the defence ministry said.",
         facts(Category.ARMED_ATTACK, TILLABERI, 20)),
        (26, "Niger : vingt soldats tués dans une embuscade près de Tillabéri",
         "Le ministère de la Défense a annoncé mardi que vingt soldats avaient été tués lundi dans une embuscade tendue "
         "par des jihadistes présumés contre leur patrouille près de Tillabéri.",
         facts(Category.ARMED_ATTACK, TILLABERI, 20)),
    ) == 1


# An airport suspending flights after clashes points back at them

def test_an_airport_suspending_flights_the_morning_after_clashes_is_one_alert_with_them(db: Database) -> None:
    assert alerts(
        db,
        (13, "Heavy clashes erupt between armed groups in Libya's Tripoli",
         "TRIPOLI (Reuters) - Heavy clashes broke out between rival armed groups in the Abu Salim district of Tripoli on "
         "Monday night, residents said, with gunfire heard across the capital.", facts(Category.MILITARY, TRIPOLI)),
        (27, "Tripoli airport suspends flights after clashes",
         "TRIPOLI (Reuters) - Mitiga airport in Tripoli suspended flights on Tuesday after overnight clashes between "
         "armed groups in the capital, the airport said.", facts(Category.DISRUPTION, TRIPOLI)),
    ) == 1


def test_a_closure_after_an_attack_of_its_own_is_no_follow_up() -> None:
    assert is_follow_up("Tripoli airport suspends flights after clashes", "")
    assert is_follow_up("", "L'aéroport de Niamey a suspendu ses vols après l'attaque de la base aérienne voisine.")
    assert not is_follow_up("Flights suspended at Kabul airport after a rocket attack", "")


# Missiles in the morning, drones at night: two raids

def test_a_missile_strike_in_the_morning_and_drones_that_night_are_two_alerts(db: Database) -> None:
    assert alerts(
        db,
        (0, "Russian missiles strike Kharkiv, 4 killed",
         "KYIV (Reuters) - Russian missiles struck an industrial plant in Kharkiv early on Tuesday, killing four "
         "workers, Governor Oleh Syniehubov said.", facts(Category.MILITARY, KHARKIV, 4)),
        (13, "Rescuers finish work at Kharkiv plant hit by missiles",
         "Rescuers finished clearing rubble at the industrial plant in Kharkiv hit by Russian missiles on Tuesday "
         "morning, where four workers were killed, the emergency service said.", facts(Category.MILITARY, KHARKIV, 4)),
        (16, "Russian drones attack Kharkiv at night, 2 wounded",
         "KYIV (Reuters) - Russian drones struck residential buildings in Kharkiv on Tuesday night, wounding two "
         "people, Governor Oleh Syniehubov said.", facts(Category.MILITARY, KHARKIV)),
    ) == 2


def test_a_hotel_siege_from_morning_to_night_is_one_alert(db: Database) -> None:
    """A ground attack lasts: only raids from the air are told apart by the part of the day."""
    assert alerts(
        db,
        (0, "Gunmen storm hotel in Kismayo",
         "MOGADISHU (Reuters) - Gunmen stormed a hotel in Kismayo on Monday morning, taking guests hostage, security "
         "sources said.", facts(Category.ARMED_ATTACK, KISMAYO)),
        (12, "Somali forces end Kismayo hotel siege",
         "MOGADISHU (Reuters) - Somali special forces ended the siege of a hotel in Kismayo on Monday night, where "
         "gunmen had held guests hostage, security sources said.", facts(Category.ARMED_ATTACK, KISMAYO)),
    ) == 1


# The hospital that treats the injured is not what was hit

def test_a_flash_update_naming_the_hospital_treating_the_injured_is_one_alert_with_the_wire(db: Database) -> None:
    assert alerts(
        db,
        (0, "Suicide bomber kills 7 at Mogadishu police academy",
         "MOGADISHU (Reuters) - A suicide bomber blew himself up among recruits at the General Kaahiye police academy in "
         "Mogadishu on Monday, killing seven people, police said.", facts(Category.BOMBING, MOGADISHU, 7)),
        (30, "Somalia: Flash Update No. 3",
         "On 2 June, a suicide attack at a police academy in Mogadishu's Hodan district killed at least 9 people, "
         "according to local authorities. Partners are supporting the injured at Erdogan hospital.",
         facts(Category.BOMBING, MOGADISHU, 9)),
    ) == 1


def test_a_hospital_attacked_is_still_a_target() -> None:
    assert "hospit" in key_terms("", "Gunmen attacked the general hospital in Kasindi; the wounded were taken to Beni "
                                     "hospital.")
    assert "hospit" not in key_terms("", "The wounded were taken to Beni General Hospital.")


def test_an_airport_halting_flights_amid_the_fighting_is_one_alert_with_it(db: Database) -> None:
    """"Mitiga airport halts flights amid fighting", the day after the clashes broke out, was a second alert beside them
    (a closure told "after clashes" already joined them)."""
    assert alerts(
        db,
        (13, "Heavy clashes erupt between armed groups in Libya's Tripoli",
         "TRIPOLI (Reuters) - Heavy clashes broke out between rival armed groups in the Abu Salim district of Tripoli on "
         "Monday night, residents said, with gunfire heard across the capital.", facts(Category.MILITARY, TRIPOLI)),
        (30, "Mitiga airport halts flights amid fighting",
         "Libya's only functioning airport halted all flights on Tuesday amid continued fighting, an official said.",
         facts(Category.DISRUPTION, TRIPOLI)),
    ) == 1


def test_a_closure_while_the_fighting_goes_on_points_back_at_it_and_a_precaution_does_not() -> None:
    assert is_follow_up("Tripoli airport suspends flights amid clashes", "")
    assert is_follow_up("", "L'aéroport de Bamako a suspendu ses vols en raison des combats autour du camp de Kati.")
    assert not is_follow_up("Kabul airport suspends flights as a precaution", "")
    assert not is_follow_up("Flights suspended at Kabul airport as rockets hit the runway", "")
