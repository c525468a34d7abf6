"""Where, which airport and whether the UN is hit, on leads written the ways news writes them."""
from __future__ import annotations

from bot.analysis import analyze


def where(text: str, title: str = "") -> tuple[str | None, str | None]:
    facts = analyze(title, text)
    return facts.city, facts.country


# -- city ---------------------------------------------------------------------------------------------------------


def test_a_named_district_of_a_city_is_that_city() -> None:
    assert where("A suicide bomber blew himself up in the Shor Bazaar district of Kabul, killing seven people.") == \
        ("Kabul", "AF")


def test_a_suburb_is_still_the_scene() -> None:
    assert where("Gunmen opened fire on worshippers at a mosque in the Paris suburb of Saint-Denis on Friday, wounding "
                 "three people.") == ("Saint-Denis", "FR")


def test_a_town_placed_by_its_distance_from_a_city_is_the_town() -> None:
    assert where("Gunmen killed 12 people in Baga, a town 180 km north of Maiduguri, residents said.") == ("Baga", "NG")


def test_a_small_town_named_as_the_scene_needs_no_country() -> None:
    assert where("Gunmen kidnapped three aid workers in the town of Dadaab near the Somali border on Tuesday.") == \
        ("Dadaab", "KE")
    assert where("Des hommes armés ont attaqué une position de l'armée, tuant six soldats.", title="Attaque à Ménaka") == \
        ("Ménaka", "ML")


def test_a_french_town_placed_in_a_part_of_the_country() -> None:
    assert where("Une attaque a visé un camp militaire à Boulkessi, dans le nord du pays, faisant plusieurs morts, a "
                 "annoncé l'armée malienne.") == ("Boulkessi", "ML")


def test_a_town_placed_in_a_country_is_not_its_namesake_elsewhere() -> None:
    # Turkey has a Solhan; the text puts this one in Burkina Faso.
    assert where("Au moins 12 personnes ont été tuées dans une attaque à Solhan, dans le nord-est du Burkina Faso.") == \
        ("Solhan", "BF")
    assert where("Clashes broke out in Tripoli, Lebanon, between rival gunmen, killing three people.") == ("Tripoli", "LB")


def test_an_unlisted_town_beside_a_department_or_a_border() -> None:
    assert where("COLOMBIA. Guerrillas of the FARC bombed a pipeline near Saravena, Arauca department.") == \
        ("Saravena", "CO")
    assert where("Gunmen killed four soldiers in an attack on an army post in Inates, near the border with Mali, "
                 "Niger's defence ministry said.") == ("Inates", "NE")


def test_a_bureau_dateline_gives_way_to_a_part_of_its_country() -> None:
    assert where("BAMAKO (Reuters) - Islamist militants attacked an army base in central Mali on Sunday, killing 10 "
                 "soldiers.") == (None, "ML")


# -- airports -----------------------------------------------------------------------------------------------------


def test_an_airport_by_its_common_short_name() -> None:
    facts = analyze("", "A grenade exploded at Jomo Kenyatta airport on Monday, injuring two police officers.")
    assert (facts.country, facts.airports) == ("KE", ("NBO",))
    assert analyze("", "Unidentified gunmen attacked Kismayo airport on Monday.").airports == ("KMU",)


def test_a_diversion_names_the_airport_it_went_to() -> None:
    assert analyze("", "A passenger plane was diverted to Entebbe after a bomb threat, Ugandan officials said.").airports == \
        ("EBB",)
    assert analyze("", "Un avion a été dérouté vers Abidjan après une alerte à la bombe.").airports == ("ABJ",)


def test_a_trip_or_a_bus_terminal_is_no_airport() -> None:
    assert analyze("", "The president flew to Paris on Tuesday after gunmen killed five soldiers in northern Mali.").airports == ()
    assert analyze("", "PAKISTAN.  A bomb went off in the main bus terminal of Peshawar, wounding 13 people.").airports == ()


def test_a_security_closure_of_a_named_airport_is_an_incident() -> None:
    facts = analyze("", "Security forces closed Goma airport as M23 rebels advanced on the city.")
    assert facts.is_incident and facts.airports == ("GOM",)


# -- UN -----------------------------------------------------------------------------------------------------------


def test_un_people_and_places_hit() -> None:
    assert analyze("", "Attaque contre un camp de la Minusca à Kaga-Bandoro : un casque bleu tué.").un_involved
    assert analyze("", "Gunmen killed a World Food Programme driver in Darfur.").un_involved
    assert analyze("", "Fighting forced the United Nations to evacuate staff from Juba.").un_involved
    assert analyze("", "UN peacekeepers came under fire in Bangui on Tuesday, the mission said.").un_involved
    assert analyze("", "Peacekeepers from the UN mission in Mali were attacked near Gao.").un_involved
    assert analyze("", "Tank shells hit a UNRWA-run school in Beit Hanoun, killing 15 people sheltering there.").un_involved


def test_the_un_speaking_is_not_the_un_hit() -> None:
    assert not analyze("", "Gunmen killed 20 people in Tillaberi, according to UN humanitarian agency OCHA.").un_involved
    assert not analyze("", "Clashes in Tripoli killed 30 people, the UN mission in Libya said.").un_involved
    assert not analyze("", "The UN mission in South Sudan condemned the attack on civilians in Malakal that killed 18 "
                           "people.").un_involved


# -- what happened ------------------------------------------------------------------------------------------------


def test_figurative_fire_and_attacks_are_not_incidents() -> None:
    assert not analyze("", "The finance minister came under fire over his budget remarks on Tuesday.").is_incident
    assert not analyze("", "The president's plan was attacked by opposition lawmakers in parliament.").is_incident
    assert not analyze("", "A tourist was killed in a shark attack off Sharm el-Sheikh on Sunday.").is_incident
