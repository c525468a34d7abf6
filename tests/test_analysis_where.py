"""Where it happened when the text's places disagree: landmarks to measure from, where people live,
governments speaking, foreign states acting, and the capital a reader infers. Made-up texts."""
from __future__ import annotations

from bot.analysis import analyze


def test_a_place_to_measure_from_is_not_the_scene() -> None:
    facts = analyze("", "Militants attacked a checkpoint in Samarra, 125 km north of Baghdad, killing four police officers.")
    assert facts.country == "IQ"
    assert facts.lat is not None and abs(facts.lat - 34.2) < 0.2  # Samarra (GeoNames spells it Sāmarrā’), not Baghdad


def test_where_someone_lives_is_not_the_scene() -> None:
    facts = analyze("Bombardements à Kharkiv",
                    "Les explosions ont réveillé Olena dans son appartement à Kharkiv. Sa sœur, qui vit à Moscou, ne la croit pas.")
    assert (facts.city, facts.country) == ("Kharkiv", "UA")


def test_a_capital_speaking_for_its_government_is_not_the_scene() -> None:
    facts = analyze("", "Moscow condemned the shelling of a market in Donetsk, in eastern Ukraine, which killed six people.")
    assert facts.city == "Donetsk"


def test_a_big_city_by_its_french_name_names_its_country() -> None:
    facts = analyze("", "Un homme armé a ouvert le feu dans une gare de Londres, faisant deux blessés, selon la police.")
    assert (facts.city, facts.country) == ("London", "GB")


def test_another_countrys_alternate_name_loses_to_the_country_named() -> None:
    facts = analyze("", "Jihadists ambushed an army convoy near the village of Boni in central Mali on Monday, killing four soldiers.")
    assert facts.country == "ML"
    assert facts.city == "Boni"
    assert facts.lat is None  # no gazetteer lists it: a name, not a guess at coordinates


def test_a_landmark_names_its_city() -> None:
    facts = analyze("", "A van ploughed into pedestrians on Las Ramblas on Thursday afternoon, killing 13 people.")
    assert (facts.city, facts.country) == ("Barcelona", "ES")


def test_an_embassy_attack_is_in_the_capital_when_no_city_is_named() -> None:
    facts = analyze("", "PERU.  A bomb exploded outside the Chilean embassy, damaging the building.  No one was hurt.")
    assert (facts.city, facts.country) == ("Lima", "PE")


def test_a_coup_detaining_the_president_is_in_the_capital() -> None:
    facts = analyze("Mutiny in Burkina Faso", "Soldiers in Burkina Faso detained the president overnight after gunfire near several barracks.")
    assert (facts.city, facts.country) == ("Ouagadougou", "BF")


def test_no_city_named_gives_no_city() -> None:
    facts = analyze("", "Militants attacked an army post in northern Mali, killing three soldiers, the army said.")
    assert facts.country == "ML"
    assert facts.city is None


def test_an_armed_group_hints_at_its_country_when_nothing_else_does() -> None:
    facts = analyze("", "Boko Haram fighters killed twelve villagers in an overnight raid, residents said.")
    assert facts.country == "NG"
    assert facts.city is None


def test_a_foreign_states_officials_are_not_the_scene() -> None:
    facts = analyze("", "United States officials said on Monday that heavy fighting raged in northern Syria "
                        "as troops advanced on a Kurdish-held town.")
    assert facts.country == "SY"


def test_an_institution_named_after_a_word_is_no_town() -> None:
    facts = analyze("", "A man fired shots at a car near the University of Minnesota campus, injuring two people.")
    assert facts.city != "University"


def test_a_named_suburb_is_the_scene() -> None:
    facts = analyze("", "A gunman shot four people at a car wash in the Pinewick suburb of Harlan Township in Ohio.")
    assert facts.city == "Pinewick"


def test_french_mosque_of_a_village_names_the_village() -> None:
    facts = analyze("", "Des hommes armés ont attaqué la mosquée de Tiguila, dans le nord du Burkina Faso, faisant dix morts.")
    assert (facts.city, facts.country) == ("Tiguila", "BF")


def test_a_county_named_for_its_town_beats_the_dateline() -> None:
    facts = analyze("", "NAIROBI, Kenya (AP) — Gunmen attacked a police post in Garissa County in eastern Kenya on Monday, "
                        "killing four officers, an official said.")
    assert (facts.city, facts.country) == ("Garissa", "KE")


def test_a_province_named_for_its_town_when_no_town_is_named() -> None:
    facts = analyze("", "A roadside bomb killed three soldiers in Kandahar province on Tuesday, officials said.")
    assert facts.country == "AF"
    assert facts.lat is not None and abs(facts.lat - 31.6) < 0.2  # Kandahar (GeoNames spells it Kandahār)


def test_israeli_forces_at_work_point_to_the_palestinian_territories() -> None:
    facts = analyze("", "Israeli troops shot dead a man during a raid on a refugee camp overnight, medics said.")
    assert facts.country == "PS"


def test_israeli_forces_in_a_named_israeli_city_stay_in_israel() -> None:
    facts = analyze("", "A gunman opened fire on Israeli soldiers at a bus station in Tel Aviv, wounding three.")
    assert facts.country == "IL"


def test_a_bureau_dateline_gives_way_to_the_part_of_the_country_the_lead_names() -> None:
    """A user watching Kinshasa must not get an attack 1,500 km away in the east; the country is still right."""
    for text, country in [
        ("KINSHASA (Reuters) — Rebels killed 12 villagers in an attack in the east of the Democratic Republic of Congo "
         "on Sunday, the army said.", "CD"),
        ("YAOUNDE (Reuters) - Boko Haram fighters killed 9 people in the far north of Cameroon overnight, officials "
         "said.", "CM"),
    ]:
        facts = analyze("", text)
        assert (facts.city, facts.country) == (None, country)
    assert analyze("", "KINSHASA (Reuters) - Gunmen killed 12 people in Kinshasa on Sunday.").city == "Kinshasa"


def test_an_english_report_s_spelling_of_its_city_is_shown() -> None:
    """Alerts read "Ar Raqqah", "Darnah", "Jabalya": GeoNames' transliterations, not the names the news uses."""
    cases = [("An air strike on a market in Raqqa killed 12 civilians, activists said.", "Raqqa", "SY"),
             ("Gunmen attacked a checkpoint in Derna, eastern Libya, killing three soldiers.", "Derna", "LY"),
             ("Israeli strikes on Jabalia refugee camp in Gaza killed at least 20 people.", "Jabalia", "PS")]
    for text, city, country in cases:
        facts = analyze("", text)
        assert (facts.city, facts.country) == (city, country), text
        assert facts.geonameid is not None  # still the gazetteer's city, with its coordinates


def test_the_city_s_own_name_is_kept_for_a_french_report_an_article_or_capitals() -> None:
    """French spellings stay out of English alerts; "Al Mukalla" is Mukalla with its article; a dateline in capitals
    says nothing of the spelling."""
    assert analyze("", "Une frappe aérienne a tué 12 civils sur un marché d'Alep, selon une ONG.").city == "Aleppo"
    assert analyze("", "A suicide bomber killed 15 army recruits in Al Mukalla on Sunday, officials said.").city == "Mukalla"
    dateline = analyze("", "RAQQA, Syria (Reuters) - An air strike on a market killed 12 civilians on Tuesday, activists said.")
    assert dateline.country == "SY" and dateline.city is not None and not dateline.city.isupper()


def test_a_town_near_the_capital_is_the_scene_not_the_capital() -> None:
    """"Gunfire heard at military camp in Kati near Mali's capital" was placed in Bamako, 15 km away."""
    assert analyze("", "Gunfire heard at military camp in Kati near Mali's capital").city == "Kati"
    assert analyze("", "Bombing in Afgooye near Somalia's capital kills 5").city == "Afgooye"
    # the capital is still the best a text naming no town gives ("near X", X the only place named)
    assert analyze("", "Gunfire heard at a military camp near Mali's capital").city == "Bamako"


def test_the_capital_is_where_the_government_and_embassies_are() -> None:
    """"The French embassy in Côte d'Ivoire" was placed in Yamoussoukro, the official capital, 230 km from Abidjan,
    where the embassies and the government are (and "the Bolivian capital" in Sucre, not La Paz)."""
    assert analyze("", "Gunmen attacked the French embassy in Cote d'Ivoire, killing a guard.").city == "Abidjan"
    assert analyze("", "Protesters clashed with police in the Bolivian capital on Monday.").city == "La Paz"
    assert analyze("", "Des manifestants ont affronté la police dans la capitale béninoise.").city == "Cotonou"
    assert analyze("", "Clashes in Yamoussoukro, the Ivorian political capital, left two dead.").city == "Yamoussoukro"
