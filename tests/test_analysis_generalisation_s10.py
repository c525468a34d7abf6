"""Detection and places, round 10: probes in the held-out set's styles (AP/Reuters/AFP leads with a bureau's dateline,
GTD-style "COUNTRY." summaries, Wikipedia one-liners, AG News titles, ReliefWeb/OCHA notes, francophone front pages), one
test per rule, each asserting what a user sees (city, country, kind, or no alert).

What they showed, places: a town whose name a bigger town abroad owns was put abroad although the text names its country
("Ukraine : frappes sur Odessa" went to Texas, "Mozambique : attaque à Palma" to Mallorca); a town no gazetteer lists was
lost before ", central Mali", ", à la frontière ougandaise", ", dans l'ouest du Niger", " village," or ", near the city of
..."; "the department of Arauca" was read as Arauca town; a close spelling ("Kiryat Shmona") was refused because an armed
group's home (Hezbollah) or the launch site ("fired from Lebanon") counted as another country; bare "Kashmir" gave no
country, or a town called "Kashmir"; "A U.S. airstrike ... in Idlib province" went to the US; "Samar province" (a
Philippine province, also a Ukrainian town and Russia's Samara) put a Philippine town in Ukraine; "Attaque de
Grand-Bassam :" placed nothing.
Detection: "a projectile hit", "a strike on a car ... killed", "l'armée affirme avoir « neutralisé » des terroristes",
"airport closed after rockets struck the runway", "staff ordered to leave as fighting spread" (an evacuation, not the
fighting), "attaque rebelle contre", "une frappe sur un camp ... fait des dizaines de morts", "une vague de drones",
"Attaque de X : 16 morts", "le camp de la Minusma à X attaqué au mortier", "un bus mitraillé", "tués par une mine", "bombed
a cinema" were missed or mis-kinded; "coup d'envoi" (kick-off), a gas pipe's explosion, a controlled detonation of an old
shell, "Il y a cinq ans, l'attentat de ...", an airport shut by a plane crash or a hurricane were alerts.
"""
from __future__ import annotations

from bot.analysis import analyze
from bot.analysis.facts import Category
from tests.analysis_support import incident_facts, scene

# ----------------------------------------------------------------------------------------------------------- places

def test_a_town_shares_its_name_with_a_bigger_one_abroad_the_named_country_keeps_it() -> None:
    # the spelling of a town of the country named outright, not the big namesake elsewhere
    assert scene("Ukraine : des frappes russes sur Odessa font trois morts") == ("UA", "Odesa")
    # a town GeoNames does not list, in a text placed outright in its country
    assert scene("Mozambique : attaque jihadiste à Palma, des dizaines de morts parmi les civils") == ("MZ", "Palma")
    assert scene("Islamist insurgents attacked the town of Palma in Mozambique's Cabo Delgado province, killing dozens "
                  "of people.") == ("MZ", "Palma")
    # ... while a big city abroad is still itself, and a place named beside its state stays there
    assert scene("Ukraine : des drones ukrainiens frappent Moscou, deux blessés")[0] == "RU"
    assert scene("Police say a gunman opened fire at a shopping mall in Paris, Texas, wounding two people.")[0] == "US"


def test_an_unlisted_town_before_the_part_of_its_country() -> None:
    assert scene("A suicide car bombing targeted a UN peacekeeping camp in Sévaré, central Mali, wounding several "
                  "peacekeepers.") == ("ML", "Sévaré")


def test_an_unlisted_town_before_a_french_border() -> None:
    assert scene("RDC : les rebelles du M23 s'emparent de Bunagana, à la frontière ougandaise") == ("CD", "Bunagana")


def test_the_department_of_a_name_is_a_region_not_its_town() -> None:
    assert scene("COLOMBIA. ELN rebels kidnapped an oil engineer near Saravena, in the department of Arauca.") \
        == ("CO", "Saravena")


def test_a_close_spelling_hit_by_fire_from_abroad_is_the_scene() -> None:
    # an armed group's home is no country named against the town
    assert scene("Hezbollah fired rockets at Kiryat Shmona, damaging several buildings but causing no casualties.")[0] == "IL"
    # where the rockets were fired from is not the scene
    assert scene("Rockets fired from Lebanon hit Kiryat Shmona, damaging several buildings.")[0] == "IL"
    assert scene("Des roquettes tirées depuis le Liban ont touché Kiryat Shmona, faisant deux blessés.")[0] == "IL"


def test_kashmir_alone_is_india_and_never_a_town() -> None:
    assert scene("Militants attacked an army camp in Kashmir, killing 17 soldiers.") == ("IN", None)
    assert scene("Inde : quatre morts dans des affrontements au Cachemire") == ("IN", None)
    assert scene("Gunmen kill 26 tourists in Pahalgam, Kashmir.") == ("IN", "Pahalgam")
    # Pakistan's side still when the text says so
    assert scene("Four Pakistani soldiers are killed in shelling by the Indian army across the disputed Kashmir "
                  "frontier.")[0] == "PK"


def test_a_bureau_dateline_gives_way_to_a_town_near_which_it_happened_in_french() -> None:
    assert scene("NIAMEY (AFP) - Des hommes armés ont tué une dizaine de civils dans un village proche de Ouallam, dans "
                  "l'ouest du Niger, selon des sources locales.") == ("NE", "Ouallam")


def test_an_attack_on_a_named_village() -> None:
    assert scene("Suspected ADF rebels killed 40 people in a night attack on Mukondi village, Beni territory, local "
                  "officials said.") == ("CD", "Mukondi")


def test_a_town_near_a_bigger_city_is_the_scene() -> None:
    assert scene("ABUJA, Nigeria (AP) — Gunmen abducted 30 students from a college in Afaka, near the northwestern city "
                  "of Kaduna.") == ("NG", "Afaka")


def test_a_state_striking_is_not_the_scene() -> None:
    assert scene("A U.S. airstrike killed an al-Qaeda leader in Idlib province, the Pentagon said.")[0] == "SY"


def test_a_french_headline_attack_of_a_town() -> None:
    assert scene("Attaque de Grand-Bassam : au moins 16 morts (vidéo)") == ("CI", "Grand-Bassam")


def test_a_province_whose_name_is_shared_abroad_names_no_country() -> None:
    assert scene("MANILA (Reuters) - Gunmen on motorcycles shot dead a radio journalist in Calbayog City, Samar province, "
                  "police said.")[0] == "PH"


# ---------------------------------------------------------------------------------------------------------- detection

def test_a_projectile_or_a_strike_on_a_car_with_harm_is_military() -> None:
    assert incident_facts("A Houthi projectile hit the Saudi border city of Jazan, wounding five civilians, the coalition "
                  "said.").category is Category.MILITARY
    assert incident_facts("An Israeli strike on a car in Khan Younis killed three people, Gaza health officials "
                  "said.").category is Category.MILITARY


def test_an_army_neutralising_terrorists_in_french_is_military() -> None:
    assert incident_facts("Burkina : l'armée affirme avoir « neutralisé » une quarantaine de terroristes près de "
                  "Ouahigouya").category is Category.MILITARY


def test_an_airport_closed_after_rockets_hit_its_runway() -> None:
    facts = incident_facts("Benghazi's Benina airport was closed after rockets struck the runway, the airport authority said.")
    assert facts.category is Category.DISRUPTION and facts.city == "Benghazi"


def test_staff_ordered_out_as_fighting_spreads_is_an_evacuation() -> None:
    assert incident_facts("The United States ordered non-emergency staff to leave its embassy in Juba as fighting spread in South "
                  "Sudan's capital.").category is Category.DISRUPTION


def test_accidental_or_controlled_blasts_are_no_alert() -> None:
    assert not analyze("", "Abidjan : l'explosion d'une conduite de gaz fait trois blessés").is_incident
    assert not analyze("", "Bomb squads safely detonated a rusty shell found by a farmer, police said, describing it as a "
                           "routine job.").is_incident


def test_a_rebel_attack_in_french() -> None:
    assert incident_facts("Centrafrique : attaque rebelle contre la ville de Bambari").category is Category.ARMED_ATTACK


def test_a_one_line_look_back_in_french_is_no_alert() -> None:
    assert not analyze("", "Il y a cinq ans, l'attentat de Grand-Bassam endeuillait la Côte d'Ivoire").is_incident


def test_a_cinema_bombed_is_a_bombing() -> None:
    assert incident_facts("YUGOSLAVIA.  Croatian separatists bombed a cinema in Belgrade.").category is Category.BOMBING


def test_a_kick_off_is_no_coup() -> None:
    assert not analyze("", "Coup d'envoi de la CAN à Abidjan : la Côte d'Ivoire bat la Guinée-Bissau").is_incident


def test_french_strikes_on_a_camp_and_drone_waves_are_military() -> None:
    facts = incident_facts("Israël - Gaza : une frappe sur un camp de déplacés à Rafah fait des dizaines de morts")
    assert facts.category is Category.MILITARY and facts.city == "Rafah"
    assert incident_facts("Guerre en Ukraine : Kiev visée par une nouvelle vague de drones russes\nDes explosions ont retenti dans "
                  "la nuit dans la capitale ukrainienne, selon le maire.").category is Category.MILITARY


def test_a_french_headline_attack_with_its_toll_is_an_attack() -> None:
    assert incident_facts("Attaque de Grand-Bassam : au moins 16 morts (vidéo)").category is Category.ARMED_ATTACK


def test_an_airport_shut_by_a_crash_or_the_weather_is_no_alert() -> None:
    assert not analyze("", "A plane crash near Kathmandu airport killed 72; the airport was closed for hours.").is_incident
    assert not analyze("", "Hurricane forces evacuation of Miami Beach; airport closed.").is_incident


def test_a_camp_attacked_with_the_place_between() -> None:
    facts = incident_facts("Mali : le camp de la Minusma à Aguelhok attaqué au mortier")
    assert facts.category is Category.ARMED_ATTACK and facts.un_involved and facts.city == "Aguelhok"


def test_a_bus_machine_gunned_and_a_mine_in_french() -> None:
    assert incident_facts("Cameroun : un bus mitraillé près de Bamenda, quatre morts").category is Category.SHOOTING
    assert incident_facts("Niger : des soldats tués par une mine près de Diffa").category is Category.BOMBING


def test_french_violence_with_a_toll_and_police_firing_on_students_are_unrest() -> None:
    facts = incident_facts("Inde : des violences interreligieuses font cinq morts à Nuh, près de New Delhi")
    assert facts.category is Category.UNREST and facts.city == "Nuh"
    assert incident_facts("Bangladesh : la police tire sur des étudiants à Dacca, plusieurs morts").category is Category.UNREST


def test_a_facility_in_a_name_both_region_and_town_is_the_town() -> None:
    assert scene("Islamic State fighters attacked a prison in Hasakah, killing five guards.") \
        == ("SY", "Al Hasakah")


def test_a_dateline_named_like_its_state_is_the_city_when_no_other_country_is_named() -> None:
    assert scene("NEW YORK (AP) — A gunman wounded two people outside a Midtown Manhattan restaurant, police "
                  "said.") == ("US", "New York City")
    # a bureau's dateline is still not a scene abroad
    assert scene("WASHINGTON (AP) — A U.S. drone strike killed two al-Shabab militants near Jilib in southern Somalia, the "
                  "U.S. Africa Command said Tuesday.") == ("SO", "Jilib")


def test_a_distance_from_the_capital_does_not_make_the_capital_the_scene() -> None:
    assert scene("MOGADISHU (Reuters) - Al Shabaab fighters attacked a military base in Sabiid, about 40 km west of the "
                  "capital, officials said.") == ("SO", "Sabiid")


def test_an_unlisted_town_described_after_a_comma() -> None:
    assert scene("RDC : les rebelles du M23 s'emparent de Nyabiondo, localité du territoire de Masisi") == ("CD", "Nyabiondo")
