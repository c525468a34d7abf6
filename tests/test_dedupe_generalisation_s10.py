"""One incident, one alert (round 10): rules found on a new probe set of wire leads, French items and
ReliefWeb-style summaries, and on look-alikes (two neighbouring towns the same day, two sites of one city the same
day told in the same wire wording, a city hit again the next night, a suspect arrested the day after).

Each test says what a user sees, through the real ingest path and a real SQLite file: these reports are one
alert, those are two. None is a devset item.
"""
from datetime import UTC, datetime

from sqlite_utils import Database

from bot.analysis.facts import Category, Facts
from bot.dedupe.followup import tells_of_a_new_event
from bot.dedupe.sketch import key_terms
from tests.dedupe_support import city_facts as facts
from tests.dedupe_support import count_alerts

T0 = datetime(2024, 3, 12, 9, 0, tzinfo=UTC)  # a Tuesday
KHAN_YUNIS = (281124, 31.34018, 34.30627, "Khan Yunis", "PS")
RAFAH = (281102, 31.29722, 34.24357, "Rafah", "PS")
OMDURMAN = (365137, 15.64453, 32.47773, "Omdurman", "SD")
KHARTOUM = (379252, 15.55177, 32.53241, "Khartoum", "SD")
KABUL = (1138958, 34.52813, 69.17233, "Kabul", "AF")
LOUISVILLE = (4299276, 38.25424, -85.75941, "Louisville", "US")
KYIV = (703448, 50.45466, 30.5238, "Kyiv", "UA")
SOLINGEN = (2831580, 51.17343, 7.0845, "Solingen", "DE")
BRUSSELS = (2800866, 50.85045, 4.34878, "Brussels", "BE")
MOGADISHU = (53654, 2.03711, 45.34375, "Mogadishu", "SO")


def alerts(db: Database, *reports: tuple[float, str, str, Facts]) -> int:
    """Ingest (hours after T0, title, text, facts) reports in turn; how many incidents they make."""
    return count_alerts(db, T0, *reports)


# Two neighbouring towns the same day, each report naming its own and neither the other's

def test_air_strikes_on_houses_in_two_neighbouring_towns_the_same_day_are_two_alerts(db: Database) -> None:
    """Khan Younis and Rafah are ten kilometres apart: the same wire wording, two strikes, two tolls."""
    assert alerts(
        db,
        (0, "Israeli strike on house in Khan Younis kills 9, medics say",
         "CAIRO (Reuters) - An Israeli air strike on a house in Khan Younis in the southern Gaza Strip killed nine "
         "people, including four children, on Tuesday, Palestinian medics said.",
         facts(Category.MILITARY, KHAN_YUNIS, 9, "Palestine, State of")),
        (4, "Israeli strike in Rafah kills 7, medics say",
         "CAIRO (Reuters) - An Israeli air strike on a house in Rafah in the southern Gaza Strip killed seven people "
         "on Tuesday, Palestinian medics said.", facts(Category.MILITARY, RAFAH, 7, "Palestine, State of")),
    ) == 2


def test_shelling_of_omdurman_and_of_khartoum_the_same_day_are_two_alerts(db: Database) -> None:
    assert alerts(
        db,
        (0, "Shelling of Omdurman market kills 40, activists say",
         "CAIRO (Reuters) - Artillery shelling by the paramilitary Rapid Support Forces hit a crowded market in "
         "Omdurman on Tuesday, killing at least 40 people, a local activist group said.",
         facts(Category.MILITARY, OMDURMAN, 40)),
        (5, "Shelling in Khartoum kills 11, activists say",
         "CAIRO (Reuters) - Shelling by the Sudanese army hit a residential district of Khartoum on Tuesday, killing "
         "at least 11 civilians, a local activist group said.", facts(Category.MILITARY, KHARTOUM, 11)),
    ) == 2


def test_one_strike_placed_at_either_neighbouring_town_with_the_same_toll_is_one_alert(db: Database) -> None:
    assert alerts(
        db,
        (0, "Israeli strike on house in Khan Younis kills 9, medics say",
         "CAIRO (Reuters) - An Israeli air strike on a house in Khan Younis in the southern Gaza Strip killed nine "
         "people, including four children, on Tuesday, Palestinian medics said.",
         facts(Category.MILITARY, KHAN_YUNIS, 9, "Palestine, State of")),
        (2, "", "Nine people, including four children, were killed when an Israeli air strike hit a house in Rafah "
                "in the southern Gaza Strip, Palestinian medics said.",
         facts(Category.MILITARY, RAFAH, 9, "Palestine, State of")),
    ) == 1


def test_a_short_word_of_the_country_name_is_no_place_word() -> None:
    """ "Palestine, State of": every report of the country would share "of" as its town's word."""
    terms = key_terms("", "An air strike hit a house in Rafah.", place_names=["Rafah", "Palestine, State of"])
    assert "#rafah" in terms and "#of" not in terms


# Two sites of one city the same day, told in the same wire wording

def test_bombs_at_a_mosque_and_on_a_minibus_in_one_city_the_same_day_are_two_alerts(db: Database) -> None:
    assert alerts(
        db,
        (0, "Blast at Shi'ite mosque in Kabul kills at least 8",
         "KABUL (Reuters) - A bomb exploded inside a Shi'ite mosque in western Kabul during noon prayers on Tuesday, "
         "killing at least eight worshippers and wounding 20, a Taliban police spokesman said.",
         facts(Category.BOMBING, KABUL, 8)),
        (6, "Blast in Kabul kills at least 4",
         "KABUL (Reuters) - A roadside bomb exploded next to a minibus carrying government employees in eastern "
         "Kabul on Tuesday afternoon, killing at least four people, a Taliban police spokesman said.",
         facts(Category.BOMBING, KABUL, 4)),
    ) == 2


def test_shootings_at_a_bank_and_in_a_park_the_same_day_are_two_alerts(db: Database) -> None:
    assert alerts(
        db,
        (0, "Gunman kills 4 at downtown Louisville bank",
         "LOUISVILLE, Ky. (AP) — A gunman opened fire at a bank in downtown Louisville on Tuesday morning, killing "
         "four people and wounding nine before police shot him dead, authorities said.",
         facts(Category.SHOOTING, LOUISVILLE, 4)),
        (9, "Two killed in shooting at Louisville park",
         "LOUISVILLE, Ky. (AP) — Two people were killed and three wounded in a shooting at Chickasaw Park in west "
         "Louisville on Tuesday evening, police said.", facts(Category.SHOOTING, LOUISVILLE, 2)),
    ) == 2


def test_a_hotel_siege_and_a_checkpoint_car_bomb_the_same_evening_are_two_alerts(db: Database) -> None:
    assert alerts(
        db,
        (0, "Al Shabaab gunmen storm hotel in Somali capital",
         "MOGADISHU (Reuters) - Al Shabaab gunmen stormed a hotel near the presidential palace in Mogadishu on "
         "Tuesday evening after a car bomb blew open its gate, killing at least nine people, police said.",
         facts(Category.ARMED_ATTACK, MOGADISHU, 9)),
        (5, "Car bomb kills 9 at Mogadishu checkpoint",
         "MOGADISHU (Reuters) - A car bomb exploded at a checkpoint on the road to the airport in Mogadishu on "
         "Tuesday evening, killing at least nine people, police said.", facts(Category.BOMBING, MOGADISHU, 9)),
    ) == 2


def test_an_army_base_told_as_a_military_camp_is_one_alert(db: Database) -> None:
    """Sites of one kind ("base", "camp", "barracks") are one site told two ways."""
    assert alerts(
        db,
        (0, "Militants attack army base in Mogadishu",
         "MOGADISHU (Reuters) - Al Shabaab militants attacked an army base on the outskirts of Mogadishu on Tuesday "
         "with a car bomb, killing at least ten soldiers, a military officer said.",
         facts(Category.ARMED_ATTACK, MOGADISHU, 10)),
        (3, "", "Al-Shabab fighters stormed a military camp outside Mogadishu after detonating a car bomb, killing "
                "at least ten soldiers, an officer said.", facts(Category.ARMED_ATTACK, MOGADISHU, 10)),
    ) == 1


def test_a_shooting_at_a_festival_told_as_in_a_park_is_one_alert(db: Database) -> None:
    """A gathering (festival, parade, concert) is held at a park or a stadium: no other site."""
    assert alerts(
        db,
        (0, "Gunman opens fire at Louisville festival, killing 3",
         "LOUISVILLE, Ky. (AP) — A gunman opened fire at a music festival in Louisville on Tuesday evening, killing "
         "three people and wounding eight, police said.", facts(Category.SHOOTING, LOUISVILLE, 3)),
        (2, "", "Three people were killed and eight wounded when a gunman opened fire on a crowd in Waterfront Park "
                "in Louisville, police said.", facts(Category.SHOOTING, LOUISVILLE, 3)),
    ) == 1


# The city hit again the next night

def test_drones_hitting_the_city_for_a_second_night_running_are_a_second_alert(db: Database) -> None:
    assert alerts(
        db,
        (0, "Russian drone attack on Kyiv kills 2",
         "KYIV (Reuters) - Russia launched a wave of drones at Kyiv overnight, killing two people and damaging an "
         "apartment building in the Solomianskyi district, officials said on Tuesday.",
         facts(Category.MILITARY, KYIV, 2)),
        (24, "Russian drone attack on Kyiv injures 5",
         "KYIV (Reuters) - Russian drones attacked Kyiv for a second night running, injuring five people and "
         "damaging an apartment building, officials said on Wednesday.", facts(Category.MILITARY, KYIV)),
    ) == 2


def test_a_headline_saying_the_city_was_hit_again_is_a_second_alert(db: Database) -> None:
    assert alerts(
        db,
        (0, "Russian drone attack on Kyiv kills 2",
         "KYIV (Reuters) - Russia launched a wave of drones at Kyiv overnight, killing two people and damaging an "
         "apartment building, officials said on Tuesday.", facts(Category.MILITARY, KYIV, 2)),
        (24, "Russian drones hit Kyiv again, damaging apartment building",
         "KYIV (Reuters) - A wave of Russian drones damaged an apartment building in Kyiv overnight, officials said "
         "on Wednesday.", facts(Category.MILITARY, KYIV)),
    ) == 2


def test_clashes_going_on_for_a_second_night_are_still_one_alert(db: Database) -> None:
    """A run of raids is new raids; fighting that goes on is the same fighting."""
    assert not tells_of_a_new_event("clashes raged for a second night in the capital")
    assert alerts(
        db,
        (0, "Heavy clashes erupt between rival armed groups in Kyiv",
         "KYIV (Reuters) - Heavy clashes broke out between two rival armed factions in the Darnytskyi district of "
         "Kyiv overnight, residents said.", facts(Category.MILITARY, KYIV)),
        (20, "Clashes between rival armed groups in Kyiv rage for a second night",
         "KYIV (Reuters) - Clashes between the two rival armed factions raged for a second night in the Darnytskyi "
         "district of Kyiv, residents said.", facts(Category.MILITARY, KYIV)),
    ) == 1


# The day after, in French

def test_a_french_headline_on_a_suspect_arrested_after_the_attack_is_one_alert(db: Database) -> None:
    assert alerts(
        db,
        (0, "Three killed in knife attack at German town festival",
         "BERLIN (Reuters) - A man stabbed three people to death and wounded eight at a festival in the western "
         "German city of Solingen on Friday evening, police said, and the attacker fled.",
         facts(Category.ARMED_ATTACK, SOLINGEN, 3)),
        (24, "Allemagne : un suspect syrien arrêté après l'attaque au couteau de Solingen",
         "Un Syrien de 26 ans, qui s'était présenté à une patrouille, a été placé en garde à vue samedi soir, selon "
         "le parquet fédéral.", facts(Category.NONE, SOLINGEN)),
    ) == 1


def test_a_french_lead_on_a_tireur_who_shot_two_supporters_is_one_alert_with_the_english_one(db: Database) -> None:
    """ "Tireur", "par balle", "supporters": the gunman, shot, the fans of the English lead."""
    assert alerts(
        db,
        (0, "Two Swedes shot dead in Brussels, suspect at large",
         "BRUSSELS (Reuters) - A gunman shot dead two Swedish football fans in central Brussels on Monday evening "
         "before fleeing on a scooter, Belgian police said.", facts(Category.SHOOTING, BRUSSELS, 2)),
        (2, "Bruxelles : deux Suédois tués par balle, le tireur en fuite",
         "Deux supporters suédois ont été tués par balle lundi soir dans le centre de Bruxelles par un homme qui a "
         "pris la fuite à scooter, selon la police.", facts(Category.SHOOTING, BRUSSELS, 2)),
    ) == 1


# A city's second event of a kind, days later

def test_a_first_report_lead_with_fewer_dead_two_days_later_is_a_second_alert(db: Database) -> None:
    """A toll only rises: a new lead two days on, with fewer dead than the event at the place, tells of another."""
    assert alerts(
        db,
        (0, "Bomb at Kabul mosque kills 6 during prayers",
         "KABUL (Reuters) - A bomb hidden in a mosque in the Khair Khana area of Kabul exploded during midday prayers, "
         "killing six worshippers, police said.", facts(Category.BOMBING, KABUL, 6)),
        (44, "Blast at Kabul mosque kills 4",
         "KABUL (Reuters) - A bomb exploded in a mosque in the Dasht-e-Barchi area of western Kabul during prayers, "
         "killing four worshippers, police said.", facts(Category.BOMBING, KABUL, 4)),
    ) == 2


def test_a_lead_with_more_dead_the_next_day_is_still_one_alert(db: Database) -> None:
    assert alerts(
        db,
        (0, "Bomb at Kabul mosque kills 6 during prayers",
         "KABUL (Reuters) - A bomb hidden in a mosque in the Khair Khana area of Kabul exploded during midday prayers, "
         "killing six worshippers, police said.", facts(Category.BOMBING, KABUL, 6)),
        (20, "Kabul mosque bombing kills 11",
         "KABUL (Reuters) - Eleven worshippers were killed when a bomb exploded in a mosque in the Khair Khana area of "
         "Kabul during midday prayers, police said.", facts(Category.BOMBING, KABUL, 11)),
    ) == 1


def test_a_blast_during_friday_prayers_two_days_after_one_on_wednesday_is_a_second_alert(db: Database) -> None:
    """ "During Friday prayers" tells the day as "on Friday" does."""
    assert alerts(
        db,
        (0, "Bomb at Kabul mosque kills 6 during prayers",
         "KABUL (Reuters) - A bomb hidden in a mosque in the Khair Khana area of Kabul exploded during midday prayers "
         "on Wednesday, killing six worshippers, police said.", facts(Category.BOMBING, KABUL, 6)),
        (30, "Blast at Kabul mosque kills 6",
         "KABUL (Reuters) - A bomb exploded in a mosque in western Kabul during Friday prayers, killing six "
         "worshippers, police said.", facts(Category.BOMBING, KABUL, 6)),
    ) == 2


def test_gunmen_at_a_bar_and_at_a_family_gathering_in_one_city_are_two_alerts(db: Database) -> None:
    """ "Bar" (too short a word to be a term) is a nightclub; a gathering is a site of its own kind."""
    celaya = (4014875, 20.52181, -100.81399, "Celaya", "MX")
    assert alerts(
        db,
        (0, "Gunmen kill 8 in bar in central Mexico's Celaya",
         "MEXICO CITY (Reuters) - Gunmen stormed a bar in the city of Celaya in Guanajuato state on Friday night and "
         "opened fire, killing eight people, state prosecutors said.", facts(Category.ARMED_ATTACK, celaya, 8)),
        (11, "Gunmen kill 5 at family gathering in Mexico's Celaya",
         "Gunmen opened fire on a family gathering in Celaya, Guanajuato, killing five people including a child, "
         "prosecutors said.", facts(Category.ARMED_ATTACK, celaya, 5)),
    ) == 2


# A protest about an attack

TIMBUKTU = (2449067, 16.77348, -3.00742, "Timbuktu", "ML")


def test_a_protest_after_an_attack_is_a_second_alert_whatever_kind_it_was_given(db: Database) -> None:
    """The analysis may call a protest about an attack an attack: its headline says it is a protest."""
    assert alerts(
        db,
        (0, "Militants attack convoy near Timbuktu, killing 12",
         "BAMAKO (Reuters) - Islamist militants attacked a convoy of trucks near Timbuktu in northern Mali on Tuesday, "
         "killing 12 people, local sources said.", facts(Category.ARMED_ATTACK, TIMBUKTU, 12)),
        (20, "Mali : manifestation à Tombouctou après l'attaque d'un convoi",
         "Des centaines d'habitants ont manifesté mercredi à Tombouctou pour dénoncer l'insécurité après l'attaque "
         "d'un convoi qui a fait 12 morts.", facts(Category.ARMED_ATTACK, TIMBUKTU, 12)),
    ) == 2


def test_two_reports_of_one_protest_one_saying_what_it_protests_are_one_alert(db: Database) -> None:
    assert alerts(
        db,
        (0, "", "Teachers and students lead a protest rally in Timbuktu against the recent attacks on convoys.",
         facts(Category.UNREST, TIMBUKTU)),
        (2, "", "BAMAKO (AFP) - Protesters rallied in Timbuktu on Tuesday, accusing the government of failing to "
                "protect the convoys on which teachers and students travel.", facts(Category.UNREST, TIMBUKTU)),
    ) == 1


# What is no site

JENIN = (283506, 32.45943, 35.30086, "Janin", "PS")  # the gazetteer spells it Janin


def test_the_west_bank_is_no_bank_beside_a_raid_told_at_the_camp(db: Database) -> None:
    assert alerts(
        db,
        (0, "Israeli raid in Jenin kills 5 Palestinians",
         "JENIN (Reuters) - Israeli forces killed five Palestinians during a raid on Jenin in the occupied West Bank "
         "on Tuesday, the Palestinian health ministry said.",
         facts(Category.MILITARY, JENIN, 5, "Palestine, State of")),
        (3, "", "Five Palestinians were killed when Israeli troops raided the city's refugee camp on Tuesday, the "
                "Palestinian health ministry said.", facts(Category.MILITARY, JENIN, 5, "Palestine, State of")),
    ) == 1


def test_a_car_bomb_by_a_police_station_told_as_at_the_market_is_one_alert(db: Database) -> None:
    """A police station is no transport station: it stands by the market another outlet names."""
    assert alerts(
        db,
        (0, "Car bomb kills 6 near police station in Mogadishu",
         "MOGADISHU (Reuters) - A car bomb exploded near a police station in Mogadishu's Hodan district on Tuesday, "
         "killing six people, police said.", facts(Category.BOMBING, MOGADISHU, 6)),
        (2, "", "Six people were killed when a car bomb exploded at a market in Mogadishu's Hodan district, police "
                "said.", facts(Category.BOMBING, MOGADISHU, 6)),
    ) == 1
