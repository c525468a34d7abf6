"""Where it happened, not every place named: common words, people, datelines."""
from __future__ import annotations

from bot.analysis import analyze


def test_nice_as_an_adjective_is_not_a_place() -> None:
    facts = analyze("Bomb blast in Kabul", "Nice weather did not keep people away when a bomb exploded in Kabul, Afghanistan.")
    assert (facts.city, facts.country) == ("Kabul", "AF")


def test_nice_the_city_is_found_with_its_country() -> None:
    facts = analyze("Truck attack in Nice", "A truck ploughed into crowds in Nice, France, killing 80 people.")
    assert (facts.city, facts.country) == ("Nice", "FR")


def test_mobile_phone_is_not_mobile_alabama() -> None:
    facts = analyze("Explosion in Lagos", "Mobile phone footage showed the explosion at a market in Lagos, Nigeria.")
    assert (facts.city, facts.country) == ("Lagos", "NG")


def test_paris_hilton_is_a_person() -> None:
    facts = analyze("Gunmen attack hotel", "Paris Hilton cancelled her show after gunmen attacked a hotel in Bamako.")
    assert (facts.city, facts.country) == ("Bamako", "ML")


def test_jordan_the_person_is_not_the_country() -> None:
    facts = analyze("Shooting in Chicago", "Michael Jordan condemned the shooting in Chicago, Illinois, that killed three people.")
    assert facts.country == "US"


def test_dateline_places_the_story() -> None:
    facts = analyze("Gunmen storm hotel", "BAMAKO, Mali (AP) — Gunmen stormed a hotel on Friday, taking guests hostage.")
    assert (facts.city, facts.country) == ("Bamako", "ML")


def test_country_beside_city_disambiguates_tripoli() -> None:
    assert analyze("Clashes", "Clashes erupted in Tripoli, Lebanon, leaving two dead.").country == "LB"
    assert analyze("Clashes", "Militias clashed in Tripoli, Libya, near Mitiga airport.").country == "LY"


def test_region_only_gives_country_without_city() -> None:
    facts = analyze("Attack in Borno", "Boko Haram fighters attacked villages in Borno State, Nigeria, killing 20.")
    assert facts.country == "NG"
    assert facts.city is None


def test_french_text_is_located() -> None:
    facts = analyze("Attentat à Ouagadougou", "Une attaque terroriste a visé l'état-major des armées à Ouagadougou, au Burkina Faso.")
    assert (facts.city, facts.country) == ("Ouagadougou", "BF")
    assert facts.language == "fr"


def test_capital_named_by_demonym() -> None:
    facts = analyze("", "Islamist militants carried out a deadly assault on the main U.N. compound in the Somali capital on Wednesday.")
    assert (facts.city, facts.country) == ("Mogadishu", "SO")
    assert facts.un_involved
